/**
 * Checks that a part is not larger than the whole it belongs to, in the wordings reports use for it: 其中 subsets,
 * "N项…中有M项", received against handled (受理 / 征集 against 办结 / 采纳), and 新增 / 净增 against a total.
 * Example: "在建项目80个，其中新开工95个" → a part of 95 in a whole of 80: inconsistent.
 * Whether several parts add up to their whole is the arithmetic parts-sum check's job; this one judges each part.
 */
import type { Quantity } from '../../model/quantity.ts';
import type { Check, CheckInput } from '../check.ts';
import {
  clauseBefore,
  differenceText,
  isChangeFigure,
  isSameMeasure,
  orderOf,
  plainText,
  shown,
  splitSentences,
  type Sentence,
  type SenseFinding,
} from './sense-text.ts';

/** A part never exceeds its whole only for amounts, counts and measures; rates and shares of a part may. */
const ADDITIVE_KINDS = new Set(['money', 'count', 'measure']);
/** Figures that are averages or ratios per head are not parts: 人均, 户均, 每千人. */
const PER_HEAD = /人均|户均|平均|每[^\d，。；、]{0,4}$|均$/;
/** Clauses after 其中 that leave the list of parts for a figure of another scope. */
const OTHER_SCOPE = /带动|拉动|撬动|吸引|引导|争取|合计|共计|总计|总额|总量|累计|计划|目标|预计/;
const RECEIVED = /(?:受理|收集|征集|收到|接收|接到|接听|登记|收到了)[^，。；、]{0,10}$/;
const HANDLED = /(?:办结|解决|答复|回复|化解|采纳|吸纳|已办结|已解决)[^，。；、]{0,8}$/;
const NEW = /(?:新增|净增|新登记|新注册|新认定|新培育|新引进)[^，。；、]{0,8}$/;
const TOTAL = /(?:总数|总量|总计|累计|共有|共计|保有量|总规模|总户数|总人数|总数达到?|达到|达)[^，。；、]{0,4}$/;
const AMONG = /^(?:的)?[^\d，。；]{0,12}中[，,]?(?:有|已有|共有|已|已经)[^\d，。；]{0,10}$/;

interface Relation {
  readonly whole: Quantity;
  readonly part: Quantity;
  readonly wording: string;
  readonly confidence: number;
}

function judge(text: string, relation: Relation): SenseFinding {
  const { whole, part, wording, confidence } = relation;
  const order = orderOf(part, whole);
  const quantities = [whole.id, part.id];
  const trigger = `${plainText(text, whole.start - 6, whole.end).replace(/^.*[，。；：,;:]/, '')}…${plainText(text, part.start - 6, part.end).replace(/^.*[，。；：,;:]/, '')}`;
  if (order === 'greater') {
    const deviation = differenceText(part, whole);
    return {
      check: 'part-of-whole',
      verdict: 'inconsistent',
      stated: part.id,
      quantities,
      confidence,
      ...(deviation === undefined ? {} : { deviation }),
      message: `「${trigger}」：按“${wording}”，${shown(part)}是${shown(whole)}的一部分，却大于整体`,
    };
  }
  if (order === 'less' || compareEqual(part, whole)) {
    return {
      check: 'part-of-whole',
      verdict: 'consistent',
      stated: part.id,
      quantities,
      confidence,
      message: `「${trigger}」：部分${shown(part)}不大于整体${shown(whole)}（${wording}）✓`,
    };
  }
  return {
    check: 'part-of-whole',
    verdict: 'unverifiable',
    stated: part.id,
    quantities,
    confidence: confidence / 2,
    message: `「${trigger}」：按书写精度，部分${shown(part)}可能大于整体${shown(whole)}，无法判断（${wording}）`,
  };
}

/** True when a part written the same as its whole: "其中…全部" style equality is allowed. */
function compareEqual(a: Quantity, b: Quantity): boolean {
  return a.value.type === 'exact' && b.value.type === 'exact' && a.text === b.text;
}

function isPart(text: string, q: Quantity): boolean {
  return ADDITIVE_KINDS.has(q.kind) && !isChangeFigure(text, q) && !PER_HEAD.test(clauseBefore(text, q.start, 10));
}

/** 其中 subsets: the whole is the nearest level of the same measure before 其中, in its sentence or the one before. */
function findSubsets(text: string, sentences: readonly Sentence[]): Relation[] {
  const relations: Relation[] = [];
  sentences.forEach((sentence, index) => {
    const sentenceText = text.slice(sentence.start, sentence.end);
    for (const match of sentenceText.matchAll(/其中/g)) {
      const at = sentence.start + match.index;
      const nextAmong = sentenceText.indexOf('其中', match.index + 2);
      const partsEnd = nextAmong < 0 ? sentence.end : sentence.start + nextAmong;
      const before = sentence.quantities.filter((q) => q.end <= at);
      const pool = before.length > 0 ? before : (sentences[index - 1]?.quantities ?? []);
      const parts = sentence.quantities.filter((q) => q.start > at && q.start < partsEnd && isPart(text, q));
      for (const part of parts) {
        if (OTHER_SCOPE.test(clauseBefore(text, part.start, 16))) break;
        const whole = [...pool].reverse().find((q) => isSameMeasure(q, part) && isPart(text, q));
        if (!whole) continue;
        relations.push({ whole, part, wording: '其中', confidence: 0.85 });
      }
    }
  });
  return relations;
}

/** Pairs of neighbouring figures of one measure in a sentence: "N项…中有M项", 受理 → 办结, 新增 ↔ 总数. */
function findPairs(text: string, sentence: Sentence): Relation[] {
  const relations: Relation[] = [];
  const qs = sentence.quantities;
  for (let i = 0; i + 1 < qs.length; i++) {
    const a = qs[i];
    const b = qs[i + 1];
    if (!a || !b || !isSameMeasure(a, b) || !ADDITIVE_KINDS.has(a.kind)) continue;
    const gap = plainText(text, a.end, b.start);
    if (gap.length > 20 || /其中/.test(gap)) continue;
    const beforeA = clauseBefore(text, a.start, 16);
    const beforeB = clauseBefore(text, b.start, 16);
    if (AMONG.test(gap) && isPart(text, a) && isPart(text, b)) {
      relations.push({ whole: a, part: b, wording: `${gap.replace(/^.*?中/, '中')}`, confidence: 0.8 });
    } else if (RECEIVED.test(beforeA) && HANDLED.test(beforeB) && !isChangeFigure(text, b)) {
      const received = RECEIVED.exec(beforeA)?.[0].slice(0, 2) ?? '';
      const handled = HANDLED.exec(beforeB)?.[0].replace(/^已/, '').slice(0, 2) ?? '';
      relations.push({ whole: a, part: b, wording: `${received}…${handled}`, confidence: 0.75 });
    } else if (NEW.test(beforeA) && TOTAL.test(beforeB) && !NEW.test(beforeB)) {
      relations.push({ whole: b, part: a, wording: `${NEW.exec(beforeA)?.[0].slice(0, 2) ?? ''}…总数`, confidence: 0.7 });
    } else if (TOTAL.test(beforeA) && !/达/.test(TOTAL.exec(beforeA)?.[0] ?? '') && NEW.test(beforeB)) {
      relations.push({ whole: a, part: b, wording: `总数…${NEW.exec(beforeB)?.[0].slice(0, 2) ?? ''}`, confidence: 0.7 });
    }
  }
  return relations;
}

/**
 * Finds parts and their wholes and judges each part against its whole, with the precision both are written to.
 * @example checkPartOfWhole({ text: '全市在建项目80个，其中新开工95个。', extraction })
 * // [{ check: 'part-of-whole', verdict: 'inconsistent', stated: '95个', quantities: ['80个', '95个'], … }]
 */
export function checkPartOfWhole({ text, extraction }: CheckInput): SenseFinding[] {
  const sentences = splitSentences(text, extraction.quantities);
  const relations = [...findSubsets(text, sentences), ...sentences.flatMap((s) => findPairs(text, s))];
  const seen = new Set<string>();
  const findings: SenseFinding[] = [];
  for (const relation of relations) {
    const key = `${relation.whole.id}>${relation.part.id}`;
    if (seen.has(key) || relation.whole.id === relation.part.id) continue;
    seen.add(key);
    findings.push(judge(text, relation));
  }
  return findings;
}

/** The part-of-whole check, for the registry in verify.ts. */
export const partOfWholeCheck: Check = { id: 'part-of-whole', run: checkPartOfWhole };
