/**
 * 销号审核: the 督查室 reads each waiting 销号 request (item, unit, note, evidence) and approves it, which records the
 * item done, or refuses it with a reason the unit then sees. Example: 新建幼儿园10所 · 区教育局 · 已全部竣工 · 验收单.pdf
 * → 同意销号 | 不同意（原因：缺少竣工验收单）.
 */
import { useState, type FormEvent } from 'react';
import { approveClosure, listClosures, refuseClosure, type ClosureView } from '../../api/closure.api.ts';
import { useApi } from '../../api/use-api.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useFormAction } from './use-form-action.ts';

function WaitingClosure({ closure, onDecided }: { readonly closure: ClosureView; readonly onDecided: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const { error, setError, isBusy, run } = useFormAction();
  const decide = async (confirmText: string, action: () => Promise<void>) => {
    // A decision is final (approval closes the item), so it is confirmed first.
    if (!window.confirm(confirmText)) return;
    await run(async () => {
      await action();
      onDecided();
    });
  };
  const submitRefusal = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('closure.reasonRequired'));
      return;
    }
    void decide(t('closure.confirmRefuse'), () => refuseClosure(closure.id, reason.trim()));
  };
  const reasonId = `closure-reason-${closure.id}`;
  return (
    <li className="card" data-closure-id={closure.id} aria-label={closure.commitmentTitle}>
      <h3><a href={`#/commitments/${closure.commitmentId}`}>{closure.commitmentTitle}</a></h3>
      <p className="meta">
        <span>{t('closure.unit')}：{closure.unitName}</span>
        <time dateTime={closure.createdAt}>{closure.createdAt.slice(0, 10)}</time>
        <span className="badge">{t('closure.pending')}</span>
      </p>
      <p style={{ overflowWrap: 'anywhere' }}>{closure.note}</p>
      {closure.evidence.length ? (
        <div className="evidence" aria-label={t('commitments.evidence')}>
          {closure.evidence.map((item) =>
            item.isImage ? (
              <a key={item.href} href={item.href}><img src={item.href} alt={item.label} loading="lazy" /></a>
            ) : (
              <a key={item.href} href={item.href}>{item.label}</a>
            ),
          )}
        </div>
      ) : null}
      <form className="actions" onSubmit={submitRefusal}>
        <button type="button" disabled={isBusy} onClick={() => void decide(t('closure.confirmApprove'), () => approveClosure(closure.id))}>{t('closure.approve')}</button>
        <label htmlFor={reasonId}>{t('closure.reason')}</label>
        <input id={reasonId} value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
        <button type="submit" className="secondary" disabled={isBusy}>{t('closure.refuse')}</button>
      </form>
      {error ? <p className="error" role="alert">{error}</p> : null}
    </li>
  );
}

export function ClosureReviewSection() {
  const { t } = useI18n();
  const state = useApi(() => listClosures('pending'), []);
  return (
    <section aria-labelledby="closure-review-title">
      <h2 id="closure-review-title">{t('closure.review')}</h2>
      <AsyncView state={state}>
        {(closures) =>
          closures.length === 0 ? <p role="status">{t('closure.none')}</p> : (
            <ul className="review-list" style={{ listStyle: 'none', padding: 0 }}>
              {closures.map((closure) => <WaitingClosure key={closure.id} closure={closure} onDecided={state.reload} />)}
            </ul>
          )
        }
      </AsyncView>
    </section>
  );
}
