/**
 * A user signed in with a one-time password (printed at first start, or given by the admin) chooses a password of
 * their own before any staff page opens. Example: #/staff after signing in as admin for the first time.
 */
import type { FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useSession } from './session.context.tsx';
import { useFormAction } from './use-form-action.ts';

/** As the server requires (MIN_PASSWORD_LENGTH): checked here too, so the form says so before sending. */
const MIN_PASSWORD_LENGTH = 10;

export function ChangePasswordPage() {
  const { t } = useI18n();
  const { changePassword, signOut } = useSession();
  const { error, setError, isBusy, run } = useFormAction();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const current = String(form.get('current') ?? '');
    const next = String(form.get('next') ?? '');
    if ([...next].length < MIN_PASSWORD_LENGTH) return setError(t('staff.passwordTooShort', { count: String(MIN_PASSWORD_LENGTH) }));
    if (next !== String(form.get('confirm') ?? '')) return setError(t('staff.passwordsDiffer'));
    await run(() => changePassword(current, next));
  };
  return (
    <section className="card" style={{ maxWidth: 420 }}>
      <h1>{t('staff.changePassword')}</h1>
      <p>{t('staff.oneTimeNotice', { count: String(MIN_PASSWORD_LENGTH) })}</p>
      <form onSubmit={submit}>
        <div className="form-row">
          <label htmlFor="current">{t('staff.currentPassword')}</label>
          <input id="current" name="current" type="password" autoComplete="current-password" required />
        </div>
        <div className="form-row">
          <label htmlFor="next">{t('staff.newPassword')}</label>
          <input id="next" name="next" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} />
        </div>
        <div className="form-row">
          <label htmlFor="confirm">{t('staff.confirmPassword')}</label>
          <input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
        </div>
        {error ? <p className="error" role="alert">{error}</p> : null}
        <div className="actions">
          <button type="submit" disabled={isBusy}>{t('staff.savePassword')}</button>
          <button type="button" className="secondary" onClick={() => void signOut()}>{t('nav.signOut')}</button>
        </div>
      </form>
    </section>
  );
}
