/**
 * The look of an official document (公文, after GB/T 9704-2012 as far as a generated file can follow it), shared by the
 * Word and the printable HTML forms: A4, margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; the title in
 * 方正小标宋 (二号, 22 pt), headings in 黑体 (三号, 16 pt), the body in 仿宋_GB2312 (三号, 16 pt) on a fixed line of
 * about 28.9 pt (22 lines a page). Example: `HTML_FONTS.body` → '"仿宋_GB2312", "FangSong_GB2312", "仿宋", …'.
 */

/** Page margins in millimetres (GB/T 9704 7.1: 天头 37 mm, 订口 28 mm; the rest of the 156 × 225 mm type area). */
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/** Sizes in points: 二号 22, 三号 16, 四号 14, 小四 12. */
export const SIZES_PT = { title: 22, heading: 16, body: 16, table: 12, small: 14 } as const;

/** A fixed line of 28.95 pt gives the standard's 22 lines on the type area. */
export const LINE_PT = 28.95;

/** 红头 and the rule under the document number: the red of 公文. */
export const OFFICIAL_RED = 'C00000';

/** Word names one font per script; a machine without it substitutes its nearest (Word, WPS and LibreOffice do). */
export const DOCX_FONTS = { title: '方正小标宋简体', heading: '黑体', body: '仿宋_GB2312', latin: 'Times New Roman' } as const;

/**
 * CSS font stacks: the 公文 fonts where the machine has them, else the Noto CJK fonts this server's machine has (Serif
 * for the title, Sans — the nearest to 黑体 — for headings; Serif for the body when present, Sans otherwise).
 */
export const HTML_FONTS = {
  title: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "华文中宋", "STZhongsong", "Noto Serif CJK SC", "Noto Sans CJK SC", serif',
  heading: '"黑体", "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif',
  body: '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Noto Sans CJK SC", serif',
} as const;

/** A table cell of either form: text, or text that is a number (aligned right) or a date (kept on one line). */
export type CellText = string | { readonly text: string; readonly number?: true; readonly nowrap?: true };

/** Millimetres to twentieths of a point (Word's twips). */
export function mmToTwips(mm: number): number {
  return Math.round((mm / 25.4) * 1440);
}

/** The CSS both printable pages share: A4 at the 公文 margins when printed, a sheet of paper on screen, fluid on a phone. */
export function officialPageCss(): string {
  return `
@page { size: A4; margin: ${MARGINS_MM.top}mm ${MARGINS_MM.right}mm ${MARGINS_MM.bottom}mm ${MARGINS_MM.left}mm; }
* { box-sizing: border-box; }
html { background: #e9e9e9; }
body { margin: 0; font-family: ${HTML_FONTS.body}; font-size: ${SIZES_PT.body}pt; line-height: ${LINE_PT}pt; color: #000; }
.sheet { background: #fff; width: 210mm; min-height: 297mm; margin: 12px auto; padding: ${MARGINS_MM.top}mm ${MARGINS_MM.right}mm ${MARGINS_MM.bottom}mm ${MARGINS_MM.left}mm; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
.issuer { font-family: ${HTML_FONTS.title}; color: #${OFFICIAL_RED}; font-size: 30pt; line-height: 1.4; text-align: center; text-indent: 0; letter-spacing: 2pt; margin: 0; text-wrap: balance; }
.doc-number { text-align: center; margin: 12pt 0 0; }
.red-rule { border: 0; border-top: 2px solid #${OFFICIAL_RED}; margin: 6pt 0 24pt; }
h1 { font-family: ${HTML_FONTS.title}; font-size: ${SIZES_PT.title}pt; line-height: 1.5; font-weight: normal; text-align: center; margin: 0 0 ${LINE_PT}pt; text-wrap: balance; }
h2 { font-family: ${HTML_FONTS.heading}; font-size: ${SIZES_PT.heading}pt; font-weight: normal; margin: ${LINE_PT / 2}pt 0 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.addressee, p.flush { text-indent: 0; }
p.signature, p.date { text-align: right; text-indent: 0; padding-right: 4em; }
table { width: 100%; border-collapse: collapse; font-size: ${SIZES_PT.table}pt; line-height: 1.5; margin: 6pt 0 12pt; }
th, td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; }
th { font-family: ${HTML_FONTS.heading}; font-weight: normal; text-align: center; white-space: nowrap; }
td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
figure { margin: 6pt 0 12pt; text-align: center; }
figure svg { max-width: 100%; height: auto; }
.print-bar { text-align: center; font-family: system-ui, sans-serif; font-size: 14px; line-height: 1.5; padding: 8px; }
.print-bar button { font-size: 14px; padding: 6px 16px; }
@media screen and (max-width: 800px) {
  html { background: #fff; }
  body { font-size: 14pt; line-height: 1.75; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 16px; box-shadow: none; }
  .issuer { font-size: 22pt; }
  h1 { font-size: 18pt; }
  .table-scroll { overflow-x: auto; }
  /* On a phone a date kept on one line squeezes the task beside it to two characters a line. */
  td.nowrap { white-space: normal; }
}
@media print {
  html, body { background: #fff; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .print-bar { display: none; }
  tr, figure { break-inside: avoid; }
}`;
}
