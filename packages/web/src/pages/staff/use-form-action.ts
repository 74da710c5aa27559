/**
 * A staff form's submit state: busy while its action runs, and the action's failure as text to announce.
 * Example: `const { error, isBusy, run } = useFormAction(); … onSubmit={() => run(() => signIn(name, password))}`.
 */
import { useCallback, useState } from 'react';

export function useFormAction() {
  const [error, setError] = useState<string | undefined>(undefined);
  const [isBusy, setBusy] = useState(false);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }, []);
  return { error, setError, isBusy, run };
}
