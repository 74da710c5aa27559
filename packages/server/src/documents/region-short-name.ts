/**
 * A region's short name as 公文 numbers use it: the name without its level word. Example: shortRegionName('城北区') →
 * '城北'; '西宁市' → '西宁'; '湟中县' → '湟中'; '宁夏回族自治区' → '宁夏回族' (an office that writes 宁 sets its own prefix).
 */
const LEVEL_WORDS = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '林区', '新区', '省', '市', '区', '县', '旗', '盟', '州'];

export function shortRegionName(name: string): string {
  const trimmed = name.trim();
  for (const word of LEVEL_WORDS) {
    // A name that is nothing but the level word plus one character (e.g. 沙市, 坊子区 → keep two) stays readable.
    if (trimmed.endsWith(word) && trimmed.length - word.length >= 2) return trimmed.slice(0, -word.length);
  }
  return trimmed;
}
