/**
 * The admin's page: regions with their 行政区划代码, each region's units, and the users (add one, reset a password),
 * a new one-time password shown once to hand over. Lists, not tables, so a phone reads them without sideways scroll.
 * Example: #/staff/admin.
 */
import { useState, type FormEvent } from 'react';
import { ADMIN_ROLES, addRegion, addUnit, addUser, listAdminRegions, listAdminUnits, listUsers, resetPassword, type AdminRegion, type AdminRole } from '../../api/admin.api.ts';
import { useApi } from '../../api/use-api.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';
import { useFormAction } from './use-form-action.ts';

const listStyle = { listStyle: 'none', padding: 0, margin: '0 0 12px' } as const;
const itemStyle = { padding: '6px 0', borderBottom: '1px solid var(--line)', overflowWrap: 'anywhere' } as const;

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

function RegionsSection({ regions, onAdded }: { readonly regions: readonly AdminRegion[]; readonly onAdded: () => void }) {
  const { t } = useI18n();
  const { error, isBusy, run } = useFormAction();
  const names = new Map(regions.map((region) => [region.code, region.name]));
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const parent = String(form.get('parent') ?? '');
    await run(async () => {
      await addRegion({ code: String(form.get('code') ?? '').trim(), name: String(form.get('name') ?? '').trim(), parentCode: parent || undefined });
      formElement.reset();
      onAdded();
    });
  };
  return (
    <section className="card" aria-labelledby="admin-regions">
      <h2 id="admin-regions">{t('admin.regions')}</h2>
      <ul style={listStyle} aria-label={t('admin.regions')}>
        {regions.map((region) => (
          <li key={region.code} style={itemStyle}>
            <strong>{region.name}</strong> <code>{region.code}</code>
            {region.parent_code ? <span className="meta"> {t('admin.parent')}：{names.get(region.parent_code) ?? region.parent_code}</span> : null}
          </li>
        ))}
      </ul>
      <form onSubmit={submit}>
        <h3>{t('admin.addRegion')}</h3>
        <div className="form-row">
          <label htmlFor="region-code">{t('admin.regionCode')}</label>
          <input id="region-code" name="code" inputMode="numeric" pattern="[0-9]{6}" maxLength={6} required title={t('admin.regionCodeHint')} />
        </div>
        <div className="form-row">
          <label htmlFor="region-name">{t('admin.name')}</label>
          <input id="region-name" name="name" required maxLength={100} />
        </div>
        <div className="form-row">
          <label htmlFor="region-parent">{t('admin.parent')}</label>
          <select id="region-parent" name="parent" defaultValue="">
            <option value="">{t('admin.noParent')}</option>
            {regions.map((region) => <option key={region.code} value={region.code}>{region.name}（{region.code}）</option>)}
          </select>
        </div>
        {error ? <p className="error" role="alert">{error}</p> : null}
        <button type="submit" disabled={isBusy}>{t('admin.addRegion')}</button>
      </form>
    </section>
  );
}

function UnitsSection({ regions, onAdded }: { readonly regions: readonly AdminRegion[]; readonly onAdded: () => void }) {
  const { t } = useI18n();
  const [regionCode, setRegionCode] = useState(regions[0]?.code ?? '');
  const units = useApi(async () => (regionCode ? listAdminUnits(regionCode) : []), [regionCode]);
  const { error, isBusy, run } = useFormAction();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const name = String(new FormData(formElement).get('name') ?? '').trim();
    await run(async () => {
      await addUnit(regionCode, name);
      formElement.reset();
      units.reload();
      onAdded();
    });
  };
  return (
    <section className="card" aria-labelledby="admin-units">
      <h2 id="admin-units">{t('admin.units')}</h2>
      <div className="form-row">
        <label htmlFor="unit-region">{t('admin.unitRegion')}</label>
        <select id="unit-region" value={regionCode} onChange={(event) => setRegionCode(event.target.value)}>
          {regions.map((region) => <option key={region.code} value={region.code}>{region.name}（{region.code}）</option>)}
        </select>
      </div>
      <AsyncView state={units}>
        {(items) =>
          items.length === 0 ? <p>{t('app.empty')}</p> : (
            <ul style={listStyle} aria-label={t('admin.units')}>
              {items.map((unit) => <li key={unit.id} style={itemStyle}>{unit.name}</li>)}
            </ul>
          )
        }
      </AsyncView>
      <form onSubmit={submit}>
        <h3>{t('admin.addUnit')}</h3>
        <div className="form-row">
          <label htmlFor="unit-name">{t('admin.name')}</label>
          <input id="unit-name" name="name" required maxLength={100} />
        </div>
        {error ? <p className="error" role="alert">{error}</p> : null}
        <button type="submit" disabled={isBusy || !regionCode}>{t('admin.addUnit')}</button>
      </form>
    </section>
  );
}

function UsersSection({ regions, unitsKey }: { readonly regions: readonly AdminRegion[]; readonly unitsKey: number }) {
  const { t } = useI18n();
  const users = useApi(listUsers, []);
  const units = useApi(() => listAdminUnits(), [unitsKey]);
  const [role, setRole] = useState<AdminRole>('unit_editor');
  const [shown, setShown] = useState<{ username: string; password: string } | undefined>(undefined);
  const { error, isBusy, run } = useFormAction();
  const regionNames = new Map(regions.map((region) => [region.code, region.name]));
  const unitList = units.status === 'ready' ? units.data : [];
  const unitLabel = (unitId: number | null) => {
    const unit = unitList.find((candidate) => candidate.id === unitId);
    return unit ? `${regionNames.get(unit.region_code) ?? unit.region_code} · ${unit.name}` : '';
  };
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
  return (
    <section className="card" aria-labelledby="admin-users">
      <h2 id="admin-users">{t('admin.users')}</h2>
      {shown ? <OneTimePassword username={shown.username} password={shown.password} /> : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
      <AsyncView state={users}>
        {(items) => (
          <ul style={listStyle} aria-label={t('admin.users')}>
            {items.map((user) => (
              <li key={user.id} style={{ ...itemStyle, display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
                <span>
                  <strong>{user.display_name ?? user.username}</strong> <code>{user.username}</code>
                  <span className="meta"> {t(`role.${user.role}` as MessageKey)}{user.unit_id !== null ? ` · ${unitLabel(user.unit_id)}` : ''}</span>
                </span>
                <button type="button" className="secondary" disabled={isBusy} onClick={() => void reset(user.username, user.id)}>
                  {t('admin.resetPassword')}
                </button>
              </li>
            ))}
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
            <select id="user-unit" name="unit" required defaultValue="">
              <option value="" disabled>{t('admin.chooseUnit')}</option>
              {unitList.map((unit) => <option key={unit.id} value={unit.id}>{unitLabel(unit.id)}</option>)}
            </select>
          </div>
        ) : null}
        <button type="submit" disabled={isBusy}>{t('admin.addUser')}</button>
      </form>
    </section>
  );
}

export function AdminPage() {
  const regions = useApi(listAdminRegions, []);
  const [unitsKey, setUnitsKey] = useState(0);
  return (
    <AsyncView state={regions}>
      {(items) => (
        <>
          <RegionsSection regions={items} onAdded={regions.reload} />
          <UnitsSection regions={items} onAdded={() => setUnitsKey((value) => value + 1)} />
          <UsersSection regions={items} unitsKey={unitsKey} />
        </>
      )}
    </AsyncView>
  );
}
