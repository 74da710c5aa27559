/**
 * Ties the figures of one sentence into statements about one subject each.
 * Example: "一般公共预算支出21.98亿元，较2022年15.22亿元，同比增长44.4%，增支6.76亿元" → one statement:
 * level 21.98亿元, earlier level 15.22亿元, rate 44.4%, change 6.76亿元.
 */
import type { FigureRole } from './figure-role.ts';
import { sameUnit, type Figure } from './figure.ts';

/** Figures of one statement about one subject: "X 21.98亿元，较2022年15.22亿元，同比增长44.4%，增支6.76亿元". */
export interface Statement {
  readonly sentence: number;
  level?: Figure;
  previous?: Figure;
  readonly changes: Figure[];
  readonly rates: Figure[];
  readonly shares: Figure[];
  readonly ppChanges: Figure[];
  readonly multiples: Figure[];
  readonly averageRates: Figure[];
}

const YEAR_ONLY = /^(?:(\d{4})年|上年|去年|上年同期)(?:同期)?(?:为|是|的)?$/;

/** True when `later`'s clause names only a year, earlier than the one `level`'s clause names (or 上年 / 去年). */
function isEarlierYear(level: Figure, later: Figure): boolean {
  const only = YEAR_ONLY.exec(later.clause);
  if (!only) return false;
  if (only[1] === undefined) return true;
  const year = /(\d{4})年/.exec(level.clause)?.[1];
  return year !== undefined && Number(only[1]) < Number(year);
}

function newStatement(sentence: number): Statement {
  return { sentence, changes: [], rates: [], shares: [], ppChanges: [], multiples: [], averageRates: [] };
}

/**
 * Groups a sentence's figures into statements: a level opens one; an earlier level, changes, rates and shares join it
 * unless their words name a new subject.
 * @example buildStatements(0, figures, statements, statementOf) // "21.98亿元，较2022年15.22亿元，同比增长44.4%" → one statement
 */
export function buildStatements(sentence: number, list: readonly Figure[], statements: Statement[], statementOf: Map<Figure, Statement>): void {
  let current: Statement | undefined;
  const open = (): Statement => {
    current = newStatement(sentence);
    statements.push(current);
    return current;
  };
  for (const figure of list) {
    let target: Statement;
    if (figure.role === 'level' && current?.level && !current.previous && sameUnit(current.level, figure) && isEarlierYear(current.level, figure)) {
      // "2023年为21.98亿元，2022年为15.22亿元": a clause that names only an earlier year gives the earlier level
      target = current;
      target.previous = figure;
    } else if (figure.role === 'level') {
      if (current && !current.level && current.previous?.isFrom && sameUnit(current.previous, figure)) target = current;
      else target = open();
      target.level = figure;
    } else if (figure.role === 'previous') {
      if (!figure.isFrom && current?.level && !current.previous && sameUnit(current.level, figure) && !figure.hasSubject) target = current;
      // "扩大了3倍，由20亿元增至50亿元": a multiple written first, then the two levels it compares
      // (only when nothing but 由 / 从 stands between them: "…从第10位升至第8位，企业从80户" names a new subject)
      else if (figure.isFrom && current && !current.level && !current.previous && current.multiples.length > 0 && /^[，,、]?(?:由|从)$/.test(figure.before)) target = current;
      else target = open();
      target.previous = figure;
    } else {
      target = current && !figure.hasSubject ? current : open();
      const lists: Record<Exclude<FigureRole, 'level' | 'previous'>, Figure[]> = {
        change: target.changes,
        growth_rate: target.rates,
        share: target.shares,
        pp_change: target.ppChanges,
        multiple: target.multiples,
        average_growth: target.averageRates,
      };
      lists[figure.role].push(figure);
    }
    statementOf.set(figure, target);
  }
}
