/**
 * The export datasets as tables: commitments with their computed schedule status, progress updates, warnings (the
 * red and yellow commitments) and budget lines — the same records the API lists, in the glossary's names and with
 * Chinese headers. Example: `await exports.commitments({ regionCode: '630105', year: 2024 })` → a table of 承诺事项.
 */
import type { BudgetLineRow, BudgetPhase, DatabaseHandle, ProgressUpdateRow, RegionRow } from '@duixian/storage';
import { MAX_PAGE_SIZE } from '@duixian/storage';
import type { SessionUser } from '../auth/auth.service.ts';
import type { CommitmentListFilter, CommitmentService, CommitmentView } from '../services/commitment.service.ts';
import { readAllPages } from '../services/read-all-pages.ts';
import { readVisibleCommitments } from '../services/visible-commitments.ts';
import { buildExportTable, type ExportTable } from './export-table.ts';

/** What a caller may narrow an export to. */
export interface ExportFilter {
  readonly regionCode?: string;
  readonly year?: number;
  /**
   * Who asks: staff exports include unpublished commitments, a unit editor's those of its own unit, the public's
   * (no viewer) none.
   */
  readonly viewer?: SessionUser;
}

export interface BudgetExportFilter {
  readonly regionCode?: string;
  readonly year?: number;
  readonly phase?: BudgetPhase;
}

const REPORTED_STATUS: Record<string, string> = { not_started: '未开始', in_progress: '推进中', done: '已完成', blocked: '受阻' };
const REVIEW_STATUS: Record<string, string> = { pending: '待审核', approved: '已通过', returned: '已退回' };
type ExportedProgress = ProgressUpdateRow & { review_status: string; review_reason: string | null };
const COLOUR: Record<string, string> = { red: '红', yellow: '黄', green: '绿' };
/** A comparator as the words a report uses (never a sign a reader of the spreadsheet must decode). */
const COMPARATOR: Record<string, string> = {
  '=': '等于',
  '>=': '不少于',
  '<=': '不超过',
  '>': '超过',
  '<': '低于',
  '~': '左右',
  at_least_class: '类及以上',
  at_most_class: '类及以下',
};
export const PHASE_LABELS: Record<BudgetPhase, string> = { proposed: '预算草案', approved: '预算', adjusted: '调整预算', executed: '执行数' };
const SCOPE_LABELS: Record<string, string> = { total: '总额', livelihood: '民生支出', category: '分类' };

function lead(commitment: CommitmentView): string | null {
  return commitment.units.find((unit) => unit.role === 'lead')?.name ?? null;
}

function supporting(commitment: CommitmentView): string | null {
  const names = commitment.units.filter((unit) => unit.role === 'supporting').map((unit) => unit.name);
  return names.length > 0 ? names.join('、') : null;
}

export class ExportService {
  readonly #database: DatabaseHandle;
  readonly #commitments: CommitmentService;

  constructor(database: DatabaseHandle, commitments: CommitmentService) {
    this.#database = database;
    this.#commitments = commitments;
  }

  async #commitmentViews(filter: ExportFilter, extra: Pick<CommitmentListFilter, 'colour'> = {}): Promise<CommitmentView[]> {
    return readVisibleCommitments(this.#commitments, { regionCode: filter.regionCode, year: filter.year, ...extra }, filter.viewer);
  }

  /** 承诺事项: every commitment and work item with its target, units, deadline and schedule status. */
  async commitments(filter: ExportFilter = {}): Promise<ExportTable> {
    const items = await this.#commitmentViews(filter);
    return buildExportTable<CommitmentView>(
      'commitments',
      '承诺事项',
      [
        { key: 'id', header: '编号', kind: 'integer', value: (c) => c.id },
        { key: 'parent_id', header: '上级编号', kind: 'integer', value: (c) => c.parent_id },
        { key: 'theme', header: '主题', kind: 'text', value: (c) => c.theme },
        { key: 'title', header: '事项', kind: 'text', value: (c) => c.title },
        { key: 'original_text', header: '原文', kind: 'text', value: (c) => c.original_text },
        { key: 'action', header: '措施', kind: 'text', value: (c) => c.action },
        { key: 'indicator', header: '指标', kind: 'text', value: (c) => c.indicator },
        { key: 'target_comparator', header: '目标限定', kind: 'text', value: (c) => (c.target_comparator ? COMPARATOR[c.target_comparator] : null) },
        { key: 'target_value', header: '目标值', kind: 'decimal', value: (c) => c.target_value },
        { key: 'target_value_high', header: '目标上限', kind: 'decimal', value: (c) => c.target_value_high },
        { key: 'target_unit', header: '目标单位', kind: 'text', value: (c) => c.target_unit },
        { key: 'target_grade', header: '目标等级', kind: 'text', value: (c) => c.target_grade },
        { key: 'lead_unit', header: '牵头单位', kind: 'text', value: lead },
        { key: 'supporting_units', header: '配合单位', kind: 'text', value: supporting },
        { key: 'start_date', header: '开始日期', kind: 'date', value: (c) => c.schedule.start },
        { key: 'deadline', header: '时限', kind: 'date', value: (c) => c.schedule.deadline },
        { key: 'weight', header: '权重', kind: 'decimal', value: (c) => c.weight },
        { key: 'expected_percent', header: '序时进度（%）', kind: 'decimal', value: (c) => c.schedule.expected_percent },
        { key: 'actual_percent', header: '实际进度（%）', kind: 'decimal', value: (c) => c.schedule.actual_percent },
        { key: 'schedule_status', header: '进度状态', kind: 'text', value: (c) => c.schedule.status },
        { key: 'schedule_code', header: '状态代码', kind: 'text', value: (c) => c.schedule.code },
        { key: 'warning', header: '预警', kind: 'text', value: (c) => (c.schedule.colour ? COLOUR[c.schedule.colour] : null) },
        { key: 'reported_status', header: '填报状态', kind: 'text', value: (c) => (c.schedule.reported_status ? REPORTED_STATUS[c.schedule.reported_status] : null) },
        { key: 'published', header: '已公开', kind: 'boolean', value: (c) => c.published },
        { key: 'version', header: '版本', kind: 'integer', value: (c) => c.version },
        { key: 'updated_at', header: '更新时间', kind: 'timestamp', value: (c) => new Date(c.updated_at).toISOString() },
      ],
      items,
    );
  }

  /** 三色预警: the commitments whose schedule status is red or yellow, red first, with the reason. */
  async warnings(filter: ExportFilter = {}): Promise<ExportTable> {
    const red = await this.#commitmentViews(filter, { colour: 'red' });
    const yellow = await this.#commitmentViews(filter, { colour: 'yellow' });
    return buildExportTable<CommitmentView>(
      'warnings',
      '三色预警',
      [
        { key: 'warning', header: '预警', kind: 'text', value: (c) => (c.schedule.colour ? COLOUR[c.schedule.colour] : null) },
        { key: 'schedule_status', header: '进度状态', kind: 'text', value: (c) => c.schedule.status },
        { key: 'commitment_id', header: '事项编号', kind: 'integer', value: (c) => c.id },
        { key: 'title', header: '事项', kind: 'text', value: (c) => c.title },
        { key: 'theme', header: '主题', kind: 'text', value: (c) => c.theme },
        { key: 'lead_unit', header: '牵头单位', kind: 'text', value: lead },
        { key: 'deadline', header: '时限', kind: 'date', value: (c) => c.schedule.deadline },
        { key: 'days_to_deadline', header: '距时限天数', kind: 'integer', value: (c) => c.schedule.days_to_deadline },
        { key: 'expected_percent', header: '序时进度（%）', kind: 'decimal', value: (c) => c.schedule.expected_percent },
        { key: 'actual_percent', header: '实际进度（%）', kind: 'decimal', value: (c) => c.schedule.actual_percent },
        { key: 'gap_points', header: '差距（百分点）', kind: 'decimal', value: (c) => c.schedule.gap_points },
        { key: 'explanation', header: '说明', kind: 'text', value: (c) => c.schedule.explanation },
      ],
      [...red, ...yellow],
    );
  }

  /** 进展填报: every progress update of the commitments in scope, by commitment and date. */
  async progress(filter: ExportFilter = {}): Promise<ExportTable> {
    const commitments = await this.#commitmentViews(filter);
    const byId = new Map(commitments.map((commitment) => [commitment.id, commitment]));
    const ids = [...byId.keys()];
    // Staff export every report with its review; everyone else (a unit editor too) the approved ones, as published.
    const isStaffViewer = filter.viewer?.role === 'admin' || filter.viewer?.role === 'supervisor';
    const updates: ExportedProgress[] = [];
    for (let index = 0; index < ids.length; index += 5_000) {
      updates.push(...(await this.#database.repositories.progressUpdates.listForCommitments(ids.slice(index, index + 5_000), isStaffViewer ? 'all' : 'approved')));
    }
    const users = new Map((await this.#database.repositories.users.list()).map((user) => [user.id, user]));
    return buildExportTable<ExportedProgress>(
      'progress',
      '进展填报',
      [
        { key: 'id', header: '编号', kind: 'integer', value: (u) => u.id },
        { key: 'commitment_id', header: '事项编号', kind: 'integer', value: (u) => u.commitment_id },
        { key: 'commitment_title', header: '事项', kind: 'text', value: (u) => byId.get(u.commitment_id)?.title ?? null },
        { key: 'reported_on', header: '填报日期', kind: 'date', value: (u) => u.reported_on },
        { key: 'amount', header: '完成量', kind: 'decimal', value: (u) => u.amount },
        { key: 'target_unit', header: '单位', kind: 'text', value: (u) => (u.amount !== null ? (byId.get(u.commitment_id)?.target_unit ?? null) : null) },
        { key: 'percent', header: '完成比例（%）', kind: 'decimal', value: (u) => u.percent },
        { key: 'reported_status', header: '填报状态', kind: 'text', value: (u) => (u.reported_status ? REPORTED_STATUS[u.reported_status] : null) },
        { key: 'note', header: '说明', kind: 'text', value: (u) => u.note },
        { key: 'evidence', header: '佐证材料', kind: 'text', value: (u) => (u.evidence.length > 0 ? u.evidence.map((e) => e.label ?? e.ref).join('；') : null) },
        // A correction names the report it replaces: both stay in the export, as in the database.
        { key: 'corrects_id', header: '更正的填报编号', kind: 'integer', value: (u) => u.corrects_id },
        { key: 'correction_reason', header: '更正原因', kind: 'text', value: (u) => u.correction_reason },
        { key: 'author', header: '填报人', kind: 'text', value: (u) => (u.author_id !== null ? (users.get(u.author_id)?.display_name ?? users.get(u.author_id)?.username ?? null) : null) },
        { key: 'created_at', header: '提交时间', kind: 'timestamp', value: (u) => new Date(u.created_at).toISOString() },
        ...(isStaffViewer
          ? [
              { key: 'review_status', header: '审核状态', kind: 'text' as const, value: (u: ExportedProgress) => REVIEW_STATUS[u.review_status] ?? null },
              { key: 'review_reason', header: '退回原因', kind: 'text' as const, value: (u: ExportedProgress) => u.review_reason },
            ]
          : []),
      ],
      updates,
    );
  }

  /** 预算科目: budget lines with their phase, the report's label, functional classification and exact amount. */
  async budgetLines(filter: BudgetExportFilter = {}): Promise<ExportTable> {
    const lines = await readAllPages((page) =>
      this.#database.repositories.budgetLines.list({ regionCode: filter.regionCode, year: filter.year, phase: filter.phase, page, pageSize: MAX_PAGE_SIZE }),
    );
    const classes = new Map((await this.#database.repositories.budgetLines.listFunctionalClasses()).map((row) => [row.code, row.name]));
    return buildExportTable<BudgetLineRow>(
      'budget-lines',
      '预算科目',
      [
        { key: 'id', header: '编号', kind: 'integer', value: (l) => l.id },
        { key: 'region_code', header: '行政区划代码', kind: 'text', value: (l) => l.region_code },
        { key: 'fiscal_year', header: '年度', kind: 'integer', value: (l) => l.year },
        { key: 'phase', header: '预算阶段代码', kind: 'text', value: (l) => l.phase },
        { key: 'phase_label', header: '预算阶段', kind: 'text', value: (l) => PHASE_LABELS[l.phase] },
        { key: 'scope', header: '口径', kind: 'text', value: (l) => SCOPE_LABELS[l.scope] ?? l.scope },
        { key: 'label', header: '报告中的名称', kind: 'text', value: (l) => l.label },
        { key: 'functional_code', header: '支出功能分类代码', kind: 'text', value: (l) => l.functional_code },
        { key: 'functional_name', header: '支出功能分类', kind: 'text', value: (l) => (l.functional_code ? (classes.get(l.functional_code) ?? null) : null) },
        { key: 'mapping_confidence', header: '分类置信度', kind: 'decimal', value: (l) => l.mapping_confidence },
        { key: 'amount', header: '金额（元）', kind: 'yuan', value: (l) => l.amount_yuan },
        { key: 'definition', header: '口径说明', kind: 'text', value: (l) => l.definition },
      ],
      lines,
    );
  }

  /** A region's budget lines for a Fiscal Data Package, with the region it names (NotFound for an unknown code). */
  async regionBudgetLines(regionCode: string): Promise<{ region: RegionRow; table: ExportTable }> {
    const region = await this.#database.repositories.regions.get(regionCode);
    return { region, table: await this.budgetLines({ regionCode: region.code }) };
  }
}
