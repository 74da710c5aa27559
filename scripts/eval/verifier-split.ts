/**
 * The verifier's development / test split of the unseen corpora, by the rule of eval/verifier-split.md: within each
 * corpus, `.txt` names sorted by code point, index % 3 === 2 is TEST. Example: splitNames(['a.txt', 'b.txt', 'c.txt'])
 * → { dev: ['a.txt', 'b.txt'], test: ['c.txt'] }.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from './gold-key.ts';

/** One document of a split: its path, a short name for tables ("cities/上海.txt") and the report year. */
export interface SplitDocument {
  readonly path: string;
  readonly name: string;
  readonly reportYear?: number;
}

/** The corpora the rule applies to, with the year their reports are of; `../shared/corpus` is all development. */
const SPLIT_CORPORA: readonly { dir: string; label: string; reportYear: number }[] = [
  { dir: 'corpus-cities-2024', label: 'cities', reportYear: 2024 },
  { dir: join('corpus-provinces', '2026'), label: 'provinces-2026', reportYear: 2026 },
];

/** Splits sorted names by the rule: the third of every three is TEST. */
export function splitNames(names: readonly string[]): { dev: string[]; test: string[] } {
  const sorted = names.filter((name) => name.endsWith('.txt')).sort();
  return {
    dev: sorted.filter((_, index) => index % 3 !== 2),
    test: sorted.filter((_, index) => index % 3 === 2),
  };
}

function listTxt(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.txt')) : [];
}

/** The year a file of ../shared/corpus is a report of: "…-gwr-2024.txt" → 2024 (communiqués: none). */
function corpusYear(name: string): number | undefined {
  const match = /-gwr-(\d{4})\.txt$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/**
 * The documents of one side of the split; `dev` includes the 28 old reports of ../shared/corpus; `holdout` is the
 * second holdout of eval/verifier-split.md, the 31 provincial reports of 2025 as Word files.
 */
export function splitDocuments(side: 'dev' | 'test' | 'holdout', sharedDir: string = SHARED_DIR): SplitDocument[] {
  const documents: SplitDocument[] = [];
  if (side === 'holdout') {
    const dir = join(sharedDir, 'corpus-provinces', '2025');
    const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.docx')).sort() : [];
    return names.map((name) => ({ path: join(dir, name), name: `provinces-2025/${name}`, reportYear: 2025 }));
  }
  if (side === 'dev') {
    for (const name of listTxt(join(sharedDir, 'corpus')).sort()) {
      const year = corpusYear(name);
      documents.push({ path: join(sharedDir, 'corpus', name), name: `corpus/${name}`, ...(year === undefined ? {} : { reportYear: year }) });
    }
  }
  for (const corpus of SPLIT_CORPORA) {
    const dir = join(sharedDir, corpus.dir);
    for (const name of splitNames(listTxt(dir))[side]) {
      documents.push({ path: join(dir, name), name: `${corpus.label}/${name}`, reportYear: corpus.reportYear });
    }
  }
  return documents;
}
