/**
 * Finds the headings that open sections and the theme each names: "聚力打好生态环境保护战，…" → 生态环境保护,
 * "（一）着力扩大国内需求。" → 扩大国内需求, "## 三、2024年政府工作任务" → 2024年政府工作任务.
 * Also tells, for each paragraph, whether it looks back (回顾) or ahead (部署): only the latter holds commitments.
 */
import type { Section } from '../../model/extraction.ts';

/** A section with offsets into the normalized text, and whether it is a review or a plan. */
export interface SectionCandidate extends Omit<Section, 'text'> {
  readonly level: number;
}

const NUMBERED = /^(?:#{1,6}\s*)?(?:([一二三四五六七八九十]+)、|[（(]([一二三四五六七八九十]+)[）)]|(\d{1,2})[.．、](?!\d))\s*([^。；\n]{2,40}?)(?:[。；\n]|$)/u;
const MARKDOWN = /^(#{1,6})\s*[■●◆▲★]?\s*([^\n]{2,60})$/u;
/** A campaign opener: "聚力打好产业转型升级战，" — the battle names the theme. */
const CAMPAIGN = /^((?:聚力|全力|奋力|坚决|着力|全面)?(?:打好|打赢|决战|攻坚)([^，。；\n]{2,16}?)(?:攻坚战|保卫战|持久战|阻击战|战))[，。；]/u;
const THEME_PREFIX = /^(?:着力|大力|加快|持续|坚持|全面|深入|扎实|聚力|全力|奋力|坚决|切实|积极|更加|进一步)+/u;
const THEME_SUFFIX = /(?:攻坚战|保卫战|持久战|阻击战|战)$/u;

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
    const section = readHeading(trimmed, offset);
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

/** "着力扩大国内需求" → 扩大国内需求: the adverbs of a heading are not part of what it is about. */
function toTheme(title: string): string {
  const theme = title.replace(/[■●◆▲★]/gu, '').replace(THEME_PREFIX, '').replace(THEME_SUFFIX, '').trim();
  return theme.length >= 2 ? theme : title;
}
