/**
 * Reads the part a figure plays from the words just before and after it in its clause.
 * Example: in "较2022年增加6.66亿元" the figure is a change (up); in "较2022年15.22亿元" it is the earlier level;
 * in "占财政总支出87.8%" it is a share of 财政总支出.
 */

/** The part a figure plays in a relation. `previous` is the earlier level a figure is compared with. */
export type FigureRole =
  | 'level'
  | 'previous'
  | 'change'
  | 'growth_rate'
  | 'share'
  | 'pp_change'
  | 'multiple'
  | 'average_growth';

/** What the words around a figure say about it. */
export interface FigureReading {
  readonly role: FigureRole;
  /** −1 for 下降 / 减少 / 减收 …, or a minus sign written before the number. */
  readonly sign: 1 | -1;
  /** For a share: the whole it is a share of, as the text names it (占财政总支出 → 财政总支出). */
  readonly shareOf?: string;
  /** True when the words before name a new subject (a noun), not only a comparison or a change word. */
  readonly hasSubject: boolean;
  /** True for "由 / 从 X": the start of a from–to pair. */
  readonly isFrom: boolean;
}

const DOWN = /(下降|减少|减收|减产|降低|回落|下滑|下跌|收窄|缩小|减|降|少)了?$/;
const CHANGE_VERB = /(增加|增长|增支|增收|增产|减产|减少|减收|下降|多|少|扩大|缩小|净增|净减)了?$/;
const RATE_VERB = /(增长|增加|增支|增收|增产|减产|下降|减少|减收|提高|降低|上升|上涨|回落|下滑|下跌|增速为?|增幅为?|增长率为?|降幅为?|涨幅为?|提升)了?$/;
const TO_WORD = /(到|至|为|达到?)$/;
// "占比15%": the 比 of 占比 names a share, not a comparison
const VERSUS =
  /(较|(?<!占)比|对比)(上年末?|去年|上年同期|同期|上年度|上一年|年初|(?:\d{4}|[一二三四五六七八九〇零]{4})年(?:末|底|同期)?|[“"]?[十一二三四五]{2,3}五[”"]?(?:期末|末)?|[一二三四五六七八九十]+年前)?(的)?$/;
const SHARE_WORD = /占(.*?)(?:的)?(?:比重|比例|份额)?(?:为|达到?|约|是)?$/;
const SHARE_NOUN = /(比重|占比|比例|份额|增长面|下降面|覆盖面)(?:为|达到?|约|是)?$/;
const FUNCTION_WORDS =
  /按(?:可比|不变)价格?计算|扣除价格因素|比上年末|比上年同期|比上年度|比上年|比去年|较上年末|较上年同期|较上年|较去年|(?:较|比)(?:\d{4}年|年初)(?:末|底|同期)?|同比|环比|分别|增长|增加|增支|增收|增产|减产|下降|减少|减收|提高|降低|上升|上涨|回落|下滑|下跌|提升|扩大|缩小|增速|增幅|达到|超过|以上|左右|其中|实际|名义|全年|累计|共计|占比|比重|比例|净增|净减|投入资金|了|达|为|约|近|和|及|与|的|是|较|比|共|增|减|降|到|至/g;

/** Strips markup (bold, headings, bullets) and spacing from a piece of text. */
export function plainWords(text: string): string {
  return text.replace(/[*#■●◆□▲\s　]/g, '');
}

/** True when the words, once comparison and change words are taken away, still name something (two CJK chars). */
export function namesSubject(words: string): boolean {
  const rest = words.replace(FUNCTION_WORDS, '').replace(/[^\u4e00-\u9fffA-Za-z]/g, '');
  return rest.length >= 2;
}

/**
 * Reads a figure's role from the plain words before it in its clause (`before`), the words right after it
 * (`after`), its unit and its own text.
 * @example readFigureRole('较2022年增加', '', '元', '6.66亿元') // { role: 'change', sign: 1, … }
 * @example readFigureRole('占财政总支出', '', '%', '87.8%') // { role: 'share', shareOf: '财政总支出', … }
 */
export function readFigureRole(before: string, after: string, unit: string, ownText: string): FigureReading {
  const words = plainWords(before);
  const minus = /[-−－]\s*$/.test(before) || /^[-−－]/.test(ownText.trim());
  const wordsNoMinus = words.replace(/[-−－]$/, '');
  const downWord = DOWN.test(wordsNoMinus);
  const sign: 1 | -1 = (downWord ? -1 : 1) * (minus ? -1 : 1) === -1 ? -1 : 1;
  const isFrom = /(由|从)[^由从]{0,10}$/.test(wordsNoMinus) && !TO_WORD.test(wordsNoMinus);
  const base = { sign, isFrom };
  if (unit === 'pp') {
    return { ...base, role: 'pp_change', hasSubject: namesSubject(wordsNoMinus.replace(/(占比|比重)/, '')) };
  }
  if (unit === '倍' || /倍|番/.test(ownText)) return { ...base, role: 'multiple', hasSubject: namesSubject(wordsNoMinus) };
  if (unit === '%') {
    if (/年均|年平均/.test(wordsNoMinus) && RATE_VERB.test(wordsNoMinus)) {
      return { ...base, role: 'average_growth', hasSubject: namesSubject(wordsNoMinus.replace(/年均|年平均/g, '')) };
    }
    if (isFrom) return { ...base, role: 'previous', hasSubject: namesSubject(wordsNoMinus.replace(/.*(由|从)/, '')) };
    if (VERSUS.test(wordsNoMinus)) return { ...base, role: 'previous', hasSubject: namesSubject(wordsNoMinus.replace(VERSUS, '')) };
    const share = SHARE_WORD.exec(wordsNoMinus);
    if (share && !RATE_VERB.test(wordsNoMinus)) {
      const shareOf = (share[1] ?? '').replace(/^(?:了|全部|整个)/, '');
      const head = wordsNoMinus.slice(0, share.index);
      return { ...base, role: 'share', shareOf, hasSubject: namesSubject(head) };
    }
    if (SHARE_NOUN.test(wordsNoMinus) || /^的/.test(plainWords(after))) {
      return { ...base, role: 'share', hasSubject: namesSubject(wordsNoMinus.replace(SHARE_NOUN, '')) };
    }
    if (RATE_VERB.test(wordsNoMinus) || (minus && wordsNoMinus.length === 0)) {
      return { ...base, role: 'growth_rate', hasSubject: namesSubject(wordsNoMinus) };
    }
    return { ...base, role: 'level', hasSubject: namesSubject(wordsNoMinus) };
  }
  if (isFrom) return { ...base, role: 'previous', hasSubject: namesSubject(wordsNoMinus.replace(/.*(由|从)/, '')) };
  if (CHANGE_VERB.test(wordsNoMinus) && !TO_WORD.test(wordsNoMinus)) {
    return { ...base, role: 'change', hasSubject: namesSubject(wordsNoMinus) };
  }
  if (VERSUS.test(wordsNoMinus)) return { ...base, role: 'previous', hasSubject: namesSubject(wordsNoMinus.replace(VERSUS, '')) };
  return { ...base, role: 'level', hasSubject: namesSubject(wordsNoMinus) };
}
