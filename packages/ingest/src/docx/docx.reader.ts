/**
 * Reads a DOCX from its word/document.xml: paragraphs and headings one a line, tables as rows and cells, every
 * character mapped to its paragraph (each w:p in document order, counted from 0) and its offset in that paragraph.
 * Example: <w:p><w:r><w:t>支出</w:t></w:r><w:r><w:t>21.98亿元</w:t></w:r></w:p> → "支出21.98亿元".
 */
import * as cheerio from 'cheerio';
import type { Problem, Table } from '@duixian/core';
import { TextBuilder, type SourceRange } from '../offset-map.ts';
import type { ReaderResult } from '../reader-result.ts';
import { ReaderError } from '../reader-error.ts';
import { TableRecorder, captionBefore } from '../table-recorder.ts';
import { listZipEntries, readZipEntry, ZipError } from './zip-archive.ts';
import { DocxNumbering } from './docx-numbering.ts';
import { checkNestingDepth } from '../nesting-depth.ts';

interface XmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: XmlNode[];
}

/** Why a DOCX could not be read. */
export class DocxError extends ReaderError<'truncated' | 'corrupt' | 'not-docx'> {
  override readonly name = 'DocxError';
}

const MAX_XML_BYTES = 200 * 1024 * 1024;

/** True when the ZIP's directory names word/document.xml. */
export function isDocxArchive(bytes: Uint8Array): boolean {
  try {
    return listZipEntries(bytes).some((entry) => entry.name === 'word/document.xml');
  } catch {
    return false;
  }
}

export function readDocx(bytes: Uint8Array): ReaderResult {
  let xml: string;
  const problems: Problem[] = [];
  let numbering: DocxNumbering;
  try {
    const entries = listZipEntries(bytes);
    const part = (name: string): string | undefined => {
      const entry = entries.find((candidate) => candidate.name === name);
      return entry ? new TextDecoder('utf-8').decode(readZipEntry(bytes, entry, MAX_XML_BYTES)) : undefined;
    };
    const document = part('word/document.xml');
    if (document === undefined) throw new DocxError('not-docx', 'the archive has no word/document.xml');
    xml = document;
    try {
      numbering = DocxNumbering.parse(part('word/numbering.xml'), part('word/styles.xml'));
    } catch (error) {
      // Without its numbering the text is still worth reading.
      numbering = DocxNumbering.parse(undefined, undefined);
      problems.push({ code: 'docx-numbering-unreadable', message: `自动编号无法读取，编号已略去 / the automatic numbering could not be read and was left out: ${(error as Error).message}` });
    }
  } catch (error) {
    if (error instanceof ZipError) throw new DocxError(error.reason, error.message);
    throw error;
  }
  if (!/<w:document[\s>]/.test(xml) || !/<\/w:document>\s*$/.test(xml)) throw new DocxError('corrupt', 'word/document.xml is not a complete WordprocessingML document');
  // Before parsing: the parser slows down with depth and the reader below recurses (NestingError past the limit).
  checkNestingDepth(xml, 'xml');
  const $ = cheerio.load(xml, { xml: true });
  const body = $('w\\:body')[0] as unknown as XmlNode | undefined;
  if (!body) throw new DocxError('corrupt', 'word/document.xml has no w:body');
  const reader = new DocxBodyReader(numbering, problems);
  reader.readBlocks(body);
  return reader.finish();
}

interface Piece {
  text: string;
  source: SourceRange;
}

class DocxBodyReader {
  private readonly builder = new TextBuilder('docx');
  private readonly tables: Table[] = [];
  private paragraphCount = 0;

  constructor(
    private readonly numbering: DocxNumbering,
    private readonly problems: Problem[],
  ) {}

  readBlocks(node: XmlNode): void {
    for (const child of node.children ?? []) {
      if (child.type !== 'tag') continue;
      if (child.name === 'w:p') {
        const { pieces, textBoxes } = this.paragraphPieces(child);
        if (pieces.some((piece) => piece.text.trim().length > 0)) {
          if (this.builder.offset > 0 && this.builder.lastChar !== '\n') this.builder.appendSeparator('\n');
          for (const piece of pieces) this.builder.append(piece.text, piece.source);
          this.builder.appendSeparator('\n');
        }
        // Text boxes anchored in the paragraph come after it, as paragraphs of their own.
        for (const box of textBoxes) {
          if (typeof box === 'number') this.paragraphCount += box;
          else this.readBlocks(box);
        }
      } else if (child.name === 'w:tbl') {
        this.readTable(child);
      } else if (child.name === 'w:sdt' || child.name === 'w:sdtContent' || child.name === 'w:customXml' || child.name === 'w:ins') {
        this.readBlocks(child);
      }
    }
  }

  finish(): ReaderResult {
    this.builder.trimTrailingSeparator();
    const { text, offsetMap } = this.builder.finish();
    return { text, offsetMap, tables: this.tables, problems: this.problems };
  }

  /**
   * The text of one paragraph as pieces: its automatic number ("一、", mapped to the paragraph's start), w:t text,
   * w:tab as a tab, w:br as a line break.
   */
  private paragraphPieces(paragraph: XmlNode): { pieces: Piece[]; textBoxes: (XmlNode | number)[] } {
    const index = this.paragraphCount;
    this.paragraphCount += 1;
    const pieces: Piece[] = [];
    // Text boxes to read after this paragraph, in document order; a number is a count of paragraphs to pass over
    // (the copy of a text box Word keeps in mc:Fallback for old readers).
    const textBoxes: (XmlNode | number)[] = [];
    const label = this.numbering.labelFor(childrenNamed(paragraph, 'w:pPr')[0]);
    let offset = 0;
    const push = (text: string): void => {
      if (text.length === 0) return;
      pieces.push({ text, source: { kind: 'docx', paragraph: index, start: offset, end: offset + text.length } });
      offset += text.length;
    };
    const visit = (node: XmlNode): void => {
      for (const child of node.children ?? []) {
        if (child.type !== 'tag') continue;
        switch (child.name) {
          case 'w:t':
            push(textOf(child));
            break;
          case 'w:tab':
          case 'w:ptab':
            push('\t');
            break;
          case 'w:br':
          case 'w:cr':
            push('\n');
            break;
          case 'w:noBreakHyphen':
            push('-');
            break;
          case 'w:delText':
          case 'w:instrText':
          case 'w:del':
          case 'w:moveFrom':
          case 'w:pPr':
          case 'w:rPr':
          case 'w:footnoteReference':
            break;
          case 'w:txbxContent':
            textBoxes.push(child);
            break;
          case 'mc:Fallback':
            textBoxes.push(countParagraphs(child));
            break;
          default:
            visit(child);
        }
      }
    };
    visit(paragraph);
    if (label !== undefined && pieces.some((piece) => piece.text.trim().length > 0)) {
      pieces.unshift({ text: label, source: { kind: 'docx', paragraph: index, start: 0, end: 0 } });
    }
    return { pieces, textBoxes };
  }

  private readTable(table: XmlNode): void {
    if (this.builder.offset > 0 && this.builder.lastChar !== '\n') this.builder.appendSeparator('\n');
    const caption = captionBefore(this.builder.finish().text);
    const recorder = new TableRecorder(this.builder);
    for (const row of childrenNamed(table, 'w:tr')) {
      recorder.startRow();
      for (const cell of childrenNamed(row, 'w:tc')) {
        const properties = childrenNamed(cell, 'w:tcPr')[0];
        const span = Number.parseInt(childrenNamed(properties, 'w:gridSpan')[0]?.attribs?.['w:val'] ?? '1', 10);
        const merge = childrenNamed(properties, 'w:vMerge')[0];
        const continuesMerge = merge !== undefined && merge.attribs?.['w:val'] !== 'restart';
        const pieces: Piece[] = [];
        this.collectCellPieces(cell, pieces);
        recorder.addCell(continuesMerge ? [] : pieces);
        for (let extra = 1; extra < Math.min(Number.isFinite(span) ? span : 1, 50); extra += 1) recorder.addCell([]);
      }
      recorder.endRow();
    }
    const result = recorder.finish(`table-${this.tables.length + 1}`, caption);
    if (result) this.tables.push(result);
  }

  /** A cell's paragraphs (and any nested table's) joined by a space, each still mapped to its own paragraph. */
  private collectCellPieces(node: XmlNode, into: Piece[]): void {
    for (const child of node.children ?? []) {
      if (child.type !== 'tag') continue;
      if (child.name === 'w:p') {
        const { pieces, textBoxes } = this.paragraphPieces(child);
        if (pieces.length > 0) {
          if (into.length > 0) {
            const first = pieces[0] as Piece;
            into.push({ text: ' ', source: { ...first.source, end: first.source.start } as SourceRange });
          }
          into.push(...pieces);
        }
        for (const box of textBoxes) {
          if (typeof box === 'number') this.paragraphCount += box;
          else this.collectCellPieces(box, into);
        }
      } else if (child.name !== 'w:tcPr') {
        this.collectCellPieces(child, into);
      }
    }
  }
}

function countParagraphs(node: XmlNode): number {
  let count = 0;
  for (const child of node.children ?? []) {
    if (child.type !== 'tag') continue;
    if (child.name === 'w:p') count += 1;
    count += countParagraphs(child);
  }
  return count;
}

function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return (node?.children ?? []).filter((child) => child.type === 'tag' && child.name === name);
}

function textOf(node: XmlNode): string {
  return (node.children ?? []).map((child) => (child.type === 'text' ? (child.data ?? '') : '')).join('');
}
