/**
 * The review queue of imported candidates, built for a report's 400: filters (kind, status, theme, section, target,
 * last year's results, words), the source sentence beside each candidate with its span highlighted, a row editor for
 * every field, and bulk decisions on the whole filtered set through an in-page confirmation that shows the count.
 * Accepting never publishes unless the reviewer chooses to (采纳并公开, or 公开所选 later).
 * Example: #/staff/review?document=2 → 类型 承诺事项 + 量化目标 有 + 主题 → 全选筛选结果（38）→ 采纳所选 → 确认.
 */
import { useEffect, useState } from 'react';
import {
  REVIEW_PAGE_SIZE,
  acceptWithEdits,
  decideReviewIds,
  getReviewFacets,
  listReviewIds,
  listReviewQueue,
  publishReviewItems,
  type CommitmentEdits,
  type ReviewFilter,
  type ReviewKind,
  type ReviewQueueItemView,
  type ReviewStatus,
} from '../../api/review.api.ts';
import { useApi } from '../../api/use-api.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { TargetText } from '../../components/target-text.tsx';
import { phraseWithComparator } from '@duixian/core';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';

const KINDS: readonly ReviewKind[] = ['commitment', 'indicator', 'budget_line', 'livelihood_programme'];
const STATUSES: readonly ReviewStatus[] = ['pending', 'accepted', 'rejected'];
const COMPARATORS = ['=', '>=', '<=', '≈'] as const;
/** How many characters before the span a closed source line shows. */
const COLLAPSED_BEFORE = 16;

/** A bulk action waiting for the reviewer's confirmation. */
type Pending = { action: 'accept' | 'reject' | 'publish'; ids: readonly number[] };

function message(caught: unknown): string {
  return caught instanceof Error ? caught.message : String(caught);
}

/** A yes / no / any filter as a select value. */
function flagValue(flag: boolean | undefined): string {
  return flag === undefined ? '' : String(flag);
}
function parseFlag(value: string): boolean | undefined {
  return value === '' ? undefined : value === 'true';
}

function SourceSentence({ source }: { readonly source: ReviewQueueItemView['source'] }) {
  const { t } = useI18n();
  const [isOpen, setOpen] = useState(false);
  if (!source) return null;
  return (
    <button
      type="button"
      className={`review-source${isOpen ? ' is-open' : ''}`}
      aria-expanded={isOpen}
      title={t('reviewQueue.source')}
      onClick={() => setOpen((open) => !open)}
    >
      <span className="visually-hidden">{t('reviewQueue.source')}：</span>
      {/* On one line the highlighted span must stay in sight: the words before it are cut short until opened. */}
      {isOpen || source.before.length <= COLLAPSED_BEFORE ? source.before : `…${source.before.slice(-COLLAPSED_BEFORE)}`}
      <mark>{source.match}</mark>
      {source.after}
    </button>
  );
}

function RowEditor({ item, onDone, onCancel }: { readonly item: ReviewQueueItemView; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t, locale } = useI18n();
  const [edits, setEdits] = useState<CommitmentEdits>({
    title: item.title,
    theme: item.theme,
    target_value: item.targetValue,
    target_unit: item.targetUnit,
    target_comparator: (item.targetComparator as CommitmentEdits['target_comparator']) ?? null,
    deadline: null,
  });
  const [error, setError] = useState<string | undefined>(undefined);
  const set = (field: keyof CommitmentEdits, value: string) => setEdits((current) => ({ ...current, [field]: value === '' && field !== 'title' ? null : value }));
  const accept = async (publish: boolean) => {
    setError(undefined);
    try {
      // Only commitments take every field; other kinds keep the fields their kind allows (the server says which).
      const sent: CommitmentEdits = item.kind === 'commitment' ? edits : { ...(edits.title !== item.title ? { title: edits.title } : {}) };
      await acceptWithEdits(item.id, sent, publish);
      onDone();
    } catch (caught) {
      setError(message(caught));
    }
  };
  const isCommitment = item.kind === 'commitment';
  return (
    <div className="review-editor">
      <label className="review-editor-wide">
        {t('reviewQueue.title')}
        <input type="text" value={edits.title ?? ''} onChange={(event) => set('title', event.target.value)} />
      </label>
      {isCommitment ? (
        <>
          <label>
            {t('reviewQueue.comparator')}
            <select value={edits.target_comparator ?? ''} onChange={(event) => set('target_comparator', event.target.value)}>
              <option value="">—</option>
              {COMPARATORS.map((comparator) => (
                <option key={comparator} value={comparator}>
                  {comparator === '=' ? t('reviewQueue.comparatorExact') : phraseWithComparator(comparator, '…', locale).trim()}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('reviewQueue.targetValue')}
            <input type="text" inputMode="decimal" value={edits.target_value ?? ''} onChange={(event) => set('target_value', event.target.value)} />
          </label>
          <label>
            {t('reviewQueue.targetUnit')}
            <input type="text" value={edits.target_unit ?? ''} onChange={(event) => set('target_unit', event.target.value)} />
          </label>
          <label>
            {t('reviewQueue.theme')}
            <input type="text" value={edits.theme ?? ''} onChange={(event) => set('theme', event.target.value)} />
          </label>
          <label>
            {t('reviewQueue.deadline')}
            <input type="date" value={edits.deadline ?? ''} onChange={(event) => set('deadline', event.target.value)} />
          </label>
        </>
      ) : null}
      <span className="actions review-editor-wide">
        <button type="button" onClick={() => void accept(false)}>{t('reviewQueue.accept')}</button>
        {isCommitment ? <button type="button" className="secondary" onClick={() => void accept(true)}>{t('reviewQueue.acceptAndPublish')}</button> : null}
        <button type="button" className="secondary" onClick={onCancel}>{t('reviewQueue.cancel')}</button>
      </span>
      {error ? <p className="error review-editor-wide" role="alert">{error}</p> : null}
    </div>
  );
}

function ReviewRow({
  item,
  isSelected,
  onSelect,
  onDone,
}: {
  readonly item: ReviewQueueItemView;
  readonly isSelected: boolean;
  readonly onSelect: (selected: boolean) => void;
  readonly onDone: () => void;
}) {
  const { t } = useI18n();
  const [isEditing, setEditing] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const reject = async () => {
    setError(undefined);
    try {
      await decideReviewIds([item.id], 'reject', false);
      onDone();
    } catch (caught) {
      setError(message(caught));
    }
  };
  const checkboxId = `review-${item.id}`;
  return (
    <li className="review-row" data-review-id={item.id} data-status={item.status}>
      <div className="review-row-head">
        <input id={checkboxId} type="checkbox" checked={isSelected} onChange={(event) => onSelect(event.target.checked)} aria-label={`${t('staff.select')}: ${item.title}`} />
        <label htmlFor={checkboxId} className="review-title">{item.title}</label>
        {item.targetValue ? (
          <span className="review-figure">
            <TargetText target={{ value: item.targetValue, unit: item.targetUnit ?? '', ...(item.targetComparator ? { comparator: item.targetComparator } : {}) }} />
          </span>
        ) : null}
      </div>
      <div className="meta review-meta">
        <span className="badge">{t(`kind.${item.kind}` as MessageKey)}</span>
        {item.retrospective ? <span className="badge review-retrospective" title={t('reviewQueue.retrospectiveNote', { year: String(item.planYear ?? '') })}>{t('reviewQueue.retrospectiveBadge')}</span> : null}
        {item.theme ? <span>{item.theme}</span> : null}
        {item.section && item.section !== item.theme ? <span>· {item.section}</span> : null}
        <span>· {t(`review.${item.status}` as MessageKey)}</span>
        {item.status === 'pending' && !isEditing ? (
          <span className="actions review-row-actions">
            <button type="button" className="secondary" onClick={() => setEditing(true)}>{t('reviewQueue.edit')}</button>
            <button type="button" className="secondary" onClick={() => void reject()}>{t('reviewQueue.reject')}</button>
          </span>
        ) : null}
      </div>
      <SourceSentence source={item.source} />
      {isEditing ? <RowEditor item={item} onDone={() => { setEditing(false); onDone(); }} onCancel={() => setEditing(false)} /> : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
    </li>
  );
}

/** The in-page confirmation of a bulk action: the count, and for accepting the separate choice to publish. */
function ConfirmDialog({ pending, onConfirm, onCancel }: { readonly pending: Pending; readonly onConfirm: (publish: boolean) => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const [publish, setPublish] = useState(false);
  const count = String(pending.ids.length);
  const question =
    pending.action === 'accept' ? t('reviewQueue.confirmAccept', { count }) : pending.action === 'reject' ? t('reviewQueue.confirmReject', { count }) : t('reviewQueue.confirmPublish', { count });
  return (
    <dialog open className="review-confirm card" aria-modal="true" aria-labelledby="review-confirm-question" data-count={pending.ids.length}>
      <p id="review-confirm-question"><strong>{question}</strong></p>
      {pending.action === 'accept' ? (
        <>
          <label className="review-publish-choice">
            <input type="checkbox" checked={publish} onChange={(event) => setPublish(event.target.checked)} />
            {t('reviewQueue.publishToo')}
          </label>
          <p className="meta">{t('reviewQueue.notPublishedNote')}</p>
        </>
      ) : null}
      <span className="actions">
        <button type="button" onClick={() => onConfirm(publish)}>{t('reviewQueue.confirm')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('reviewQueue.cancel')}</button>
      </span>
    </dialog>
  );
}

export function ReviewPage({ documentId, onDecided }: { readonly documentId?: number | undefined; readonly onDecided: () => void }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ReviewFilter>({ documentId, status: 'pending' });
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const key = JSON.stringify(filter);
  const state = useApi(() => listReviewQueue(filter, page), [key, page]);
  const facets = useApi(() => getReviewFacets({ documentId: filter.documentId, status: filter.status, kind: filter.kind }), [filter.documentId, filter.status, filter.kind]);

  // Words are searched a moment after typing stops, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setFilter((current) => ((current.q ?? '') === search ? current : { ...current, q: search })), 300);
    return () => clearTimeout(timer);
  }, [search]);
  // A new filter starts on its first page with nothing selected: a selection is always within what is shown.
  useEffect(() => {
    setPage(1);
    setSelected(new Set());
  }, [key]);

  const change = (patch: Partial<ReviewFilter>) => setFilter((current) => ({ ...current, ...patch }));
  const refresh = () => {
    state.reload();
    facets.reload();
    onDecided();
  };
  const selectFiltered = async () => {
    setError(undefined);
    try {
      setSelected(new Set(await listReviewIds(filter)));
    } catch (caught) {
      setError(message(caught));
    }
  };
  const confirm = async (publish: boolean) => {
    if (!pending) return;
    const { action, ids } = pending;
    setPending(undefined);
    setError(undefined);
    try {
      if (action === 'publish') setNotice(t('reviewQueue.published', { count: String(await publishReviewItems(ids)) }));
      else {
        await decideReviewIds(ids, action, publish);
        setNotice(t('reviewQueue.done', { count: String(ids.length) }));
      }
      setSelected(new Set());
      refresh();
    } catch (caught) {
      setError(message(caught));
    }
  };
  const ids = [...selected];
  const themes = facets.status === 'ready' ? facets.data.themes : [];
  const sections = facets.status === 'ready' ? facets.data.sections : [];

  return (
    <section className="card review-queue">
      <form className="review-filters" aria-label={t('reviewQueue.filters')} onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('reviewQueue.kind')}
          <select name="kind" value={filter.kind ?? ''} onChange={(event) => change({ kind: (event.target.value || undefined) as ReviewKind | undefined })}>
            <option value="">{t('reviewQueue.any')}</option>
            {KINDS.map((kind) => <option key={kind} value={kind}>{t(`kind.${kind}` as MessageKey)}</option>)}
          </select>
        </label>
        <label>
          {t('reviewQueue.status')}
          <select name="status" value={filter.status ?? ''} onChange={(event) => change({ status: (event.target.value || undefined) as ReviewStatus | undefined })}>
            <option value="">{t('reviewQueue.any')}</option>
            {STATUSES.map((status) => <option key={status} value={status}>{t(`review.${status}` as MessageKey)}</option>)}
          </select>
        </label>
        <label>
          {t('reviewQueue.theme')}
          <select name="theme" value={filter.theme ?? ''} onChange={(event) => change({ theme: event.target.value || undefined })}>
            <option value="">{t('reviewQueue.any')}</option>
            {themes.map((theme) => <option key={theme.name} value={theme.name}>{theme.name}（{theme.count}）</option>)}
          </select>
        </label>
        <label>
          {t('reviewQueue.section')}
          <select name="section" value={filter.section ?? ''} onChange={(event) => change({ section: event.target.value || undefined })}>
            <option value="">{t('reviewQueue.any')}</option>
            {sections.map((section) => <option key={section.name} value={section.name}>{section.name}（{section.count}）</option>)}
          </select>
        </label>
        <label>
          {t('reviewQueue.hasTarget')}
          <select name="has_target" value={flagValue(filter.hasTarget)} onChange={(event) => change({ hasTarget: parseFlag(event.target.value) })}>
            <option value="">{t('reviewQueue.any')}</option>
            <option value="true">{t('reviewQueue.yes')}</option>
            <option value="false">{t('reviewQueue.no')}</option>
          </select>
        </label>
        <label>
          {t('reviewQueue.retrospective')}
          <select name="retrospective" value={flagValue(filter.retrospective)} onChange={(event) => change({ retrospective: parseFlag(event.target.value) })}>
            <option value="">{t('reviewQueue.any')}</option>
            <option value="true">{t('reviewQueue.onlyRetrospective')}</option>
            <option value="false">{t('reviewQueue.noRetrospective')}</option>
          </select>
        </label>
        <label className="review-search">
          {t('reviewQueue.search')}
          <input name="q" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </label>
      </form>

      <AsyncView state={state}>
        {(result) => {
          const pages = Math.max(1, Math.ceil(result.total / REVIEW_PAGE_SIZE));
          return (
            <>
              <div className="review-bulk" role="group">
                <p className="meta review-count" data-total={result.total}>{t('reviewQueue.count', { total: String(result.total), selected: String(selected.size) })}</p>
                <span className="actions">
                  <button type="button" className="secondary" disabled={result.total === 0} onClick={() => void selectFiltered()}>{t('reviewQueue.selectFiltered', { total: String(Math.min(result.total, 1000)) })}</button>
                  <button type="button" className="secondary" disabled={selected.size === 0} onClick={() => setSelected(new Set())}>{t('reviewQueue.clearSelection')}</button>
                  <button type="button" disabled={selected.size === 0} onClick={() => setPending({ action: 'accept', ids })}>{t('reviewQueue.acceptSelected', { count: String(selected.size) })}</button>
                  <button type="button" className="secondary" disabled={selected.size === 0} onClick={() => setPending({ action: 'reject', ids })}>{t('reviewQueue.rejectSelected', { count: String(selected.size) })}</button>
                  {filter.status === 'accepted' ? (
                    <button type="button" className="secondary" disabled={selected.size === 0} onClick={() => setPending({ action: 'publish', ids })}>{t('reviewQueue.publishSelected', { count: String(selected.size) })}</button>
                  ) : null}
                </span>
                {result.total > 1000 ? <p className="meta">{t('reviewQueue.selectionCapped')}</p> : null}
              </div>
              {pending ? <ConfirmDialog pending={pending} onConfirm={(publish) => void confirm(publish)} onCancel={() => setPending(undefined)} /> : null}
              {notice ? <p className="notice" role="status">{notice}</p> : null}
              {error ? <p className="error" role="alert">{error}</p> : null}
              {result.items.length === 0 ? <p>{t('reviewQueue.empty')}</p> : (
                <ol className="review-list">
                  {result.items.map((item) => (
                    <ReviewRow
                      key={item.id}
                      item={item}
                      isSelected={selected.has(item.id)}
                      onSelect={(isOn) => setSelected((current) => { const next = new Set(current); if (isOn) next.add(item.id); else next.delete(item.id); return next; })}
                      onDone={refresh}
                    />
                  ))}
                </ol>
              )}
              {pages > 1 ? (
                <nav className="actions review-pages">
                  <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('reviewQueue.previous')}</button>
                  <span className="meta">{t('reviewQueue.pageOf', { page: String(page), pages: String(pages) })}</span>
                  <button type="button" className="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>{t('reviewQueue.next')}</button>
                </nav>
              ) : null}
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}
