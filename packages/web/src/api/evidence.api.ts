/** Evidence files (佐证材料): where they are uploaded and served, read from the OpenAPI document, and one upload. Example: uploadEvidence(file) → { kind: 'file', ref: 'e3b0…', label: '验收报告.pdf' }. */
import { getJson, upload } from './http.client.ts';

/** Where evidence files go, read once from the OpenAPI document: the POST path that stores evidence or files. */
let evidencePaths: Promise<{ upload: string; download: string | undefined }> | undefined;

export function findEvidencePaths(): Promise<{ upload: string; download: string | undefined }> {
  evidencePaths ??= getJson<{ paths: Record<string, { get?: unknown; post?: unknown }> }>('/api/openapi.json').then((openapi) => {
    const paths = Object.entries(openapi.paths);
    const upload = paths.find(([path, item]) => item.post && /^\/api\/(evidence|files)$/.test(path))?.[0] ?? '/api/evidence';
    const download = paths.find(([path, item]) => item.get && path.startsWith(`${upload}/{`))?.[0];
    return { upload, download };
  });
  return evidencePaths;
}

/** Stores one evidence file (by content hash on the server) and returns its reference for a progress update. */
export async function uploadEvidence(file: File): Promise<{ kind: 'file'; ref: string; label: string }> {
  const { upload: path } = await findEvidencePaths();
  const body = new FormData();
  body.set('file', file, file.name);
  const answer = await upload<{ ref?: string; sha256?: string; id?: string | number; label?: string }>(path, body, () => undefined);
  const ref = answer.ref ?? answer.sha256 ?? (answer.id !== undefined ? String(answer.id) : undefined);
  if (!ref) throw new Error(`${path} answered without a file reference`);
  return { kind: 'file', ref, label: answer.label ?? file.name };
}
