/**
 * Finds where to plant one misprinted figure in a report, by the rule of eval/verifier-split.md ("Planted errors"):
 * sentences of the kinds the verifier should judge (shares, from-to changes, multiples, exhaustive parts, 其中 parts,
 * structure ratios, thresholds), found by their wording alone, and the figure of each to change.
 * Example: planSentencePlants('全年实现增加值45亿元，占地区生产总值90亿元的50%。') →
 * [{ kind: 'share', start: 24, end: 26, original: '50', replacement: '60', … }].
 */

/** One planted error: which kind of sentence, where the figure is, and what it becomes. */
export interface Plant {
  readonly kind: PlantKind;
  /** The changed characters: [start, end) in the original text. */
  readonly start: number;
  readonly end: number;
  readonly original: string;
  readonly replacement: string;
  /** The sentence the plant sits in: [start, end) in the original text. */
  readonly sentence: { readonly start: number; readonly end: number };
}

export type PlantKind =
  | 'share'
  | 'from-to growth'
  | 'from-to change'
  | 'growth from increase and new total'
  | 'multiple'
  | 'exhaustive parts'
  | '其中 parts'
  | 'structure ratio'
  | 'threshold';

export const PLANT_KINDS: readonly PlantKind[] = [
  'share',
  'from-to growth',
  'from-to change',
  'growth from increase and new total',
  'multiple',
  'exhaustive parts',
  '其中 parts',
  'structure ratio',
  'threshold',
];

/**
 * The misprint of the rule: the leading significant digit one up, or one down when it is 9.
 * @example misprintLeadingDigit('45.9') // '55.9';  misprintLeadingDigit('968') // '868'
 */
export function misprintLeadingDigit(number: string): string | undefined {
  const at = number.search(/[1-9]/);
  if (at < 0) return undefined;
  const digit = Number(number[at]);
  return number.slice(0, at) + String(digit === 9 ? 8 : digit + 1) + number.slice(at + 1);
}

/** The leading significant digit one down, dropping a leading zero it leaves: '1200' → '200', '568' → '468'. */
function lowerLeadingDigit(number: string): string | undefined {
  const at = number.search(/[1-9]/);
  if (at < 0) return undefined;
  const lowered = number.slice(0, at) + String(Number(number[at]) - 1) + number.slice(at + 1);
  const trimmed = lowered.replace(/^0+(?=\d)/, '');
  return Number(trimmed) === 0 ? undefined : trimmed;
}

const NUM = String.raw`\d+(?:\.\d+)?`;
/** Units whose figures can be compared by their written number once the unit string is the same. */
const UNIT = '万亿元|亿元|万元|元|万吨|吨|万人次|人次|万人|人|万户|户|万家|家|万个|个|项|所|座|公里|千米|万千瓦|千瓦|万平方米|平方米|万亩|亩|万辆|辆|万套|套|张|台|条|件';
const FIGURE = new RegExp(`(${NUM})(${UNIT})`, 'g');

interface Figure {
  readonly number: string;
  readonly unit: string;
  /** Offsets in the whole text of the number (not the unit). */
  readonly start: number;
  readonly end: number;
}

/** The figures with a unit of a sentence, in order; a figure followed by % or 倍 belongs to no unit. */
function figuresOf(sentence: string, offset: number): Figure[] {
  const figures: Figure[] = [];
  for (const match of sentence.matchAll(FIGURE)) {
    const start = offset + (match.index ?? 0);
    figures.push({ number: match[1]!, unit: match[2]!, start, end: start + match[1]!.length });
  }
  return figures;
}

/** The sentences of a text: runs between 。！？；and line breaks. */
export function sentencesOf(text: string): { start: number; end: number }[] {
  const sentences: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i += 1) {
    if (i === text.length || /[。！？；\n]/.test(text[i]!)) {
      if (i > start) sentences.push({ start, end: i });
      start = i + 1;
    }
  }
  return sentences;
}

function plantAt(kind: PlantKind, sentence: { start: number; end: number }, start: number, original: string, replacement: string | undefined): Plant | undefined {
  return replacement === undefined || replacement === original ? undefined : { kind, start, end: start + original.length, original, replacement, sentence };
}

/** A number captured by a group of a match made on a sentence, with its offset in the whole text. */
function groupAt(match: RegExpExecArray, group: number, offset: number): { number: string; start: number } {
  // every pattern here is compiled with the d flag, so the group's own offset is known
  const at = match.indices?.[group]?.[0];
  if (at === undefined) throw new Error(`pattern without the d flag or group ${group}`);
  return { number: match[group]!, start: offset + at };
}

const FROM_TO = new RegExp(`(?:由|从)[^，。；]{0,20}?(${NUM})(${UNIT})[^。；，]{0,20}?(?:增加|提高|增长|上升|下降|减少|降低|扩大|提升|增)?(?:到|至)[^\\d，。；]{0,6}(${NUM})(${UNIT})`, 'd');

/** The plants of one sentence, at most one of each kind. */
function plantsOfSentence(text: string, sentence: { start: number; end: number }): Plant[] {
  const body = text.slice(sentence.start, sentence.end);
  const offset = sentence.start;
  const plants: (Plant | undefined)[] = [];
  const figures = figuresOf(body, offset);

  // share: two figures with the same unit, then 占/占比/比重 … N%
  const share = new RegExp(`(?:占比|占|比重)[^，。；%\\d]{0,14}?(${NUM})%`, 'd').exec(body);
  if (share) {
    const shareAt = offset + share.index;
    const before = figures.filter((f) => f.end <= shareAt);
    const sameUnit = before.some((f, i) => before.some((g, j) => j !== i && g.unit === f.unit));
    if (sameUnit) {
      const { number, start } = groupAt(share, 1, offset);
      plants.push(plantAt('share', sentence, start, number, misprintLeadingDigit(number)));
    }
  }

  const fromTo = FROM_TO.exec(body);
  if (fromTo && fromTo[2] === fromTo[4]) {
    const after = body.slice(fromTo.index + fromTo[0].length);
    const afterOffset = offset + fromTo.index + fromTo[0].length;
    const growth = new RegExp(`(?:增长|下降|减少|提高|增加|上升)了?\\s*(${NUM})%`, 'd').exec(after);
    if (growth) {
      const { number, start } = groupAt(growth, 1, afterOffset);
      plants.push(plantAt('from-to growth', sentence, start, number, misprintLeadingDigit(number)));
    }
    const change = new RegExp(`(?:增加|减少|净增|增长|提高|下降)了?\\s*(${NUM})(${UNIT})`, 'd').exec(after);
    if (change && change[2] === fromTo[4]) {
      const { number, start } = groupAt(change, 1, afterOffset);
      plants.push(plantAt('from-to change', sentence, start, number, misprintLeadingDigit(number)));
    }
    const multiple = new RegExp(`(?:(?:增长|扩大|提高|增加)了?\\s*|是[^，。；]{0,15}?的\\s*)(${NUM})倍`, 'd').exec(after);
    if (multiple) {
      const { number, start } = groupAt(multiple, 1, afterOffset);
      plants.push(plantAt('multiple', sentence, start, number, misprintLeadingDigit(number)));
    }
  }

  // growth from an increase and a new total, without an earlier level
  if (!/由|从/.test(body)) {
    const increase = new RegExp(`(?:新增|增加|净增)了?\\s*(${NUM})(${UNIT})[^。；]{0,30}?(?:达到|达|总数|累计|总量|总计)[^\\d，。；]{0,6}(${NUM})(${UNIT})[^。；]{0,20}?增长\\s*(${NUM})%`, 'd').exec(body);
    if (increase && increase[2] === increase[4]) {
      const { number, start } = groupAt(increase, 5, offset);
      plants.push(plantAt('growth from increase and new total', sentence, start, number, misprintLeadingDigit(number)));
    }
  }

  // parts of an exhaustive total: a figure, then 分别为 / 三次产业, then at least two figures in its unit that add up
  // to between 90% and 102% of it (so they read as its parts)
  const exhaustive = /分别为|分别是|分别达到?|三次产业/.exec(body);
  if (exhaustive) {
    const keywordAt = offset + exhaustive.index;
    const total = [...figures].reverse().find((f) => f.end <= keywordAt);
    if (total) {
      const parts = figures.filter((f) => f.start > keywordAt && f.unit === total.unit);
      const sum = parts.reduce((s, f) => s + Number(f.number), 0);
      if (parts.length >= 2 && sum >= 0.9 * Number(total.number) && sum <= 1.02 * Number(total.number)) {
        plants.push(plantAt('exhaustive parts', sentence, total.start, total.number, misprintLeadingDigit(total.number)));
      }
    }
  }

  // 其中 parts: a figure, then 其中 and a figure in its unit; the part ×10, counted only where it then exceeds the whole
  const among = body.indexOf('其中');
  if (among >= 0) {
    const whole = [...figures].reverse().find((f) => f.end <= offset + among);
    const part = whole && figures.find((f) => f.start > offset + among && f.unit === whole.unit);
    if (whole && part && Number(part.number) * 10 > Number(whole.number)) {
      const tenfold = part.number.includes('.') ? shiftDecimal(part.number) : `${part.number}0`;
      plants.push(plantAt('其中 parts', sentence, part.start, part.number, tenfold));
    }
  }

  // structure ratio: 三次产业 / 产业结构 … a:b:c — b
  const ratio = new RegExp(`(?:三次产业|产业结构|一二三产)[^。；]{0,20}?(${NUM})\\s*[:：∶]\\s*(${NUM})\\s*[:：∶]\\s*(${NUM})`, 'd').exec(body);
  if (ratio) {
    const { number, start } = groupAt(ratio, 2, offset);
    plants.push(plantAt('structure ratio', sentence, start, number, misprintLeadingDigit(number)));
  }

  // threshold: 突破 T … 达到 R with R ≥ T; R's leading digit down, counted only when it falls below T
  const threshold = new RegExp(`(?:突破|首破|迈上|跨越|超过)[^\\d，。；]{0,4}(${NUM})(${UNIT})[^。；]{0,20}?(?:达到|达)[^\\d，。；]{0,4}(${NUM})(${UNIT})`, 'd').exec(body);
  if (threshold && threshold[2] === threshold[4] && Number(threshold[3]) >= Number(threshold[1])) {
    const { number, start } = groupAt(threshold, 3, offset);
    const lowered = lowerLeadingDigit(number);
    if (lowered !== undefined && Number(lowered) < Number(threshold[1])) plants.push(plantAt('threshold', sentence, start, number, lowered));
  }
  return plants.filter((p): p is Plant => p !== undefined);
}

/** '12.5' → '125', '3.42' → '34.2': the same digits, ten times the value. */
function shiftDecimal(number: string): string {
  const [whole = '', fraction = ''] = number.split('.');
  const moved = `${whole}${fraction.slice(0, 1)}`.replace(/^0+(?=\d)/, '');
  return fraction.length > 1 ? `${moved}.${fraction.slice(1)}` : moved;
}

/**
 * Every sentence-pattern plant of a text, at most `perKind` of each kind, the first ones in text order.
 * @example planSentencePlants('城镇化率由58.2万人增加到60.5万人，增长3.9%。').map((p) => p.kind) // ['from-to growth']
 */
export function planSentencePlants(text: string, perKind = 3): Plant[] {
  const counts = new Map<PlantKind, number>();
  const plants: Plant[] = [];
  for (const sentence of sentencesOf(text)) {
    for (const plant of plantsOfSentence(text, sentence)) {
      const count = counts.get(plant.kind) ?? 0;
      if (count >= perKind) continue;
      counts.set(plant.kind, count + 1);
      plants.push(plant);
    }
  }
  return plants;
}

/** The text with one plant applied. */
export function applyPlant(text: string, plant: Pick<Plant, 'start' | 'end' | 'replacement'>): string {
  return text.slice(0, plant.start) + plant.replacement + text.slice(plant.end);
}
