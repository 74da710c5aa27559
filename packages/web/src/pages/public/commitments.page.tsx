/**
 * The commitments of a region and year, filtered by theme, unit and schedule status, each with its progress against
 * 序时进度 and its warning colour. Example: #/r/630105/2023/commitments?theme=生态环境保护.
 */
import { listCommitments, listUnits, listThemes } from '../../api/duixian.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { Place } from '../../api/view-types.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { CommitmentRow } from '../../components/commitment-row.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';
import { buildPath } from '../../router/route-match.ts';
import { navigate } from '../../router/use-hash-path.ts';

const STATUSES = ['done_early', 'ahead', 'on_track', 'behind', 'overdue', 'done', 'missed'] as const;

export function CommitmentsPage({ place, query }: { readonly place: Place; readonly query: URLSearchParams }) {
  const { t } = useI18n();
  const theme = query.get('theme') ?? '';
  const unit = query.get('unit') ?? '';
  const status = query.get('status') ?? '';
  const commitments = useApi(() => listCommitments(place, { theme, unit, status }), [place.regionCode, place.year, theme, unit, status]);
  const themes = useApi(() => listThemes(place), [place.regionCode, place.year]);
  const units = useApi(() => listUnits(place.regionCode), [place.regionCode]);
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    const search = next.toString();
    navigate(`${buildPath('r', place.regionCode, place.year, 'commitments')}${search ? `?${search}` : ''}`);
  };
  return (
    <>
      <h1>{t('commitments.heading')}</h1>
      <form className="filters card" onSubmit={(event) => event.preventDefault()} aria-label={t('commitments.heading')}>
        <label>
          {t('commitments.filterTheme')}
          <select value={theme} onChange={(event) => setFilter('theme', event.target.value)}>
            <option value="">{t('commitments.all')}</option>
            {themes.status === 'ready' ? themes.data.map((item) => <option key={item} value={item}>{item}</option>) : null}
          </select>
        </label>
        <label>
          {t('commitments.filterUnit')}
          <select value={unit} onChange={(event) => setFilter('unit', event.target.value)}>
            <option value="">{t('commitments.all')}</option>
            {units.status === 'ready' ? units.data.map((item) => <option key={item.id} value={String(item.id)}>{item.name}</option>) : null}
          </select>
        </label>
        <label>
          {t('commitments.filterStatus')}
          <select value={status} onChange={(event) => setFilter('status', event.target.value)}>
            <option value="">{t('commitments.all')}</option>
            {STATUSES.map((item) => <option key={item} value={item}>{t(`status.${item}` as MessageKey)}</option>)}
          </select>
        </label>
      </form>
      <AsyncView state={commitments}>
        {(page) => (
          <>
            <p className="meta" role="status">{t('commitments.count', { count: page.total })}</p>
            {page.items.length === 0 ? <p>{t('app.empty')}</p> : (
              <ul className="commitment-list">
                {page.items.map((commitment) => <CommitmentRow key={commitment.id} commitment={commitment} />)}
              </ul>
            )}
          </>
        )}
      </AsyncView>
    </>
  );
}
