/**
 * Finds the numerals of a text that a reader would expect a tool to account for: Arabic digit groups with their
 * decimals and magnitude ("21.98亿", "1,234", "２０２３") and runs of Chinese numerals ("二千一百", "十四五"), leaving out
 * ordinary words in which a numeral character is not a number (一些, 统一, 进一步, 千方百计).
 */

export interface NumeralToken {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly script: 'arabic' | 'chinese';
}

const ARABIC = /[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?[万亿千百]*/gu;
const CHINESE = /[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+/gu;

/**
 * Common words whose numeral character does not count anything. A general list of the language, not of one
 * document: adverbs (一直, 一定), determiners (一些, 一批), verbs (统一, 进一步), idioms (千方百计, 万众一心).
 */
export const ORDINARY_WORDS: readonly string[] = [
  '进一步', '一系列', '一大批', '一揽子', '一站式', '一体化', '一如既往', '一以贯之', '千方百计', '千家万户', '万众一心',
  '万无一失', '一视同仁', '一刀切', '一把手', '一大', '一些', '一批', '统一', '一体', '一流', '一样', '一直', '一切', '唯一',
  '一道', '一起', '一定', '一般', '万众', '百姓', '同一', '一方面', '一致', '不一', '一线', '一律', '一旦', '一度', '专一',
  '一举', '一番', '一贯', '一再', '一向', '逐一', '之一', '一心', '一手', '一份', '万一', '亿万', '万物', '千秋', '千里',
  '万里', '百业', '百花', '十分', '十足', '一带一路', '独一', '一时', '一代', '划一', '一环', '一面', '一同',
  '一并', '一概', '一口', '一边', '一下', '三思', '一味', '一目了然', '一应', '单一', '一身',
  // 零 陆 伍 拾 肆 also write ordinary words: retail, troops, land, to tidy.
  '零售', '零部件', '零配件', '零星', '零散', '零工', '队伍', '入伍', '退伍', '陆续', '大陆', '内陆', '登陆', '着陆', '陆路',
  '陆海', '陆上', '陆地', '水陆', '海陆', '肆意', '收拾',
];

const ORDINARY = new RegExp(
  [...ORDINARY_WORDS].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
  'gu',
);

/** Every numeral token of the text, in order, with ordinary words' numerals left out. */
export function scanNumerals(text: string): NumeralToken[] {
  const tokens: NumeralToken[] = [];
  const taken = new Uint8Array(text.length);
  for (const match of text.matchAll(ARABIC)) {
    const start = match.index;
    tokens.push({ start, end: start + match[0].length, text: match[0], script: 'arabic' });
    taken.fill(1, start, start + match[0].length);
  }
  const ordinary = new Uint8Array(text.length);
  for (const match of text.matchAll(ORDINARY)) ordinary.fill(1, match.index, match.index + match[0].length);
  for (const match of text.matchAll(CHINESE)) {
    // Split the run where it touches an ordinary word or an Arabic group's magnitude.
    let start = -1;
    const from = match.index;
    const to = from + match[0].length;
    for (let i = from; i <= to; i += 1) {
      const free = i < to && taken[i] === 0 && ordinary[i] === 0;
      if (free && start < 0) start = i;
      if (!free && start >= 0) {
        tokens.push({ start, end: i, text: text.slice(start, i), script: 'chinese' });
        start = -1;
      }
    }
  }
  return tokens.sort((a, b) => a.start - b.start);
}
