/** Assign commitments to a lead unit with a deadline; a stale version shows the server's 409 message. Example: 实施退化林分改造 → 区林业局, 2023-12-31. */
import { useState, type FormEvent } from 'react';
import { assignCommitment, listCommitments, listUnits } from '../../api/duixian.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { CommitmentSummary, Place, UnitView } from '../../api/view-types.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';

function AssignRow({ commitment, units, onDone }: { readonly commitment: CommitmentSummary; readonly units: readonly UnitView[]; readonly onDone: () => void }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ kind: 'notice' | 'error'; text: string } | undefined>(undefined);
  const lead = commitment.units.find((unit) => unit.role === 'lead');
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      await assignCommitment(commitment, { unitId: Number(form.get('unit')), deadline: String(form.get('deadline') ?? '') || undefined });
      setMessage({ kind: 'notice', text: t('staff.assigned') });
      onDone();
    } catch (caught) {
      setMessage({ kind: 'error', text: caught instanceof Error ? caught.message : String(caught) });
    }
  };
  const unitId = `unit-${commitment.id}`;
  const deadlineId = `deadline-${commitment.id}`;
  return (
    <li className="commitment-item" data-commitment-id={commitment.id}>
      <h3><a href={`#/commitments/${commitment.id}`}>{commitment.title}</a></h3>
      <p className="meta">
        {commitment.theme ? <span>{commitment.theme}</span> : null}
        {lead ? <span>{t('commitments.unit')} {lead.name}</span> : null}
        {commitment.deadline ? <span>{t('commitments.deadline')} {commitment.deadline}</span> : null}
        <StatusBadge colour={commitment.colour} status={commitment.scheduleStatus} />
      </p>
      <form className="filters" onSubmit={submit}>
        <div>
          <label htmlFor={unitId}>{t('staff.assignUnit')}</label>
          <select id={unitId} name="unit" defaultValue={lead ? String(lead.id) : ''} required>
            <option value="" disabled>—</option>
            {units.map((unit) => <option key={unit.id} value={String(unit.id)}>{unit.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={deadlineId}>{t('staff.assignDeadline')}</label>
          <input id={deadlineId} name="deadline" type="date" defaultValue={commitment.deadline ?? ''} />
        </div>
        <button type="submit">{t('staff.assignSubmit')}</button>
      </form>
      {message ? <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p> : null}
    </li>
  );
}

export function AssignPage({ place }: { readonly place: Place }) {
  const commitments = useApi(() => listCommitments(place, {}), [place.regionCode, place.year]);
  const units = useApi(() => listUnits(place.regionCode), [place.regionCode]);
  return (
    <AsyncView state={units}>
      {(unitList) => (
        <AsyncView state={commitments}>
          {(page) => (
            <ul className="commitment-list">
              {page.items.map((commitment) => <AssignRow key={commitment.id} commitment={commitment} units={unitList} onDone={commitments.reload} />)}
            </ul>
          )}
        </AsyncView>
      )}
    </AsyncView>
  );
}
