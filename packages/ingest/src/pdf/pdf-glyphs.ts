/**
 * Maps the presentation forms some PDF fonts use (Kangxi radicals, CJK radical supplements, Latin ligatures) back to
 * ordinary characters. Example: "⺠生" → "民生".
 */

/**
 * CJK radical code points some PDF fonts map their glyphs to, and the ideograph each stands for in running text
 * (Unicode's EquivalentUnifiedIdeograph, simplified forms where the radical is the simplified one): "⺠" → "民".
 */
const RADICAL_SUPPLEMENT: Readonly<Record<string, string>> = Object.fromEntries(
  [
    '⺁厂', '⺅亻', '⺆冂', '⺇几', '⺉刂', '⺊卜', '⺋㔾', '⺌小', '⺍小', '⺎兀', '⺐尢', '⺒巳', '⺓幺', '⺔彑', '⺕彐',
    '⺖忄', '⺗心', '⺘扌', '⺙攵', '⺛旡', '⺜日', '⺝月', '⺞歺', '⺟母', '⺠民', '⺡氵', '⺢氺', '⺣灬', '⺤爫', '⺥爫',
    '⺦丬', '⺧牛', '⺨犭', '⺩王', '⺪疋', '⺫罒', '⺬示', '⺭礻', '⺮竹', '⺯糸', '⺰纟', '⺱罓', '⺲罒', '⺶羊', '⺷羊',
    '⺹耂', '⺺肀', '⺻聿', '⺼月', '⺽臼', '⺾艹', '⺿艹', '⻀艹', '⻁虎', '⻂衤', '⻃覀', '⻄西', '⻅见', '⻆角', '⻈讠',
    '⻉贝', '⻋车', '⻌辶', '⻍辶', '⻎辶', '⻏阝', '⻐钅', '⻑長', '⻒镸', '⻓长', '⻔门', '⻖阝', '⻗雨', '⻘青', '⻙韦',
    '⻚页', '⻛风', '⻜飞', '⻝食', '⻟飠', '⻠饣', '⻢马', '⻣骨', '⻤鬼', '⻥鱼', '⻦鸟', '⻧卤', '⻨麦', '⻩黄', '⻪黾',
    '⻫斉', '⻬齐', '⻭歯', '⻮齿', '⻯竜', '⻰龙', '⻱龜', '⻲亀', '⻳龟',
  ].map((pair) => [pair.charAt(0), pair.charAt(1)]),
);

/**
 * Maps presentation forms some PDF fonts use back to ordinary characters, one for one so offsets stay exact:
 * Kangxi radicals ("⼀" U+2F00 → "一"), CJK radical supplements ("⺠" → "民"); Latin ligatures ("ﬁ" → "fi") change
 * the length and map as a whole.
 */
export function normalizeGlyphs(text: string): string {
  if (!/[\u2e80-\u2fdf\ufb00-\ufb06]/.test(text)) return text;
  return text.replace(/[\u2e80-\u2fdf\ufb00-\ufb06]/g, (char) => RADICAL_SUPPLEMENT[char] ?? char.normalize('NFKC'));
}
