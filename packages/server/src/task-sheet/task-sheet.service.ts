/**
 * Imports a 任务分解表 into a plan, preview first: every row read into a task (title, target read by core's extraction,
 * lead and supporting units matched by name within the plan's region, deadline read by core in the plan's year), each
 * row's errors named by its row number; confirming writes every row in one transaction, or nothing while any row has
 * an error. A row's 序号 is its stable id within the plan: importing the same sheet again changes the tasks it names
 * instead of adding them twice. Example: `preview({ regionCode: '630105', year: 2025 }, bytes)` → { rows: [{ row: 3, title: '…', errors: [] }, …] }.
 */
import {
  canonicalDecimalText,
  extract,
  formatDecimal,
  parseDeadlineText,
  type QuantityValue,
  type TaskSheetField,
  type TaskSheetRowAction,
} from '@duixian/core';
import type { CommitmentRecord, DatabaseHandle, NewAuditEvent, TargetComparator, UnitRow } from '@duixian/storage';
import { ConflictError, MAX_PAGE_SIZE } from '@duixian/storage';
import type { Actor, CommitmentListFilter, CommitmentService, CommitmentView } from '../services/commitment.service.ts';
import type { ReadCache } from '../services/cache.ts';
import type { ScheduleIndex } from '../services/schedule-index.ts';
import { STORED_FIELDS, TASK_SHEET_HEADERS } from './task-sheet-headers.ts';
import { readTaskSheet, type TaskSheetRow } from './task-sheet.reader.ts';
import { writeTaskSheet, type TaskSheetLine } from './task-sheet.writer.ts';

export interface UnitRef {
  id: number;
  name: string;
}

/** One row as it would be written, with what is wrong with it (errors block the confirm; warnings do not). */
export interface TaskSheetPreviewRow {
  row: number;
  serial: string | null;
  title: string;
  target_text: string | null;
  target_value: string | null;
  target_value_high: string | null;
  target_unit: string | null;
  target_comparator: TargetComparator | null;
  lead_unit: UnitRef | null;
  supporting_units: UnitRef[];
  deadline: string | null;
  deadline_text: string | null;
  leader: string | null;
  action: TaskSheetRowAction;
  /** The task a re-imported 序号 names. */
  commitment_id: number | null;
  errors: string[];
  warnings: string[];
}

export interface TaskSheetPreview {
  /** null: the region has no plan for the year yet; confirming creates it. */
  plan_id: number | null;
  region_code: string;
  year: number;
  sheet_name: string;
  header_row: number;
  columns: { field: TaskSheetField; header: string }[];
  /** Headers read but not kept (分管领导) or not read at all (备注). */
  not_stored_headers: string[];
  rows: TaskSheetPreviewRow[];
  /** Rows with at least one error: the confirm writes nothing while this is above 0. */
  error_rows: number;
  counts: Record<TaskSheetRowAction, number>;
}

export interface TaskSheetImportResult {
  written: boolean;
  /** The plan written to (null when nothing was written and the region has no plan for the year). */
  planId: number | null;
  preview: TaskSheetPreview;
  created: number;
  updated: number;
}

/** The 序号 of a row, kept as the task's external id within its plan. */
export function taskSheetExternalId(planId: number, serial: string): string {
  return `task-sheet:${planId}:${serial}`;
}

/** The 序号 a task was imported under in this plan, if it was. */
export function serialOfExternalId(planId: number, externalId: string | null): string | undefined {
  const prefix = `task-sheet:${planId}:`;
  return externalId?.startsWith(prefix) ? externalId.slice(prefix.length) : undefined;
}

/** Unit names in one cell: 区发改局、区财政局 / 区发改局，区财政局 / one per line. */
const UNIT_SEPARATORS = /[、，,；;／/\s]+/u;
const MAX_TITLE_LENGTH = 2000;

export class TaskSheetService {
  readonly #database: DatabaseHandle;
  readonly #cache: ReadCache;
  readonly #index: ScheduleIndex;
  readonly #commitments: CommitmentService;

  constructor(database: DatabaseHandle, cache: ReadCache, index: ScheduleIndex, commitments: CommitmentService) {
    this.#database = database;
    this.#cache = cache;
    this.#index = index;
    this.#commitments = commitments;
  }

  /** Reads the sheet against the region's plan of the year (there may be none yet); writes nothing. */
  async preview(place: Place, bytes: Uint8Array): Promise<TaskSheetPreview> {
    const { plans, regions, commitments } = this.#database.repositories;
    const region = await regions.get(place.regionCode);
    const plan = await plans.find(region.code, place.year);
    const sheet = await readTaskSheet(bytes);
    const units = await regions.listUnits(region.code);
    const serials = plan ? sheet.rows.flatMap((row) => (row.cells.serial ? [taskSheetExternalId(plan.id, row.cells.serial)] : [])) : [];
    const existing = new Map((await commitments.listByExternalIds(serials)).map((record) => [record.external_id, record]));
    const seenSerials = new Map<string, number>();
    const context: RowContext = { planId: plan?.id, year: place.year, regionName: region.name, units, existing, seenSerials };
    const rows = sheet.rows.map((row) => previewRow(row, context));
    const counts: Record<TaskSheetRowAction, number> = { create: 0, update: 0, unchanged: 0 };
    for (const row of rows) counts[row.action] += 1;
    return {
      plan_id: plan?.id ?? null,
      region_code: region.code,
      year: place.year,
      sheet_name: sheet.sheetName,
      header_row: sheet.headerRow,
      columns: sheet.columns.map(({ field, header }) => ({ field, header })),
      not_stored_headers: [...sheet.columns.filter(({ field }) => !STORED_FIELDS.has(field)).map(({ header }) => header), ...sheet.otherHeaders],
      rows,
      error_rows: rows.filter((row) => row.errors.length > 0).length,
      counts,
    };
  }

  /**
   * Reads the sheet again and, when no row has an error, writes every row in one transaction (new tasks created,
   * re-imported ones changed, each audited, and the import itself audited on the plan); otherwise writes nothing.
   */
  async confirm(place: Place, bytes: Uint8Array, actor: Actor, fileName: string): Promise<TaskSheetImportResult> {
    const preview = await this.preview(place, bytes);
    if (preview.error_rows > 0 || preview.rows.length === 0) return { written: false, planId: preview.plan_id, preview, created: 0, updated: 0 };
    const { planId, touched } = await this.#database.transaction(async (repositories) => {
      const region = await repositories.regions.get(place.regionCode);
      // A 督查室 that starts from its Excel sheet has no plan for the year yet: the sheet opens one.
      const plan = await repositories.plans.ensure({ regionCode: region.code, year: place.year, title: `${region.name}${place.year}年任务分解表` });
      if (preview.plan_id !== null && plan.id !== preview.plan_id) throw new ConflictError('该年度计划在预览后发生了变化，请重新预览 / the plan changed after the preview: preview again');
      const planId = plan.id;
      const events: NewAuditEvent[] = [];
      const ids: number[] = [];
      const additions = preview.rows.filter((row) => row.action === 'create');
      const created = await repositories.commitments.createMany(
        additions.map((row) => ({
          plan_id: planId,
          parent_id: null,
          theme_id: null,
          external_id: row.serial === null ? null : taskSheetExternalId(planId, row.serial),
          original_text: row.target_text ? `${row.title}（目标：${row.target_text}）` : row.title,
          ...fieldsOf(row),
          leadUnitId: row.lead_unit?.id ?? null,
          supportingUnitIds: row.supporting_units.map((unit) => unit.id),
        })),
      );
      for (const record of created) {
        ids.push(record.id);
        events.push({ actorId: actor.id, action: 'create', entityType: 'commitment', entityId: record.id, after: record });
      }
      for (const row of preview.rows) {
        if (row.action === 'update' && row.commitment_id !== null) {
          const current = await repositories.commitments.get(row.commitment_id);
          const { before } = await repositories.commitments.update(current.id, current.version, fieldsOf(row));
          await repositories.commitments.setUnits(current.id, row.lead_unit?.id ?? null, row.supporting_units.map((unit) => unit.id));
          const after = await repositories.commitments.get(current.id);
          ids.push(current.id);
          events.push({ actorId: actor.id, action: 'update', entityType: 'commitment', entityId: current.id, before, after });
        }
      }
      events.push({
        actorId: actor.id,
        action: 'import_task_sheet',
        entityType: 'plan',
        entityId: planId,
        after: { file_name: fileName, rows: preview.rows.length, ...preview.counts },
      });
      await repositories.auditEvents.recordMany(events);
      return { planId, touched: ids };
    });
    await this.#index.refreshCommitments(planId, touched);
    this.#cache.clear();
    return { written: true, planId, preview, created: preview.counts.create, updated: preview.counts.update };
  }

  /**
   * The task table's commitments under `filter` (region and year name one plan) as a 分解表: each keeps the 序号 it
   * was imported under; the others are numbered in order, past the 序号 already taken.
   */
  async exportSheet(filter: CommitmentListFilter & Place): Promise<{ fileName: string; bytes: Buffer }> {
    const region = await this.#database.repositories.regions.get(filter.regionCode);
    const items: CommitmentView[] = [];
    for (let page = 1; ; page += 1) {
      const answer = await this.#commitments.list({ ...filter, includeUnpublished: true, page, pageSize: MAX_PAGE_SIZE });
      items.push(...answer.items);
      if (answer.items.length === 0 || items.length >= answer.total) break;
    }
    const taken = new Set(items.flatMap((item) => serialOfExternalId(item.plan_id, item.external_id) ?? []));
    let next = 0;
    const lines = items.map((item): TaskSheetLine => {
      let serial = serialOfExternalId(item.plan_id, item.external_id);
      if (serial === undefined) {
        do next += 1;
        while (taken.has(String(next)));
        serial = String(next);
      }
      return {
        serial,
        title: item.title,
        target: { value: item.target_value, valueHigh: item.target_value_high, unit: item.target_unit, comparator: item.target_comparator, grade: item.target_grade },
        leadUnit: item.units.find((unit) => unit.role === 'lead')?.name ?? null,
        supportingUnits: item.units.filter((unit) => unit.role === 'supporting').map((unit) => unit.name),
        deadline: item.deadline,
      };
    });
    const title = `${region.name}${filter.year}年任务分解表`;
    return { fileName: `${title}.xlsx`, bytes: await writeTaskSheet({ title, rows: lines }) };
  }
}

/** A region and plan year. */
export interface Place {
  regionCode: string;
  year: number;
}

interface RowContext {
  /** undefined: no plan yet, so no row names a task already imported. */
  planId: number | undefined;
  year: number;
  regionName: string;
  units: readonly UnitRow[];
  existing: ReadonlyMap<string | null, CommitmentRecord>;
  /** 序号 seen so far, with their first row. */
  seenSerials: Map<string, number>;
}

function previewRow(row: TaskSheetRow, context: RowContext): TaskSheetPreviewRow {
  const { year, regionName, units, existing, seenSerials } = context;
  const errors: string[] = [];
  const warnings: string[] = [];
  const { cells } = row;
  const serial = cells.serial ?? null;
  if (serial !== null) {
    const first = seenSerials.get(serial);
    if (first !== undefined) errors.push(`序号“${serial}”与第${first}行重复 / 序号 ${serial} repeats row ${first}`);
    else seenSerials.set(serial, row.rowNumber);
  }
  const title = (cells.task ?? '').replace(/\s*\r?\n\s*/gu, '');
  if (title === '') errors.push(`缺少任务内容（“${TASK_SHEET_HEADERS.task[0]}”列）/ the task is empty`);
  if (title.length > MAX_TITLE_LENGTH) errors.push(`任务内容超过${MAX_TITLE_LENGTH}字 / the task is longer than ${MAX_TITLE_LENGTH} characters`);

  const target = readTarget(cells.target, title, year);
  if (target.warning) warnings.push(target.warning);

  const leadNames = splitUnitNames(cells.lead_unit);
  const supportingNames = splitUnitNames(cells.supporting_units);
  if (leadNames.length > 1) warnings.push(`牵头单位有${leadNames.length}个：第一个“${leadNames[0]}”牵头，其余记为配合单位 / the first lead unit leads, the others support`);
  const findUnit = (name: string, column: string): UnitRef | undefined => {
    const unit = units.find((candidate) => candidate.name === name);
    if (!unit) errors.push(`${column}“${name}”不在${regionName}的单位名录中 / ${name} is not a unit of ${regionName}`);
    return unit ? { id: unit.id, name: unit.name } : undefined;
  };
  const leads = leadNames.map((name) => findUnit(name, '牵头单位'));
  const supportingFound = supportingNames.map((name) => findUnit(name, '配合单位'));
  const lead = leads[0] ?? null;
  const supporting = dedupeUnits([...leads.slice(1), ...supportingFound].filter((unit): unit is UnitRef => unit !== undefined && unit.id !== lead?.id));

  let deadline: string | null = null;
  const deadlineText = cells.deadline ?? null;
  if (deadlineText !== null) {
    const reading = parseDeadlineText(deadlineText, year);
    if (reading.kind === 'date') deadline = reading.date;
    else if (reading.kind === 'impossible') errors.push(`完成时限“${deadlineText}”不是有效日期 / the deadline ${deadlineText} is not a real date`);
    else if (reading.kind === 'unreadable') errors.push(`无法识别完成时限“${deadlineText}”（可写 2024年12月底、2024-12-31、年底、持续推进）/ cannot read the deadline ${deadlineText}`);
  }

  const current = serial === null || context.planId === undefined ? undefined : existing.get(taskSheetExternalId(context.planId, serial));
  const preview: TaskSheetPreviewRow = {
    row: row.rowNumber,
    serial,
    title,
    target_text: cells.target ?? null,
    target_value: target.value,
    target_value_high: target.valueHigh,
    target_unit: target.unit,
    target_comparator: target.comparator,
    lead_unit: lead ?? null,
    supporting_units: supporting,
    deadline,
    deadline_text: deadlineText,
    leader: cells.leader ?? null,
    action: 'create',
    commitment_id: current?.id ?? null,
    errors,
    warnings,
  };
  if (current) preview.action = isUnchanged(current, preview) ? 'unchanged' : 'update';
  return preview;
}

/** What a row sets on its task. */
function fieldsOf(row: TaskSheetPreviewRow) {
  return {
    title: row.title,
    target_value: row.target_value,
    target_value_high: row.target_value_high,
    target_unit: row.target_unit,
    target_comparator: row.target_comparator,
    deadline: row.deadline,
  };
}

interface TargetReading {
  value: string | null;
  valueHigh: string | null;
  unit: string | null;
  comparator: TargetComparator | null;
  warning?: string;
}

/**
 * The target of a row, read by core's extraction: from the 目标 cell (its first figure, with its bound word: 不少于500人
 * → ≥ 500 人), or, without a 目标 column, from the one figure the task states itself (新增城镇就业5000人以上).
 */
function readTarget(targetText: string | undefined, title: string, planYear: number): TargetReading {
  const none: TargetReading = { value: null, valueHigh: null, unit: null, comparator: null };
  if (targetText === undefined) {
    // Only a task that states one figure: of two (投资3亿元，建成5所), which one is the target is for a person to say.
    const [only, ...more] = extract(title, { reportYear: planYear }).quantities.filter((quantity) => quantity.unit !== undefined);
    if (!only || more.length > 0) return none;
    return { ...valueOf(only.value), unit: only.unit!, comparator: only.comparator ?? '=' };
  }
  const quantities = extract(targetText, { reportYear: planYear }).quantities.filter((quantity) => quantity.unit !== undefined);
  const first = quantities[0];
  if (!first) return { ...none, warning: `目标“${targetText}”中没有带单位的数值，不作为量化目标 / the target states no figure with a unit` };
  const reading: TargetReading = { ...valueOf(first.value), unit: first.unit!, comparator: first.comparator ?? '=' };
  if (quantities.length > 1) reading.warning = `目标中有${quantities.length}个数值，取第一个“${first.text}” / the target states several figures: the first is kept`;
  return reading;
}

function valueOf(value: QuantityValue): { value: string | null; valueHigh: string | null } {
  if (value.type === 'exact') return { value: formatDecimal(value.value), valueHigh: null };
  if (value.type === 'range') return { value: formatDecimal(value.low), valueHigh: formatDecimal(value.high) };
  return { value: null, valueHigh: null };
}

function splitUnitNames(text: string | undefined): string[] {
  return [...new Set((text ?? '').split(UNIT_SEPARATORS).map((name) => name.trim()).filter((name) => name !== ''))];
}

function dedupeUnits(units: readonly UnitRef[]): UnitRef[] {
  return units.filter((unit, index) => units.findIndex((other) => other.id === unit.id) === index);
}

function sameDecimal(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return canonicalDecimalText(a) === canonicalDecimalText(b);
}

/** A re-imported row that says what the task says already changes nothing (and bumps no version). */
function isUnchanged(current: CommitmentRecord, row: TaskSheetPreviewRow): boolean {
  const lead = current.units.find((unit) => unit.role === 'lead')?.unit_id ?? null;
  const supporting = current.units.filter((unit) => unit.role === 'supporting').map((unit) => unit.unit_id).sort((a, b) => a - b);
  return (
    current.title === row.title &&
    sameDecimal(current.target_value, row.target_value) &&
    sameDecimal(current.target_value_high, row.target_value_high) &&
    current.target_unit === row.target_unit &&
    current.target_comparator === row.target_comparator &&
    current.deadline === row.deadline &&
    lead === (row.lead_unit?.id ?? null) &&
    JSON.stringify(supporting) === JSON.stringify(row.supporting_units.map((unit) => unit.id).sort((a, b) => a - b))
  );
}
