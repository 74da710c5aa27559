import { describe, expect, it } from 'vitest';
import type { Table, TableCell } from '../../model/table.ts';
import { formatDecimal } from '../../numbers/decimal.ts';
import { extractTableFigures, type TableFigure } from './extract-table-figures.ts';

/** Lays rows out as ingest does (cells by tabs, rows by lines) after `before`, and returns the text and table. */
function layTable(before: string, rows: string[][], caption?: string): { text: string; table: Table } {
  let text = before;
  const cells: TableCell[][] = rows.map((row, rowIndex) =>
    row.map((cellText, column) => {
      if (column > 0) text += '\t';
      const start = text.length;
      text += cellText;
      const cell: TableCell = { start, end: text.length, text: cellText, row: rowIndex, column };
      if (column === row.length - 1) text += '\n';
      return cell;
    }),
  );
  return { text, table: caption === undefined ? { id: 't1', rows: cells } : { id: 't1', caption, rows: cells } };
}

const value = (figure: TableFigure): string => (figure.value.type === 'exact' ? formatDecimal(figure.value.value) : '');

describe('extractTableFigures', () => {
  it('reads 34,200 under 执行数 in a 单位：万元 table as 342000000 元, executed, with its row label', () => {
    const { text, table } = layTable(
      '表1 2023年一般公共预算支出执行情况\n单位：万元\n',
      [
        ['项目', '预算数', '调整预算数', '执行数', '完成调整预算%'],
        ['教育支出', '33,500', '34,600', '34,200', '98.8'],
        ['合计', '152,030', '157,210', '155,485', '98.9'],
      ],
      '表1 2023年一般公共预算支出执行情况\n单位：万元',
    );
    const { items, problems } = extractTableFigures(text, table);
    expect(problems).toEqual([]);
    expect(items).toHaveLength(8);
    const executed = items.find((item) => item.rowLabel === '教育支出' && item.columnHeader === '执行数');
    expect(executed).toMatchObject({ unit: '元', kind: 'money', phase: 'executed', metric: '教育支出', text: '34,200', period: { year: 2023 }, isTotal: false });
    expect(executed && value(executed)).toBe('342000000');
    expect(executed && text.slice(executed.start, executed.end)).toBe('34,200');
    const byHeader = Object.fromEntries(items.filter((item) => item.row === 1).map((item) => [item.columnHeader, item.phase]));
    expect(byHeader).toEqual({ 预算数: 'approved', 调整预算数: 'adjusted', 执行数: 'executed', '完成调整预算%': undefined });
    const rate = items.find((item) => item.columnHeader === '完成调整预算%' && item.row === 1);
    expect(rate).toMatchObject({ unit: '%', kind: 'percent' });
    expect(rate && value(rate)).toBe('98.8');
    expect(items.filter((item) => item.isTotal)).toHaveLength(4);
  });

  it('takes the unit from a column header such as 决算数（亿元） and keeps the stated precision', () => {
    const { text, table } = layTable('', [
      ['科目', '2022年决算数（亿元）', '比上年增长(%)'],
      ['一般公共预算收入', '21.70', '-3.5'],
    ]);
    const { items } = extractTableFigures(text, table);
    expect(items[0]).toMatchObject({ unit: '元', kind: 'money', phase: 'executed', period: { year: 2022 } });
    expect(items[0]?.value).toEqual({ type: 'exact', value: { mantissa: 2170n, exponent: 6 } });
    expect(items[1]).toMatchObject({ unit: '%', kind: 'percent', role: 'growth_rate' });
    expect(items[1] && value(items[1])).toBe('-3.5');
  });

  it('reads units written in the cell and in the row label', () => {
    const { text, table } = layTable('', [
      ['指标', '2023年'],
      ['新增造林面积（亩）', '20000'],
      ['民生支出', '19.3亿元'],
    ]);
    const { items, problems } = extractTableFigures(text, table);
    expect(problems).toEqual([]);
    expect(items.map((item) => [item.rowLabel, item.unit, value(item)])).toEqual([
      ['新增造林面积', '亩', '20000'],
      ['民生支出', '元', '1930000000'],
    ]);
  });

  it('gives no figure for dashes, words or cells without a unit, and reports the missing unit', () => {
    const { text, table } = layTable('', [
      ['项目', '预算数', '备注'],
      ['教育支出', '—', '据实结算'],
      ['卫生支出', '3,780', ''],
    ]);
    const { items, problems } = extractTableFigures(text, table);
    expect(items).toEqual([]);
    expect(problems.map((problem) => problem.code)).toEqual(['table-unit-unknown']);
    expect(problems[0]?.span?.text).toBe('3,780');
  });

  it('reads negative figures in parentheses and full-width digits exactly', () => {
    const { text, table } = layTable('单位：元\n', [
      ['项目', '执行数'],
      ['债务付息', '（１２０．５０）'],
    ], '单位：元');
    const { items } = extractTableFigures(text, table);
    expect(items[0]?.value).toEqual({ type: 'exact', value: { mantissa: -12050n, exponent: -2 } });
  });

  it('joins two header rows, carrying a spanning year header to the columns below it', () => {
    const { text, table } = layTable('', [
      ['项目', '2023年', '', '2024年'],
      ['', '预算数（万元）', '执行数（万元）', '预算草案（万元）'],
      ['教育支出', '100', '98', '105'],
    ]);
    const { items } = extractTableFigures(text, table);
    expect(items.map((item) => [item.columnHeader, item.phase, item.period?.year])).toEqual([
      ['2023年 预算数（万元）', 'approved', 2023],
      ['2023年 执行数（万元）', 'executed', 2023],
      ['2024年 预算草案（万元）', 'proposed', 2024],
    ]);
  });

  it('takes a unit note from a header cell as the table\'s unit, not as a column name', () => {
    const { text, table } = layTable('', [
      ['', '', '单位：亿元'],
      ['项目', '预算数', '执行数'],
      ['教育支出', '3.35', '3.42'],
    ]);
    const { items } = extractTableFigures(text, table);
    expect(items.map((item) => [item.columnHeader, item.unit, value(item)])).toEqual([
      ['预算数', '元', '335000000'],
      ['执行数', '元', '342000000'],
    ]);
  });
});
