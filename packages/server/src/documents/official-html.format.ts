/**
 * The printable page around a 督办单 or 通报: an A4 sheet with the 公文 margins and fonts (official-typography.ts),
 * the 红头 and, when given, the document number over the red rule. Example: `renderOfficialPage({ title: '…', issuer:
 * '城北区人民政府督查室', number: '城北督〔2024〕12号', body: '<p>…</p>' })` → '<!doctype html>…'.
 */
import { escapeXml } from '../infographic/livelihood-infographic.renderer.ts';
import { CAPTIONS } from './official-wording.ts';
import { officialPageCss, type CellText } from './official-typography.ts';

export const escapeHtml = escapeXml;

/** One table: header cells, then rows of cells. */
export function renderTable(headers: readonly string[], rows: readonly (readonly CellText[])[]): string {
  const cell = (value: CellText) =>
    typeof value === 'string' ? `<td>${escapeHtml(value)}</td>` : `<td class="${value.number ? 'number' : 'nowrap'}">${escapeHtml(value.text)}</td>`;
  return [
    '<div class="table-scroll"><table>',
    `<thead><tr>${headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('')}</tbody>`,
    '</table></div>',
  ].join('');
}

export function renderOfficialPage(page: { title: string; issuer: string; number?: string; body: string }): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${officialPageCss()}</style>
</head>
<body>
<div class="print-bar">${escapeHtml(CAPTIONS.printHint)}</div>
<main class="sheet">
<p class="issuer">${escapeHtml(page.issuer)}</p>
${page.number ? `<p class="doc-number flush">${escapeHtml(page.number)}</p>` : ''}
<hr class="red-rule">
<h1>${escapeHtml(page.title)}</h1>
${page.body}
</main>
</body>
</html>
`;
}
