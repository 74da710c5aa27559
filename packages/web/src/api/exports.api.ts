/** The export downloads the server offers, as links for a region. Example: listExportLinks('630105') → ['/api/exports/commitments.csv?region=630105', …]. */
import { getJson } from './http.client.ts';

interface OpenApiParameter {
  name: string;
  in: string;
  schema?: { enum?: string[] };
}

/**
 * The export downloads the server offers, read from its OpenAPI document: every /api/exports path with its path
 * parameters filled in (enumerated values each, the region from the page), so the page lists only what exists.
 * Example: '/api/exports/{dataset}.{format}' → '/api/exports/commitments.csv', … '/api/exports/budget-lines.json'.
 */
export async function listExportLinks(regionCode: string): Promise<string[]> {
  const openapi = await getJson<{ paths: Record<string, { get?: { parameters?: OpenApiParameter[] } }> }>('/api/openapi.json');
  const links: string[] = [];
  for (const [path, item] of Object.entries(openapi.paths)) {
    if (!path.startsWith('/api/exports') || !item.get) continue;
    let expanded = [path];
    for (const parameter of (item.get.parameters ?? []).filter((candidate) => candidate.in === 'path')) {
      const values = parameter.name === 'region' ? [regionCode] : (parameter.schema?.enum ?? []);
      expanded = expanded.flatMap((partial) => values.map((value) => partial.replace(`{${parameter.name}}`, encodeURIComponent(value))));
    }
    links.push(...expanded.filter((link) => !link.includes('{')));
  }
  return links;
}
