/**
 * The typed client of the duixian server: one function per call the pages make, each turning the server's answer
 * (snake_case rows, exact decimal strings) into the web's view types. Example: getOverview('630105', 2024) →
 * { total: { amountYuan: '2198000000', growthPercent: '44.4' }, … }.
 */
import type { DashboardSummary } from '../../../server/src/services/dashboard.service.ts';
import { addDecimalTexts } from '../format/decimal-text.ts';
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
  Place,
  ProgressUpdateView,
  ReviewItemView,
  SessionUser,
  UnitView,
  UploadResult,
  WarningView,
} from './view-types.ts';
import type { Locale } from '../i18n/locale.ts';
import type { WarningColour } from '../components/status-badge.tsx';

/** A page of rows as every list endpoint returns it. */
interface WirePage<T> {
  items: T[];
  total: number;
  page: number;
  page_size?: number;
  pageSize?: number;
}

const PAGE_SIZE = 500;

// ——— places ———

interface WireRegion {
  code: string;
  name: string;
  parent_code: string | null;
}

/** Every region with the years it has data for (budget or plan years), newest first. */
export async function listPlaces(): Promise<Place[]> {
  const regions = await getJson<WirePage<WireRegion> | WireRegion[]>('/api/regions');
  const list = Array.isArray(regions) ? regions : regions.items;
  const places: Place[] = [];
  for (const region of list) {
    const years = await getJson<{ budget_years: number[]; plan_years: number[] }>(`/api/regions/${encodeURIComponent(region.code)}/years`);
    const all = [...new Set([...years.plan_years, ...years.budget_years])].sort((a, b) => b - a);
    for (const year of all) places.push({ regionCode: region.code, regionName: region.name, year });
  }
  return places;
}

// ——— overview ———

export async function getOverview(regionCode: string, year: number): Promise<OverviewView> {
  const summary = await getJson<DashboardSummary>(`/api/dashboard${query({ region: regionCode, year })}`);
  const budget = summary.budget;
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
          },
        }
      : {}),
    categories: (budget?.categories ?? []).map((category) => ({
      label: category.label,
      amountYuan: category.amount_yuan,
      ...(category.functional_code ? { functionalCode: category.functional_code } : {}),
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

interface WireBudgetLine {
  id: number;
  region_code: string;
  year: number;
  phase: string;
  scope: string;
  label: string;
  functional_code: string | null;
  functional_name?: string | null;
  mapping_confidence: string | null;
  amount_yuan: string;
  document_id: number | null;
  span_start: number | null;
  span_end: number | null;
}

function sourceOf(row: { document_id: number | null; span_start: number | null; span_end: number | null }) {
  return row.document_id !== null && row.span_start !== null && row.span_end !== null
    ? { source: { documentId: row.document_id, start: row.span_start, end: row.span_end } }
    : {};
}

export async function listBudgetLines(regionCode: string): Promise<BudgetLineView[]> {
  const page = await getJson<WirePage<WireBudgetLine>>(`/api/budget-lines${query({ region: regionCode, page_size: PAGE_SIZE })}`);
  return page.items.map((row) => ({
    id: row.id,
    year: row.year,
    phase: row.phase,
    scope: row.scope,
    label: row.label,
    amountYuan: row.amount_yuan,
    ...(row.functional_code ? { functionalCode: row.functional_code } : {}),
    ...(row.functional_name ? { functionalName: row.functional_name } : {}),
    ...(row.mapping_confidence ? { mappingConfidence: row.mapping_confidence } : {}),
    ...sourceOf(row),
  }));
}

// ——— commitments ———

interface WireSchedule {
  code: string | null;
  colour: WarningColour | null;
  expected_percent: string | null;
  actual_percent: string | null;
  days_to_deadline: number | null;
  reported_status: string | null;
  deadline: string;
  explanation: string;
}

interface WireCommitment {
  id: number;
  title: string;
  theme: string | null;
  theme_id: number | null;
  original_text: string;
  target_value: string | null;
  target_value_high: string | null;
  target_unit: string | null;
  target_comparator: string | null;
  deadline: string | null;
  version: number;
  document_id: number | null;
  span_start: number | null;
  span_end: number | null;
  units: { unit_id: number; name: string; role: string }[];
  schedule: WireSchedule | null;
}

function toCommitmentSummary(row: WireCommitment): CommitmentSummary {
  const schedule = row.schedule;
  return {
    id: row.id,
    title: row.title,
    version: row.version,
    ...(row.theme ? { theme: row.theme } : {}),
    ...(row.theme_id !== null ? { themeId: row.theme_id } : {}),
    units: row.units.map((unit) => ({ id: unit.unit_id, name: unit.name, role: unit.role })),
    ...(row.deadline ? { deadline: row.deadline } : schedule?.deadline ? { deadline: schedule.deadline } : {}),
    ...(row.target_value !== null && row.target_unit
      ? { target: { value: row.target_value, unit: row.target_unit, ...(row.target_comparator ? { comparator: row.target_comparator } : {}) } }
      : {}),
    ...(schedule?.actual_percent ? { actualPercent: schedule.actual_percent } : {}),
    ...(schedule?.expected_percent ? { expectedPercent: schedule.expected_percent } : {}),
    ...(schedule?.code ? { scheduleStatus: schedule.code } : {}),
    ...(schedule?.colour ? { colour: schedule.colour } : {}),
    ...(schedule?.reported_status ? { reportedStatus: schedule.reported_status } : {}),
  };
}

export interface CommitmentFilterInput {
  readonly theme?: string;
  readonly unit?: string;
  readonly status?: string;
}

export async function listCommitments(place: Place, filter: CommitmentFilterInput): Promise<{ items: CommitmentSummary[]; total: number }> {
  const page = await getJson<WirePage<WireCommitment>>(
    `/api/commitments${query({ region: place.regionCode, year: place.year, theme: filter.theme, unit: filter.unit, status: filter.status, page_size: PAGE_SIZE })}`,
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
  const summary = await getJson<DashboardSummary>(`/api/dashboard${query({ region: place.regionCode, year: place.year })}`);
  return (summary.commitments?.themes ?? []).map((theme) => theme.theme).filter((theme): theme is string => Boolean(theme));
}

export async function listUnits(regionCode: string): Promise<UnitView[]> {
  const answer = await getJson<WirePage<{ id: number; name: string }> | { id: number; name: string }[]>(`/api/units${query({ region: regionCode })}`);
  return (Array.isArray(answer) ? answer : answer.items).map((unit) => ({ id: unit.id, name: unit.name }));
}

interface WireProgress {
  id: number;
  reported_on: string;
  amount: string | null;
  percent: string | null;
  reported_status: string | null;
  note: string | null;
  author_id: number | null;
  author_name?: string | null;
  evidence: { kind: 'file' | 'link'; ref: string; label?: string; content_type?: string; url?: string }[];
}

function toEvidence(item: WireProgress['evidence'][number]): EvidenceView {
  const href = item.url ?? (item.kind === 'link' ? item.ref : `/api/files/${encodeURIComponent(item.ref)}`);
  const label = item.label ?? item.ref.slice(0, 12);
  const isImage = (item.content_type ?? '').startsWith('image/') || /\.(png|jpe?g|gif|webp)$/i.test(label);
  return { label, href, isImage };
}

function toUpdate(row: WireProgress): ProgressUpdateView {
  return {
    id: row.id,
    reportedOn: row.reported_on,
    ...(row.amount !== null ? { amount: row.amount } : {}),
    ...(row.percent !== null ? { percent: row.percent } : {}),
    ...(row.reported_status ? { reportedStatus: row.reported_status } : {}),
    ...(row.note ? { note: row.note } : {}),
    ...(row.author_name ? { author: row.author_name } : {}),
    evidence: (row.evidence ?? []).map(toEvidence),
  };
}

interface WireAuditEvent {
  id: number | string;
  occurred_at: string;
  action: string;
  actor_id: number | null;
  actor_name?: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Names the fields an event changed: 'deadline: 2024-12-31 → 2024-10-31'. */
function describeChange(event: WireAuditEvent): string {
  if (!event.before || !event.after) {
    const after = event.after ?? {};
    const bits = ['percent', 'amount', 'note'].filter((key) => after[key] !== undefined && after[key] !== null).map((key) => `${key}: ${String(after[key])}`);
    return bits.join('；');
  }
  const changes: string[] = [];
  for (const key of Object.keys(event.after)) {
    if (['version', 'updated_at', 'created_at'].includes(key)) continue;
    const before = JSON.stringify(event.before[key] ?? null);
    const after = JSON.stringify(event.after[key] ?? null);
    if (before !== after) changes.push(`${key}: ${before} → ${after}`);
  }
  return changes.join('；');
}

export async function getCommitment(id: number): Promise<CommitmentDetail> {
  const [row, progress, history] = await Promise.all([
    getJson<WireCommitment>(`/api/commitments/${id}`),
    getJson<WirePage<WireProgress>>(`/api/commitments/${id}/progress${query({ page_size: 100 })}`),
    getJson<WirePage<WireAuditEvent>>(`/api/commitments/${id}/history${query({ page_size: 100 })}`),
  ]);
  return {
    ...toCommitmentSummary(row),
    originalText: row.original_text,
    ...sourceOf(row),
    updates: progress.items.map(toUpdate),
    history: history.items.map<HistoryEventView>((event) => ({
      id: event.id,
      occurredAt: event.occurred_at,
      action: event.action,
      ...(event.actor_name ? { actor: event.actor_name } : {}),
      summary: describeChange(event),
    })),
  };
}

// ——— documents ———

interface WireDocumentSummary {
  id: number;
  region_code: string;
  year: number;
  title: string;
  file_name: string;
  figure_count?: number;
  inconsistent_count?: number;
}

type WireJsonValue = number | string | [number | string, number | string];

interface WireDocument extends WireDocumentSummary {
  text: string;
  extraction: {
    quantities: { id: string; start: number; end: number; text: string; value: WireJsonValue; unit: string; kind: string; comparator?: string; metric?: string; role?: string; year?: number }[];
  };
  findings: DocumentFinding[];
}

function toDocumentSummary(row: WireDocumentSummary): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    fileName: row.file_name,
    year: row.year,
    ...(row.figure_count !== undefined ? { figureCount: row.figure_count } : {}),
    ...(row.inconsistent_count !== undefined ? { inconsistentCount: row.inconsistent_count } : {}),
  };
}

export async function listDocuments(regionCode: string, year: number): Promise<DocumentSummary[]> {
  const page = await getJson<WirePage<WireDocumentSummary>>(`/api/documents${query({ region: regionCode, page_size: PAGE_SIZE })}`);
  return page.items.map(toDocumentSummary).sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || b.id - a.id);
}

export async function getDocument(id: number): Promise<DocumentDetail> {
  const row = await getJson<WireDocument>(`/api/documents/${id}`);
  const figures = row.extraction.quantities.map<DocumentFigure>((quantity) => {
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
  const findings = row.findings ?? [];
  return {
    ...toDocumentSummary(row),
    figureCount: figures.length,
    inconsistentCount: new Set(findings.filter((finding) => finding.verdict === 'inconsistent').map((finding) => finding.stated)).size,
    text: row.text,
    figures,
    findings,
    fileHref: `/api/documents/${id}/file`,
  };
}

// ——— staff ———

interface WireSessionUser {
  id: number;
  username: string;
  role: SessionUser['role'];
  unit_id: number | null;
  display_name: string | null;
}

function toSessionUser(user: WireSessionUser): SessionUser {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    ...(user.unit_id !== null ? { unitId: user.unit_id } : {}),
    ...(user.display_name ? { displayName: user.display_name } : {}),
  };
}

export async function getSessionUser(): Promise<SessionUser | undefined> {
  try {
    const answer = await getJson<{ user: WireSessionUser | null; csrf_token?: string }>('/api/session');
    if (answer.csrf_token) setCsrfToken(answer.csrf_token);
    return answer.user ? toSessionUser(answer.user) : undefined;
  } catch {
    return undefined;
  }
}

export async function signIn(username: string, password: string): Promise<SessionUser> {
  const answer = await request<{ user: WireSessionUser; csrf_token: string }>('POST', '/api/session', { username, password });
  setCsrfToken(answer.csrf_token);
  return toSessionUser(answer.user);
}

export async function signOut(): Promise<void> {
  await request<void>('DELETE', '/api/session');
  setCsrfToken(undefined);
}

export async function uploadDocument(form: FormData, onProgress: (fraction: number) => void): Promise<UploadResult> {
  const params = query({ region: String(form.get('region') ?? ''), year: String(form.get('year') ?? '') });
  const body = new FormData();
  const file = form.get('file');
  if (file) body.set('file', file);
  const answer = await upload<{ document: { id: number; title: string }; review: Record<string, number> }>(`/api/documents${params}`, body, onProgress);
  return { documentId: answer.document.id, title: answer.document.title, reviewCount: answer.review.pending ?? 0 };
}

interface WireReviewItem {
  id: number;
  document_id: number;
  kind: string;
  status: ReviewItemView['status'];
  payload: Record<string, unknown>;
  entity_id: number | null;
  version: number;
}

function describePayload(kind: string, payload: Record<string, unknown>): { title: string; detail?: string; theme?: string } {
  const text = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : undefined);
  const title = text('title') ?? text('label') ?? text('name') ?? kind;
  const value = text('target_value') ?? text('amount_yuan') ?? text('budget_yuan');
  const unit = text('target_unit') ?? (text('amount_yuan') || text('budget_yuan') ? '元' : undefined);
  const theme = text('theme');
  return { title, ...(value ? { detail: `${value}${unit ?? ''}` } : {}), ...(theme ? { theme } : {}) };
}

export async function listReviewItems(filter: { documentId?: number | undefined; status?: string }): Promise<ReviewItemView[]> {
  const page = await getJson<WirePage<WireReviewItem>>(`/api/review-items${query({ document: filter.documentId, status: filter.status, page_size: PAGE_SIZE })}`);
  return page.items.map((item) => ({
    id: item.id,
    documentId: item.document_id,
    kind: item.kind,
    status: item.status,
    version: item.version,
    payload: item.payload,
    ...(item.entity_id !== null ? { entityId: item.entity_id } : {}),
    ...describePayload(item.kind, item.payload),
  }));
}

export async function decideReviewItems(items: readonly ReviewItemView[], decision: 'accept' | 'reject'): Promise<void> {
  if (items.length === 0) return;
  await request('POST', '/api/review-items/decisions', {
    decision,
    items: items.map((item) => ({ id: item.id, version: item.version })),
  });
}

export async function editReviewItem(item: ReviewItemView, changes: { title: string }): Promise<void> {
  await request('PATCH', `/api/review-items/${item.id}`, { version: item.version, payload: { ...item.payload, ...changes } });
}

export async function assignCommitment(commitment: CommitmentSummary, change: { unitId: number; deadline?: string | undefined }): Promise<void> {
  await request('PATCH', `/api/commitments/${commitment.id}`, {
    version: commitment.version,
    lead_unit_id: change.unitId,
    ...(change.deadline ? { deadline: change.deadline } : {}),
  });
}

export async function reportProgress(commitment: CommitmentSummary, form: FormData): Promise<void> {
  const body = new FormData();
  for (const key of ['reported_on', 'percent', 'amount', 'note'] as const) {
    const value = form.get(key);
    if (typeof value === 'string' && value.trim() !== '') body.set(key, value.trim());
  }
  for (const file of form.getAll('evidence')) {
    if (file instanceof File && file.size > 0) body.append('evidence', file, file.name);
  }
  await upload(`/api/commitments/${commitment.id}/progress`, body, () => undefined);
}

export async function listWarnings(place: Place, withinDays: number): Promise<WarningView[]> {
  const page = await getJson<WirePage<WireCommitment & { reason?: string }>>(
    `/api/warnings${query({ region: place.regionCode, year: place.year, within_days: withinDays, page_size: PAGE_SIZE })}`,
  );
  return page.items.map((row) => ({
    commitment: toCommitmentSummary(row),
    reason: row.reason ?? row.schedule?.explanation ?? '',
    ...(row.schedule?.days_to_deadline != null ? { daysLeft: row.schedule.days_to_deadline } : {}),
  }));
}

export type ExportKind = 'commitments' | 'progress' | 'warnings' | 'budget-lines';
export type ExportFormat = 'csv' | 'xlsx' | 'json';

export function exportHref(kind: ExportKind, format: ExportFormat, place: Place): string {
  return `/api/exports/${kind}.${format}${query({ region: place.regionCode, year: place.year })}`;
}
