/**
 * 进展审核: the 督查室 approves the units' progress reports before they are public, or returns one with a reason the
 * unit then sees. Lists the pending reports of the chosen region and year, oldest first, with their evidence.
 * Example: 新建幼儿园10所 · 40% · 4所已竣工 · 竣工照片.png → 通过 | 退回（原因：与验收单不符）.
 */
import { useState, type FormEvent } from 'react';
import { approveProgress, listPendingProgress, returnProgress } from '../../api/duixian.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { PendingProgressView, Place } from '../../api/view-types.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { Figure } from '../../components/figure.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';
import { ClosureReviewSection } from './closure-review.section.tsx';
import { useFormAction } from './use-form-action.ts';

function PendingReport({ report, onDecided }: { readonly report: PendingProgressView; readonly onDecided: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const { error, setError, isBusy, run } = useFormAction();
  const decide = (action: () => Promise<void>) =>
    run(async () => {
      await action();
      onDecided();
    });
  const submitReturn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('progressReview.reasonRequired'));
      return;
    }
    void decide(() => returnProgress(report.id, reason.trim()));
  };
  const reasonId = `return-reason-${report.id}`;
  return (
    <li className="card" data-progress-id={report.id} aria-label={report.commitmentTitle}>
      <h3><a href={`#/commitments/${report.commitmentId}`}>{report.commitmentTitle}</a></h3>
      <p className="meta">
        <time dateTime={report.reportedOn}>{report.reportedOn}</time>
        {report.leadUnit ? <span>{t('progressReview.leadUnit')}：{report.leadUnit}</span> : null}
        {report.author ? <span>{t('progressReview.author')}：{report.author}</span> : null}
        {report.targetValue ? <span>{t('progressReview.target')}：<Figure value={report.targetValue} unit={report.targetUnit ?? ''} /></span> : null}
        <span className="badge">{t('progressReview.pending')}</span>
      </p>
      <p>
        {report.percent ? <strong><Figure value={report.percent} unit="%" /></strong> : null}
        {report.amount ? <> · <Figure value={report.amount} unit={report.targetUnit ?? ''} /></> : null}
        {report.reportedStatus ? <> · {t(`reported.${report.reportedStatus}` as MessageKey)}</> : null}
        {report.note ? <> · {report.note}</> : null}
      </p>
      {report.evidence.length ? (
        <div className="evidence" aria-label={t('commitments.evidence')}>
          {report.evidence.map((item) =>
            item.isImage ? (
              <a key={item.href} href={item.href}><img src={item.href} alt={item.label} loading="lazy" /></a>
            ) : (
              <a key={item.href} href={item.href}>{item.label}</a>
            ),
          )}
        </div>
      ) : null}
      <form className="actions" onSubmit={submitReturn}>
        <button type="button" disabled={isBusy} onClick={() => void decide(() => approveProgress(report.id))}>{t('progressReview.approve')}</button>
        <label htmlFor={reasonId}>{t('progressReview.reason')}</label>
        <input id={reasonId} value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
        <button type="submit" className="secondary" disabled={isBusy}>{t('progressReview.return')}</button>
      </form>
      {error ? <p className="error" role="alert">{error}</p> : null}
    </li>
  );
}

export function ProgressReviewPage({ place }: { readonly place: Place }) {
  const { t } = useI18n();
  const state = useApi(() => listPendingProgress(place), [place.regionCode, place.year]);
  return (
    <>
      <p className="meta">{t('progressReview.intro')}</p>
      <AsyncView state={state}>
        {(reports) =>
          reports.length === 0 ? <p role="status">{t('progressReview.none')}</p> : (
            <ul className="review-list" style={{ listStyle: 'none', padding: 0 }}>
              {reports.map((report) => <PendingReport key={report.id} report={report} onDecided={state.reload} />)}
            </ul>
          )
        }
      </AsyncView>
      <ClosureReviewSection />
    </>
  );
}
