/**
 * The typed client of the duixian server: one function per call the pages make, each turning the server's answer
 * (snake_case rows, exact decimal strings) into the web's view types. Example: getOverview('630105', 2024) →
 * { total: { amountYuan: '2198000000', growthPercent: '44.4' }, … }.
 */
import type {
  AuditEvent,
  BudgetLineJson,
  CommitmentDetailJson,
  CommitmentJson,
  DashboardSummaryJson,
  DocumentDetailJson,
  ImportResultJson,
  LivelihoodProgramme,
  ProgressUpdate,
  Region,
  SessionJson,
  Unit,
} from '@duixian/server';
import type { z } from 'zod';
import { addDecimalTexts, type TextMark } from '@duixian/core';
import { getJson, query, request, setCsrfToken, upload } from './http.client.ts';
import type {
  BudgetLineView,
  CommitmentDetail,
  CommitmentSummary,
  DocumentDetail,
  DocumentFigure,
  DocumentFinding,
  DocumentSummary,
  EvidenceView,
  HistoryEventView,
  OverviewView,
  PendingProgressView,
  Place,
  ProgressUpdateView,
  RegionView,
  SessionUser,
  TaskRow,
  UnitView,
  UploadResult,
  WarningsView,
  WarningUrgency,
} from './view-types.ts';
import type { Locale } from '../i18n/locale.ts';
import { chinaDate } from '../format/china-time.format.ts';
import { historyChanges } from '../format/history-change.format.ts';

/** A page of rows as every list endpoint returns it. */
interface WirePage<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

const PAGE_SIZE = 500;

// ——— places ———

/** Every region with the years it has data for (budget or plan years), newest first. */
/** Every region, in the order they were created (the first is the home region: see router/place-choice.ts). */
export async function listRegions(): Promise<RegionView[]> {
  const regions = await getJson<{ items: z.infer<typeof Region>[] }>('/api/regions');
  return [...regions.items]
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.code.localeCompare(b.code))
    .map((region) => ({ code: region.code, name: region.name }));
}

/** Every region and year with a plan or a budget, regions in the order they were created, latest year first. */
export async function listPlaces(): Promise<Place[]> {
  const regions = await listRegions();
  const places: Place[] = [];
  for (const region of regions) {
    const detail = await getJson<{ budget_years: number[]; plan_years: number[] }>(`/api/regions/${encodeURIComponent(region.code)}`);
    const all = [...new Set([...detail.plan_years, ...detail.budget_years])].sort((a, b) => b - a);
    for (const year of all) places.push({ regionCode: region.code, regionName: region.name, year });
  }
  return places;
}

// ——— overview ———

export async function getOverview(regionCode: string, year: number): Promise<OverviewView> {
  // The summary has the figures; the budget lines and programmes (fetched alongside) say which sentence each came from.
  const [summary, lines, programmes] = await Promise.all([
    getJson<DashboardSummaryJson>(`/api/dashboard/summary${query({ region: regionCode, year })}`),
    getJson<WirePage<BudgetLineJson>>(`/api/budget-lines${query({ region: regionCode, page_size: PAGE_SIZE })}`).catch(() => ({ items: [] as BudgetLineJson[] })),
    getJson<{ items: z.infer<typeof LivelihoodProgramme>[] }>(`/api/livelihood/programmes${query({ region: regionCode })}`).catch(() => ({ items: [] as z.infer<typeof LivelihoodProgramme>[] })),
  ]);
  const budget = summary.budget;
  const lineSource = (scope: string, label: string) => {
    const line = lines.items.find((item) => item.year === budget?.year && item.phase === budget?.phase && item.scope === scope && item.label === label);
    return line ? sourceOf(line) : {};
  };
  const budgetYear = budget?.year ?? summary.year;
  const programme = summary.projects.find((project) => project.year === budgetYear) ?? summary.projects[0];
  const subtract = (a: string, b: string | null) => (b === null ? undefined : subtractDecimalText(a, b));
  const total = budget?.total;
  const livelihood = budget?.livelihood;
  return {
    place: { regionCode: summary.region.code, regionName: summary.region.name, year: budgetYear },
    ...(total
      ? {
          total: {
            label: total.label,
            amountYuan: total.amount_yuan,
            ...(total.previous_amount_yuan !== null ? { previousYear: budgetYear - 1, previousAmountYuan: total.previous_amount_yuan } : {}),
            ...(total.growth_percent !== null ? { growthPercent: total.growth_percent } : {}),
            ...(subtract(total.amount_yuan, total.previous_amount_yuan) ? { changeYuan: subtract(total.amount_yuan, total.previous_amount_yuan)! } : {}),
            ...lineSource('total', total.label),
          },
        }
      : {}),
    ...(livelihood
      ? {
          livelihood: {
            label: livelihood.label,
            amountYuan: livelihood.amount_yuan,
            ...(livelihood.share_percent !== null ? { sharePercent: livelihood.share_percent } : {}),
            ...(livelihood.growth_percent !== null ? { growthPercent: livelihood.growth_percent } : {}),
            ...(livelihood.previous_amount_yuan !== null ? { previousYear: budgetYear - 1, changeYuan: subtract(livelihood.amount_yuan, livelihood.previous_amount_yuan)! } : {}),
            ...lineSource('livelihood', livelihood.label),
          },
        }
      : {}),
    categories: (budget?.categories ?? []).map((category) => ({
      label: category.label,
      amountYuan: category.amount_yuan,
      ...(category.functional_code ? { functionalCode: category.functional_code } : {}),
      ...lineSource('category', category.label),
    })),
    themes: (summary.commitments?.themes ?? []).map((theme) => ({
      name: theme.theme ?? '—',
      total: theme.total,
      green: theme.green,
      yellow: theme.yellow,
      red: theme.red,
    })),
    ...(programme
      ? {
          programme: {
            title: programme.title,
            ...(programme.budget_yuan !== null ? { budgetYuan: programme.budget_yuan } : {}),
            ...(programme.area_count !== null ? { areaCount: programme.area_count } : {}),
            ...(programme.project_count !== null ? { projectCount: programme.project_count } : {}),
            ...(programme.delivered_count !== null ? { deliveredCount: programme.delivered_count } : {}),
            ...(() => {
              const row = programmes.items.find((item) => item.year === programme.year && item.title === programme.title);
              return row ? sourceOf(row) : {};
            })(),
          },
        }
      : {}),
  };
}

/** Exact a − b of decimal strings. */
function subtractDecimalText(a: string, b: string): string {
  return addDecimalTexts(a, b.startsWith('-') ? b.slice(1) : `-${b}`);
}
export function infographicHref(place: Place, format: 'svg' | 'png', locale: Locale): string {
  return `/api/infographic/${encodeURIComponent(place.regionCode)}/${place.year}/ledger.${format}${locale === 'en' ? '?lang=en' : ''}`;
}

// ——— budget ———

type SpanColumns = { document_id: number | null; span_start: number | null; span_end: number | null };

function sourceOf(row: SpanColumns) {
  return row.document_id !== null && row.span_start !== null && row.span_end !== null
    ? { source: { documentId: row.document_id, start: row.span_start, end: row.span_end } }
    : {};
}

/** The report's functional classification names (类 level), for the treemap's labels. */
const FUNCTIONAL_NAMES: Readonly<Record<string, string>> = {
  '201': '一般公共服务', '202': '外交', '203': '国防', '204': '公共安全', '205': '教育', '206': '科学技术',
  '207': '文化旅游体育与传媒', '208': '社会保障和就业', '210': '卫生健康', '211': '节能环保', '212': '城乡社区',
  '213': '农林水', '214': '交通运输', '215': '资源勘探工业信息等', '216': '商业服务业等', '217': '金融',
  '219': '援助其他地区', '220': '自然资源海洋气象等', '221': '住房保障', '222': '粮油物资储备',
  '224': '灾害防治及应急管理', '227': '预备费', '229': '其他支出', '230': '转移性支出', '231': '债务还本',
  '232': '债务付息', '233': '债务发行费用',
};

export async function listBudgetLines(regionCode: string): Promise<BudgetLineView[]> {
  const page = await getJson<WirePage<BudgetLineJson>>(`/api/budget-lines${query({ region: regionCode, page_size: PAGE_SIZE })}`);
  return page.items.map((row) => ({
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
  }));
}

// ——— commitments ———

function toCommitmentSummary(row: CommitmentJson): CommitmentSummary {
  const schedule = row.schedule;
  const deadline = row.deadline ?? schedule.deadline;
  return {
    id: row.id,
    title: row.title,
    version: row.version,
    ...(row.theme ? { theme: row.theme } : {}),
    ...(row.theme_id !== null ? { themeId: row.theme_id } : {}),
    units: row.units.map((unit) => ({ id: unit.unit_id, name: unit.name, role: unit.role })),
    ...(deadline ? { deadline } : {}),
    ...(row.target_value !== null && row.target_unit
      ? { target: { value: row.target_value, unit: row.target_unit, ...(row.target_comparator ? { comparator: row.target_comparator } : {}) } }
      : row.target_grade ? { target: { value: row.target_grade, unit: '', ...(row.target_comparator ? { comparator: row.target_comparator } : {}) } } : {}),
    // Without any report there is no actual progress to show, only what the schedule expects.
    ...(schedule.has_progress && schedule.actual_percent ? { actualPercent: schedule.actual_percent } : {}),
    ...(schedule.expected_percent ? { expectedPercent: schedule.expected_percent } : {}),
    ...(schedule.code ? { scheduleStatus: schedule.code } : {}),
    ...(schedule.colour ? { colour: schedule.colour } : {}),
    ...(schedule.reported_status ? { reportedStatus: schedule.reported_status } : {}),
    ...(schedule.days_to_deadline !== null ? { daysToDeadline: schedule.days_to_deadline } : {}),
    explanation: schedule.explanation,
  };
}

export interface CommitmentFilterInput {
  readonly theme?: string;
  readonly unit?: string;
  readonly status?: string;
  readonly colour?: string;
}

export async function listCommitments(place: Place, filter: CommitmentFilterInput): Promise<{ items: CommitmentSummary[]; total: number }> {
  const page = await getJson<WirePage<CommitmentJson>>(
    `/api/commitments${query({ region: place.regionCode, year: place.year, theme: filter.theme, unit_id: filter.unit, status: filter.status, colour: filter.colour, page_size: PAGE_SIZE })}`,
  );
  return { items: page.items.map(toCommitmentSummary), total: page.total };
}

/** The items a signed-in user works on: a unit editor's own unit only (the server enforces it too). */
export async function listMyCommitments(place: Place, user: SessionUser): Promise<CommitmentSummary[]> {
  const unit = user.role === 'unit_editor' && user.unitId !== undefined ? String(user.unitId) : undefined;
  const page = await listCommitments(place, unit ? { unit } : {});
  return page.items;
}

export async function listThemes(place: Place): Promise<string[]> {
  const summary = await getJson<DashboardSummaryJson>(`/api/dashboard/summary${query({ region: place.regionCode, year: place.year })}`);
  return (summary.commitments?.themes ?? []).map((theme) => theme.theme).filter((theme): theme is string => Boolean(theme));
}

/** The region of a unit: a unit editor's workbench opens on it. */
export async function findUnitRegion(unitId: number): Promise<string | undefined> {
  const answer = await getJson<{ items: z.infer<typeof Unit>[] }>('/api/units');
  return answer.items.find((unit) => unit.id === unitId)?.region_code;
}

export async function listUnits(regionCode: string): Promise<UnitView[]> {
  const answer = await getJson<{ items: z.infer<typeof Unit>[] }>(`/api/units${query({ region: regionCode })}`);
  return answer.items.map((unit) => ({
    id: unit.id,
    name: unit.name,
    regionCode: unit.region_code,
    contact: { name: unit.contact_name, phone: unit.contact_phone, email: unit.contact_email },
  }));
}

type WireProgress = z.infer<typeof ProgressUpdate>;

function toEvidence(item: WireProgress['evidence'][number], files: { upload: string; download: string | undefined }): EvidenceView {
  const fileHref = files.download ? files.download.replace(/\{[^}]+\}/, encodeURIComponent(item.ref)) : `${files.upload}/${encodeURIComponent(item.ref)}`;
  const href = item.kind === 'link' ? item.ref : fileHref;
  const label = item.label ?? item.ref.slice(0, 12);
  const isImage = /\.(png|jpe?g|gif|webp|heic)$/i.test(label);
  return { label, href, isImage };
}

function toUpdate(row: WireProgress, files: { upload: string; download: string | undefined }): ProgressUpdateView {
  return {
    id: row.id,
    reportedOn: row.reported_on,
    ...(row.amount !== null ? { amount: row.amount } : {}),
    ...(row.percent !== null ? { percent: row.percent } : {}),
    ...(row.reported_status ? { reportedStatus: row.reported_status } : {}),
    ...(row.note ? { note: row.note } : {}),
    evidence: row.evidence.map((item) => toEvidence(item, files)),
    ...(row.review_status ? { reviewStatus: row.review_status } : {}),
    ...(row.review_reason ? { reviewReason: row.review_reason } : {}),
  };
}

type WireAuditEvent = z.infer<typeof AuditEvent>;

export async function getCommitment(id: number): Promise<CommitmentDetail> {
  const [row, progress, history, files] = await Promise.all([
    getJson<CommitmentDetailJson>(`/api/commitments/${id}`),
    getJson<WirePage<WireProgress>>(`/api/commitments/${id}/progress${query({ page_size: 100 })}`),
    getJson<WirePage<WireAuditEvent>>(`/api/commitments/${id}/history${query({ page_size: 100 })}`),
    findEvidencePaths().catch(() => ({ upload: '/api/evidence', download: undefined })),
  ]);
  return {
    ...toCommitmentSummary(row),
    originalText: row.original_text,
    children: row.children.map(toCommitmentSummary),
    ...sourceOf(row),
    updates: progress.items.map((update) => toUpdate(update, files)),
    history: history.items.map<HistoryEventView>((event) => ({
      id: event.id,
      occurredAt: event.occurred_at,
      action: event.action,
      ...(event.actor_name ? { actor: event.actor_name } : {}),
      isSystem: event.actor_id === null,
      changes: historyChanges(event.before, event.after),
    })),
  };
}

// ——— documents ———

type WireDocumentSummary = Omit<DocumentDetailJson, 'text' | 'extraction' | 'findings' | 'problems'>;

type WireJsonValue = number | string | [number | string, number | string];

/** The stored extraction, in core's `duixian check --json` contract. */
interface StoredExtraction {
  marks?: TextMark[];
  quantities?: { id: string; start: number; end: number; text: string; value: WireJsonValue; unit: string; kind: string; comparator?: string; metric?: string; role?: string; year?: number }[];
}

function toDocumentSummary(row: WireDocumentSummary): DocumentSummary {
  return { id: row.id, title: row.title, fileName: row.file_name, year: row.year };
}

export async function listDocuments(regionCode: string, year: number): Promise<DocumentSummary[]> {
  const page = await getJson<WirePage<WireDocumentSummary>>(`/api/documents${query({ region: regionCode, page_size: PAGE_SIZE })}`);
  return page.items.map(toDocumentSummary).sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || b.id - a.id);
}

export async function getDocument(id: number): Promise<DocumentDetail> {
  const row = await getJson<DocumentDetailJson>(`/api/documents/${id}`);
  const extraction = (row.extraction ?? {}) as StoredExtraction;
  const figures = (extraction.quantities ?? []).map<DocumentFigure>((quantity) => {
    const [low, high] = Array.isArray(quantity.value) ? quantity.value : [quantity.value, undefined];
    return {
      id: quantity.id,
      start: quantity.start,
      end: quantity.end,
      text: quantity.text,
      value: String(low),
      ...(high !== undefined ? { valueHigh: String(high) } : {}),
      unit: quantity.unit,
      ...(quantity.comparator ? { comparator: quantity.comparator } : {}),
      ...(quantity.metric ? { metric: quantity.metric } : {}),
      ...(quantity.role ? { role: quantity.role } : {}),
      ...(quantity.year !== undefined ? { period: String(quantity.year) } : {}),
    };
  });
  const findings = Array.isArray(row.findings) ? (row.findings as DocumentFinding[]) : [];
  return {
    ...toDocumentSummary(row),
    figureCount: figures.length,
    inconsistentCount: new Set(findings.filter((finding) => finding.verdict === 'inconsistent').map((finding) => finding.stated)).size,
    text: row.text,
    marks: extraction.marks ?? [],
    figures,
    findings,
    fileHref: `/api/documents/${id}/file`,
  };
}

// ——— staff ———

function toSessionUser({ user, must_change_password }: SessionJson): SessionUser {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    ...(user.unit_id !== null ? { unitId: user.unit_id } : {}),
    ...(user.display_name ? { displayName: user.display_name } : {}),
    mustChangePassword: must_change_password,
  };
}

/**
 * The signed-in user, or undefined for the public. Sign-in sets the readable CSRF cookie beside the httpOnly session
 * cookie, with the same lifetime: without it there is no session to ask about, and a visitor's console stays free of
 * the 401 the question would get.
 */
export async function getSessionUser(): Promise<SessionUser | undefined> {
  if (!/(?:^|;\s*)duixian_csrf=/.test(document.cookie)) return undefined;
  try {
    const answer = await getJson<SessionJson>('/api/auth/session');
    setCsrfToken(answer.csrf_token);
    return toSessionUser(answer);
  } catch {
    return undefined;
  }
}

export async function signIn(username: string, password: string): Promise<SessionUser> {
  const answer = await request<SessionJson>('POST', '/api/auth/sign-in', { username, password });
  setCsrfToken(answer.csrf_token);
  return toSessionUser(answer);
}

/** Replaces the signed-in user's password; the server ends every session of the user, so sign in again after. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await request<void>('POST', '/api/auth/password', { current_password: currentPassword, new_password: newPassword });
  setCsrfToken(undefined);
}

export async function signOut(): Promise<void> {
  await request<void>('POST', '/api/auth/sign-out');
  setCsrfToken(undefined);
}

export async function uploadDocument(form: FormData, onProgress: (fraction: number) => void): Promise<UploadResult> {
  const body = new FormData();
  body.set('region_code', String(form.get('region') ?? ''));
  body.set('year', String(form.get('year') ?? ''));
  const file = form.get('file');
  if (file) body.set('file', file);
  const answer = await upload<ImportResultJson>('/api/documents', body, onProgress);
  return { documentId: answer.document.id, title: answer.document.title, reviewCount: answer.review.pending, isNew: answer.is_new };
}

/**
 * The staff's task table: every commitment of the place matching the filters, unpublished ones too, all pages read.
 * `filter` is the list's query (see pages/staff/task-filter.ts): { assigned: 'false' } for the 未分派 ones.
 */
export async function listTasks(place: Place, filter: Readonly<Record<string, string | undefined>>): Promise<TaskRow[]> {
  const rows: TaskRow[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await getJson<WirePage<CommitmentJson>>(
      `/api/staff/commitments${query({ region: place.regionCode, year: place.year, ...filter, page, page_size: PAGE_SIZE })}`,
    );
    rows.push(...answer.items.map((row) => ({ ...toCommitmentSummary(row), version: row.version, published: row.published })));
    if (answer.items.length === 0 || rows.length >= answer.total) return rows;
  }
}

/** One lead unit, supporting units (omitted: each keeps its own) and deadline for many commitments: all or none. */
export async function assignTasks(ids: readonly number[], change: { leadUnitId: number; supportingUnitIds?: readonly number[]; deadline?: string }): Promise<number> {
  const answer = await request<{ assigned: number }>('POST', '/api/commitments/assignments', {
    ids,
    lead_unit_id: change.leadUnitId,
    ...(change.supportingUnitIds && change.supportingUnitIds.length > 0 ? { supporting_unit_ids: change.supportingUnitIds } : {}),
    ...(change.deadline ? { deadline: change.deadline } : {}),
  });
  return answer.assigned;
}

/** One row's units, deadline and published flag, at the version read (a stale one gets the server's 409 message). */
export async function updateTask(
  task: TaskRow,
  change: { leadUnitId: number | null; supportingUnitIds: readonly number[]; deadline: string | null; published: boolean },
): Promise<void> {
  await request('PATCH', `/api/commitments/${task.id}`, {
    version: task.version,
    lead_unit_id: change.leadUnitId,
    supporting_unit_ids: change.supportingUnitIds,
    deadline: change.deadline,
    published: change.published,
  });
}

/** Where evidence files go, read once from the OpenAPI document: the POST path that stores evidence or files. */
let evidencePaths: Promise<{ upload: string; download: string | undefined }> | undefined;

function findEvidencePaths(): Promise<{ upload: string; download: string | undefined }> {
  evidencePaths ??= getJson<{ paths: Record<string, { get?: unknown; post?: unknown }> }>('/api/openapi.json').then((openapi) => {
    const paths = Object.entries(openapi.paths);
    const upload = paths.find(([path, item]) => item.post && /^\/api\/(evidence|files)$/.test(path))?.[0] ?? '/api/evidence';
    const download = paths.find(([path, item]) => item.get && path.startsWith(`${upload}/{`))?.[0];
    return { upload, download };
  });
  return evidencePaths;
}

/** Stores one evidence file (by content hash on the server) and returns its reference for a progress update. */
async function uploadEvidence(file: File): Promise<{ kind: 'file'; ref: string; label: string }> {
  const { upload: path } = await findEvidencePaths();
  const body = new FormData();
  body.set('file', file, file.name);
  const answer = await upload<{ ref?: string; sha256?: string; id?: string | number; label?: string }>(path, body, () => undefined);
  const ref = answer.ref ?? answer.sha256 ?? (answer.id !== undefined ? String(answer.id) : undefined);
  if (!ref) throw new Error(`${path} answered without a file reference`);
  return { kind: 'file', ref, label: answer.label ?? file.name };
}

export async function reportProgress(commitment: CommitmentSummary, form: FormData): Promise<void> {
  const field = (key: string) => {
    const value = form.get(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const evidence = [];
  for (const file of form.getAll('evidence')) {
    if (file instanceof File && file.size > 0) evidence.push(await uploadEvidence(file));
  }
  const percent = field('percent');
  const amount = field('amount');
  const note = field('note');
  const status = field('reported_status');
  await request('POST', `/api/commitments/${commitment.id}/progress`, {
    reported_on: field('reported_on') ?? chinaDate(new Date()),
    ...(percent ? { percent } : {}),
    ...(amount ? { amount } : {}),
    ...(note ? { note } : {}),
    ...(status ? { reported_status: status } : {}),
    ...(evidence.length ? { evidence } : {}),
  });
}

/**
 * The warnings list: red and yellow commitments (overdue, behind), then those due within `withinDays` that are not
 * done, worst first. Statuses are the server's; the page only sorts and cuts.
 */
interface WarningsJson {
  items: { urgency: WarningUrgency; commitment: CommitmentJson }[];
  by_unit: { unit_id: number; unit_name: string; overdue: number; missed: number; behind: number; due_soon: number }[];
  unassigned: number;
}

/** The workbench's warnings, ranked by the server: overdue, closed unfinished, behind schedule, then due soon. */
export async function listWarnings(place: Place, withinDays: number): Promise<WarningsView> {
  const answer = await getJson<WarningsJson>(`/api/warnings${query({ region: place.regionCode, year: place.year, within_days: withinDays })}`);
  return {
    items: answer.items.map((item) => {
      const commitment = toCommitmentSummary(item.commitment);
      return {
        commitment,
        urgency: item.urgency,
        reason: commitment.explanation ?? '',
        ...(commitment.daysToDeadline !== undefined ? { daysLeft: commitment.daysToDeadline } : {}),
      };
    }),
    byUnit: answer.by_unit.map((unit) => ({ unitId: unit.unit_id, unitName: unit.unit_name, overdue: unit.overdue, missed: unit.missed, behind: unit.behind, dueSoon: unit.due_soon })),
    unassigned: answer.unassigned,
  };
}

interface OpenApiParameter {
  name: string;
  in: string;
  schema?: { enum?: string[] };
}

/**
 * The export downloads the server offers, read from its OpenAPI document: every /api/exports path with its path
 * parameters filled in (enumerated values each, the region from the page), so the page lists only what exists.
 * Example: '/api/exports/{dataset}.{format}' → '/api/exports/commitments.csv', … '/api/exports/budget-lines.json'.
 */
export async function listExportLinks(regionCode: string): Promise<string[]> {
  const openapi = await getJson<{ paths: Record<string, { get?: { parameters?: OpenApiParameter[] } }> }>('/api/openapi.json');
  const links: string[] = [];
  for (const [path, item] of Object.entries(openapi.paths)) {
    if (!path.startsWith('/api/exports') || !item.get) continue;
    let expanded = [path];
    for (const parameter of (item.get.parameters ?? []).filter((candidate) => candidate.in === 'path')) {
      const values = parameter.name === 'region' ? [regionCode] : (parameter.schema?.enum ?? []);
      expanded = expanded.flatMap((partial) => values.map((value) => partial.replace(`{${parameter.name}}`, encodeURIComponent(value))));
    }
    links.push(...expanded.filter((link) => !link.includes('{')));
  }
  return links;
}

// ——— progress review (督查室) ———

type WireReviewedProgress = WireProgress & {
  commitment_title: string;
  target_value: string | null;
  target_unit: string | null;
  lead_unit: string | null;
  author_name: string | null;
};

/** The reports of a region and year waiting for review, oldest first. */
export async function listPendingProgress(place: Place): Promise<PendingProgressView[]> {
  const [answer, files] = await Promise.all([
    getJson<WirePage<WireReviewedProgress>>(`/api/progress${query({ status: 'pending', region: place.regionCode, year: place.year, page_size: PAGE_SIZE })}`),
    findEvidencePaths().catch(() => ({ upload: '/api/evidence', download: undefined })),
  ]);
  return answer.items.map((row) => ({
    ...toUpdate(row, files),
    ...(row.author_name ? { author: row.author_name } : {}),
    commitmentId: row.commitment_id,
    commitmentTitle: row.commitment_title,
    ...(row.target_value !== null ? { targetValue: row.target_value } : {}),
    ...(row.target_unit !== null ? { targetUnit: row.target_unit } : {}),
    ...(row.lead_unit !== null ? { leadUnit: row.lead_unit } : {}),
  }));
}

export async function approveProgress(id: number): Promise<void> {
  await request('POST', `/api/progress/${id}/approve`);
}

export async function returnProgress(id: number, reason: string): Promise<void> {
  await request('POST', `/api/progress/${id}/return`, { reason });
}

/** One commitment's reports as its unit sees them: each with its review (待审核, 已通过, 已退回 and why). */
export async function listOwnReports(commitmentId: number): Promise<ProgressUpdateView[]> {
  const [answer, files] = await Promise.all([
    getJson<WirePage<WireProgress>>(`/api/commitments/${commitmentId}/progress${query({ page_size: 20 })}`),
    findEvidencePaths().catch(() => ({ upload: '/api/evidence', download: undefined })),
  ]);
  return answer.items.map((row) => toUpdate(row, files));
}
