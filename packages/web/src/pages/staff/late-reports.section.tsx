/**
 * 未按时报送 on the warnings page: the plan's reporting cycle (the 督查室 sets it here), each unit's count of reports
 * missing or late, a 催办 with a note for a unit (staff only), and the late slots themselves. A unit editor sees only
 * their own unit: this is their view of what they owe. Example: 区住建局 · 应报 2 · 逾期未报 1 · 补报 0 · 未按时报送 1 [催办].
 */
import { useState } from 'react';
import { getCycle, listLateCounts, listMissedSlots, setCycle, urgeUnit, type CycleView } from '../../api/reporting.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { Place } from '../../api/view-types.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';
import { useFormAction } from './use-form-action.ts';

const FREQUENCY_LABELS: Record<CycleView['frequency'], MessageKey> = { weekly: 'cycle.weekly', monthly: 'cycle.monthly', quarterly: 'cycle.quarterly' };

export function LateReportsSection({ place, isStaff }: { readonly place: Place; readonly isStaff: boolean }) {
  const { t } = useI18n();
  const state = useApi(
    async () => {
      const cycle = await getCycle(place);
      if (!cycle) return { cycle, counts: [], slots: [] };
      const [counts, slots] = await Promise.all([listLateCounts(place), listMissedSlots(place)]);
      return { cycle, counts, slots };
    },
    [place.regionCode, place.year],
  );
  return (
    <section className="card" aria-labelledby="late-reports-heading">
      <h2 id="late-reports-heading">{t('late.heading')}</h2>
      <AsyncView state={state}>
        {({ cycle, counts, slots }) => (
          <>
            <p className="meta">
              {cycle
                ? t('cycle.summary', { frequency: t(FREQUENCY_LABELS[cycle.frequency]), day: cycle.due_day, days: cycle.remind_days_before })
                : t('cycle.none')}
            </p>
            {isStaff ? <CycleForm place={place} cycle={cycle} onSaved={state.reload} /> : null}
            {cycle && counts.length > 0 ? (
              <div className="table-scroll">
                <table className="late-table">
                  <caption>{t('late.byUnit')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('late.unit')}</th>
                      <th scope="col" className="number">{t('late.slots')}</th>
                      <th scope="col" className="number">{t('late.overdue')}</th>
                      <th scope="col" className="number">{t('late.late')}</th>
                      <th scope="col" className="number">{t('late.missed')}</th>
                      {isStaff ? <th scope="col">{t('late.urge')}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {counts.map((count) => (
                      <tr key={count.unitId} className={count.missed > 0 ? 'is-late' : undefined}>
                        <th scope="row">{count.unitName}</th>
                        <td className="number">{count.slots}</td>
                        <td className="number">{count.overdue}</td>
                        <td className="number">{count.late}</td>
                        <td className="number"><strong>{count.missed}</strong></td>
                        {isStaff ? <td><UrgeForm unitId={count.unitId} unitName={count.unitName} /></td> : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {slots.length > 0 ? (
              <div className="table-scroll">
                <table>
                  <caption>{t('late.slotList')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('late.period')}</th>
                      <th scope="col">{t('commitments.heading')}</th>
                      <th scope="col">{t('late.unit')}</th>
                      <th scope="col">{t('late.dueOn')}</th>
                      <th scope="col">{t('late.state')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {slots.map((slot) => (
                      <tr key={`${slot.key}:${slot.commitment_id}:${slot.unit_id}`}>
                        <td className="nowrap">{slot.key}</td>
                        <td><a href={`#/commitments/${slot.commitment_id}`}>{slot.commitment_title}</a></td>
                        <td>{slot.unit_name}</td>
                        <td className="nowrap">{slot.due_on}</td>
                        <td>{slot.status === 'overdue' ? t('late.stateOverdue') : t('late.stateLate', { date: slot.submitted_on ?? '' })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : cycle ? <p>{t('late.none')}</p> : null}
          </>
        )}
      </AsyncView>
    </section>
  );
}

function CycleForm({ place, cycle, onSaved }: { readonly place: Place; readonly cycle: CycleView | undefined; readonly onSaved: () => void }) {
  const { t } = useI18n();
  const { error, isBusy, run } = useFormAction();
  const [frequency, setFrequency] = useState<CycleView['frequency']>(cycle?.frequency ?? 'monthly');
  const [dueDay, setDueDay] = useState(String(cycle?.due_day ?? 25));
  const [remindDays, setRemindDays] = useState(String(cycle?.remind_days_before ?? 3));
  return (
    <form
      className="filters"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await setCycle(place, { frequency, due_day: Number(dueDay), remind_days_before: Number(remindDays) });
          onSaved();
        });
      }}
    >
      <label>
        {t('cycle.frequency')}
        <select value={frequency} onChange={(event) => setFrequency(event.target.value as CycleView['frequency'])}>
          {(Object.keys(FREQUENCY_LABELS) as CycleView['frequency'][]).map((value) => <option key={value} value={value}>{t(FREQUENCY_LABELS[value])}</option>)}
        </select>
      </label>
      <label>
        {t('cycle.dueDay')}
        <input type="number" min={1} max={frequency === 'weekly' ? 7 : 31} value={dueDay} onChange={(event) => setDueDay(event.target.value)} required />
      </label>
      <label>
        {t('cycle.remindDays')}
        <input type="number" min={0} max={31} value={remindDays} onChange={(event) => setRemindDays(event.target.value)} required />
      </label>
      <button type="submit" disabled={isBusy}>{t('cycle.save')}</button>
      {error ? <p role="alert" className="error">{error}</p> : null}
    </form>
  );
}

function UrgeForm({ unitId, unitName }: { readonly unitId: number; readonly unitName: string }) {
  const { t } = useI18n();
  const { error, isBusy, run } = useFormAction();
  const [isOpen, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [isSent, setSent] = useState(false);
  if (!isOpen) {
    return (
      <button type="button" className="secondary" onClick={() => { setOpen(true); setSent(false); }}>
        {isSent ? t('late.urgeSent') : t('late.urge')}
      </button>
    );
  }
  return (
    <form
      className="urge-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await urgeUnit(unitId, note);
          setNote('');
          setOpen(false);
          setSent(true);
        });
      }}
    >
      <label>
        {t('late.urgeNote', { unit: unitName })}
        <input value={note} onChange={(event) => setNote(event.target.value)} required maxLength={500} />
      </label>
      <button type="submit" disabled={isBusy}>{t('late.urgeSend')}</button>
      <button type="button" className="secondary" onClick={() => setOpen(false)}>{t('late.cancel')}</button>
      {error ? <p role="alert" className="error">{error}</p> : null}
    </form>
  );
}
