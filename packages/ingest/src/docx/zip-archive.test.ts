import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// zip-archive.ts checks each entry with zlib.crc32, which Node added in 20.15 (and 22.2): an `engines` range that
// admits an older Node promises an install that fails on the first DOCX.
function minimumNode(file: URL): [number, number] {
  const range = (JSON.parse(readFileSync(file, 'utf8')) as { engines?: { node?: string } }).engines?.node ?? '';
  const match = /^>=\s*(\d+)(?:\.(\d+))?/.exec(range);
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : [0, 0];
}

describe('the Node versions the packages admit', () => {
  it.each([
    ['the repository', new URL('../../../../package.json', import.meta.url)],
    ['the command line', new URL('../../../cli/package.json', import.meta.url)],
  ])('%s requires Node 20.15 or later, where zlib.crc32 is', (_name, file) => {
    const [major, minor] = minimumNode(file);
    expect(major > 20 || (major === 20 && minor >= 15), `engines.node >= ${major}.${minor}`).toBe(true);
  });
});
