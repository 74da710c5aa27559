import { describe, expect, it } from 'vitest';
import type { DocumentFigure } from '../../api/view-types.ts';
import { segmentText } from './document-segments.ts';

const figure = (id: string, start: number, end: number): DocumentFigure => ({ id, start, end, text: '', value: '1', unit: '%' });

describe('segmentText', () => {
  it('cuts the text around each figure and keeps every character once', () => {
    const text = '同比增长52.8%，占87.8%';
    const segments = segmentText(text, [figure('b', 11, 16), figure('a', 4, 9)]);
    expect(segments.map((segment) => segment.kind)).toEqual(['text', 'figure', 'text', 'figure']);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(segments[1]).toMatchObject({ text: '52.8%' });
  });
  it('drops a figure overlapping an earlier one and a figure outside the text', () => {
    const segments = segmentText('21.98亿元', [figure('a', 0, 7), figure('b', 0, 5), figure('c', 5, 40)]);
    expect(segments.filter((segment) => segment.kind === 'figure')).toHaveLength(1);
  });
});
