/**
 * The admin page's users: each with role, unit and whether disabled, changed in place (role, unit, name), disabled or
 * enabled again (after a confirmation), a password reset; and a form to add a user. A fresh one-time password is
 * shown once, to hand over. Example: 李明 cb_edu · 单位填报员 · 城北区 · 城北区教育局 [修改] [停用] [重置密码].
 */
import { useState, type FormEvent } from 'react';
import { ADMIN_ROLES, addUser, listAdminUnits, listUsers, resetPassword, setUserDisabled, updateUser, type AdminRegion, type AdminRole, type AdminUnit, type AdminUser } from '../../api/admin.api.ts';
import { useApi } from '../../api/use-api.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';
import { useFormAction } from './use-form-action.ts';

const listStyle = { listStyle: 'none', padding: 0, margin: '0 0 12px' } as const;
const itemStyle = { padding: '6px 0', borderBottom: '1px solid var(--line)', overflowWrap: 'anywhere' } as const;
const rowStyle = { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' } as const;

/** A fresh one-time password, in large type, with whose it is and the note to hand it over. */
function OneTimePassword({ username, password }: { readonly username: string; readonly password: string }) {
  const { t } = useI18n();
  return (
    <div className="notice" role="status">
      <p>{t('admin.oneTimeFor', { username })}</p>
      <p><code style={{ fontSize: '1.3rem', userSelect: 'all', overflowWrap: 'anywhere' }} data-testid="one-time-password">{password}</code></p>
      <p>{t('admin.oneTimeNote')}</p>
    </div>
  );
}

/** A select of every unit, named with its region: 城北区 · 城北区教育局. */
function UnitSelect({ id, units, label, defaultValue }: { readonly id: string; readonly units: readonly AdminUnit[]; readonly label: (unit: AdminUnit) => string; readonly defaultValue: string }) {
  const { t } = useI18n();
  return (
    <select id={id} name="unit" required defaultValue={defaultValue}>
      <option value="" disabled>{t('admin.chooseUnit')}</option>
      {units.map((unit) => <option key={unit.id} value={unit.id}>{label(unit)}</option>)}
    </select>
  );
}

/** One user's role, unit and display name, changed in place. */
function UserEditor({ user, units, unitLabel, onSaved, onCancel }: {
  readonly user: AdminUser;
  readonly units: readonly AdminUnit[];
  readonly unitLabel: (unit: AdminUnit) => string;
  readonly onSaved: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useI18n();
  const [role, setRole] = useState<AdminRole>(user.role);
  const { error, isBusy, run } = useFormAction();
  const id = (name: string) => `user-${user.id}-${name}`;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const unitId = role === 'unit_editor' ? Number(form.get('unit')) || null : null;
    await run(async () => {
      await updateUser(user.id, { role, unitId, displayName: String(form.get('display') ?? '').trim() || null });
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('admin.editUser', { username: user.username })}>
      <div className="form-row">
        <label htmlFor={id('display')}>{t('admin.displayName')}</label>
        <input id={id('display')} name="display" maxLength={100} defaultValue={user.display_name ?? ''} />
      </div>
      <div className="form-row">
        <label htmlFor={id('role')}>{t('admin.role')}</label>
        <select id={id('role')} value={role} onChange={(event) => setRole(event.target.value as AdminRole)}>
          {ADMIN_ROLES.map((value) => <option key={value} value={value}>{t(`role.${value}` as MessageKey)}</option>)}
        </select>
      </div>
      {role === 'unit_editor' ? (
        <div className="form-row">
          <label htmlFor={id('unit')}>{t('admin.unit')}</label>
          <UnitSelect id={id('unit')} units={units} label={unitLabel} defaultValue={user.unit_id !== null ? String(user.unit_id) : ''} />
        </div>
      ) : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <button type="submit" disabled={isBusy}>{t('admin.save')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('admin.cancel')}</button>
      </div>
    </form>
  );
}

export function UsersSection({ regions, unitsKey }: { readonly regions: readonly AdminRegion[]; readonly unitsKey: number }) {
  const { t } = useI18n();
  const users = useApi(listUsers, []);
  const units = useApi(() => listAdminUnits(), [unitsKey]);
  const [role, setRole] = useState<AdminRole>('unit_editor');
  const [editing, setEditing] = useState<number | undefined>(undefined);
  const [shown, setShown] = useState<{ username: string; password: string } | undefined>(undefined);
  const { error, isBusy, run } = useFormAction();
  const regionNames = new Map(regions.map((region) => [region.code, region.name]));
  const unitList = units.status === 'ready' ? units.data : [];
  const unitLabel = (unit: AdminUnit) => `${regionNames.get(unit.region_code) ?? unit.region_code} · ${unit.name}`;
  const unitOf = (unitId: number | null) => unitList.find((candidate) => candidate.id === unitId);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const unitId = Number(form.get('unit')) || undefined;
    await run(async () => {
      const added = await addUser({ username: String(form.get('username') ?? '').trim(), role, unitId, displayName: String(form.get('display') ?? '').trim() || undefined });
      setShown({ username: added.user.username, password: added.oneTimePassword });
      formElement.reset();
      users.reload();
    });
  };
  const reset = (username: string, userId: number) =>
    run(async () => {
      if (!window.confirm(t('admin.resetConfirm', { username }))) return;
      setShown({ username, password: await resetPassword(userId) });
    });
  const toggleDisabled = (user: AdminUser) =>
    run(async () => {
      const isDisabling = user.disabled_at === null;
      if (!window.confirm(t(isDisabling ? 'admin.disableConfirm' : 'admin.enableConfirm', { username: user.username }))) return;
      await setUserDisabled(user.id, isDisabling);
      users.reload();
    });
  return (
    <section className="card" aria-labelledby="admin-users">
      <h2 id="admin-users">{t('admin.users')}</h2>
      {shown ? <OneTimePassword username={shown.username} password={shown.password} /> : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
      <AsyncView state={users}>
        {(items) => (
          <ul style={listStyle} aria-label={t('admin.users')}>
            {items.map((user) => {
              const unit = unitOf(user.unit_id);
              return (
                <li key={user.id} style={itemStyle} data-username={user.username}>
                  {editing === user.id ? (
                    <UserEditor
                      user={user}
                      units={unitList}
                      unitLabel={unitLabel}
                      onCancel={() => setEditing(undefined)}
                      onSaved={() => {
                        setEditing(undefined);
                        users.reload();
                      }}
                    />
                  ) : (
                    <div style={rowStyle}>
                      <span style={user.disabled_at !== null ? { color: 'var(--muted)' } : undefined}>
                        <strong>{user.display_name ?? user.username}</strong> <code>{user.username}</code>
                        {user.disabled_at !== null ? <span className="badge" style={{ marginLeft: 6 }}>{t('admin.disabled')}</span> : null}
                        <span className="meta"> {t(`role.${user.role}` as MessageKey)}{unit ? ` · ${unitLabel(unit)}` : ''}</span>
                      </span>
                      <span style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
                        <button type="button" className="secondary" disabled={isBusy} onClick={() => setEditing(user.id)} aria-label={t('admin.editUser', { username: user.username })}>
                          {t('admin.edit')}
                        </button>
                        <button type="button" className="secondary" disabled={isBusy} onClick={() => void toggleDisabled(user)}>
                          {t(user.disabled_at === null ? 'admin.disable' : 'admin.enable')}
                        </button>
                        <button type="button" className="secondary" disabled={isBusy} onClick={() => void reset(user.username, user.id)}>
                          {t('admin.resetPassword')}
                        </button>
                      </span>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </AsyncView>
      <form onSubmit={submit}>
        <h3>{t('admin.addUser')}</h3>
        <div className="form-row">
          <label htmlFor="user-name">{t('admin.username')}</label>
          <input id="user-name" name="username" required maxLength={100} autoComplete="off" />
        </div>
        <div className="form-row">
          <label htmlFor="user-display">{t('admin.displayName')}</label>
          <input id="user-display" name="display" maxLength={100} />
        </div>
        <div className="form-row">
          <label htmlFor="user-role">{t('admin.role')}</label>
          <select id="user-role" value={role} onChange={(event) => setRole(event.target.value as AdminRole)}>
            {ADMIN_ROLES.map((value) => <option key={value} value={value}>{t(`role.${value}` as MessageKey)}</option>)}
          </select>
        </div>
        {role === 'unit_editor' ? (
          <div className="form-row">
            <label htmlFor="user-unit">{t('admin.unit')}</label>
            <UnitSelect id="user-unit" units={unitList} label={unitLabel} defaultValue="" />
          </div>
        ) : null}
        <button type="submit" disabled={isBusy}>{t('admin.addUser')}</button>
      </form>
    </section>
  );
}
