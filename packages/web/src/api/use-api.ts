/**
 * Loads API data into React state and reloads when its key changes: useApi(() => getDashboard(r, y), [r, y]).
 * reload() refreshes in place: the old data stays on screen until the new answer arrives, so forms and messages
 * inside it are not torn down.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export type ApiState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: Error }
  | { readonly status: 'ready'; readonly data: T };

export function useApi<T>(load: () => Promise<T>, key: readonly unknown[]): ApiState<T> & { reload: () => void } {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const keyText = JSON.stringify(key);
  const lastKey = useRef<string | undefined>(undefined);
  useEffect(() => {
    let isCurrent = true;
    const isSameKey = lastKey.current === keyText;
    lastKey.current = keyText;
    setState((previous) => (isSameKey && previous.status === 'ready' ? previous : { status: 'loading' }));
    load().then(
      (data) => isCurrent && setState({ status: 'ready', data }),
      (error: unknown) => isCurrent && setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      isCurrent = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keyText, attempt]);
  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { ...state, reload };
}
