/**
 * Removes running headers, footers and page numbers: the same line, digits aside, in the top or bottom margin of most
 * pages, and "- 3 -", "第3页 共12页", "3/12" at a page's top or bottom. Example: "2024年政府工作报告" atop every page → gone.
 */
import type { Line } from './pdf-layout.model.ts';
import type { PdfPage } from './pdf-pages.ts';

/** Share of the page height at the top and bottom where running headers, footers and page numbers sit. */
const MARGIN_SHARE = 0.12;

const PAGE_NUMBER =
  /^[-—–_·\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–_·\s]*$|^page\s+\d+(\s+of\s+\d+)?$|^[-—–]\s*[ivxlc]+\s*[-—–]$/i;

/**
 * Removes running headers and footers (the same line, digits aside, in the top or bottom margin of at least half the
 * pages, at least two) and page numbers ("- 3 -", "第3页 共12页", "3/12") at the top or bottom of a page.
 */
export function removeRunningLines(pages: readonly PdfPage[], pageLines: Line[][]): void {
  const keyCounts = new Map<string, number>();
  const marginKeys = pageLines.map((lines, index) => {
    const page = pages[index] as PdfPage;
    const keys = new Set<string>();
    for (const line of lines) {
      const zone = marginZone(page, line);
      if (zone) keys.add(`${zone}:${lineKey(line)}`);
    }
    for (const key of keys) keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
    return keys;
  });
  const pagesWithText = pageLines.filter((lines) => lines.length > 0).length;
  pageLines.forEach((lines, index) => {
    const page = pages[index] as PdfPage;
    const keys = marginKeys[index] as Set<string>;
    const first = lines[0];
    const last = lines[lines.length - 1];
    const kept = lines.filter((line) => {
      const zone = marginZone(page, line);
      if (!zone) return true;
      const count = keyCounts.get(`${zone}:${lineKey(line)}`) ?? 0;
      if (keys.size > 0 && pagesWithText >= 2 && count >= 2 && count >= pagesWithText / 2) return false;
      const text = line.fragments.map((fragment) => fragment.text).join(' ').trim();
      if ((line === first || line === last) && PAGE_NUMBER.test(text)) return false;
      return true;
    });
    lines.splice(0, lines.length, ...kept);
  });
}

function marginZone(page: PdfPage, line: Line): 'top' | 'bottom' | undefined {
  if (page.height <= 0) return undefined;
  if (line.y >= page.height * (1 - MARGIN_SHARE)) return 'top';
  if (line.y <= page.height * MARGIN_SHARE) return 'bottom';
  return undefined;
}

function lineKey(line: Line): string {
  return line.fragments
    .map((fragment) => fragment.text)
    .join('')
    .replace(/\s+/g, '')
    .replace(/\d+/g, '#');
}
