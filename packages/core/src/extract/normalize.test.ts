import { describe, expect, it } from 'vitest';
import { mapSpan, normalizeText } from './normalize.ts';

describe('normalizeText', () => {
  it('joins a line broken inside a sentence by a newspaper column and maps offsets back', () => {
    const source = '推动北区旅游发展，突出发展特色旅游产业和现代服务业以及文化产业和体育产业的融合发展，打造特色旅\n\n游产业。';
    const normalized = normalizeText(source);
    expect(normalized.text).toContain('特色旅游产业。');
    const at = normalized.text.indexOf('旅游产业。');
    const span = mapSpan(normalized, at, at + 4);
    expect(source.slice(span.start, span.end)).toBe('旅\n\n游产业');
  });
  it('keeps a heading line and the short line after it apart', () => {
    expect(normalizeText('## 标题\n\n正文第一句。').text).toBe('## 标题\n\n正文第一句。');
  });
  it('drops Markdown emphasis and folds full-width digits and percent signs', () => {
    const source = '增长**４４.４％**';
    const normalized = normalizeText(source);
    expect(normalized.text).toBe('增长44.4%');
    const span = mapSpan(normalized, 2, 7);
    expect(source.slice(span.start, span.end)).toBe('４４.４％');
  });
  it('keeps the full-width point of a numbered list item', () => {
    expect(normalizeText('3．10种有色金属').text).toBe('3．10种有色金属');
  });
  it('maps an empty span at the end of the text to the end of the source', () => {
    const normalized = normalizeText('甲**');
    expect(mapSpan(normalized, normalized.text.length, normalized.text.length)).toEqual({ start: 3, end: 3 });
  });
});
