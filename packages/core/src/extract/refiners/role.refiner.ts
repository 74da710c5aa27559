/**
 * Decides the part a figure plays: "同比增长44.4%" growth rate (up, base 同比), "增支6.76亿元" change,
 * "占财政总支出87.8%" share (base 财政总支出), "提高了4.8个百分点" percentage-point change, "翻一番" / "2倍" multiple,
 * anything else a level.
 */
import type { QuantityCandidate } from '../candidate.ts';
import { clauseStart } from '../clauses.ts';

const UP = '增长|增加|上涨|提高|上升|提升|增速|增幅|涨幅|增收|增支|扩大';
const DOWN = '下降|降低|减少|回落|下跌|降幅|缩小|下滑|减收|减支';
/** A change word right before the number, allowing 了 / 约 / 达 and a bound word between them. */
const CHANGE_BEFORE = new RegExp(`(?:(${UP})|(${DOWN}))(?:了)?(?:约|近|超过|超|达)?$`, 'u');
/** "增加到", "增至", "降至": the number after them is the new level, not the change. */
const MOVED_TO_BEFORE = /(?:到|至)(?:约|近)?$/u;
const BASE = /(同比|环比|比上年|较上年|比去年|较去年|(?:比|较)\d{4}年(?:同期|底|末)?|(?:比|较)上年(?:同期|底|末))/u;
const SHARE_BEFORE = /(?:占比|比重|比例|占有率|份额)(?:为|达|达到|是)?(?:约|近|超过)?$/u;

/**
 * Fills role, direction and base for every candidate.
 * @example refineRoles('同比增长44.4%', [q]) // q.role === 'growth_rate', q.direction === 'up', q.base === '同比'
 */
export function refineRoles(text: string, candidates: QuantityCandidate[]): void {
  for (const candidate of candidates) {
    const start = clauseStart(text, candidate.start);
    const clause = text.slice(start, candidate.start);
    const near = clause.replace(/\s+$/u, '');
    const base = BASE.exec(clause);
    if (base) candidate.base = base[1]!;
    const change = CHANGE_BEFORE.exec(near);
    if (change) candidate.direction = change[1] ? 'up' : 'down';

    if (candidate.unit === '倍') {
      candidate.role = 'multiple';
    } else if (candidate.kind === 'percentage_point') {
      candidate.role = 'pp_change';
    } else if (candidate.unit === '%' && change) {
      candidate.role = 'growth_rate';
    } else if (candidate.unit === '%' && (clause.includes('占') || SHARE_BEFORE.test(near) || text[candidate.end] === '的')) {
      candidate.role = 'share';
      const whole = /占(?:全[国省市区县])?([^，。；、\d]*?)(?:的)?(?:比重|比例)?(?:为|达|达到)?(?:约|近|超过)?$/u.exec(near);
      if (whole && whole[1]) candidate.base = whole[1];
    } else if (change && !MOVED_TO_BEFORE.test(near)) {
      candidate.role = 'change';
    } else {
      candidate.role = 'level';
    }
  }
}
