import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextBuilder, locateInSource } from './offset-map.ts';
import { readPlainText } from './text/plain-text.reader.ts';

describe('locateInSource', () => {
  it('maps a span of plain text with CRLF line ends back to the same characters', () => {
    const source = '第一行\r\n投入资金3.42亿元\r\n第三行';
    const { text, offsetMap } = readPlainText(source);
    expect(text).toBe('第一行\n投入资金3.42亿元\n第三行');
    const start = text.indexOf('3.42亿元');
    const [range] = locateInSource(offsetMap, start, start + 6);
    expect(range).toEqual({ kind: 'text', start: start + 1, end: start + 7 });
  });

  it('maps a span across two PDF items to both items, with boxes', () => {
    const builder = new TextBuilder('pdf');
    builder.append('投入资金', { kind: 'pdf', page: 2, item: 7, start: 0, end: 4, box: { x: 100, y: 700, width: 40, height: 10 } });
    builder.append('3.42亿元', { kind: 'pdf', page: 2, item: 8, start: 0, end: 6, box: { x: 140, y: 700, width: 36, height: 10 } });
    const { offsetMap } = builder.finish();
    const ranges = locateInSource(offsetMap, 2, 8);
    expect(ranges).toEqual([
      { kind: 'pdf', page: 2, item: 7, start: 2, end: 4, box: { x: 120, y: 700, width: 20, height: 10 } },
      { kind: 'pdf', page: 2, item: 8, start: 0, end: 4, box: { x: 140, y: 700, width: 24, height: 10 } },
    ]);
  });

  it('maps a decoded entity to the whole of its source, and separators to nothing', () => {
    const builder = new TextBuilder('text');
    builder.append('A', { kind: 'text', start: 3, end: 4 });
    builder.append('&', { kind: 'text', start: 4, end: 9 });
    builder.appendSeparator('\n');
    builder.append('B', { kind: 'text', start: 20, end: 21 });
    const { offsetMap } = builder.finish();
    expect(locateInSource(offsetMap, 1, 2)).toEqual([{ kind: 'text', start: 4, end: 9 }]);
    expect(locateInSource(offsetMap, 2, 3)).toEqual([]);
    expect(locateInSource(offsetMap, 0, 4)).toEqual([{ kind: 'text', start: 3, end: 9 }, { kind: 'text', start: 20, end: 21 }]);
  });

  it('always maps plain text character for character, whatever the line ends', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('民', '生', '1', '.', '\r', '\n', '\r\n', ' ', '亿', '元'), { maxLength: 60 }), (pieces) => {
        const source = pieces.join('');
        const { text, offsetMap } = readPlainText(source);
        expect(text).toBe(source.replace(/\r\n?/g, '\n'));
        for (let index = 0; index < text.length; index += 1) {
          const [range] = locateInSource(offsetMap, index, index + 1);
          expect(range).toBeDefined();
          const char = source.slice(range?.start, range?.end);
          expect(char === text.charAt(index) || (text.charAt(index) === '\n' && char === '\r')).toBe(true);
        }
      }),
    );
  });
});
