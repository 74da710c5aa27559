/** Who is signed in, shared by every page: { user, signIn, changePassword, signOut }; user is undefined for the public. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { changePassword as apiChangePassword, getSessionUser, signIn as apiSignIn, signOut as apiSignOut } from '../../api/duixian.api.ts';
import type { SessionUser } from '../../api/view-types.ts';

export interface Session {
  readonly user?: SessionUser | undefined;
  readonly isChecked: boolean;
  readonly signIn: (username: string, password: string) => Promise<void>;
  /** Changes the signed-in user's password and signs in again with it (the change ends the user's sessions). */
  readonly changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | undefined>(undefined);
  const [isChecked, setChecked] = useState(false);
  useEffect(() => {
    getSessionUser().then(
      (found) => {
        setUser(found);
        setChecked(true);
      },
      () => setChecked(true),
    );
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    setUser(await apiSignIn(username, password));
  }, []);
  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      if (!user) throw new Error('not signed in');
      await apiChangePassword(currentPassword, newPassword);
      setUser(await apiSignIn(user.username, newPassword));
    },
    [user],
  );
  const signOut = useCallback(async () => {
    await apiSignOut();
    setUser(undefined);
  }, []);
  const value = useMemo(() => ({ user, isChecked, signIn, changePassword, signOut }), [user, isChecked, signIn, changePassword, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
