/**
 * The admin page's units: a region's units, each with its contact person (the one the 督查室 calls when it assigns or
 * chases the unit) and a form to rename it or set the contact, and a form to add a unit.
 * Example: 城北区教育局 — 联系人 王芳 · 0971-1234567 · wangfang@cb.gov.cn [修改].
 */
import { useState, type FormEvent } from 'react';
import { addUnit, listAdminUnits, updateUnit, type AdminRegion, type AdminUnit } from '../../api/admin.api.ts';
import { useApi } from '../../api/use-api.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { UnitContact } from '../../components/unit-contact.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import { useFormAction } from './use-form-action.ts';

const listStyle = { listStyle: 'none', padding: 0, margin: '0 0 12px' } as const;
const itemStyle = { padding: '6px 0', borderBottom: '1px solid var(--line)', overflowWrap: 'anywhere' } as const;

/** One unit's name and contact, editable in place. */
function UnitEditor({ unit, onSaved, onCancel }: { readonly unit: AdminUnit; readonly onSaved: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const { error, isBusy, run } = useFormAction();
  const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await run(async () => {
      await updateUnit(unit.id, { name: field(form, 'name'), contactName: field(form, 'contactName'), contactPhone: field(form, 'contactPhone'), contactEmail: field(form, 'contactEmail') });
      onSaved();
    });
  };
  const id = (name: string) => `unit-${unit.id}-${name}`;
  return (
    <form onSubmit={submit} aria-label={t('admin.editUnit', { name: unit.name })}>
      <div className="form-row">
        <label htmlFor={id('name')}>{t('admin.name')}</label>
        <input id={id('name')} name="name" required maxLength={100} defaultValue={unit.name} />
      </div>
      <div className="form-row">
        <label htmlFor={id('contact-name')}>{t('admin.contactName')}</label>
        <input id={id('contact-name')} name="contactName" maxLength={50} defaultValue={unit.contact_name ?? ''} autoComplete="off" />
      </div>
      <div className="form-row">
        <label htmlFor={id('contact-phone')}>{t('admin.contactPhone')}</label>
        <input id={id('contact-phone')} name="contactPhone" type="tel" maxLength={40} pattern="[0-9 +\-()转]*" title={t('admin.contactPhoneHint')} defaultValue={unit.contact_phone ?? ''} autoComplete="off" />
      </div>
      <div className="form-row">
        <label htmlFor={id('contact-email')}>{t('admin.contactEmail')}</label>
        <input id={id('contact-email')} name="contactEmail" type="email" maxLength={200} defaultValue={unit.contact_email ?? ''} autoComplete="off" />
      </div>
      {error ? <p className="error" role="alert">{error}</p> : null}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <button type="submit" disabled={isBusy}>{t('admin.save')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('admin.cancel')}</button>
      </div>
    </form>
  );
}

export function UnitsSection({ regions, onAdded }: { readonly regions: readonly AdminRegion[]; readonly onAdded: () => void }) {
  const { t } = useI18n();
  const [regionCode, setRegionCode] = useState(regions[0]?.code ?? '');
  const [editing, setEditing] = useState<number | undefined>(undefined);
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
              {items.map((unit) => (
                <li key={unit.id} style={itemStyle}>
                  {editing === unit.id ? (
                    <UnitEditor
                      unit={unit}
                      onCancel={() => setEditing(undefined)}
                      onSaved={() => {
                        setEditing(undefined);
                        units.reload();
                        onAdded();
                      }}
                    />
                  ) : (
                    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
                      <span>
                        <strong>{unit.name}</strong>
                        <UnitContact contact={{ name: unit.contact_name, phone: unit.contact_phone, email: unit.contact_email }} />
                      </span>
                      <button type="button" className="secondary" onClick={() => setEditing(unit.id)} aria-label={t('admin.editUnit', { name: unit.name })}>
                        {t('admin.edit')}
                      </button>
                    </div>
                  )}
                </li>
              ))}
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
