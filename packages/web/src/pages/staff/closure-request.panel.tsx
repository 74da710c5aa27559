/**
 * 申请销号 on a unit editor's own item: the latest request's state (待审核 / 已销号 / 未通过：reason) and, unless one is
 * waiting or approved, the form to ask (note required, evidence files as on the progress form).
 * Example: 未通过：缺少竣工验收单 → the editor adds 验收单.pdf and asks again → 待审核.
 */
import { useState, type FormEvent } from 'react';
import { listClosures, requestClosure, type ClosureView } from '../../api/closure.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { CommitmentSummary } from '../../api/view-types.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';

function ClosureState({ closure }: { readonly closure: ClosureView }) {
  const { t } = useI18n();
  const label = t(`closure.${closure.status}`);
  return (
    // A reason is a sentence: it wraps on a phone instead of pushing the page sideways.
    <span className={`badge closure-${closure.status}`} data-closure={closure.status} style={closure.reason ? { whiteSpace: 'normal' } : undefined}>
      {closure.status === 'refused' && closure.reason ? `${label}：${closure.reason}` : label}
    </span>
  );
}

export function ClosureRequestPanel({ commitment, onChanged }: { readonly commitment: CommitmentSummary; readonly onChanged: () => void }) {
  const { t } = useI18n();
  const state = useApi(() => listClosures(), [commitment.id]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [isBusy, setBusy] = useState(false);
  const latest = state.status === 'ready' ? state.data.find((closure) => closure.commitmentId === commitment.id) : undefined;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    if (!String(form.get('note') ?? '').trim()) {
      setError(t('closure.noteRequired'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await requestClosure(commitment.id, form);
      formElement.reset();
      state.reload();
      onChanged();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  if (state.status !== 'ready') return null;
  const canAsk = !latest || latest.status === 'refused';
  const id = (name: string) => `closure-${commitment.id}-${name}`;
  return (
    <section className="card" aria-label={`${t('closure.request')}: ${commitment.title}`}>
      <h3>{t('closure.request')}</h3>
      {latest ? <p role="status">{t('closure.state')}：<ClosureState closure={latest} /></p> : null}
      {canAsk ? (
        <form onSubmit={submit}>
          <div className="form-row">
            <label htmlFor={id('note')}>{t('closure.note')}</label>
            <textarea id={id('note')} name="note" maxLength={2000} required />
          </div>
          <div className="form-row">
            <label htmlFor={id('evidence')}>{t('staff.progressEvidence')}</label>
            <input id={id('evidence')} name="evidence" type="file" multiple accept="image/*,.pdf,.doc,.docx,.xls,.xlsx,.txt" />
          </div>
          <button type="submit" disabled={isBusy}>{latest ? t('closure.requestAgain') : t('closure.request')}</button>
          {error ? <p className="error" role="alert">{error}</p> : null}
        </form>
      ) : null}
    </section>
  );
}
