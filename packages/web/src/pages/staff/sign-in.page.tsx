/** Staff sign-in with user name and password; errors are announced. Example: #/staff/sign-in → 工作台 after success. */
import type { FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { navigate } from '../../router/use-hash-path.ts';
import { useSession } from './session.context.tsx';
import { useFormAction } from './use-form-action.ts';

export function SignInPage({ next }: { readonly next: string }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  const { error, isBusy, run } = useFormAction();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await run(async () => {
      await signIn(String(form.get('username') ?? ''), String(form.get('password') ?? ''));
      navigate(next);
    });
  };
  return (
    <section className="card" style={{ maxWidth: 420 }}>
      <h1>{t('nav.signIn')}</h1>
      <form onSubmit={submit}>
        <div className="form-row">
          <label htmlFor="username">{t('staff.username')}</label>
          <input id="username" name="username" type="text" autoComplete="username" required />
        </div>
        <div className="form-row">
          <label htmlFor="password">{t('staff.password')}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        {error ? <p className="error" role="alert">{t('staff.signInFailed', { message: error })}</p> : null}
        <button type="submit" disabled={isBusy}>{t('staff.signIn')}</button>
      </form>
    </section>
  );
}
