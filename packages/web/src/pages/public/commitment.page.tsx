/**
 * One commitment: its original text and target, expected vs actual progress (序时进度), the units and deadline,
 * the timeline of progress updates with their evidence, and its public history from the audit trail.
 * Example: #/commitments/7 → '实施退化林分改造2万亩 … 实际进度 40% · 序时进度 55%'.
 */
import { getCommitment } from '../../api/duixian.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { CommitmentDetail } from '../../api/view-types.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { Figure } from '../../components/figure.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { TargetText } from '../../components/target-text.tsx';
import { formatChinaDateTime } from '../../format/china-time.format.ts';
import { formatHistoryChanges } from '../../format/history-change.format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';
import { CommitmentRow } from '../../components/commitment-row.tsx';
import { SourceLink } from './source-link.tsx';

function Commitment({ commitment }: { readonly commitment: CommitmentDetail }) {
  const { t, locale } = useI18n();
  return (
    <>
      <h1>{commitment.title}</h1>
      <div className="grid grid-2">
        <section className="card" aria-labelledby="facts-heading">
          <h2 id="facts-heading" className="visually-hidden">{t('commitments.target')}</h2>
          <dl className="facts">
            {commitment.theme ? <><dt>{t('commitments.filterTheme')}</dt><dd>{commitment.theme}</dd></> : null}
            <dt>{t('commitments.target')}</dt>
            <dd>
              {commitment.target ? (
                <TargetText target={commitment.target} />
              ) : '—'}
            </dd>
            <dt>{t('commitments.unit')}</dt>
            <dd>{commitment.units.length ? commitment.units.map((unit) => unit.name).join('、') : '—'}</dd>
            <dt>{t('commitments.deadline')}</dt>
            <dd>{commitment.deadline ?? '—'}</dd>
            <dt>{t('commitments.scheduleStatus')}</dt>
            <dd><StatusBadge colour={commitment.colour} status={commitment.scheduleStatus} /></dd>
            <dt>{t('commitments.reportedStatus')}</dt>
            <dd>{commitment.reportedStatus ? t(`reported.${commitment.reportedStatus}` as MessageKey) : '—'}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="progress-heading">
          <h2 id="progress-heading">{t('commitments.progress')}</h2>
          <ProgressBar actual={commitment.actualPercent} expected={commitment.expectedPercent} colour={commitment.colour} />
          <h3>{t('commitments.original')}</h3>
          <blockquote lang="zh-CN">{commitment.originalText}</blockquote>
          <SourceLink source={commitment.source} label={commitment.title} />
        </section>
      </div>
      {commitment.children.length > 0 ? (
        <section className="card" aria-labelledby="children-heading">
          <h2 id="children-heading">{t('commitments.workItems')}</h2>
          <ul className="commitment-list">
            {commitment.children.map((child) => <CommitmentRow key={child.id} commitment={child} />)}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('commitments.timeline')}</h2>
        {commitment.updates.length === 0 ? <p>{t('commitments.noUpdates')}</p> : (
          <ol className="timeline">
            {commitment.updates.map((update) => (
              <li key={update.id} data-update-id={update.id}>
                <p className="meta">
                  <time dateTime={update.reportedOn}>{update.reportedOn}</time>
                  {update.author ? <span>{update.author}</span> : null}
                  {update.reportedStatus ? <span>{t(`reported.${update.reportedStatus}` as MessageKey)}</span> : null}
                  {/* Only staff and the reporting unit are sent reports that are not approved: mark them. */}
                  {update.reviewStatus && update.reviewStatus !== 'approved' ? (
                    <span className="badge" data-review={update.reviewStatus}>
                      {t(`progressReview.${update.reviewStatus}` as MessageKey)}{update.reviewReason ? `：${update.reviewReason}` : ''}
                    </span>
                  ) : null}
                </p>
                <p>
                  {update.percent ? <strong><Figure value={update.percent} unit="%" /></strong> : null}
                  {update.amount && commitment.target ? <> · <Figure value={update.amount} unit={commitment.target.unit} /></> : null}
                  {update.note ? <> · {update.note}</> : null}
                </p>
                {update.evidence.length ? (
                  <div className="evidence" aria-label={t('commitments.evidence')}>
                    {update.evidence.map((item) =>
                      item.isImage ? (
                        <a key={item.href} href={item.href}><img src={item.href} alt={item.label} loading="lazy" /></a>
                      ) : (
                        <a key={item.href} href={item.href}>{item.label}</a>
                      ),
                    )}
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('commitments.history')}</h2>
        {commitment.history.length === 0 ? <p>{t('app.empty')}</p> : (
          <div className="table-scroll">
            <table className="history-table">
              <thead>
                <tr>
                  <th scope="col">{t('history.time')}</th>
                  <th scope="col">{t('history.by')}</th>
                  <th scope="col">{t('history.action')}</th>
                  <th scope="col">{t('history.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {commitment.history.map((event) => (
                  <tr key={event.id}>
                    <td><time dateTime={event.occurredAt}>{formatChinaDateTime(event.occurredAt)}</time></td>
                    <td>{event.actor ?? (event.isSystem ? t('history.system') : '—')}</td>
                    <td>{(() => { const key = `action.${event.action}` as MessageKey; const text = t(key); return text === key ? event.action : text; })()}</td>
                    <td>{formatHistoryChanges(event.changes, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export function CommitmentPage({ commitmentId }: { readonly commitmentId: number }) {
  const state = useApi(() => getCommitment(commitmentId), [commitmentId]);
  return <AsyncView state={state}>{(commitment) => <Commitment commitment={commitment} />}</AsyncView>;
}
