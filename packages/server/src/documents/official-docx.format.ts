/**
 * The Word form of a 督办单 or 通报 (the `docx` library): an A4 section at the 公文 margins, the body in 仿宋 三号 on
 * a fixed 28.95 pt line with a two-character first-line indent, the 红头 in red 小标宋 over a red rule, the title in
 * 小标宋 二号, headings in 黑体, tables in 小四 with a repeated header row, the page number — 1 — at the foot. Example: `await packOfficialDocx({ issuer:
 * '城北区人民政府督查室', number: '城北督〔2024〕12号', title: '…', blocks: [bodyParagraph('…')] })` → a DOCX Buffer.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { DOCX_FONTS, LINE_PT, MARGINS_MM, OFFICIAL_RED, SIZES_PT, mmToTwips, type CellText } from './official-typography.ts';

type Block = Paragraph | Table;

const font = (eastAsia: string) => ({ eastAsia, ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin });
const halfPoints = (points: number) => Math.round(points * 2);
const EXACT_LINE = { line: Math.round(LINE_PT * 20), lineRule: LineRuleType.EXACT } as const;
/** Two characters of 三号 (16 pt) = 640 twips: the first-line indent of a 公文 paragraph. */
const FIRST_LINE = SIZES_PT.body * 2 * 20;

function run(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ text, font: font(DOCX_FONTS.body), size: halfPoints(SIZES_PT.body), ...options });
}

/** A body paragraph: indented two characters, justified. */
export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({ children: [run(text)], indent: { firstLine: FIRST_LINE }, alignment: AlignmentType.JUSTIFIED, spacing: EXACT_LINE });
}

/** A line with no indent: the unit addressed (区住建局：). */
export function flushParagraph(text: string): Paragraph {
  return new Paragraph({ children: [run(text)], spacing: EXACT_LINE });
}

/** The issuing office or the date, at the right, four characters in from the margin. */
export function signatureParagraph(text: string): Paragraph {
  return new Paragraph({ children: [run(text)], alignment: AlignmentType.RIGHT, indent: { right: FIRST_LINE * 2 }, spacing: EXACT_LINE });
}

/** A first-level heading (一、总体情况) in 黑体. */
export function headingParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, { font: font(DOCX_FONTS.heading) })],
    indent: { firstLine: FIRST_LINE },
    spacing: EXACT_LINE,
    keepNext: true,
  });
}

/** A table across the type area with a header row repeated on each page. */
export function officialTable(headers: readonly string[], rows: readonly (readonly CellText[])[]): Table {
  const cellParagraph = (value: CellText, header = false) =>
    new Paragraph({
      children: [run(typeof value === 'string' ? value : value.text, { size: halfPoints(SIZES_PT.table), ...(header ? { font: font(DOCX_FONTS.heading) } : {}) })],
      alignment: header ? AlignmentType.CENTER : typeof value !== 'string' && value.number ? AlignmentType.RIGHT : AlignmentType.LEFT,
      spacing: { line: 300, lineRule: LineRuleType.AUTO },
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((header) => new TableCell({ children: [cellParagraph(header, true)] })) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value) => new TableCell({ children: [cellParagraph(value)] })) })),
    ],
  });
}

/** A chart: the SVG, with a PNG for Word processors that cannot show SVG. Sizes in pixels at 96 dpi. */
export function chartParagraph(chart: { svg: string; png: Buffer; width: number; height: number }): Paragraph {
  // The type area is 156 mm ≈ 590 px wide: a wider chart is scaled down to it.
  const scale = Math.min(1, 590 / chart.width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(chart.svg, 'utf8'),
        fallback: { type: 'png', data: chart.png },
        transformation: { width: Math.round(chart.width * scale), height: Math.round(chart.height * scale) },
      }),
    ],
  });
}

export async function packOfficialDocx(document: { issuer: string; number?: string; title: string; blocks: readonly Block[] }): Promise<Buffer> {
  const head: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run(document.issuer, { font: font(DOCX_FONTS.title), size: halfPoints(30), color: OFFICIAL_RED })],
      spacing: { line: 720, lineRule: LineRuleType.AT_LEAST },
    }),
    // The number sits centred just above the red rule (GB/T 9704 7.2.4, 7.2.6); without one the rule follows the 红头.
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: document.number ? [run(document.number)] : [],
      spacing: { ...EXACT_LINE, before: 240 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: OFFICIAL_RED, space: 4 } },
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run(document.title, { font: font(DOCX_FONTS.title), size: halfPoints(SIZES_PT.title) })],
      spacing: { before: 480, after: 480, line: 560, lineRule: LineRuleType.AT_LEAST },
    }),
  ];
  const doc = new Document({
    title: document.title,
    creator: document.issuer,
    styles: { default: { document: { run: { font: font(DOCX_FONTS.body), size: halfPoints(SIZES_PT.body) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(210), height: mmToTwips(297) },
            margin: { top: mmToTwips(MARGINS_MM.top), bottom: mmToTwips(MARGINS_MM.bottom), left: mmToTwips(MARGINS_MM.left), right: mmToTwips(MARGINS_MM.right) },
          },
        },
        // GB/T 9704 7.5: the page number in 4号 半角宋体 between two dashes, — 1 —.
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: halfPoints(SIZES_PT.small) })],
              }),
            ],
          }),
        },
        children: [...head, ...document.blocks],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
