/**
 * Reads decoded plain text as it is, with line ends made "\n": "收入\r\n支出" → "收入\n支出", where offset 3 maps to
 * source offset 4.
 */
import { TextBuilder } from '../offset-map.ts';
import type { ReaderResult } from '../reader-result.ts';

export function readPlainText(source: string): ReaderResult {
  const builder = new TextBuilder('text');
  let runStart = 0;
  for (let index = 0; index < source.length; index += 1) {
    if (source.charCodeAt(index) !== 13) continue; // '\r'
    builder.append(source.slice(runStart, index), { kind: 'text', start: runStart, end: index });
    if (source.charCodeAt(index + 1) === 10) {
      // "\r\n" → "\n", mapped to the "\n".
      builder.append('\n', { kind: 'text', start: index + 1, end: index + 2 });
      index += 1;
    } else {
      builder.append('\n', { kind: 'text', start: index, end: index + 1 });
    }
    runStart = index + 1;
  }
  builder.append(source.slice(runStart), { kind: 'text', start: runStart, end: source.length });
  const { text, offsetMap } = builder.finish();
  return { text, offsetMap, tables: [], problems: [] };
}
