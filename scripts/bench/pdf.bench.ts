/**
 * PDF ingest speed and faithfulness: pages per second of duixian's `readDocument` beside poppler's `pdftotext` on the
 * same PDFs in the same run, and how far the two texts agree with each other and with the text the PDF was made from.
 * The PDFs are made here with LibreOffice: the seed page, a two-column page, a budget table and a long national work
 * report from ../shared/corpus. Example row:
 * { document: 'corpus 08-national-gwr-2025', pages: 14, 'duixian pages/CPU-s': 56.3, 'pdftotext pages/CPU-s': 113,
 *   'CPU ×pdftotext': 1.94, 'duixian pages/s': 70.6, 'pdftotext pages/s': 97.8, 'wall ×pdftotext': 1.39,
 *   'agreement duixian~pdftotext': 0.996, 'duixian~source': 1, 'pdftotext~source': 0.996 }.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readDocument } from '../../packages/ingest/src/read-document.ts';
import { convertWithOffice, findSoffice, makeFormatFixtures } from '@duixian/ingest/testing';
import { fodtDocument, type OdfBlock } from '../../packages/ingest/src/fixtures/odf-document.ts';
import { missingForTrueTypePdf, trueTypePdf } from '../../packages/ingest/src/fixtures/truetype-pdf.fixture.ts';
import { formatTable } from '../eval/format-table.ts';
import { SHARED_DIR } from '../eval/gold-key.ts';
import type { BenchContext, BenchRow, BenchSectionResult } from './bench-section.ts';

const run = promisify(execFile);
/** Timed reads of each PDF by each tool, after every PDF has been read once by both. */
const RUNS = 10;
/** pdftotext runs for its CPU time (a shell's `times` sums them). */
const CPU_RUNS = 20;
/** The corpus report made into the long PDF. */
const LONG_REPORT = '08-national-gwr-2025.txt';

interface BenchDocument {
  readonly name: string;
  readonly file: string;
  /** The text the PDF was made from, white space aside. */
  readonly source: string;
}

/**
 * Times both tools on each PDF (median of 10 runs, once every PDF has been read by both) and compares their texts.
 * @example (await benchPdf(context)).rows[0] // { document: 'seed page', pages: 3, 'duixian pages/s': 6.1, … }
 */
export async function benchPdf(context: Pick<BenchContext, 'corpusDir' | 'sharedDir'> & Partial<Pick<BenchContext, 'runChild'>>): Promise<BenchSectionResult> {
  // In a fresh process when the runner can start one, so that the duixian process's CPU time counts reading PDFs, as
  // pdftotext's does, and not also the collection of what the sections before left on the heap.
  if (context.runChild) return (await context.runChild(fileURLToPath(import.meta.url), ['--json', context.corpusDir, context.sharedDir])) as BenchSectionResult;
  if (!findSoffice()) return { title: 'PDF ingest', rows: [], notes: ['LibreOffice (soffice) is not installed: no PDF to measure (apt-get install -y libreoffice-writer-nogui fonts-noto-cjk)'] };
  if (!(await hasPdftotext())) return { title: 'PDF ingest', rows: [], notes: ['pdftotext is not installed (apt-get install -y poppler-utils)'] };
  const documents = await benchDocuments(context);
  const readers = await Promise.all(documents.map(async (document) => {
    const bytes = new Uint8Array(await readFile(document.file));
    let pages = 0;
    const ours = async (): Promise<string> => {
      const result = await readDocument({ bytes, fileName: path.basename(document.file) }, { onProgress: (_done, total) => { pages = total; } });
      return result.text;
    };
    const theirs = async (): Promise<string> => (await run('pdftotext', ['-enc', 'UTF-8', document.file, '-'], { maxBuffer: 256 * 1024 * 1024 })).stdout;
    return { document, ours, theirs, pages: () => pages };
  }));
  // Warm-up, the same for both tools: every PDF read once (duixian's pdf.js worker started and compiled, as in a
  // server that has read PDFs before; the files in the page cache for pdftotext).
  for (const reader of readers) {
    await reader.ours();
    await reader.theirs();
  }
  const rows: BenchRow[] = [];
  for (const { document, ours: readOurs, theirs: readTheirs, pages: pageCount } of readers) {
    const ours = await timeRuns(readOurs);
    const theirs = await timeRuns(readTheirs);
    const theirsCpu = await pdftotextCpuSeconds(document.file);
    const pages = pageCount();
    const oursText = strip(ours.text);
    const theirsText = strip(theirs.text);
    rows.push({
      document: document.name,
      pages,
      'duixian pages/CPU-s': round(pages / ours.cpuSeconds, 1),
      'pdftotext pages/CPU-s': round(pages / theirsCpu, 1),
      'CPU ×pdftotext': round(ours.cpuSeconds / theirsCpu, 2),
      'duixian pages/s': round(pages / ours.seconds, 1),
      'pdftotext pages/s': round(pages / theirs.seconds, 1),
      'wall ×pdftotext': round(ours.seconds / theirs.seconds, 2),
      'agreement duixian~pdftotext': round(characterAgreement(oursText, theirsText), 4),
      'duixian~source': round(characterAgreement(oursText, document.source), 4),
      'pdftotext~source': round(characterAgreement(theirsText, document.source), 4),
    });
  }
  return {
    title: 'PDF ingest',
    rows,
    notes: [
      `Warm-up: every PDF read once by each tool before any is timed. CPU: user + system seconds of the duixian process (one for this section alone) per read (mean of ${RUNS} reads; its pdf.js worker thread included) and of pdftotext per run (mean of ${CPU_RUNS} runs); other load on the machine hardly moves it. ` +
        `Wall: median of ${RUNS} reads by each tool of the same file in this run (duixian keeps its pdf.js worker warm between files, as a server does; pdftotext starts a process per file).`,
      'Agreement = 2·LCS / (|a| + |b|) over the texts without white space (1 = the same characters in the same order). ' +
        '"~source" compares with the text the PDF was made from: pdftotext keeps running headers and page numbers, duixian leaves them out.',
    ],
  };
}

async function timeRuns(read: () => Promise<string>): Promise<{ seconds: number; cpuSeconds: number; text: string }> {
  const seconds: number[] = [];
  let text = '';
  const cpu = process.cpuUsage();
  for (let index = 0; index < RUNS; index += 1) {
    const started = performance.now();
    text = await read();
    seconds.push((performance.now() - started) / 1000);
  }
  const used = process.cpuUsage(cpu);
  seconds.sort((a, b) => a - b);
  return { seconds: seconds[Math.floor(seconds.length / 2)] as number, cpuSeconds: (used.user + used.system) / 1e6 / RUNS, text };
}

/** CPU seconds of one pdftotext run: `times` in a shell that runs it CPU_RUNS times. */
async function pdftotextCpuSeconds(file: string): Promise<number> {
  const script = `for i in $(seq 1 ${CPU_RUNS}); do pdftotext -enc UTF-8 "$1" /dev/null; done; times`;
  const { stdout } = await run('bash', ['-c', script, 'bench', file]);
  const children = stdout.trim().split('\n').pop() ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, match) => sum + Number(match[1]) * 60 + Number(match[2]), 0);
  return Math.max(seconds, 0.001) / CPU_RUNS;
}

async function benchDocuments(context: Pick<BenchContext, 'corpusDir' | 'sharedDir'>): Promise<BenchDocument[]> {
  const fixtures = await makeFormatFixtures({ seedPath: path.join(context.sharedDir, 'seed', '000_82e26507ed7144a6.txt') });
  const budget = fixtures.budgetTable;
  const documents: BenchDocument[] = [
    { name: 'seed page', file: fixtures.files.pdf, source: strip(fixtures.expectedText) },
    { name: 'two-column page', file: fixtures.files.twoColumnPdf, source: strip(fixtures.twoColumnParagraphs.join('')) },
    {
      name: 'budget table',
      file: fixtures.files.budgetPdf,
      source: strip(
        ['城北区2023年预算执行情况', '2023年，全区一般公共预算支出执行情况良好，重点民生支出得到有力保障，具体情况见下表。', budget.title, budget.unitNote, ...budget.rows.flat(), '从执行情况看，各项支出均完成调整预算的98%以上。'].join(''),
      ),
    },
  ];
  const reportPath = path.join(context.corpusDir, LONG_REPORT);
  if (existsSync(reportPath)) {
    const report = await readFile(reportPath, 'utf8');
    const paragraphs = report.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
    documents.push({ name: `corpus ${LONG_REPORT.replace(/\.txt$/, '')}`, file: await longReportPdf(paragraphs), source: strip(paragraphs.join('')) });
    // The same report as Word, WPS and Chrome write PDFs: an embedded CID TrueType font with a ToUnicode map.
    if (missingForTrueTypePdf().length === 0) {
      documents.push({ name: `${LONG_REPORT.replace(/\.txt$/, '')}, TrueType (Chromium)`, file: await trueTypePdf(paragraphs), source: strip(paragraphs.join('')) });
    }
  }
  return documents;
}

/** The corpus report as a PDF with a running header and page numbers, made once and kept in the temp folder. */
async function longReportPdf(paragraphs: readonly string[]): Promise<string> {
  const hash = createHash('sha256').update(paragraphs.join('\n')).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), `duixian-pdf-bench-${hash}`);
  const pdf = path.join(dir, 'report.pdf');
  if (existsSync(pdf)) return pdf;
  await mkdir(dir, { recursive: true });
  const blocks: OdfBlock[] = paragraphs.map((text, index) =>
    index === 0 || (text.length < 30 && !/[。；！？]$/.test(text)) ? { type: 'heading', runs: [{ text }] } : { type: 'paragraph', runs: [{ text }] },
  );
  await writeFile(path.join(dir, 'report.fodt'), fodtDocument(blocks, { runningHeader: '政府工作报告', pageNumbers: true }));
  await convertWithOffice(findSoffice() as string, dir, 'pdf', ['report.fodt']);
  if (!existsSync(pdf)) throw new Error('LibreOffice did not make the benchmark PDF');
  return pdf;
}

async function hasPdftotext(): Promise<boolean> {
  try {
    await run('pdftotext', ['-v']);
    return true;
  } catch {
    return false;
  }
}

function strip(text: string): string {
  return text.replace(/\s+/g, '');
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Character agreement of two texts: 2·LCS / (|a| + |b|), with the longest common subsequence found by Myers' O(ND)
 * difference algorithm. Past `maxEdits` differences it returns the bound 1 − maxEdits / (|a| + |b|), an upper
 * limit, rather than run for long. characterAgreement('预算支出', '预算总支出') → 0.889.
 */
export function characterAgreement(a: string, b: string, maxEdits = 20_000): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  const edits = editDistance(a, b, maxEdits);
  return 1 - Math.min(edits, maxEdits) / total;
}

/** The number of insertions and deletions turning a into b (Myers 1986), or maxEdits + 1 past the bound. */
function editDistance(a: string, b: string, maxEdits: number): number {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  for (let d = 0; d <= limit; d += 1) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)) ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return maxEdits + 1;
}

// `npx tsx scripts/bench/pdf.bench.ts`: this section alone, printed as `npm run bench` prints it; with
// `--json CORPUS_DIR SHARED_DIR`, the result as one JSON line (how `npm run bench` runs it, in a process of its own).
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [flag, corpusDir, sharedDir] = process.argv.slice(2);
  const result = await benchPdf(flag === '--json' && corpusDir && sharedDir ? { corpusDir, sharedDir } : { corpusDir: path.join(SHARED_DIR, 'corpus'), sharedDir: SHARED_DIR });
  if (flag === '--json') {
    console.log(JSON.stringify(result));
  } else {
    const columns = [...new Set(result.rows.flatMap((row) => Object.keys(row)))];
    for (const line of formatTable([columns, ...result.rows.map((row) => columns.map((column) => String(row[column] ?? '—')))])) console.log(line);
    for (const note of result.notes ?? []) console.log(`  ${note}`);
  }
}
