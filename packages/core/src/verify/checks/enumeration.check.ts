/**
 * Checks that a list of named items followed by a count ("甲、乙、丙三条") has as many items as the count says.
 * Example: "建成东湖、西湖四个口袋公园" lists two parks but says 四个 → inconsistent. Lists closed by 等 are
 * open by design and never judged.
 *
 * Precision comes first: a mismatch is 'inconsistent' only where the list is closed, so that the count can mean
 * nothing but the number of its items — one quotation holding the whole list ("“东湖、西湖”三个湖区"), or a plain
 * list of names — counted in Chinese numerals with a measure word other than 大. Any other mismatch has a
 * reading under which nothing is wrong and is only 'questionable' (需复核): a count in digits counts things of the
 * named kinds ("A、B作业区7个泊位"), "N大X" names a programme whose members need not all be listed (a quotation before
 * it may be the programme's slogan), quotations make
 * the items' bounds uncertain, and a count after a person ("残疾人两项补贴") may be that person's own things.
 */
import { parseChineseNumeral } from '../../numbers/chinese-numeral.ts';
import { formatDecimal } from '../../numbers/decimal.ts';
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
  /荣获|获得|获评|入选|成为|实现|开展|推进|贯彻|落实|达到|纳入|列入|评为|被|跻身|位列|进入|缩小|扩大|提升|提高|牵引|带动|建成|完成|形成|打造|构建|坚持|做到|增强|坚定|聚焦|围绕|突出|抓好|用好|守住|发挥|强化|深化|发布|举办|召开|出台|印发|制定|实施|援助|帮扶|支援|对口|协助|建设|提出|明确|确定|设立|设置|支持|是|有/;
/** Stops that end a clause, outside quotations and brackets. */
const CLAUSE_STOPS = new Set(['，', '。', '；', '：', '！', '？', ',', ';', ':', '!', '?']);
/** A heading number that opens a line: "三、", "（二）", "3." — not an item of a list. */
const HEADING_NUMBER = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])/;
/** 等 that closes an open list, not 等 inside a word (平等, 高等, 等级, 同等). */
const OPEN_LIST_END = /(?<![平高同中初对均相优])等(?![级次同号])/;
/** Words for people or households: a count right after one may count that owner's things ("残疾人两项补贴"). */
const OWNER = /(?:人|者|户|群众|家庭|儿童|老人|学生|职工|农民|群体)$/;

/**
 * Where the clause that ends at `end` starts, reading backwards: at a stop outside quotations and brackets, at an
 * unclosed opening bracket, or at a line break that ends a paragraph. A line break inside a sentence (the line before
 * does not end with a stop) is layout and is read through. `insideQuote` is true when an unclosed opening quotation
 * mark comes first: the count is then part of a quoted name.
 */
function clauseBefore(text: string, end: number): { start: number; insideQuote: boolean } {
  let quotes = 0;
  let brackets = 0;
  for (let i = end - 1; i >= 0 && end - i <= 160; i--) {
    const ch = text[i] ?? '';
    if (ch === '”' || ch === '’' || ch === '」' || ch === '』') quotes++;
    else if (ch === '“' || ch === '‘' || ch === '「' || ch === '『') {
      if (quotes === 0) return { start: i + 1, insideQuote: true };
      quotes--;
    } else if (ch === '）' || ch === ')') brackets++;
    else if (ch === '（' || ch === '(') {
      if (brackets === 0) return { start: i + 1, insideQuote: false };
      brackets--;
    } else if (ch === '\n') {
      if (endsParagraph(text, i)) return { start: i + 1, insideQuote: false };
    } else if (quotes === 0 && brackets === 0 && CLAUSE_STOPS.has(ch)) return { start: i + 1, insideQuote: false };
  }
  return { start: Math.max(0, end - 160), insideQuote: false };
}

/** True when the line break at `at` ends a paragraph: a blank line, the start of the text, or a line ending in a stop. */
function endsParagraph(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const ch = text[i] ?? '';
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '　') continue;
    return ch === '\n' || /[。！？；：!?;:]/.test(ch);
  }
  return true;
}

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

/**
 * Other counts of items a list with quotations allows: a quotation is one item whatever 、 it holds, quotations
 * written back to back ("“甲”“乙”") are two, and a quotation of pairs split by ，counts its pairs
 * ("“多、少，大、小”两对").
 */
function quotedItemCounts(list: string): number[] {
  if (!/[“”‘’]/.test(list)) return [];
  let depth = 0;
  let items = 1;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === '“' || ch === '‘') {
      if (depth === 0 && i > 0 && (list[i - 1] === '”' || list[i - 1] === '’')) items++;
      depth++;
    } else if (ch === '”' || ch === '’') depth = Math.max(0, depth - 1);
    else if (ch === '、' && depth === 0) items++;
  }
  const counts = [items];
  if (/[，,]/.test(list)) counts.push(list.split(/[，,]/).length);
  return counts;
}

/** True when one quotation at the end of the list holds every item of it: "围绕“东湖、南湖、西湖”". */
function isOneQuotedList(list: string): boolean {
  const open = list.indexOf('“');
  return open >= 0 && list.endsWith('”') && list.indexOf('“', open + 1) < 0 && !list.slice(0, open).includes('、') && !/[，,]/.test(list);
}

/**
 * Finds every list of 、-separated items followed directly by a count, and compares the two.
 * `stated` is the id of the count's quantity when extraction has one, else "span:start-end" of the count.
 * @example checkEnumeration({ text: '建成东湖、西湖四个口袋公园。', extraction })
 * // [{ check: 'enumeration', verdict: 'inconsistent', message: '「东湖、西湖四个口袋公园」：列出2项，却称“四个”', … }]
 */
export function checkEnumeration({ text, extraction }: CheckInput): SenseFinding[] {
  const findings: SenseFinding[] = [];
  for (const match of text.matchAll(COUNT)) {
    const numeral = match[1] ?? '';
    const measure = match[2] ?? '';
    const isDigits = /^\d+$/.test(numeral);
    const parsed = isDigits ? undefined : parseChineseNumeral(numeral);
    const count = isDigits ? Number(numeral) : parsed && Number(formatDecimal(parsed));
    const start = match.index;
    const end = start + match[0].length;
    if (count === undefined || count < 2) continue;
    // The character before the count, reading through a line break (layout, not a stop).
    const before = text.slice(Math.max(0, start - 8), start).replace(/\s+$/, '').slice(-1);
    // The count must follow the last item: a name or a closing quote, never a stop, 第 or another numeral.
    if (!/[\p{Script=Han}A-Za-z”’》」』)）“]/u.test(before) || /[第一两二三四五六七八九十百千万前后近约等]/.test(before)) continue;
    // A count that opens a quotation ("“三项制度”") or sits inside one is part of a name, not a count of the list.
    if (/[“‘「『]/.test(before)) continue;
    const clause = clauseBefore(text, start);
    if (clause.insideQuote) continue;
    const list = text.slice(clause.start, start).replace(/[\s*]/g, '').replace(HEADING_NUMBER, '');
    if (!list.includes('、') || list.length > 80) continue;
    // Lists closed by 等 are open, also when words follow the 等 ("甲、乙等沿河两岸6个组团"); lists that hold figures or
    // counts of their own are not a plain list of names.
    if (OPEN_LIST_END.test(list.slice(list.lastIndexOf('、') + 1)) || /等[“"‘]?$/.test(list)) continue;
    if (/\d/.test(list) || ANY_COUNT.test(list.replace(/^[^、]*?[“"]/, '')) || ANY_COUNT.test(list)) continue;
    // The count phrase must close its clause, shortly: "三大工作体系", not "五项原则发表70周年纪念大会".
    const after = plainText(text, end, end + 14).split(/[，。；：！？,;:!?）)]/)[0] ?? '';
    if (after.length > 10 || /\d/.test(after)) continue;
    // In digits, a count closing its clause counts things of the listed kinds ("新建学校、幼儿园5所"); only a count
    // followed by the name of the kind ("金昌、白银、庆阳3个城市医疗集团") counts the names listed.
    if (isDigits && after.length < 2) continue;
    // "绿色工厂3家以上": a bounded quantity of things, not a count of the names before it.
    if (/^(?:以上|以下|左右|多|余)/.test(after)) continue;
    // "八个字", "三个月": a count of characters or of time, not of the items.
    if (/^(?:字|年|月|天|日|小时|周|次|倍|百分点|工作日|季度|学期|年度|届|轮|批次)/.test(after)) continue;
    // "是全国六个试点城市之一": one of N, not N listed.
    if (/之一/.test(after)) continue;
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
    const quoted = quotedItemCounts(list);
    const stated = extraction.quantities.find((q) => q.start <= start && start < q.end);
    const statedId = stated?.id ?? `span:${start}-${end}`;
    const shownList = `${list}${numeral}${measure}${after.slice(0, 6)}`;
    const reading = '按顿号所列各项即所计之物理解';
    if ((count >= low && count <= high) || quoted.includes(count)) {
      findings.push({
        check: 'enumeration',
        verdict: 'consistent',
        stated: statedId,
        quantities: stated ? [stated.id] : [],
        confidence: 0.7,
        reading: quoted.includes(count) && !(count >= low && count <= high) ? '按每个引号内的名称算作一项理解' : reading,
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
    } else if (!isClosedList(list, isDigits, measure)) {
      findings.push({
        check: 'enumeration',
        verdict: 'questionable',
        stated: statedId,
        quantities: stated ? [stated.id] : [],
        confidence: 0.3,
        reading: '数词可能另有所指（所列为所在地、目标或示例，或只属最后一项）',
        message: `「${shownList}」：列出${low === high ? low : `${low}–${high}`}项，称“${numeral}${measure}”，数目无法确认，需复核`,
      });
    } else {
      findings.push({
        check: 'enumeration',
        verdict: 'inconsistent',
        stated: statedId,
        quantities: stated ? [stated.id] : [],
        confidence: 0.7,
        deviation: String(count - low),
        reading,
        message: `「${shownList}」：列出${low === high ? low : `${low}–${high}`}项，却称“${numeral}${measure}”`,
      });
    }
  }
  return findings;
}

/**
 * True when a list can mean nothing but the items its count counts: one quotation holding the whole list, or plain
 * names (no quotation) counted in Chinese numerals with a measure word other than 大, the last not a person.
 */
function isClosedList(list: string, isDigits: boolean, measure: string): boolean {
  // "N大X" names a programme: even a quotation before it may be its slogan ("“稳中求进、争先进位”五大行动")
  if (measure === '大' || isDigits) return false;
  if (isOneQuotedList(list)) return true;
  if (/[“”‘’「」]/.test(list)) return false;
  return !OWNER.test(list.slice(list.lastIndexOf('、') + 1));
}

/** The enumeration check, for the registry in verify.ts. */
export const enumerationCheck: Check = { id: 'enumeration', reading: '按顿号所列各项即所计之物理解', run: checkEnumeration };
