/** One commitment in a list: title linked to its page, theme, target, lead unit, deadline, status and progress bar. */
import type { CommitmentSummary } from '../api/view-types.ts';
import { useI18n } from '../i18n/i18n.context.tsx';
import { ProgressBar } from './progress-bar.tsx';
import { StatusBadge } from './status-badge.tsx';
import { TargetText } from './target-text.tsx';

export function CommitmentRow({ commitment }: { readonly commitment: CommitmentSummary }) {
  const { t } = useI18n();
  const lead = commitment.units.find((unit) => unit.role === 'lead') ?? commitment.units[0];
  return (
    <li className="commitment-item" data-commitment-id={commitment.id}>
      <h3>
        <a href={`#/commitments/${commitment.id}`}>{commitment.title}</a>
      </h3>
      <p className="meta">
        {commitment.theme ? <span>{commitment.theme}</span> : null}
        {commitment.target ? (
          <span>
            {t('commitments.target')} <TargetText target={commitment.target} />
          </span>
        ) : null}
        {lead ? <span>{t('commitments.unit')} {lead.name}</span> : null}
        {commitment.deadline ? <span>{t('commitments.deadline')} {commitment.deadline}</span> : null}
        <StatusBadge colour={commitment.colour} status={commitment.scheduleStatus} />
      </p>
      <ProgressBar actual={commitment.actualPercent} expected={commitment.expectedPercent} colour={commitment.colour} />
    </li>
  );
}
