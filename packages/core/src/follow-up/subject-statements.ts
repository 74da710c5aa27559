/**
 * Finds the statements of a one-year review that a task was done, said in words instead of a figure, and judges which
 * target of last year's plan each one settles: "涉及10万人的保交房任务全部完成" meets "既有保交房项目交付率100%",
 * "完成年度“四类管线”改造任务" meets "更新改造“四类管线”1500公里", "县城黑臭水体基本消除" meets "黑臭水体消除率90%以上".
 */
import type { Quantity } from '../model/quantity.ts';
import type { Span } from '../model/span.ts';
import { compareDecimals } from '../numbers/decimal.ts';
import type { ReviewPeriod } from './review-periods.ts';

/** A review's statement that the task of one subject was done, with how completely. */
export interface SubjectStatement extends Span {
  /** What was done, cleaned of framing words: 保交房, 四类管线, 县级医院医疗. */
  readonly subject: string;
  /**
   * What the target must name besides the subject: the verb of 达标 / 消除 / 清零 / 交付 / 建成 ("黑臭水体消除率";
   * "空气质量全部达标" says nothing of 优良天数比例), or what was reached for 全部达到X (国家标准). None for 完成:
   * the task itself was done.
   */
  readonly named?: string;
  /** The statement is 全部达到X: X, named by the target, may stand for part of the subject. */
  readonly isReach: boolean;
  /** 'all': 全部 / 全面 / 如期 / 超额 / 完成…任务; 'mostly': 基本 (by convention 90% or more). */
  readonly degree: 'all' | 'mostly';
}

/**
 * "保交房任务全部完成", "县级医院医疗服务能力全部达到国家标准", "黑臭水体基本消除", "清欠年度目标任务超额完成",
 * "安居工程项目全部开工": a subject, a degree, a verb of completion, the clause's end.
 */
const DONE = /^(?<subject>[^，,。；;：:！？!?\n]{2,30}?)(?<degree>全部|全面|均已|均|如期|按期|圆满|提前|超额|基本)(?:已经|已)?(?<verb>完成|交付|达标|建成|消除|清零|开工|竣工|投产|达到(?<reached>[\u4e00-\u9fff]{2,10}))$/u;
/** "镇区污水管网实现全覆盖", "污水处理设施基本实现全覆盖": every one (or, with 基本, nearly every one) of them covered. */
const COVERED = /^(?<subject>[^，,。；;：:！？!?\n]{2,30}?)(?<degree>全部|全面|均|基本)?(?:已经|已)?(?<verb>实现全覆盖)$/u;
/**
 * "完成年度“四类管线”改造任务", "全面完成保交楼任务", "超额完成清欠企业账款年度目标", "造林绿化完成年度任务": a
 * subject's task, done, the subject after 完成 or before it.
 */
const TASK_DONE = [
  /^(?<degree>全面|如期|圆满|超额|提前|顺利)?完成(?:了)?(?:年度|全年|年内|当年)?(?<subject>[^，,。；;：:！？!?\n]{2,24}?)(?:年度|全年)?(?:目标任务|任务|目标|工作)$/u,
  /^(?<subject>[^，,。；;：:！？!?\n]{2,24}?)(?<degree>全面|如期|圆满|超额|提前|顺利)?完成(?:了)?(?:年度|全年)(?:[\u4e00-\u9fff]{0,4}?)(?:任务|目标)$/u,
];
/** A clause that only intends or promises ("确保…全部完成") states no result. */
const INTENT = /确保|力争|争取|(?<![主重必])要|将|计划|拟|推动|努力/u;
/**
 * A statement about the year's targets as a whole ("主要目标任务如期完成"), the tasks the state set ("超额完成国家下达任务")
 * or a five-year goal ("提前完成“十四五”…目标任务") names no one target of the year.
 */
const GENERAL_CLAIM = /主要目标|主要指标|目标任务$|经济社会发展|国家下达|各项|既定|确定的|部署的|会议|十[三四五]五/u;
/** The 民生实事 and their kin are a counted group of promises, answered by the group's own rule (completion-statements.ts). */
const GROUP_NAME = /民生实事|办实事|惠民实事|民生工程/u;
/** Framing before a subject: a scope (全区, 各地), a year. */
const LEADING = /^(?:全[国省区市县州]|各[地级市县区]*|所有|我[国省区市县]|全部|今年|去年|\d{4}年|年内|全年|年度|当年)+/u;
/** Words after a subject that name the kind of work, not what it is about. */
const TRAILING = /(?:任务|目标|工作|工程|项目|改造|建设|服务能力|能力|水平|年度|全年)+$/u;
/** Words that name no subject of their own: a statement about "主要目标任务" or "各项任务" says nothing of one target. */
const GENERIC = /^(?:主要|各项|全年|年度|重点|重大|既定|预期|约束性|[\d一二三四五六七八九十]+[项个类件])*$/u;
const COUNT = /^\d+[个项家所条座件类]/u;
const NINETY = { mantissa: 90n, exponent: 0 };
const QUOTES = /[“”‘’《》「」"]/gu;
const CLAUSE_MARK = /[，,。；;：:！？!?\n]/u;

/**
 * The statements of completion in the one-year review of `reviewedYear` that name a subject of their own (not the
 * 民生实事, which completion-statements.ts reads, and not "主要目标任务", which names none).
 * @example findSubjectStatements('过去一年，……涉及10万人的保交房任务全部完成。', periods, 2030)
 * // [{ text: '涉及10万人的保交房任务全部完成', subject: '保交房', degree: 'all' }]
 */
export function findSubjectStatements(text: string, periods: readonly ReviewPeriod[], reviewedYear: number): SubjectStatement[] {
  const statements: SubjectStatement[] = [];
  for (const period of periods) {
    if (period.scope !== 'year' || (period.year !== undefined && period.year !== reviewedYear)) continue;
    let start = period.start;
    for (let i = period.start; i <= period.end; i++) {
      if (i < period.end && !CLAUSE_MARK.test(text[i]!)) continue;
      const statement = readStatement(text, start, i);
      if (statement) statements.push(statement);
      start = i + 1;
    }
  }
  return statements;
}

function readStatement(text: string, start: number, end: number): SubjectStatement | undefined {
  const clause = text.slice(start, end);
  const match = DONE.exec(clause) ?? COVERED.exec(clause) ?? TASK_DONE.map((pattern) => pattern.exec(clause)).find((found) => found !== null);
  if (!match || INTENT.test(clause) || GROUP_NAME.test(clause)) return undefined;
  const raw = match.groups!['subject']!;
  const subject = cleanSubject(raw);
  if ([...subject].length < 3 || GENERIC.test(subject) || GENERAL_CLAIM.test(raw)) return undefined;
  const verb = match.groups!['verb'];
  // "基本实现全覆盖" answers a coverage (覆盖率), "全部开工" a start (开工), "全部达到国家标准" what reaches the standard.
  const named = match.groups!['reached'] ?? (verb === undefined || verb === '完成' ? undefined : verb === '实现全覆盖' ? '覆盖' : verb);
  return {
    start,
    end,
    text: clause,
    subject,
    ...(named ? { named } : {}),
    isReach: match.groups!['reached'] !== undefined,
    degree: match.groups!['degree'] === '基本' ? 'mostly' : 'all',
  };
}

/** "涉及10万人的保交房任务" → 保交房; "年度“四类管线”改造" → 四类管线; "全区县级医院医疗服务能力" → 县级医院医疗. */
function cleanSubject(raw: string): string {
  let subject = raw.replace(QUOTES, '');
  // What stands before 的 describes the subject ("涉及10万人的"); the subject follows it.
  const of = subject.lastIndexOf('的');
  if (of >= 0 && of < subject.length - 1) subject = subject.slice(of + 1);
  // "124个县域医共体": how many is no part of the name.
  return subject.replace(LEADING, '').replace(COUNT, '').replace(TRAILING, '');
}

/**
 * The words of a target's clause around its figure, to hold a statement against: before it back to the clause's start
 * or the figure before, and after it to the clause's end when no other figure stands there
 * ("县级综合医院、基层医疗卫生机构100%达到国家标准" → both the institutions and 达到国家标准).
 * @example readTargetWords('新建幼儿园20所、托育机构30个。', { start: 13, end: 16 }) // '所、托育机构'
 */
export function readTargetWords(text: string, figure: Pick<Span, 'start' | 'end'>): string {
  let begin = figure.start;
  while (begin > 0 && !CLAUSE_MARK.test(text[begin - 1]!) && !/\d/u.test(text[begin - 1]!)) begin -= 1;
  let end = figure.end;
  while (end < text.length && !CLAUSE_MARK.test(text[end]!)) end += 1;
  const after = text.slice(figure.end, end);
  return text.slice(begin, figure.start) + (/\d/u.test(after) ? '' : after);
}

/** The target a statement could settle: its metric phrase and its figure (a FollowUpFigure is one). */
export interface StatedTarget extends Pick<Quantity, 'value' | 'unit' | 'comparator'> {
  readonly metric: string;
  readonly direction?: 'up' | 'down';
}

/**
 * Whether a statement settles a target as met. It must name the target's subject: two thirds of the statement's
 * subject, its last word included, found in the target's metric, with a shared name of three characters or the thing
 * reached (全部达到国家标准 for a "达到国家标准比例"). And it must say enough: a change (增长5%) or a sum of money
 * (投入50亿元 is a means, not the work) is never settled by words; 基本 settles only a rate of 90% or less, or a
 * target that itself asks for 基本 (基本建成…).
 * @example settlesTarget({ subject: '保交房', degree: 'all', … }, { metric: '既有保交房项目交付率', value: 100, unit: '%' }) // true
 * @example settlesTarget({ subject: '黑臭水体', degree: 'mostly', … }, { metric: '黑臭水体消除率', value: 95, unit: '%' }) // false
 */
export function settlesTarget(statement: SubjectStatement, target: StatedTarget): boolean {
  const metric = target.metric.replace(QUOTES, '');
  const named = statement.named;
  if (named !== undefined && !metric.includes(named)) return false;
  const longest = longestNamed(statement.subject, metric);
  if (longest < 2 || (longest < 3 && !statement.isReach)) return false;
  const { value, unit, comparator } = target;
  if (target.direction !== undefined || unit === '元' || comparator === '<' || comparator === '<=') return false;
  if (statement.degree === 'all') return true;
  // "基本建成7个区域医疗中心" asked no more than "7家区域医疗中心基本建成" says.
  if (metric.includes(`基本${statement.named ?? '完成'}`)) return true;
  // "基本消除" is the standard wording for a rate of 90% or more.
  if (unit !== '%') return false;
  return compareDecimals(value.type === 'exact' ? value.value : value.high, NINETY) <= 0;
}

/**
 * The longest run of the subject found in the metric, when two thirds of the subject's characters lie in runs of two
 * or more found there, its last character among them; 0 otherwise.
 */
function longestNamed(subject: string, metric: string): number {
  const characters = [...subject];
  const covered = new Array<boolean>(characters.length).fill(false);
  let longest = 0;
  for (let i = 0; i < characters.length; i++) {
    for (let j = characters.length; j >= i + 2; j--) {
      if (!metric.includes(characters.slice(i, j).join(''))) continue;
      for (let k = i; k < j; k++) covered[k] = true;
      longest = Math.max(longest, j - i);
      break;
    }
  }
  const count = covered.filter(Boolean).length;
  return covered[characters.length - 1] === true && 3 * count >= 2 * characters.length ? longest : 0;
}
