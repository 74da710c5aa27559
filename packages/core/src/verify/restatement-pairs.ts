/**
 * Finds facts stated twice: two sentences in different paragraphs whose figures line up role by role.
 * Example: "全年将87.8%的支出用于保障民生…增加了6.66亿元，同比增长52.8%" and the infographic's
 * "占财政总支出87.8% 较2022年增加6.66亿元 同比增长52.8%" → three pairs.
 * Candidate sentences are found through an index of exact values, so the search stays linear in the text.
 */
import type { FigureRole } from './figure-role.ts';
import { significantDigits, type Figure } from './figure.ts';
import type { TextSegments } from './text-segments.ts';

const RESTATED_ROLES: ReadonlySet<FigureRole> = new Set(['level', 'share', 'change', 'growth_rate', 'pp_change']);

function restatementKey(f: Figure): string {
  return `${f.role}|${f.quantity.unit}|${f.role === 'level' || f.role === 'share' ? 1 : f.sign}`;
}

function valueKey(f: Figure): string | undefined {
  if (f.quantity.value.type !== 'exact' || !f.interval) return undefined;
  return `${restatementKey(f)}|${f.interval.point.num}/${f.interval.point.den}`;
}

/**
 * The same facts stated twice: two sentences in different paragraphs whose figures line up, role by role, over
 * three or more figures, at least two of which are equal and, together, too precise to agree by chance.
 */
export function findRestatementPairs(segments: TextSegments, bySentence: readonly (readonly Figure[])[]): [Figure, Figure][] {
  const sequences = bySentence.map((list) => list.filter((f) => RESTATED_ROLES.has(f.role) && f.interval));
  const byValue = new Map<string, number[]>();
  sequences.forEach((list, sentence) => {
    for (const f of list) {
      const key = valueKey(f);
      if (!key || significantDigits(f.quantity) < 2) continue;
      const sentences = byValue.get(key) ?? [];
      if (sentences[sentences.length - 1] !== sentence) sentences.push(sentence);
      byValue.set(key, sentences);
    }
  });
  const pairs: [Figure, Figure][] = [];
  const seen = new Set<string>();
  sequences.forEach((list, sentence) => {
    const shared = new Map<number, number>();
    const keys = new Set(list.map(valueKey).filter((k): k is string => k !== undefined));
    for (const key of keys) {
      const sentences = byValue.get(key) ?? [];
      if (sentences.length > 8) continue; // too common a value to tie two sentences
      for (const other of sentences) if (other < sentence) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    for (const [other, count] of shared) {
      if (count < 2 || segments.sentenceParagraph[other] === segments.sentenceParagraph[sentence]) continue;
      const aligned = alignSequences(sequences[other] ?? [], list);
      const equal = aligned.filter(([a, b]) => valueKey(a) === valueKey(b));
      const digits = equal.reduce((sum, [a]) => sum + significantDigits(a.quantity), 0);
      if (aligned.length < 3 || equal.length < 2 || digits < 5) continue;
      for (const [earlier, later] of aligned) {
        const id = `${later.order}:${earlier.order}`;
        if (!seen.has(id)) {
          seen.add(id);
          pairs.push([later, earlier]);
        }
      }
    }
  });
  return pairs;
}

/** Longest common subsequence of two figure sequences by role, unit and sign. */
function alignSequences(a: readonly Figure[], b: readonly Figure[]): [Figure, Figure][] {
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = table[i] as number[];
      const fa = a[i] as Figure;
      const fb = b[j] as Figure;
      row[j] = restatementKey(fa) === restatementKey(fb) ? (table[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(table[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const pairs: [Figure, Figure][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const fa = a[i] as Figure;
    const fb = b[j] as Figure;
    if (restatementKey(fa) === restatementKey(fb)) {
      pairs.push([fa, fb]);
      i++;
      j++;
    } else if ((table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return pairs;
}

/** What may stand between a figure and its restatement in another form: an opening bracket, 即, 合. */
const APPOSITION = /^\s*(?:[（(]|[，,]?\s*(?:即|合|也就是))\s*$/;

/**
 * A figure restated at once in another form of the same unit: "3.05万吨（30,500吨）", "3.05万吨，即30500吨".
 * Pairs [restatement, figure]; both must be exact (no 约 / 以上) and the restatement must close its bracket.
 * @example findAppositionPairs(text, figures) // [[30,500吨, 3.05万吨]]
 */
export function findAppositionPairs(text: string, figures: readonly Figure[]): [Figure, Figure][] {
  const pairs: [Figure, Figure][] = [];
  for (let k = 1; k < figures.length; k++) {
    const first = figures[k - 1] as Figure;
    const second = figures[k] as Figure;
    if (first.sentence !== second.sentence || first.role !== 'level' || second.role !== 'level' || !first.interval || !second.interval) continue;
    if (first.quantity.unit !== second.quantity.unit || first.quantity.unit === '%') continue;
    const between = text.slice(first.quantity.end, second.quantity.start);
    if (!APPOSITION.test(between)) continue;
    if (/[（(]/.test(between) && !/^\s*[）)]/.test(text.slice(second.quantity.end))) continue;
    pairs.push([second, first]);
  }
  return pairs;
}
