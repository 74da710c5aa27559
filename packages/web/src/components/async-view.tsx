/** Shows loading, an error with a retry button, or the loaded data: <AsyncView state={s}>{(data) => …}</AsyncView>. */
import type { ReactNode } from 'react';
import type { ApiState } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.context.tsx';

export function AsyncView<T>({
  state,
  children,
}: {
  readonly state: ApiState<T> & { reload: () => void };
  readonly children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (state.status === 'loading') {
    return (
      <p className="loading" role="status" aria-live="polite">
        {t('app.loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="error" role="alert">
        <p>{t('app.error', { message: state.error.message })}</p>
        <button type="button" onClick={state.reload}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  return <>{children(state.data)}</>;
}
