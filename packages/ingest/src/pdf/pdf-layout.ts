/**
 * Turns the positioned text items of PDF pages into reading-order text: lines by baseline, two-column pages read
 * column by column, running headers, footers and page numbers left out, tables as rows and cells, and lines broken
 * inside a sentence joined. Example: two lines "全年将87.8%的支出用于保障" / "民生，支出占比提高了4.8个百分点。" →
 * "全年将87.8%的支出用于保障民生，支出占比提高了4.8个百分点。".
 */
import type { Problem } from '@duixian/core';
import type { ReaderResult } from '../reader-result.ts';
import { writeBlocks } from './pdf-blocks.writer.ts';
import type { Block } from './pdf-layout.model.ts';
import { buildLines } from './pdf-lines.builder.ts';
import type { PdfPage } from './pdf-pages.ts';
import { orderPage } from './pdf-reading-order.ts';
import { removeRunningLines } from './running-lines.remover.ts';

/** Lays out the pages and writes the text, offset map and tables. */
export function layoutPdfPages(pages: readonly PdfPage[]): ReaderResult {
  const problems: Problem[] = [];
  const pageLines = pages.map((page) => {
    if (page.error) problems.push({ code: 'pdf-page-unreadable', message: `第${page.number}页无法读取 / page ${page.number} could not be read: ${page.error}` });
    return buildLines(page);
  });
  removeRunningLines(pages, pageLines);
  const blocks: Block[] = [];
  pages.forEach((page, index) => blocks.push(...orderPage(page, pageLines[index] ?? [])));
  return writeBlocks(blocks, problems);
}
