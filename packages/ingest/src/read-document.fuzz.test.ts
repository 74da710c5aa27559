/**
 * Damaged input never crashes or hangs readDocument: truncated, bit-flipped and random files of each format either
 * read into a well-formed document or fail with an IngestError whose message names the file.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultSeedPath, findSoffice, makeFormatFixtures, type FormatFixtures } from './fixtures/format-fixtures.ts';
import { IngestError } from './ingest-error.ts';
import { readDocument, type IngestedDocument } from './read-document.ts';

/** Far above any normal read: a call that takes this long is stuck. */
const HANG_BOUND_MS = 20_000;

type Outcome = { document: IngestedDocument } | { error: IngestError };

async function readDamaged(bytes: Uint8Array, fileName: string): Promise<Outcome> {
  const started = performance.now();
  let outcome: Outcome;
  try {
    outcome = { document: await readDocument({ bytes, fileName }, { pageTimeoutMs: 5_000 }) };
  } catch (error) {
    // Anything but an IngestError is a crash.
    expect(error).toBeInstanceOf(IngestError);
    outcome = { error: error as IngestError };
  }
  expect(performance.now() - started).toBeLessThan(HANG_BOUND_MS);
  if ('error' in outcome) {
    expect(outcome.error.message.startsWith(`${fileName}：`)).toBe(true);
    expect(outcome.error.message).toContain(` / ${fileName}: `);
  } else {
    expectWellFormed(outcome.document);
  }
  return outcome;
}

/** Segments in order inside the text, each from a source range of the map's kind; table cells matching their spans. */
function expectWellFormed(document: IngestedDocument): void {
  let previousEnd = 0;
  for (const segment of document.offsetMap.segments) {
    expect(segment.start).toBeGreaterThanOrEqual(previousEnd);
    expect(segment.end).toBeGreaterThanOrEqual(segment.start);
    expect(segment.end).toBeLessThanOrEqual(document.text.length);
    expect(segment.source.kind).toBe(document.offsetMap.kind);
    expect(segment.source.start).toBeGreaterThanOrEqual(0);
    expect(segment.source.end).toBeGreaterThanOrEqual(segment.source.start);
    previousEnd = segment.end;
  }
  for (const cell of document.tables.flatMap((table) => table.rows.flat())) {
    expect(document.text.slice(cell.start, cell.end)).toBe(cell.text);
  }
}

function truncate(bytes: Uint8Array, fraction: number): Uint8Array {
  return bytes.subarray(0, Math.max(1, Math.floor(bytes.length * fraction)));
}

function flipBits(bytes: Uint8Array, flips: readonly [number, number][]): Uint8Array {
  const copy = new Uint8Array(bytes);
  for (const [position, bit] of flips) {
    const index = position % copy.length;
    copy[index] = (copy[index] ?? 0) ^ (1 << bit);
  }
  return copy;
}

const flipsArbitrary = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 });

describe('readDocument on damaged text files', () => {
  let seed: Uint8Array;
  beforeAll(async () => {
    seed = new Uint8Array(await readFile(defaultSeedPath()));
  });

  it('reads or rejects the seed cut anywhere', async () => {
    await fc.assert(fc.asyncProperty(fc.double({ min: 0, max: 1, noNaN: true }), async (fraction) => {
      await readDamaged(truncate(seed, fraction), 'seed.md');
    }), { numRuns: 40, seed: 4 });
  });

  it('reads or rejects the seed with bits flipped', async () => {
    await fc.assert(fc.asyncProperty(flipsArbitrary, async (flips) => {
      await readDamaged(flipBits(seed, flips), 'seed.txt');
    }), { numRuns: 60, seed: 4 });
  });

  it('reads hostile Markdown (a long line of unclosed markers) without hanging', async () => {
    const line = '**[`*_~~'.repeat(40_000);
    const outcome = await readDamaged(new TextEncoder().encode(`# 标题\n${line}\n**21.98亿元**`), 'hostile.md');
    expect('document' in outcome && outcome.document.text.endsWith('21.98亿元')).toBe(true);
  });

  it('rejects random bytes, also behind a PDF or ZIP signature, without crashing', async () => {
    const signatures = [[], [...Buffer.from('%PDF-1.7\n')], [0x50, 0x4b, 0x03, 0x04], [...Buffer.from('<html><body>')]];
    await fc.assert(fc.asyncProperty(fc.constantFrom(...signatures), fc.uint8Array({ minLength: 1, maxLength: 3000 }), async (signature, body) => {
      await readDamaged(Uint8Array.from([...signature, ...body]), 'random.bin');
    }), { numRuns: 40, seed: 4 });
  });
});

describe.skipIf(process.env.DUIXIAN_SKIP_OFFICE === '1')('readDocument on damaged PDF, DOCX, HTML and GB18030 files', () => {
  let fixtures: FormatFixtures;
  const files: Record<string, Uint8Array> = {};

  beforeAll(async () => {
    if (!findSoffice()) throw new Error('LibreOffice is needed to make the PDF and DOCX test files: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk qpdf, or set DUIXIAN_SKIP_OFFICE=1');
    fixtures = await makeFormatFixtures();
    for (const name of ['pdf', 'docx', 'html', 'gb18030'] as const) files[name] = new Uint8Array(await readFile(fixtures.files[name]));
  }, 240_000);

  it.each(['pdf', 'docx'])('always rejects a %s cut short, with a message', async (name) => {
    const bytes = files[name] as Uint8Array;
    for (const fraction of [0.001, 0.1, 0.5, 0.9, 0.999]) {
      const outcome = await readDamaged(truncate(bytes, fraction), `cut.${name}`);
      expect('error' in outcome ? outcome.error.code : 'read').toMatch(name === 'pdf' ? /^pdf-truncated$/ : /^docx-(truncated|corrupt)$/);
    }
  });

  it.each(['html', 'gb18030'])('reads or rejects a %s file cut anywhere', async (name) => {
    const bytes = files[name] as Uint8Array;
    await fc.assert(fc.asyncProperty(fc.double({ min: 0, max: 1, noNaN: true }), async (fraction) => {
      await readDamaged(truncate(bytes, fraction), `cut-${name}.txt`);
    }), { numRuns: 20, seed: 4 });
  });

  it.each([
    ['pdf', 8],
    ['docx', 30],
    ['html', 30],
    ['gb18030', 30],
  ] as const)('reads or rejects a %s file with bits flipped', async (name, runs) => {
    const bytes = files[name] as Uint8Array;
    await fc.assert(fc.asyncProperty(flipsArbitrary, async (flips) => {
      await readDamaged(flipBits(bytes, flips), `flipped.${name}`);
    }), { numRuns: runs, seed: 4 });
  }, 120_000);

  it('rejects a PDF whose cross-reference table and objects are scrambled', async () => {
    const bytes = new Uint8Array(files.pdf as Uint8Array);
    // Overwrite the middle of the file with noise but keep the header and the end marker.
    for (let index = 1024; index < bytes.length - 1024; index += 1) bytes[index] = (index * 2654435761) >>> 24;
    const outcome = await readDamaged(bytes, 'scrambled.pdf');
    expect('error' in outcome && outcome.error.code).toMatch(/^pdf-(corrupt|no-text)$/);
  });
});
