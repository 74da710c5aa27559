/** A region's budget page: the server's exact totals and the first page of budget lines. Example: getBudget('630105'). */
import type { BudgetLineJson, BudgetTotalsJson } from '@duixian/server';
import { getJson, query } from './http.client.ts';
import type { BudgetLineView, BudgetView } from './view-types.ts';
import { PAGE_SIZE, sourceOf, type WirePage } from './wire-rows.mapping.ts';

/** The report's functional classification names (类 level), for the treemap's labels. */
const FUNCTIONAL_NAMES: Readonly<Record<string, string>> = {
  '201': '一般公共服务', '202': '外交', '203': '国防', '204': '公共安全', '205': '教育', '206': '科学技术',
  '207': '文化旅游体育与传媒', '208': '社会保障和就业', '210': '卫生健康', '211': '节能环保', '212': '城乡社区',
  '213': '农林水', '214': '交通运输', '215': '资源勘探工业信息等', '216': '商业服务业等', '217': '金融',
  '219': '援助其他地区', '220': '自然资源海洋气象等', '221': '住房保障', '222': '粮油物资储备',
  '224': '灾害防治及应急管理', '227': '预备费', '229': '其他支出', '230': '转移性支出', '231': '债务还本',
  '232': '债务付息', '233': '债务发行费用',
};

function toBudgetLineView(row: BudgetLineJson): BudgetLineView {
  return {
    id: row.id,
    year: row.year,
    phase: row.phase,
    scope: row.scope,
    label: row.label,
    amountYuan: row.amount_yuan,
    ...(row.functional_code ? { functionalCode: row.functional_code } : {}),
    ...(row.functional_code && FUNCTIONAL_NAMES[row.functional_code] ? { functionalName: FUNCTIONAL_NAMES[row.functional_code] } : {}),
    ...(row.mapping_confidence ? { mappingConfidence: row.mapping_confidence } : {}),
    ...sourceOf(row),
  };
}

/**
 * A region's budget page: the totals the server sums exactly over every line, and the first page of lines for the
 * table. Either call failing fails the whole (the page shows the error, never an empty budget).
 */
export async function getBudget(regionCode: string): Promise<BudgetView> {
  const [totals, page] = await Promise.all([
    getJson<BudgetTotalsJson>(`/api/budget-lines/totals${query({ region: regionCode })}`),
    getJson<WirePage<BudgetLineJson>>(`/api/budget-lines${query({ region: regionCode, page_size: PAGE_SIZE })}`),
  ]);
  return {
    byLabel: totals.by_label.map((row) => ({ year: row.year, scope: row.scope, label: row.label, amountYuan: row.amount_yuan })),
    byClass: totals.by_class.map((row) => ({
      year: row.year,
      functionalCode: row.functional_code,
      ...(row.functional_name ? { functionalName: row.functional_name } : {}),
      amountYuan: row.amount_yuan,
    })),
    byClassAndLabel: totals.by_class_and_label.map((row) => ({ year: row.year, functionalCode: row.functional_code, label: row.label, amountYuan: row.amount_yuan })),
    lines: page.items.map(toBudgetLineView),
    totalLines: totals.lines,
  };
}
