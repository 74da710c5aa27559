/**
 * The done check of issue 14 in `npm run eval`: each document whose key lists `bounds` (the 亳州 2024 report) is read
 * as its text file and as the PDF LibreOffice makes of it; every figure after 不少于 / 不低于 / 至少 must read as at
 * least, every one after 不超过 / 不高于 as at most, and no figure or commitment text may hold a line break.
 * Example: "22-city-bozhou-gwr-2024 pdf (11 pages): floors 14/14 ≥, ceilings 0/0 ≤, line breaks in 0 figures, 0 commitments".
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { analyze, type Extraction } from '@duixian/core';
import { convertWithOffice, findSoffice } from '@duixian/ingest/testing';
import { readDocument } from '../../packages/ingest/src/read-document.ts';
import type { EvalContext, SectionResult } from './eval-section.ts';
import type { LoadedKey } from './gold-key.ts';

const FLOOR_WORD = /(?:不少于|不低于|至少)$/u;
const CEILING_WORD = /(?:不超过|不高于)$/u;

interface FormatCheck {
  readonly floors: number;
  readonly floorsRight: number;
  readonly ceilings: number;
  readonly ceilingsRight: number;
  readonly brokenFigures: readonly string[];
  readonly brokenCommitments: readonly string[];
  readonly wrong: readonly string[];
}

/** Checks the bounds and line breaks of one reading of a document. */
export function checkBoundsAndBreaks(text: string, extraction: Extraction): FormatCheck {
  let floors = 0;
  let floorsRight = 0;
  let ceilings = 0;
  let ceilingsRight = 0;
  const wrong: string[] = [];
  for (const q of extraction.quantities) {
    const before = text.slice(Math.max(0, q.start - 6), q.start).replace(/\s/gu, '');
    if (FLOOR_WORD.test(before)) {
      floors += 1;
      if (q.comparator === '>=' || q.comparator === '>') floorsRight += 1;
      else wrong.push(`${before}[${q.text}] read as ${q.comparator ?? 'no bound'}`);
    } else if (CEILING_WORD.test(before)) {
      ceilings += 1;
      if (q.comparator === '<=' || q.comparator === '<') ceilingsRight += 1;
      else wrong.push(`${before}[${q.text}] read as ${q.comparator ?? 'no bound'}`);
    }
  }
  return {
    floors,
    floorsRight,
    ceilings,
    ceilingsRight,
    brokenFigures: extraction.quantities.filter((q) => q.text.includes('\n')).map((q) => q.text),
    brokenCommitments: extraction.commitments.filter((c) => c.text.includes('\n')).map((c) => c.text),
    wrong,
  };
}

/** The PDF LibreOffice makes of a text, kept in the temp folder by the text's hash. */
async function pdfOf(key: LoadedKey, soffice: string): Promise<string> {
  const hash = createHash('sha256').update(key.text).digest('hex').slice(0, 16);
  const file = path.join(os.tmpdir(), `duixian-eval-${key.name}-${hash}.pdf`);
  if (existsSync(file)) return file;
  const work = await mkdtemp(path.join(os.tmpdir(), 'duixian-eval-pdf-'));
  try {
    await writeFile(path.join(work, 'document.txt'), key.text);
    await convertWithOffice(soffice, work, 'pdf', ['document.txt']);
    await rename(path.join(work, 'document.pdf'), file).catch(() => copyFile(path.join(work, 'document.pdf'), file));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return file;
}

function describeCheck(label: string, check: FormatCheck): string {
  return `${label}: floors ${check.floorsRight}/${check.floors} ≥, ceilings ${check.ceilingsRight}/${check.ceilings} ≤, line breaks in ${check.brokenFigures.length} figures, ${check.brokenCommitments.length} commitments`;
}

export async function evaluateBoundFormats(context: EvalContext): Promise<SectionResult> {
  const keys = context.keys.filter((key) => (key.key.bounds ?? []).length > 0);
  const soffice = findSoffice();
  const lines: string[] = [];
  let failed = false;
  for (const key of keys) {
    const year = key.reportYear === undefined ? {} : { reportYear: key.reportYear };
    const readings: { label: string; text: string }[] = [{ label: `${key.name} text`, text: key.text }];
    if (soffice) {
      const pdf = await readFile(await pdfOf(key, soffice));
      const document = await readDocument({ bytes: pdf, fileName: `${key.name}.pdf` });
      readings.push({ label: `${key.name} pdf`, text: document.text });
    } else {
      lines.push(`${key.name} pdf: skipped, LibreOffice (soffice) is not installed`);
    }
    const checks = readings.map((reading) => ({ ...reading, check: checkBoundsAndBreaks(reading.text, analyze(reading.text, year)) }));
    for (const { label, check } of checks) {
      lines.push(describeCheck(label, check));
      for (const item of [...check.wrong, ...check.brokenFigures, ...check.brokenCommitments].slice(0, context.listLimit)) lines.push(`    ${JSON.stringify(item)}`);
      failed ||= check.wrong.length > 0 || check.brokenFigures.length > 0 || check.brokenCommitments.length > 0;
    }
    // The PDF must find the bounded figures the text has: none lost to a line break.
    const [text, pdf] = checks;
    if (text && pdf && (text.check.floors !== pdf.check.floors || text.check.ceilings !== pdf.check.ceilings)) {
      lines.push(`    the PDF finds ${pdf.check.floors} floors and ${pdf.check.ceilings} ceilings, the text ${text.check.floors} and ${text.check.ceilings}`);
      failed = true;
    }
  }
  if (keys.length === 0) lines.push('no answer key lists bounds');
  return { title: '界限 Bounds in text and PDF', lines, gateFailed: failed };
}
