/**
 * The warnings a 督查室 chases, most urgent first (逾期, 已销号未完成, 慢序时, then 临期 within the chosen window), with
 * counts per responsible unit with the unit's contact person (who to call); items nobody is assigned yet are a count with a link to the assign page, not red rows.
 * Staff find the month's 通报 here (Word or printable); a unit editor finds its unit's 督办单.
 * Example: #/staff/warnings?region=630105&year=2024&days=15.
 */
import { listUnits, listWarnings } from '../../api/duixian.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { Place, WarningUrgency } from '../../api/view-types.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { UnitContact } from '../../components/unit-contact.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';
import { navigate } from '../../router/use-hash-path.ts';
import { BulletinPanel } from './bulletin.panel.tsx';
import { useSession } from './session.context.tsx';
import { SupervisionNoticesPanel } from './supervision-notices.panel.tsx';
import { LateReportsSection } from './late-reports.section.tsx';

const URGENCIES: readonly WarningUrgency[] = ['overdue', 'missed', 'behind', 'due_soon'];
const URGENCY_LABELS: Record<WarningUrgency, MessageKey> = {
  overdue: 'warnings.overdue',
  missed: 'warnings.missed',
  behind: 'warnings.behind',
  due_soon: 'warnings.dueSoon',
};

export function WarningsPage({ place, withinDays, isStaff }: { readonly place: Place; readonly withinDays: number; readonly isStaff: boolean }) {
  const { t } = useI18n();
  const { user } = useSession();
  const state = useApi(() => listWarnings(place, withinDays), [place.regionCode, place.year, withinDays]);
  const ownUnitId = user?.role === 'unit_editor' ? user.unitId : undefined;
  const units = useApi(() => listUnits(place.regionCode), [place.regionCode]);
  const ownUnit = units.status === 'ready' ? units.data.find((unit) => unit.id === ownUnitId) : undefined;
  const contactOf = (unitId: number) => (units.status === 'ready' ? units.data.find((unit) => unit.id === unitId)?.contact : undefined);
  const placeQuery = `region=${encodeURIComponent(place.regionCode)}&year=${place.year}`;
  return (
    <>
      {user?.role === 'admin' || user?.role === 'supervisor' ? <BulletinPanel place={place} /> : null}
      {ownUnit ? <SupervisionNoticesPanel place={place} unit={ownUnit} canIssue={false} /> : null}
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('warnings.window')}
          <select value={String(withinDays)} onChange={(event) => navigate(`#/staff/warnings?${placeQuery}&days=${event.target.value}`)}>
            {[7, 15, 30, 60, 90].map((days) => <option key={days} value={String(days)}>{t('staff.warningsWithin', { days })}</option>)}
          </select>
        </label>
      </form>
      <AsyncView state={state}>
        {(warnings) => {
          const counts = Object.fromEntries(URGENCIES.map((urgency) => [urgency, warnings.items.filter((item) => item.urgency === urgency).length])) as Record<WarningUrgency, number>;
          return (
            <>
              <ul className="warning-counts" aria-label={t('warnings.summary')}>
                {URGENCIES.map((urgency) => (
                  <li key={urgency} className={`warning-count warning-${urgency}`}>
                    <strong>{counts[urgency]}</strong> {t(URGENCY_LABELS[urgency])}
                  </li>
                ))}
                <li className="warning-count warning-unassigned">
                  <strong>{warnings.unassigned}</strong> {t('warnings.unassigned')}
                  {warnings.unassigned > 0 ? <> · <a href={`#/staff/assign?${placeQuery}`}>{t('warnings.goAssign')}</a></> : null}
                </li>
              </ul>
              {warnings.byUnit.length > 0 ? (
                <div className="table-scroll card">
                  <table>
                    <caption>{t('warnings.byUnit')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('commitments.unit')}</th>
                        {URGENCIES.map((urgency) => <th key={urgency} scope="col" className="number">{t(URGENCY_LABELS[urgency])}</th>)}
                      </tr>
                    </thead>
                    <tbody>
                      {warnings.byUnit.map((unit) => (
                        <tr key={unit.unitId}>
                          <th scope="row">
                            {unit.unitName}
                            {contactOf(unit.unitId) ? <UnitContact contact={contactOf(unit.unitId)!} /> : null}
                          </th>
                          <td className="number">{unit.overdue}</td>
                          <td className="number">{unit.missed}</td>
                          <td className="number">{unit.behind}</td>
                          <td className="number">{unit.dueSoon}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
              {warnings.items.length === 0 ? <p>{t('staff.noItems')}</p> : (
                <div className="table-scroll card">
                  <table>
                    <caption>{t('warnings.list')}</caption>
                    <thead>
                      <tr>
                        <th scope="col" className="nowrap">{t('warnings.urgency')}</th>
                        <th scope="col">{t('commitments.heading')}</th>
                        <th scope="col">{t('commitments.unit')}</th>
                        <th scope="col">{t('commitments.deadline')}</th>
                        <th scope="col">{t('commitments.filterStatus')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {warnings.items.map((warning) => (
                        <tr key={warning.commitment.id}>
                          <td className="nowrap">{t(URGENCY_LABELS[warning.urgency])}</td>
                          <td><a href={`#/commitments/${warning.commitment.id}`}>{warning.commitment.title}</a></td>
                          <td>{warning.commitment.units.map((unit) => unit.name).join('、')}</td>
                          <td>
                            {warning.commitment.deadline ?? '—'}
                            {warning.daysLeft !== undefined ? `（${t(warning.daysLeft < 0 ? 'warnings.daysLate' : 'warnings.daysLeft', { days: Math.abs(warning.daysLeft) })}）` : ''}
                          </td>
                          <td><StatusBadge colour={warning.commitment.colour} status={warning.commitment.scheduleStatus} /> {warning.reason}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          );
        }}
      </AsyncView>
      <LateReportsSection place={place} isStaff={isStaff} />
    </>
  );
}
