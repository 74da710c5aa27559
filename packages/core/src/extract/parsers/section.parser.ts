/**
 * Finds the headings that open sections and the theme each names: "聚力打好生态环境保护战，…" → 生态环境保护,
 * "（一）着力扩大国内需求。" → 扩大国内需求, "## 三、2024年政府工作任务" → 2024年政府工作任务.
 * Also tells, for each paragraph, whether it looks back (回顾) or ahead (部署): only the latter holds commitments.
 */
import type { Section } from '../../model/extraction.ts';

/** A section with offsets into the normalized text, and whether it is a review or a plan. */
export interface SectionCandidate extends Omit<Section, 'text'> {
  readonly level: number;
  /** Where the section's reach ends, for a paragraph's topic sentence: the end of that paragraph. */
  readonly scopeEnd?: number;
}

const NUMBERED = /^(?:#{1,6}\s*)?(?:([一二三四五六七八九十]+)、|[（(]([一二三四五六七八九十]+)[）)]|(\d{1,2})[.．、](?!\d))\s*([^。；：:\n]{2,40}?)(?:[。；：:\n]|$)/u;
/**
 * A paragraph's topic sentence names what the paragraph is about: "积极的财政政策要适度加力、提质增效。" →
 * 积极的财政政策; "今年发展主要预期目标是：" → 主要预期目标. Sentences led by a pronoun ("我们要…") name no topic.
 * A 要 that begins a word (要素, 要求, 要点) is no verb: "强化要素资源硬保障。" names no topic 强化.
 */
const TOPIC_SENTENCE = /^(?:今年|明年|\d{4}年)?(?:发展|经济社会发展|全省|全市|全区)?的?([^，。；：:\n]{2,14}?)(?:要(?![素求点务害])|是|为)[^。；\n]{0,16}[。：:]/u;
const PRONOUN_SUBJECT = /^(?:我们|我|各地|各地区|各部门|各级|大家|全国|全省|全市|这|那|其|它)/u;
const MARKDOWN = /^(#{1,6})\s*[■●◆▲★]?\s*([^\n]{2,60})$/u;
/** A campaign opener: "聚力打好产业转型升级战，" — the battle names the theme. */
const CAMPAIGN = /^((?:聚力|全力|奋力|坚决|着力|全面)?(?:打好|打赢|决战|攻坚)([^，。；\n]{2,16}?)(?:攻坚战|保卫战|持久战|阻击战|战))[，。；]/u;


/**
 * Lists every section opener in text order.
 * @example parseSections('聚力打好宜居城区攻坚战，铸造…')[0].theme // '宜居城区'
 */
export function parseSections(text: string): SectionCandidate[] {
  const sections: SectionCandidate[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const lineEnd = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd);
    const trimmed = line.replace(/^[\s　]+/u, '');
    const offset = lineStart + (line.length - trimmed.length);
    const section = readHeading(trimmed, offset) ?? readTopicSentence(trimmed, offset, lineEnd);
    if (section) sections.push(section);
    lineStart = lineEnd + 1;
  }
  return sections;
}

function readHeading(line: string, offset: number): SectionCandidate | undefined {
  const campaign = CAMPAIGN.exec(line);
  if (campaign) {
    return { start: offset, end: offset + campaign[1]!.length, title: campaign[1]!, theme: campaign[2]!.trim(), level: 3 };
  }
  const numbered = NUMBERED.exec(line);
  if (numbered) {
    const title = numbered[4]!.trim();
    const level = numbered[1] ? 1 : numbered[2] ? 2 : 3;
    const start = offset + numbered[0].indexOf(title);
    return { start, end: start + title.length, title, theme: toTheme(title), level };
  }
  const markdown = MARKDOWN.exec(line);
  if (markdown && !/[，。；]/u.test(markdown[2]!)) {
    const title = markdown[2]!.trim();
    const start = offset + line.indexOf(title);
    return { start, end: start + title.length, title, theme: toTheme(title), level: markdown[1]!.length };
  }
  return undefined;
}

function readTopicSentence(line: string, offset: number, paragraphEnd: number): SectionCandidate | undefined {
  const topic = TOPIC_SENTENCE.exec(line);
  if (!topic || PRONOUN_SUBJECT.test(topic[1]!)) return undefined;
  const start = offset + topic[0].indexOf(topic[1]!);
  return { start, end: start + topic[1]!.length, title: topic[1]!, theme: topic[1]!, level: 9, scopeEnd: paragraphEnd };
}

/** "■2023年全区一般公共预算支出" → the title without bullets and quotation marks. */
function toTheme(title: string): string {
  const theme = title.replace(/[■●◆▲★“”"「」]/gu, '').trim();
  return theme.length >= 2 ? theme : title;
}
