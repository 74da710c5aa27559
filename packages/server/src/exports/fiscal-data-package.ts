/**
 * Budget lines as a Fiscal Data Package (Open Spending / Frictionless): a datapackage.json whose model names the
 * amount as the measure (CNY) and the fiscal year, budget phase, functional classification (支出功能分类) and the
 * report's own label as dimensions, beside a plain UTF-8 CSV resource with machine-readable headers.
 * Example: `fiscalDataPackage(table, { regionCode: '630105', regionName: '城北区' })` → { profile: 'fiscal-data-package', … }.
 */
import type { ExportTable } from './export-table.ts';

/** The CSV resource's file name, relative to the datapackage.json. */
export const FDP_RESOURCE_PATH = 'budget-lines.csv';

const FIELD_TYPES: Record<string, { type: string; title: string; description?: string; constraints?: object }> = {
  id: { type: 'integer', title: '编号' },
  region_code: { type: 'string', title: '行政区划代码', description: 'GB/T 2260 six-digit region code' },
  fiscal_year: { type: 'year', title: '年度' },
  phase: { type: 'string', title: '预算阶段代码', constraints: { enum: ['proposed', 'approved', 'adjusted', 'executed'] } },
  phase_label: { type: 'string', title: '预算阶段' },
  scope: { type: 'string', title: '口径' },
  label: { type: 'string', title: '报告中的名称', description: "the report's own label, not a code" },
  functional_code: { type: 'string', title: '支出功能分类代码', description: '政府收支分类科目 · 支出功能分类, 类 level' },
  functional_name: { type: 'string', title: '支出功能分类' },
  mapping_confidence: { type: 'number', title: '分类置信度', description: 'how sure the mapping of the label to the code is, 0–1' },
  amount: { type: 'number', title: '金额（元）', description: 'exact amount in 元 (CNY), as written in the report' },
  definition: { type: 'string', title: '口径说明' },
};

export function fiscalDataPackage(table: ExportTable, region: { regionCode: string; regionName: string }): object {
  return {
    profile: 'fiscal-data-package',
    name: `duixian-budget-lines-${region.regionCode}`,
    title: `${region.regionName}预算科目 / budget lines of ${region.regionCode}`,
    description: '由兑现从预算报告与民生账本中提取的预算科目，金额以元为单位、精确到报告所写 / budget lines extracted by duixian',
    regionCode: region.regionCode,
    countryCode: 'CN',
    resources: [
      {
        name: 'budget-lines',
        path: FDP_RESOURCE_PATH,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: {
          fields: table.columns.map((column) => ({ name: column.key, ...(FIELD_TYPES[column.key] ?? { type: 'string', title: column.header }) })),
          primaryKey: 'id',
        },
      },
    ],
    model: {
      measures: {
        amount: { source: 'amount', currency: 'CNY', factor: 1, direction: 'expenditure' },
      },
      dimensions: {
        'fiscal-year': { dimensionType: 'datetime', attributes: { year: { source: 'fiscal_year' } }, primaryKey: 'year' },
        phase: {
          dimensionType: 'other',
          attributes: { code: { source: 'phase' }, label: { source: 'phase_label', labelfor: 'code' } },
          primaryKey: 'code',
        },
        'functional-classification': {
          dimensionType: 'classification',
          classificationType: 'functional',
          attributes: { code: { source: 'functional_code' }, label: { source: 'functional_name', labelfor: 'code' } },
          primaryKey: 'code',
        },
        'report-label': {
          dimensionType: 'other',
          attributes: { label: { source: 'label' }, scope: { source: 'scope' } },
          primaryKey: 'label',
        },
        location: { dimensionType: 'location', attributes: { code: { source: 'region_code' } }, primaryKey: 'code' },
        line: { dimensionType: 'entity', attributes: { id: { source: 'id' } }, primaryKey: 'id' },
      },
    },
  };
}
