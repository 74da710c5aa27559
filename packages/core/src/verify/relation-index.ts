/**
 * Reads the structure the arithmetic checks share, once per text: each figure's role, the statements that tie
 * figures together within a sentence, lists of parts (其中…, a list of 方面 paragraphs) and facts stated twice.
 * Example: "**19.3亿元** 占财政总支出**87.8%** 较2022年增加**6.66亿元** 同比增长**52.8%**" is one statement:
 * level 19.3亿元, share 87.8% of 财政总支出, change +6.66亿元, growth rate 52.8%.
 * All search stays within a sentence, a paragraph or a few paragraphs back, through indexes: linear in the text.
 */
import type { Extraction } from '../model/extraction.ts';
import { readFigures, type Figure } from './figure.ts';
import { findPartsLists, type PartsList } from './parts-lists.ts';
import { findRestatementPairs } from './restatement-pairs.ts';
import { findShareWhole, wholeOfListedPart } from './share-whole.ts';
import { buildStatements, type Statement } from './statement.ts';
import { segmentText, type TextSegments } from './text-segments.ts';

export type { Figure } from './figure.ts';
export type { PartsList } from './parts-lists.ts';
export type { Statement } from './statement.ts';

/** Everything the arithmetic checks read. */
export interface RelationIndex {
  readonly text: string;
  readonly segments: TextSegments;
  readonly figures: readonly Figure[];
  readonly figuresBySentence: readonly (readonly Figure[])[];
  readonly statements: readonly Statement[];
  readonly statementOf: ReadonlyMap<Figure, Statement>;
  readonly partsLists: readonly PartsList[];
  /** Pairs [later, earlier] of the same fact stated twice. */
  readonly restatements: readonly (readonly [Figure, Figure])[];
  /** For each figure, the other statements of the same fact. */
  readonly twins: ReadonlyMap<Figure, readonly Figure[]>;
  /** The whole a share figure is a share of, found by its name among the levels before it. */
  shareTotal(share: Figure): Figure | undefined;
  /** True when the growth of this statement is real (at comparable prices), not a ratio of the stated levels. */
  isRealGrowth(statement: Statement, rate: Figure): boolean;
}

const REAL_GROWTH = /可比价|不变价|实际增长|扣除价格因素|实际下降/;
const REAL_METRIC = /生产总值|GDP|增加值|经济总量/;

const cache = new WeakMap<Extraction, RelationIndex>();

/**
 * Builds (once per extraction) the relation index the arithmetic checks read.
 * @example indexRelations(seedText, extraction).statements[1].level?.quantity.text // '21.98亿元'
 */
export function indexRelations(text: string, extraction: Extraction): RelationIndex {
  const cached = cache.get(extraction);
  if (cached && cached.text === text) return cached;
  const built = buildIndex(text, extraction);
  cache.set(extraction, built);
  return built;
}

function buildIndex(text: string, extraction: Extraction): RelationIndex {
  const segments = segmentText(text);
  const quantities = [...extraction.quantities]
    .filter((q) => q.start >= 0 && q.end <= text.length && q.start < q.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const { figures, figuresBySentence } = readFigures(text, quantities, segments);

  const statements: Statement[] = [];
  const statementOf = new Map<Figure, Statement>();
  figuresBySentence.forEach((list, sentence) => buildStatements(sentence, list, statements, statementOf));

  const partsLists = findPartsLists(text, segments, figuresBySentence);
  const restatements = findRestatementPairs(segments, figuresBySentence);
  const twins = new Map<Figure, Figure[]>();
  for (const [later, earlier] of restatements) {
    twins.set(later, [...(twins.get(later) ?? []), earlier]);
    twins.set(earlier, [...(twins.get(earlier) ?? []), later]);
  }

  // the whole of each part of a 其中 list, for a share written right after the part ("其中…30个、占比10%")
  const listWhole = new Map<Figure, Figure>();
  for (const list of partsLists) if (list.cue === '其中') for (const part of list.parts) listWhole.set(part, list.total);
  const totals = new Map<Figure, Figure | undefined>();
  const shareTotal = (share: Figure): Figure | undefined => {
    if (!totals.has(share)) {
      const part = statementOf.get(share)?.level;
      const whole = part && listWhole.get(part);
      const listed = part && whole ? wholeOfListedPart(share, part, whole) : undefined;
      totals.set(share, listed ?? findShareWhole(segments, figures, statementOf, share, text));
    }
    return totals.get(share);
  };
  const isRealGrowth = (statement: Statement, rate: Figure): boolean => {
    const sentence = segments.sentences[rate.sentence];
    // At most the 1000 characters before the rate: a text without stops is one sentence.
    const upTo = sentence ? text.slice(Math.max(sentence.start, rate.quantity.start - 1000), rate.quantity.start) : '';
    const metric = statement.level?.metric ?? statement.previous?.metric ?? '';
    return REAL_GROWTH.test(upTo) || REAL_METRIC.test(metric) || REAL_METRIC.test(upTo);
  };
  return { text, segments, figures, figuresBySentence, statements, statementOf, partsLists, restatements, twins, shareTotal, isRealGrowth };
}
