import { describe, expect, it } from 'vitest';
import type { DocumentFigure } from '../../api/view-types.ts';
import { isMarkdownFile, markdownBlocks, type InlinePiece } from './document-markdown.ts';
import { segmentText } from './document-segments.ts';

/** A figure over the first occurrence of `written` in `text`. */
function figureAt(text: string, id: string, written: string): DocumentFigure {
  const start = text.indexOf(written);
  return { id, start, end: start + written.length, text: written, value: '1', unit: '%' };
}

const shown = (pieces: readonly InlinePiece[]) => pieces.map((piece) => piece.text).join('');

describe('markdownBlocks', () => {
  const text = '# 2024年政府工作报告\n\n## 一、**主要成绩**\n全年增长**52.8%**，占*全市*的87.8%。\n- 新建幼儿园3所\n1. 改造老旧小区12个\n';
  const figures = [figureAt(text, 'q1', '52.8%'), figureAt(text, 'q2', '87.8%'), figureAt(text, 'q3', '3所'), figureAt(text, 'q4', '12个')];
  const blocks = markdownBlocks(segmentText(text, figures));

  it('reads headings, paragraphs and list items without their markers', () => {
    expect(blocks.map((block) => [block.kind, shown(block.pieces)])).toEqual([
      ['heading', '2024年政府工作报告'],
      ['heading', '一、主要成绩'],
      ['paragraph', '全年增长52.8%，占全市的87.8%。'],
      ['item', '新建幼儿园3所'],
      ['item', '改造老旧小区12个'],
    ]);
    expect(blocks.map((block) => (block.kind === 'heading' ? block.level : block.kind === 'item' ? block.ordered : null))).toEqual([1, 2, null, false, true]);
  });
  it('keeps every figure highlight at its offset into the original text, emphasis included', () => {
    const pieces = blocks.flatMap((block) => block.pieces);
    const highlighted = pieces.filter((piece) => piece.kind === 'figure');
    expect(highlighted.map((piece) => piece.kind === 'figure' && piece.figure.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
    for (const piece of pieces) expect(text.slice(piece.start, piece.start + piece.text.length)).toBe(piece.text);
    expect(highlighted[0]).toMatchObject({ text: '52.8%', strong: true });
    expect(highlighted[1]).toMatchObject({ text: '87.8%', strong: false, emphasis: false });
    expect(pieces.find((piece) => piece.text === '全市')).toMatchObject({ emphasis: true, strong: false });
  });
  it('leaves a stray asterisk as text', () => {
    const [block] = markdownBlocks(segmentText('单价*数量为3项', []));
    expect(block?.pieces).toEqual([{ kind: 'text', text: '单价*数量为3项', start: 0, strong: false, emphasis: false }]);
  });
  it('does not take a figure at the start of a line for a list number', () => {
    const line = '3.5%的增速';
    const [block] = markdownBlocks(segmentText(line, [figureAt(line, 'q1', '3.5%')]));
    expect(block).toMatchObject({ kind: 'paragraph' });
  });
});

describe('isMarkdownFile', () => {
  it('knows .md uploads and leaves .txt as plain text', () => {
    expect(isMarkdownFile('report.md')).toBe(true);
    expect(isMarkdownFile('REPORT.Markdown')).toBe(true);
    expect(isMarkdownFile('report.txt')).toBe(false);
  });
});
