/**
 * The monthly 通报's download links on the warnings page (staff only): a month, then the Word file or the printable
 * page. Example: 2024-06 → /api/bulletins/630105/2024-06/document?format=docx.
 */
import { useState } from 'react';
import { bulletinHref } from '../../api/official-documents.api.ts';
import type { Place } from '../../api/view-types.ts';
import { chinaDate } from '../../format/china-time.format.ts';
import { useI18n } from '../../i18n/i18n.context.tsx';

/** This month in China, or December of a past plan year: a 通报 is of a month that has begun. */
export function defaultBulletinMonth(place: Pick<Place, 'year'>, now: Date): string {
  const current = chinaDate(now).slice(0, 7);
  const lastOfYear = `${place.year}-12`;
  return lastOfYear < current ? lastOfYear : current;
}

export function BulletinPanel({ place }: { readonly place: Place }) {
  const { t } = useI18n();
  const [month, setMonth] = useState(() => defaultBulletinMonth(place, new Date()));
  const isMonth = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  return (
    <section className="card" aria-labelledby="bulletin-heading">
      <h2 id="bulletin-heading">{t('documents.bulletin')}</h2>
      <p className="meta">{t('documents.bulletinNote')}</p>
      <div className="actions">
        <label>
          {t('documents.bulletinMonth')}{' '}
          <input type="month" value={month} max={chinaDate(new Date()).slice(0, 7)} onChange={(event) => setMonth(event.target.value)} />
        </label>
        {isMonth ? (
          <>
            <a className="button" href={bulletinHref(place.regionCode, month, 'docx')} download>{t('documents.word')}</a>
            <a className="button secondary" href={bulletinHref(place.regionCode, month, 'html')} target="_blank" rel="noopener">{t('documents.print')}</a>
          </>
        ) : null}
      </div>
    </section>
  );
}
