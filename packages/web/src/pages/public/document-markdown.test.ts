import type { TextMark } from '@duixian/core';
import { describe, expect, it } from 'vitest';
import type { DocumentFigure } from '../../api/view-types.ts';
import { markdownBlocks, type InlinePiece } from './document-markdown.ts';
import { segmentText } from './document-segments.ts';

/** A figure over the first occurrence of `written` in `text`. */
function figureAt(text: string, id: string, written: string): DocumentFigure {
  const start = text.indexOf(written);
  return { id, start, end: start + written.length, text: written, value: '1', unit: '%' };
}

/** The range of the first occurrence of `written` in `text`. */
function over(text: string, written: string): { start: number; end: number } {
  const start = text.indexOf(written);
  if (start < 0) throw new Error(`not in the text: ${written}`);
  return { start, end: start + written.length };
}

const shown = (pieces: readonly InlinePiece[]) => pieces.map((piece) => piece.text).join('');

describe('markdownBlocks', () => {
  // The text as ingest reads '# 2024年政府工作报告\n\n## 一、**主要成绩**\n全年增长**52.8%**，占*全市*的87.8%。\n- 新建幼儿园3所\n1. 改造老旧小区12个\n> 引自统计公报', with its marks.
  const text = '2024年政府工作报告\n\n一、主要成绩\n全年增长52.8%，占全市的87.8%。\n- 新建幼儿园3所\n1. 改造老旧小区12个\n引自统计公报\n';
  const marks: TextMark[] = [
    { kind: 'heading', level: 1, ...over(text, '2024年政府工作报告') },
    { kind: 'heading', level: 2, ...over(text, '一、主要成绩') },
    { kind: 'strong', ...over(text, '主要成绩') },
    { kind: 'strong', ...over(text, '52.8%') },
    { kind: 'emphasis', ...over(text, '全市') },
    { kind: 'item', ordered: false, ...over(text, '- 新建幼儿园3所'), contentStart: over(text, '新建幼儿园3所').start },
    { kind: 'item', ordered: true, ...over(text, '1. 改造老旧小区12个'), contentStart: over(text, '改造老旧小区12个').start },
    { kind: 'quote', ...over(text, '引自统计公报') },
  ];
  const figures = [figureAt(text, 'q1', '52.8%'), figureAt(text, 'q2', '87.8%'), figureAt(text, 'q3', '3所'), figureAt(text, 'q4', '12个')];
  const blocks = markdownBlocks(segmentText(text, figures), marks);

  it('lays the lines out as the marks say: headings, paragraphs, list items without their markers, quotations', () => {
    expect(blocks.map((block) => [block.kind, shown(block.pieces)])).toEqual([
      ['heading', '2024年政府工作报告'],
      ['heading', '一、主要成绩'],
      ['paragraph', '全年增长52.8%，占全市的87.8%。'],
      ['item', '新建幼儿园3所'],
      ['item', '改造老旧小区12个'],
      ['quote', '引自统计公报'],
    ]);
    expect(blocks.map((block) => (block.kind === 'heading' ? block.level : block.kind === 'item' ? block.ordered : null))).toEqual([1, 2, null, false, true, null]);
  });

  it('keeps every figure highlight at its offset into the text, with the emphasis it sits in', () => {
    const pieces = blocks.flatMap((block) => block.pieces);
    const highlighted = pieces.filter((piece) => piece.kind === 'figure');
    expect(highlighted.map((piece) => piece.kind === 'figure' && piece.figure.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
    for (const piece of pieces) expect(text.slice(piece.start, piece.start + piece.text.length)).toBe(piece.text);
    expect(highlighted[0]).toMatchObject({ text: '52.8%', strong: true });
    expect(highlighted[1]).toMatchObject({ text: '87.8%', strong: false, emphasis: false });
    expect(pieces.find((piece) => piece.text === '全市')).toMatchObject({ emphasis: true, strong: false });
    expect(pieces.find((piece) => piece.text === '主要成绩')).toMatchObject({ strong: true });
    expect(pieces.find((piece) => piece.text === '一、')).toMatchObject({ strong: false });
  });

  it('leaves an asterisk and a line starting with a list-like number as text when no mark says otherwise', () => {
    const line = '单价*数量为3项\n- 不是列表';
    expect(markdownBlocks(segmentText(line, []), [])).toEqual([
      { kind: 'paragraph', pieces: [{ kind: 'text', text: '单价*数量为3项', start: 0, strong: false, emphasis: false }], start: 0 },
      { kind: 'paragraph', pieces: [{ kind: 'text', text: '- 不是列表', start: 9, strong: false, emphasis: false }], start: 9 },
    ]);
  });
});
