/**
 * Finds wholes and their parts: a 其中 list, a 按…分 / 分…看 breakdown, and a run of labelled 方面 paragraphs.
 * Example: "全县农业总产值282563万元…其中：种植业1130577万元，林业产值33942万元…" → whole 282563万元, four parts.
 */
import { plainWords } from './figure-role.ts';
import { additiveUnit, commonRun, isAdditiveKind, isPerUnit, NOT_ADDITIVE, type Figure } from './figure.ts';
import { positionsOf, type TextSegments } from './text-segments.ts';

/** A whole and its parts: "农业总产值282563万元…其中：种植业…，林业产值…". */
export interface PartsList {
  readonly total: Figure;
  readonly parts: readonly Figure[];
  /** True for a list that sets out the whole (a run of 方面 paragraphs); a 其中 list may leave parts out. */
  readonly isExhaustive: boolean;
  readonly cue: '其中' | '分项段落' | '合计' | '三次产业' | '分别为';
  /**
   * For a 其中 with no colon after it, how many of the parts stand in its own clause: "16个、其中新开工5个，推进…
   * 51个" may end the list at the comma, so a judgement must hold with these parts alone too.
   */
  readonly clauseParts?: number;
}

/** A figure after 其中 that is not a part but another whole or a balance: 油料总产量, 贸易顺差, 净增. */
const NOT_A_PART = /差额|顺差|逆差|净|余额|合计|结余|累计/;
const ANOTHER_WHOLE = /总/;
/** Classes by size threshold ("超10亿元的99户，超50亿元的9户") nest inside each other: they are not parts. */
const SIZE_CLASS = /超(?!市)|以上|以下|不足|不到/;

/**
 * Every list of parts in the text, each with its whole.
 * @example findPartsLists(text, segments, bySentence)[0].cue // '其中'
 */
export function findPartsLists(text: string, segments: TextSegments, bySentence: readonly (readonly Figure[])[]): PartsList[] {
  return [
    ...findQizhongLists(text, segments, bySentence),
    ...findBreakdownLists(text, segments, bySentence),
    ...findParagraphLists(text, segments, bySentence),
    ...findSumStatements(text, bySentence),
    ...findSectorLists(text, segments, bySentence),
    ...findRespectivelyLists(text, bySentence),
  ];
}

/**
 * "获批省级科技项目3个，分别为A项目1个、B项目1个、C项目1个": a total followed at once by 分别为 sets out its items one
 * by one, so the items in its unit after 分别为 (to the sentence's end) must add up to it.
 */
function findRespectivelyLists(text: string, bySentence: readonly (readonly Figure[])[]): PartsList[] {
  const lists: PartsList[] = [];
  for (const figures of bySentence) {
    figures.forEach((total, k) => {
      if (total.role !== 'level' || !total.looseInterval || !isAdditiveKind(total) || isPerUnit(total)) return;
      const next = figures[k + 1];
      if (!next || !/^[，,]?\s*分别(?:为|是)[^；;]*$/.test(text.slice(total.quantity.end, next.quantity.start))) return;
      // the items run to a semicolon: "新建类5个，分别是：A、B；改造提升类7个，分别是：提升改造小区20个…" lists
      // names without figures, and the figures after the semicolon belong to the next class
      const parts: Figure[] = [];
      let last = total.quantity.end;
      for (const f of figures.slice(k + 1)) {
        if (/[；;]/.test(text.slice(last, f.quantity.start))) break;
        if (additiveUnit(f) === additiveUnit(total)) parts.push(f);
        last = f.quantity.end;
      }
      if (parts.length < 2 || parts.some((f) => f.role !== 'level' || !f.looseInterval || isPerUnit(f))) return;
      lists.push({ total, parts, isExhaustive: true, cue: '分别为' });
    });
  }
  return lists;
}

/** The three sectors named together before 分别: "三次产业增加值分别为…", "第一、二、三产业增加值分别为…". */
const SECTORS_CUE = /(?:三次产业|第一、二、三产业|一、二、三产业?|一二三产业?)[^，,。；;\d]{0,10}分别(?:为|是|实现|完成|达到?)?/;
/** The whole the three sectors make up. */
const GDP = /地区生产总值|生产总值|GDP|经济总量/;

/**
 * "地区生产总值1000亿元，增长5.2%，三次产业增加值分别为100亿元、400亿元、500亿元": the three sectors make up the
 * GDP by definition, so the three figures after 分别 must add up to the GDP stated before them (in the sentence, or
 * the sentence before in the same paragraph).
 */
function findSectorLists(text: string, segments: TextSegments, bySentence: readonly (readonly Figure[])[]): PartsList[] {
  const lists: PartsList[] = [];
  segments.sentences.forEach((sentence, index) => {
    const cue = SECTORS_CUE.exec(text.slice(sentence.start, sentence.end));
    if (!cue) return;
    const cueEnd = sentence.start + cue.index + cue[0].length;
    const figures = bySentence[index] ?? [];
    const isLevel = (f: Figure): boolean => f.role === 'level' && f.looseInterval !== undefined && isAdditiveKind(f) && !isPerUnit(f);
    const after = figures.filter((f) => f.quantity.start >= cueEnd);
    const parts = after.slice(0, 3);
    if (parts.length < 3 || !parts.every(isLevel)) return;
    if (new Set(parts.map(additiveUnit)).size !== 1) return;
    const isGdp = (f: Figure): boolean => isLevel(f) && GDP.test(f.metric) && additiveUnit(f) === additiveUnit(parts[0]!);
    let total = [...figures].reverse().find((f) => f.quantity.end <= sentence.start + cue.index && isGdp(f));
    if (!total && segments.sentenceParagraph[index - 1] === segments.sentenceParagraph[index]) total = [...(bySentence[index - 1] ?? [])].reverse().find(isGdp);
    if (total) lists.push({ total, parts, isExhaustive: true, cue: '三次产业' });
  });
  return lists;
}

/** The clause holds only the sum word: "…，合计1449人". "收入总计200亿元" names a budget total that may add up
 *  items stated in other sentences, so it is not read as the sum of the figures just listed. */
/** How far back (in sentences) a breakdown looks for the headline figure it splits. */
const NEARBY_SENTENCES = 8;

/** 等 that leaves a list open, not 等 inside a word (平等, 高等, 等级, 同等). */
const OPEN_LIST = /(?<![平高同中初对均相优])等(?![级次同号])/;

const SUM_CUE = /^(合计|共计|总计|总共|一共)(为|达到?|是)?$/;

/**
 * "在编人员685人，大集体人员27人，聘用卫技人员737人，合计1449人": the text adds up the figures it has just listed.
 * The parts are the levels of the total's unit since the sentence began or since the last such total; the sum must
 * match the total within the rounding, since the text itself says it is their sum.
 */
function findSumStatements(text: string, bySentence: readonly (readonly Figure[])[]): PartsList[] {
  const lists: PartsList[] = [];
  for (const figures of bySentence) {
    let since = 0;
    figures.forEach((total, k) => {
      if (total.role !== 'level' || !SUM_CUE.test(total.before) || !total.looseInterval || !isAdditiveKind(total) || isPerUnit(total)) return;
      const parts = figures.slice(since, k).filter((f) => f.role === 'level' && additiveUnit(f) === additiveUnit(total));
      since = k + 1;
      if (parts.length < 2 || parts.some((f) => !f.looseInterval || isPerUnit(f))) return;
      // "A 30亿元、B 20亿元等，合计90亿元": a list closed by 等 names some of the items the sum adds up, not all
      const isOpen = OPEN_LIST.test(text.slice(parts[0]?.quantity.start ?? total.quantity.start, total.quantity.start));
      lists.push({ total, parts, isExhaustive: !isOpen, cue: '合计' });
    });
  }
  return lists;
}

/** 其中 lists: the whole is the last level before 其中, the parts the levels of its unit after it. */
function findQizhongLists(text: string, segments: TextSegments, bySentence: readonly (readonly Figure[])[]): PartsList[] {
  const lists: PartsList[] = [];
  const allCues = positionsOf(text, '其中');
  let next = 0;
  segments.sentences.forEach((sentence, index) => {
    while (next < allCues.length && (allCues[next] ?? Infinity) < sentence.start) next++;
    const cues: number[] = [];
    while (next < allCues.length && (allCues[next] ?? Infinity) < sentence.end) cues.push(allCues[next++] ?? 0);
    if (cues.length === 0) return;
    const depth = bracketDepths(text.slice(sentence.start, sentence.end));
    const depthAt = (offset: number): number => depth[offset - sentence.start] ?? 0;
    const figures = bySentence[index] ?? [];
    cues.forEach((cue, k) => {
      // the list runs to the next 其中 at the same bracket depth (a 其中 in brackets opens a list of its own)
      const nextCue = cues.slice(k + 1).find((c) => depthAt(c) <= depthAt(cue)) ?? sentence.end;
      const scopeEnd = qizhongScopeEnd(text, cue, nextCue);
      const isLevel = (f: Figure): boolean => f.role === 'level' && f.looseInterval !== undefined && isAdditiveKind(f) && !isPerUnit(f);
      let total = [...figures].reverse().find((f) => f.quantity.end <= cue && isLevel(f));
      if (!total && plainWords(text.slice(sentence.start, cue)).length === 0) {
        const earlier = bySentence[index - 1] ?? [];
        if (segments.sentenceParagraph[index - 1] === segments.sentenceParagraph[index]) {
          total = [...earlier].reverse().find(isLevel);
        }
      }
      if (!total || NOT_ADDITIVE.test(total.metric)) return;
      const parts: Figure[] = [];
      let last = cue;
      for (const f of figures) {
        if (f.quantity.start < cue || f.quantity.start >= scopeEnd) continue;
        if (f.role !== 'level' || additiveUnit(f) !== additiveUnit(total) || depthAt(f.quantity.start) > depthAt(cue)) continue;
        const first = parts[0];
        const gap = text.slice(last, f.quantity.start);
        // after a semicolon the list goes on only with a parallel item: 第一产业增加值…；第二产业增加值…
        if (first && /[；;]/.test(gap) && first.metric.slice(-2) !== f.metric.slice(-2)) break;
        // a clause that opens like the whole's own clause names a sibling of the whole, not a part: 新增…，新增…
        if (first && /[，,]/.test(gap) && f.clause.length >= 2 && total.clause.slice(0, 2) === f.clause.slice(0, 2)) break;
        if (NOT_A_PART.test(f.metric) || isAnotherWhole(f, total, first)) break;
        if (f.looseInterval === undefined || isPerUnit(f) || SIZE_CLASS.test(f.clause)) return;
        parts.push(f);
        last = f.quantity.end;
      }
      if (parts.length === 0) return;
      // "其中：" and "其中，" open a list that runs to the sentence's end; a bare 其中 may end at its clause
      const hasColon = /^其中[\s*]*[：:，,]/.test(text.slice(cue, cue + 6));
      // a part past the clause stays in every reading when it is named like the first (出口总额…；进口总额…)
      const first = parts[0];
      const isParallel = (f: Figure): boolean => first !== undefined && f.metric.length >= 2 && f.metric.slice(-2) === first.metric.slice(-2);
      let clauseParts = 0;
      while (clauseParts < parts.length) {
        const f = parts[clauseParts];
        if (!f || (/[，,；;]/.test(text.slice(cue + 2, f.quantity.start)) && !isParallel(f))) break;
        clauseParts++;
      }
      lists.push({ total, parts, isExhaustive: isThreeSectors(parts), cue: '其中', ...(hasColon || clauseParts === parts.length ? {} : { clauseParts }) });
    });
  });
  return lists;
}

/**
 * True when the parts are the three sectors (第一产业, 第二产业, 第三产业) and nothing else: by definition they make
 * up the whole (地区生产总值), so a 其中 list of them must add up to it, not merely stay under it.
 */
function isThreeSectors(parts: readonly Figure[]): boolean {
  if (parts.length !== 3) return false;
  return ['第一产业', '第二产业', '第三产业'].every((name, k) => parts[k]?.metric.includes(name) || parts[k]?.clause.includes(name));
}

/**
 * A 总 figure after 其中 is another whole (粮食总产量…其中早稻…，油料总产量), unless the list is one of 总 figures
 * named like the whole: 邮电业务总量 → 邮政业务总量、电信业务总量.
 */
function isAnotherWhole(f: Figure, total: Figure, first: Figure | undefined): boolean {
  if (!ANOTHER_WHOLE.test(f.metric)) return false;
  const sameTail = f.metric.slice(-2) === total.metric.slice(-2);
  return !(sameTail && (first === undefined || ANOTHER_WHOLE.test(first.metric)));
}

/** For each character of a sentence, how many brackets are open around it. */
function bracketDepths(words: string): number[] {
  const depths: number[] = [];
  let depth = 0;
  for (const ch of words) {
    if (ch === '（' || ch === '(') depth++;
    depths.push(depth);
    if ((ch === '）' || ch === ')') && depth > 0) depth--;
  }
  return depths;
}

/** A 其中 inside brackets speaks only within them: "新增托位6870个（其中普惠托位5505个）". */
function qizhongScopeEnd(text: string, cue: number, limit: number): number {
  const open = Math.max(text.lastIndexOf('（', cue), text.lastIndexOf('(', cue));
  const close = Math.max(text.lastIndexOf('）', cue), text.lastIndexOf(')', cue));
  if (open > close && cue - open < 30) {
    for (let i = cue; i < limit; i++) if (text[i] === '）' || text[i] === ')') return i;
  }
  return limit;
}


const BREAKDOWN_CUE = /^(?:按[^，,：:。]{1,12}分|分[^，,：:。]{1,8}看)[，,：:]/;

/**
 * "按经营单位所在地分，城镇…949.2亿元…；乡村…181.8亿元" and "分级次看：市级…，县（市、区）…": a sentence that
 * opens with a classification splits the paragraph's headline figure. Judged like a 其中 list (the classes may not
 * all be named); the parts must be named like the whole.
 */
function findBreakdownLists(text: string, segments: TextSegments, bySentence: readonly (readonly Figure[])[]): PartsList[] {
  const lists: PartsList[] = [];
  segments.sentences.forEach((sentence, index) => {
    if (!BREAKDOWN_CUE.test(plainWords(text.slice(sentence.start, Math.min(sentence.end, sentence.start + 40))))) return;
    const paragraph = segments.sentenceParagraph[index];
    let headline: Figure | undefined;
    for (let k = index - 1; k >= Math.max(0, index - NEARBY_SENTENCES) && segments.sentenceParagraph[k] === paragraph; k--) {
      const first = bySentence[k]?.find((f) => f.role === 'level' && f.looseInterval && isAdditiveKind(f) && !f.isPart);
      if (first) headline = first;
    }
    if (!headline || isPerUnit(headline)) return;
    const total = headline;
    const parts: Figure[] = [];
    for (const f of bySentence[index] ?? []) {
      if (f.role !== 'level' || additiveUnit(f) !== additiveUnit(total)) continue;
      if (!f.looseInterval || isPerUnit(f) || NOT_A_PART.test(f.metric) || commonRun(f.metric, total.metric) < 2) return;
      parts.push(f);
    }
    if (parts.length >= 2) lists.push({ total, parts, isExhaustive: false, cue: '其中' });
  });
  return lists;
}

/** The label a list paragraph opens with: "**教育建设方面**，…" → 'bold'; "教育方面，…" → '方面'. */
function paragraphLabel(words: string): string | undefined {
  const trimmed = words.trim();
  if (/^\*\*[^*\n]{1,20}\*\*\s*[，,：:]/.test(trimmed)) return 'bold';
  const first = /^([^，,：:。\d]{2,20})[，,：:]/.exec(trimmed);
  const label = first?.[1]?.replace(/[*\s]/g, '');
  if (label && /(方面|领域|类|项目)$/.test(label)) return label.slice(-2);
  return undefined;
}

/** Runs of three or more paragraphs, each one labelled item with one figure, after a paragraph that states their whole. */
function findParagraphLists(text: string, segments: TextSegments, bySentence: readonly (readonly Figure[])[]): PartsList[] {
  const byParagraph: Figure[][] = segments.paragraphs.map(() => []);
  bySentence.forEach((list) => list.forEach((f) => byParagraph[f.paragraph]?.push(f)));
  const lists: PartsList[] = [];
  const item = (index: number): { label: string; figure: Figure } | undefined => {
    const paragraph = segments.paragraphs[index];
    const figures = byParagraph[index] ?? [];
    const only = figures[0];
    if (!paragraph || figures.length !== 1 || !only || only.role !== 'level' || !only.looseInterval || !isAdditiveKind(only)) return undefined;
    const label = paragraphLabel(text.slice(paragraph.start, paragraph.end));
    return label ? { label, figure: only } : undefined;
  };
  let index = 0;
  while (index < segments.paragraphs.length) {
    const first = item(index);
    if (!first) {
      index++;
      continue;
    }
    const run = [first];
    let next = index + 1;
    for (let candidate = item(next); candidate && candidate.label === first.label && additiveUnit(candidate.figure) === additiveUnit(first.figure); candidate = item(next)) {
      run.push(candidate);
      next++;
    }
    if (run.length >= 3) {
      // the whole: the first level of the nearest paragraph above that has figures, at most three paragraphs up
      for (let back = index - 1; back >= Math.max(0, index - 3); back--) {
        const figures = byParagraph[back] ?? [];
        if (figures.length === 0) continue;
        const total = figures.find((f) => f.role === 'level' && additiveUnit(f) === additiveUnit(first.figure) && f.looseInterval);
        if (total && !NOT_ADDITIVE.test(total.metric)) {
          lists.push({ total, parts: run.map((r) => r.figure), isExhaustive: true, cue: '分项段落' });
        }
        break;
      }
    }
    index = next;
  }
  return lists;
}
