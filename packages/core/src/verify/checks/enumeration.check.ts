/**
 * Checks that a list of named items followed by a count ("甲、乙、丙三条") has as many items as the count says.
 * Example: "建成东湖、西湖四个口袋公园" lists two parks but says 四个 → inconsistent. Lists closed by 等 are
 * open by design and never judged.
 */
import { parseChineseNumeral } from '../../numbers/chinese-numeral.ts';
import { formatDecimal } from '../../numbers/decimal.ts';
import type { Quantity } from '../../model/quantity.ts';
import type { Check, CheckInput } from '../check.ts';
import { plainText, type SenseFinding } from './sense-text.ts';

/** Measure words that count separate things; never 年 / 天 / 次 / 倍 / 字 (durations, frequencies, characters). */
const MEASURE = '个|项|条|所|家|大|类|座|处|种|支|片|方面|领域|张|件|部|道|场|环节|方向|区块|板块|园区';
/** A count in Chinese numerals (2 to 99) or in digits (2 to 10), with its measure word. */
const COUNT = new RegExp(`([一两二三四五六七八九十]{1,3}|(?<![\\d.])(?:10|[2-9]))(${MEASURE})`, 'g');
const ANY_COUNT = new RegExp(`(?:[一两二三四五六七八九十百千万]+|\\d+)(?:${MEASURE}|化|率|型|级|位|点|星|横|纵|线|链|地|中心)`);
const CONJUNCTION = /和|及|与|以及|同|并/g;
/** Verbs that make the last "item" a predicate whose object holds the count: 荣获, 入选, 贯彻, 缩小 … */
const PREDICATE =
  /荣获|获得|获评|入选|成为|实现|开展|推进|贯彻|落实|达到|纳入|列入|评为|被|跻身|位列|进入|缩小|扩大|提升|提高|牵引|带动|建成|完成|形成|打造|构建|坚持|做到|增强|坚定|聚焦|围绕|突出|抓好|用好|守住|发挥|强化|深化|发布|举办|召开|出台|印发|制定|实施|援助|帮扶|支援|对口|协助|建设/;

/** The counts of items the list allows: every 、 separates two; each 和 / 及 may join two more, or be inside a name. */
function itemCounts(list: string): { low: number; high: number; suffixes: number[] } {
  const commas = list.split('、').length - 1;
  const conjunctions = list.match(CONJUNCTION)?.length ?? 0;
  const suffixes: number[] = [];
  // A count may cover only the items after the last joining word: "推进A、B建设和C、D三项改革".
  const parts = list.split(CONJUNCTION);
  for (let k = 1; k < parts.length; k++) {
    const tail = parts.slice(k).join('和');
    suffixes.push(tail.split('、').length);
  }
  return { low: commas + 1, high: commas + 1 + conjunctions, suffixes };
}

/** Characters that end the clause a list sits in. */
const LIST_STOPS = new Set(['\n', '，', '。', '；', '：', '！', '？', ',', ';', ':', '（', '(']);
/** The longest list read, in characters without spacing and markup. */
const MAX_LIST = 80;

/**
 * The clause before a count, without spacing and markup, or undefined when it is longer than a list can be. Looks
 * back only as far as that (not to the clause's start in a paragraph without stops: linear in the text).
 */
function listBefore(text: string, start: number): string | undefined {
  let kept = 0;
  let from = start;
  while (from > 0 && !LIST_STOPS.has(text[from - 1] ?? '')) {
    if (!/[\s*]/.test(text[from - 1] ?? '')) kept += 1;
    if (kept > MAX_LIST) return undefined;
    from -= 1;
  }
  return text.slice(from, start).replace(/[\s*]/g, '');
}

/**
 * The quantity whose span holds a position: the first such in extraction order, by binary search when the quantities
 * are in text order without overlaps (as extraction gives them), else by a scan.
 */
function quantityLookup(quantities: readonly Quantity[]): (position: number) => Quantity | undefined {
  const ordered = quantities.every((q, i) => i === 0 || (quantities[i - 1]?.end ?? 0) <= q.start);
  if (!ordered) return (position) => quantities.find((q) => q.start <= position && position < q.end);
  return (position) => {
    let low = 0;
    let high = quantities.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const q = quantities[middle]!;
      if (position < q.start) high = middle - 1;
      else if (position >= q.end) low = middle + 1;
      else return q;
    }
    return undefined;
  };
}

/**
 * Finds every list of 、-separated items followed directly by a count, and compares the two.
 * `stated` is the id of the count's quantity when extraction has one, else "span:start-end" of the count.
 * @example checkEnumeration({ text: '建成东湖、西湖四个口袋公园。', extraction })
 * // [{ check: 'enumeration', verdict: 'inconsistent', message: '「东湖、西湖四个口袋公园」：列出2项，却称“四个”', … }]
 */
export function checkEnumeration({ text, extraction }: CheckInput): SenseFinding[] {
  const findings: SenseFinding[] = [];
  const quantityAt = quantityLookup(extraction.quantities);
  for (const match of text.matchAll(COUNT)) {
    const numeral = match[1] ?? '';
    const measure = match[2] ?? '';
    const isDigits = /^\d+$/.test(numeral);
    const parsed = isDigits ? undefined : parseChineseNumeral(numeral);
    const count = isDigits ? Number(numeral) : parsed && Number(formatDecimal(parsed));
    const start = match.index;
    const end = start + match[0].length;
    if (count === undefined || count < 2) continue;
    const before = text[start - 1] ?? '';
    // The count must follow the last item: a name or a closing quote, never a stop, 第 or another numeral.
    if (!/[\p{Script=Han}A-Za-z”’》」』)）“]/u.test(before) || /[第一两二三四五六七八九十百千万前后近约等]/.test(before)) continue;
    const list = listBefore(text, start);
    if (list === undefined || !list.includes('、')) continue;
    // Lists closed by 等 are open; lists that hold figures or counts of their own are not a plain list of names.
    if (/等[“"‘]?$/.test(list) || /等(?:[^、]{0,4})$/.test(list)) continue;
    if (/\d/.test(list) || ANY_COUNT.test(list.replace(/^[^、]*?[“"]/, '')) || ANY_COUNT.test(list)) continue;
    if (/[“"‘][^”"’]*$/.test(list.replace(/[“"‘]$/, ''))) continue; // the count sits inside an open quotation
    // The count phrase must close its clause, shortly: "三大工作体系", not "五项原则发表70周年纪念大会".
    const after = plainText(text, end, end + 14).split(/[，。；：！？,;:!?）)]/)[0] ?? '';
    if (after.length > 10 || /\d/.test(after)) continue;
    // In digits, a count closing its clause counts things of the listed kinds ("新建学校、幼儿园5所"); only a count
    // followed by the name of the kind ("金昌、白银、庆阳3个城市医疗集团") counts the names listed.
    if (isDigits && after.length < 2) continue;
    // "绿色工厂3家以上": a bounded quantity of things, not a count of the names before it.
    if (/^(?:以上|以下|左右|多|余)/.test(after)) continue;
    // "八个字", "三个月": a count of characters or of time, not of the items.
    if (/^(?:字|年|月|天|日|小时|周|次|倍|百分点|工作日)/.test(after)) continue;
    // The count must qualify the list itself: no predicate between the last item and the count
    // ("…歌曲《X》荣获“五个一工程”奖", "深入贯彻中央八项规定"), and the last item is a name of its own, not a
    // one-character modifier of a name that holds the numeral ("黑臭水体、劣五类水体").
    const lastItem = list.slice(list.lastIndexOf('、') + 1).replace(/[“”"‘’《》]/g, '');
    if (lastItem.length < 2 || PREDICATE.test(lastItem)) continue;
    // "群众普遍需求、可感可及的10件实事": attributes of one thing; "A和6个B": the count is an item of its own.
    if (/的$/.test(lastItem) || /(?:和|及|与|以及|并|或)$/.test(list)) continue;
    // "残疾人“两项补贴”等标准": the count names one item of an open list.
    if (/^[^，。；]{0,6}?等/.test(after) || /^[一二两三四五六七八九十百千万]/.test(after)) continue;
    const { low, high, suffixes } = itemCounts(list.replace(/[“”"‘’]/g, ''));
    const stated = quantityAt(start);
    const statedId = stated?.id ?? `span:${start}-${end}`;
    const shownList = `${list}${numeral}${measure}${after.slice(0, 6)}`;
    if (count >= low && count <= high) {
      findings.push({
        check: 'enumeration',
        verdict: 'consistent',
        stated: statedId,
        quantities: stated ? [stated.id] : [],
        confidence: 0.7,
        message: `「${shownList}」：列出${low === high ? low : `${low}–${high}`}项，与“${numeral}${measure}”一致 ✓`,
      });
    } else if (suffixes.includes(count)) {
      findings.push({
        check: 'enumeration',
        verdict: 'unverifiable',
        stated: statedId,
        quantities: stated ? [stated.id] : [],
        confidence: 0.4,
        message: `「${shownList}」：“${numeral}${measure}”可能只指连词之后的${count}项，无法判断`,
      });
    } else {
      findings.push({
        check: 'enumeration',
        verdict: 'inconsistent',
        stated: statedId,
        quantities: stated ? [stated.id] : [],
        confidence: 0.7,
        deviation: String(count - low),
        message: `「${shownList}」：列出${low === high ? low : `${low}–${high}`}项，却称“${numeral}${measure}”`,
      });
    }
  }
  return findings;
}

/** The enumeration check, for the registry in verify.ts. */
export const enumerationCheck: Check = { id: 'enumeration', run: checkEnumeration };
