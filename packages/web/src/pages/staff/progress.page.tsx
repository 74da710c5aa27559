/**
 * Report progress on a work item with evidence files (photos taken on a phone go straight in). A unit editor's list
 * holds only the items of their own unit, as the server returns them. Example: 40% · '完成8000亩' · photo.jpg.
 */
import { useState, type FormEvent } from 'react';
import { listMyCommitments, listOwnReports, reportProgress } from '../../api/duixian.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { CommitmentSummary, Place, ProgressUpdateView, SessionUser } from '../../api/view-types.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';
import { CommitmentRow } from '../../components/commitment-row.tsx';
import { Figure } from '../../components/figure.tsx';
import { chinaDate } from '../../format/china-time.format.ts';
import { ClosureRequestPanel } from './closure-request.panel.tsx';

const REPORTED_STATUSES = ['not_started', 'in_progress', 'done', 'blocked'] as const;

function ProgressForm({ commitment, onDone }: { readonly commitment: CommitmentSummary; readonly onDone: () => void }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ kind: 'notice' | 'error'; text: string } | undefined>(undefined);
  const [isBusy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    setBusy(true);
    setMessage(undefined);
    try {
      await reportProgress(commitment, new FormData(formElement));
      formElement.reset();
      setMessage({ kind: 'notice', text: t('staff.progressSaved') });
      onDone();
    } catch (caught) {
      setMessage({ kind: 'error', text: caught instanceof Error ? caught.message : String(caught) });
    } finally {
      setBusy(false);
    }
  };
  const id = (name: string) => `progress-${commitment.id}-${name}`;
  return (
    <form onSubmit={submit} className="card" aria-label={`${t('staff.progress')}: ${commitment.title}`}>
      <div className="filters">
        <div>
          <label htmlFor={id('percent')}>{t('staff.progressPercent')}</label>
          <input id={id('percent')} name="percent" type="number" min={0} max={1000} step="0.01" inputMode="decimal" />
        </div>
        {commitment.target ? (
          <div>
            <label htmlFor={id('amount')}>{t('staff.progressValue')}（{commitment.target.unit}）</label>
            <input id={id('amount')} name="amount" type="number" min={0} step="any" inputMode="decimal" />
          </div>
        ) : null}
        <div>
          <label htmlFor={id('date')}>{t('staff.progressDate')}</label>
          <input id={id('date')} name="reported_on" type="date" defaultValue={chinaDate(new Date())} required />
        </div>
        <div>
          <label htmlFor={id('status')}>{t('staff.progressStatus')}</label>
          <select id={id('status')} name="reported_status" defaultValue="in_progress">
            {REPORTED_STATUSES.map((status) => <option key={status} value={status}>{t(`reported.${status}` as MessageKey)}</option>)}
          </select>
        </div>
      </div>
      <div className="form-row">
        <label htmlFor={id('note')}>{t('staff.progressNote')}</label>
        <textarea id={id('note')} name="note" />
      </div>
      <div className="form-row">
        <label htmlFor={id('evidence')}>{t('staff.progressEvidence')}</label>
        <input id={id('evidence')} name="evidence" type="file" multiple accept="image/*,.pdf,.doc,.docx,.xls,.xlsx,.txt" />
      </div>
      <button type="submit" disabled={isBusy}>{t('staff.progressSubmit')}</button>
      {message ? <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p> : null}
    </form>
  );
}

/** 待审核 / 已通过 / 已退回：reason — a report's review as its unit reads it. */
function ReviewState({ update }: { readonly update: ProgressUpdateView }) {
  const { t } = useI18n();
  if (!update.reviewStatus) return null;
  const label = t(`progressReview.${update.reviewStatus}` as MessageKey);
  return (
    // A reason is a sentence: it wraps on a phone instead of pushing the page sideways (a badge does not wrap).
    <span className={`badge review-${update.reviewStatus}`} data-review={update.reviewStatus} style={update.reviewReason ? { whiteSpace: 'normal' } : undefined}>
      {update.reviewStatus === 'returned' && update.reviewReason ? `${label}：${update.reviewReason}` : label}
    </span>
  );
}

/** The reports already sent on one item, newest first, each with its review; a returned one asks to report again. */
function OwnReports({ commitment, version }: { readonly commitment: CommitmentSummary; readonly version: number }) {
  const { t } = useI18n();
  const state = useApi(() => listOwnReports(commitment.id), [commitment.id, version]);
  if (state.status !== 'ready' || state.data.length === 0) return null;
  const latest = state.data[0];
  return (
    <div className="card" aria-label={`${t('progressReview.myReports')}: ${commitment.title}`}>
      <h3>{t('progressReview.myReports')}</h3>
      <ul>
        {state.data.slice(0, 5).map((update) => (
          <li key={update.id} data-update-id={update.id}>
            <time dateTime={update.reportedOn}>{update.reportedOn}</time>
            {update.percent ? <> · <Figure value={update.percent} unit="%" /></> : null}
            {update.amount && commitment.target ? <> · <Figure value={update.amount} unit={commitment.target.unit} /></> : null}
            {update.note ? <> · {update.note}</> : null} <ReviewState update={update} />
          </li>
        ))}
      </ul>
      {latest?.reviewStatus === 'returned' ? <p className="error">{t('progressReview.reportAgain')}</p> : null}
    </div>
  );
}

function ReportedItem({ item, onReported }: { readonly item: CommitmentSummary; readonly onReported: () => void }) {
  const [version, setVersion] = useState(0);
  return (
    <li style={{ listStyle: 'none' }}>
      <ul className="commitment-list"><CommitmentRow commitment={item} /></ul>
      <OwnReports commitment={item} version={version} />
      <ProgressForm
        commitment={item}
        onDone={() => {
          setVersion((current) => current + 1);
          onReported();
        }}
      />
      <ClosureRequestPanel commitment={item} onChanged={onReported} />
    </li>
  );
}

export function ProgressPage({ place, user, commitmentId }: { readonly place: Place; readonly user: SessionUser; readonly commitmentId?: number | undefined }) {
  const { t } = useI18n();
  const state = useApi(() => listMyCommitments(place, user), [place.regionCode, place.year, user.id]);
  return (
    <>
      <h2>{t('staff.myItems')}</h2>
      <AsyncView state={state}>
        {(items) =>
          items.length === 0 ? <p>{t('staff.noItems')}</p> : (
            <ul className="commitment-list">
              {items
                .filter((item) => commitmentId === undefined || item.id === commitmentId)
                .map((item) => <ReportedItem key={item.id} item={item} onReported={state.reload} />)}
            </ul>
          )
        }
      </AsyncView>
    </>
  );
}
