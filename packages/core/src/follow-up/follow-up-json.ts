/**
 * The `duixian follow-up --json` contract (issue 8): plain JSON, offsets into each report's text, values as
 * numbers where exact. Example pair: { target: { start: 7042, end: 7044, text: '5%', metric: '地区生产总值增长' },
 * result: { start: 945, end: 949, text: '5.2%' }, verdict: 'met', confidence: 1 }.
 */
import type { QuantityValue } from '../model/quantity.ts';
import { quantityValueToJson } from '../extract/check-json.ts';
import type { FollowUpFigure, FollowUpReport } from './follow-up-pair.ts';

/**
 * Builds the JSON object for one pair of reports: `{ lastYear, thisYear, pairs: [...], problems: [...] }`, each pair
 * with target and result spans (result null when not reported), verdict, confidence, polarity and explanation.
 * @example JSON.stringify(toFollowUpJson(followUp(a, b, { lastYear: 2023, thisYear: 2024 })).pairs[0])
 * // '{"target":{"start":5890,"end":5892,"text":"5%","metric":"国内生产总值增长","value":5,"unit":"%","comparator":"~"},
 * //   "result":{"start":612,"end":616,"text":"5.2%","metric":"国内生产总值增长","value":5.2,"unit":"%"},
 * //   "verdict":"met","confidence":1,"polarity":"higher_is_better","explanation":"目标5%左右（不低于4.5%），实际5.2%，完成"}'
 */
export function toFollowUpJson(report: FollowUpReport): Record<string, unknown> {
  return {
    lastYear: report.lastYear,
    thisYear: report.thisYear,
    ...(report.section ? { section: { start: report.section.start, end: report.section.end } } : {}),
    pairs: report.pairs.map((pair) => ({
      target: figureToJson(pair.target),
      source: pair.source,
      result: pair.result ? figureToJson(pair.result) : null,
      verdict: pair.verdict,
      basis: pair.basis,
      ...(pair.statement ? { statement: { start: pair.statement.start, end: pair.statement.end, text: pair.statement.text } } : {}),
      confidence: pair.confidence,
      polarity: pair.polarity,
      explanation: pair.explanation,
    })),
    problems: report.problems.map((problem) => ({
      code: problem.code,
      message: problem.message,
      ...(problem.span ? { start: problem.span.start, end: problem.span.end, text: problem.span.text } : {}),
    })),
  };
}

function figureToJson(figure: FollowUpFigure): Record<string, unknown> {
  return {
    start: figure.start,
    end: figure.end,
    text: figure.text,
    metric: figure.metric,
    value: valueToJson(figure.value),
    unit: figure.unit,
    ...(figure.comparator ? { comparator: figure.comparator } : {}),
    ...(figure.direction ? { direction: figure.direction } : {}),
  };
}

function valueToJson(value: QuantityValue): unknown {
  return quantityValueToJson(value);
}
