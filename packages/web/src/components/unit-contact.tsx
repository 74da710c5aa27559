/**
 * A unit's contact person on one line, for whoever assigns or chases the unit: 联系人 王芳 · 0971-1234567 ·
 * wangfang@cb.gov.cn, the phone and email as links a phone can dial or mail; "未填联系人" when none is known.
 * Staff only: the API gives the contact to admins and supervisors, null to everyone else.
 */
import { useI18n } from '../i18n/i18n.context.tsx';

/** A unit's contact person; each field null when unknown. */
export interface Contact {
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

export function UnitContact({ contact }: { readonly contact: Contact }) {
  const { t } = useI18n();
  const parts = [
    contact.name ? <span key="name">{contact.name}</span> : null,
    contact.phone ? <a key="phone" href={`tel:${(contact.phone.split('转')[0] ?? '').replace(/[^\d+]/g, '')}`}>{contact.phone}</a> : null,
    contact.email ? <a key="email" href={`mailto:${contact.email}`}>{contact.email}</a> : null,
  ].filter((part) => part !== null);
  return (
    <span className="unit-contact" style={{ display: 'block', color: 'var(--muted)', fontSize: '0.9rem', fontWeight: 'normal', overflowWrap: 'anywhere' }}>
      {t('admin.contact')}：{parts.length === 0 ? t('admin.noContact') : parts.flatMap((part, index) => (index === 0 ? [part] : [' · ', part]))}
    </span>
  );
}
