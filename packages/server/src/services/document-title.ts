/**
 * The title a document is listed under when its uploader gives none. A report's first heading or short line is its
 * title. A work report read aloud often has none: it opens with the speaker ("市长  马  军"), a salutation
 * ("各位代表："), its first sentence or its first section ("一、2023年工作回顾"), or only the generic words
 * "政府工作报告"; such a report is named from its region and year, as people name it.
 * Example: documentTitle('各位代表：\n\n现在，我代表市人民政府向大会报告工作……', { regionName: '上海市', year: 2024, fileName: 'sh.txt' })
 *   → '上海市2024年政府工作报告'.
 */

/** What names a document besides its text. */
export interface TitleContext {
  readonly regionName: string;
  readonly year: number;
  readonly fileName: string;
}

/** Line lengths read as a title: shorter lines are page furniture ("下载"), longer ones sentences. */
const MIN_TITLE_CHARS = 4;
const MAX_TITLE_CHARS = 60;
/** How far into the text a work report says what it is ("向大会报告工作"). */
const OPENING_CHARS = 400;

/** "市长  马  军", "代省长 王某" — who delivers the report, above it. */
const SPEAKER = /^代?(?:[省市区县州旗盟]长|主席)[\s\u3000]/u;
/** "各位代表：", "同志们:" — a short line ending in a colon addresses the hall. */
const SALUTATION = /^.{1,12}[：:]$/u;
/** "一、…", "（一）…", "1. …", "第一部分 …" — a part of the report; "（2024年1月29日在…上）" — when it was given. */
const SECTION_HEADING = /^(?:[（(]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十]+部分)/u;
/** A sentence, not a heading: it has a full stop or ends in punctuation. */
const SENTENCE = /。|[，。；！？,;!?]$/u;
/** Words with which a government work report opens or names itself. */
const WORK_REPORT = /报告(?:政府)?工作|政府工作报告/u;

/** The document's title, from its text, its region and year, or at last its file name. */
export function documentTitle(text: string, context: TitleContext): string {
  const line = firstLine(text);
  const generic = line !== undefined && line.replace(/[\s\u3000]/gu, '') === '政府工作报告';
  if (line !== undefined && !generic) return line;
  if (generic || WORK_REPORT.test(text.slice(0, OPENING_CHARS))) return `${context.regionName}${context.year}年政府工作报告`;
  return context.fileName.replace(/\.[^.]+$/u, '') || context.fileName;
}

/** The first non-empty line when it reads as a title (a speaker's line above it skipped), else undefined. */
function firstLine(text: string): string | undefined {
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^#+\s*/u, '').trim();
    if (line.length === 0 || SPEAKER.test(line)) continue;
    const title = line.length >= MIN_TITLE_CHARS && line.length <= MAX_TITLE_CHARS && !SALUTATION.test(line) && !SECTION_HEADING.test(line) && !SENTENCE.test(line);
    return title ? line : undefined;
  }
  return undefined;
}
