/** The warnings list: behind schedule, overdue, and due within N days, worst first. Example: #/staff/warnings?days=30. */
import { listWarnings } from '../../api/duixian.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { Place } from '../../api/view-types.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { navigate } from '../../router/use-hash-path.ts';

export function WarningsPage({ place, withinDays }: { readonly place: Place; readonly withinDays: number }) {
  const { t } = useI18n();
  const state = useApi(() => listWarnings(place, withinDays), [place.regionCode, place.year, withinDays]);
  return (
    <>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('staff.warningsWithin', { days: withinDays })}
          <select value={String(withinDays)} onChange={(event) => navigate(`#/staff/warnings?days=${event.target.value}`)}>
            {[7, 15, 30, 60, 90].map((days) => <option key={days} value={String(days)}>{days}</option>)}
          </select>
        </label>
      </form>
      <AsyncView state={state}>
        {(warnings) =>
          warnings.length === 0 ? <p>{t('staff.noItems')}</p> : (
            <div className="table-scroll card">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('commitments.heading')}</th>
                    <th scope="col">{t('commitments.unit')}</th>
                    <th scope="col">{t('commitments.deadline')}</th>
                    <th scope="col">{t('commitments.filterStatus')}</th>
                  </tr>
                </thead>
                <tbody>
                  {warnings.map((warning) => (
                    <tr key={warning.commitment.id}>
                      <td><a href={`#/commitments/${warning.commitment.id}`}>{warning.commitment.title}</a></td>
                      <td>{warning.commitment.units.map((unit) => unit.name).join('、')}</td>
                      <td>{warning.commitment.deadline ?? '—'}{warning.daysLeft !== undefined ? `（${warning.daysLeft}）` : ''}</td>
                      <td><StatusBadge colour={warning.commitment.colour} status={warning.commitment.scheduleStatus} /> {warning.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </AsyncView>
    </>
  );
}
