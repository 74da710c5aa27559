/**
 * The admin's page: regions with their 行政区划代码, each region's units with their contact person, and the users
 * (add, change role and unit, disable, reset a password), a new one-time password shown once to hand over. Lists,
 * not tables, so a phone reads them without sideways scroll. Example: #/staff/admin.
 */
import { useState, type FormEvent } from 'react';
import { addRegion, listAdminRegions, type AdminRegion } from '../../api/admin.api.ts';
import { useApi } from '../../api/use-api.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { UnitsSection } from './admin-units.section.tsx';
import { UsersSection } from './admin-users.section.tsx';
import { useFormAction } from './use-form-action.ts';

const listStyle = { listStyle: 'none', padding: 0, margin: '0 0 12px' } as const;
const itemStyle = { padding: '6px 0', borderBottom: '1px solid var(--line)', overflowWrap: 'anywhere' } as const;

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
