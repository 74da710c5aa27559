/**
 * Downloads of the server's exports (CSV, XLSX, JSON, Fiscal Data Package), listed from its OpenAPI document so only
 * real endpoints appear; each link carries the region and year. Example: /api/exports/commitments.csv?region=630105&year=2024.
 */
import { listExportLinks } from '../../api/duixian.api.ts';
import { query } from '../../api/http.client.ts';
import { useApi } from '../../api/use-api.ts';
import type { Place } from '../../api/view-types.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';

export function ExportsPage({ place }: { readonly place: Place }) {
  const { t } = useI18n();
  const state = useApi(() => listExportLinks(place.regionCode), [place.regionCode]);
  const search = query({ region: place.regionCode, year: place.year });
  return (
    <section className="card">
      <AsyncView state={state}>
        {(links) =>
          links.length === 0 ? <p>{t('app.empty')}</p> : (
            <ul className="actions" style={{ listStyle: 'none', padding: 0 }}>
              {links.map((link) => (
                <li key={link}>
                  <a className="button secondary" href={link.includes('/fiscal-data-package/') ? link : `${link}${search}`} download>
                    {decodeURIComponent(link.replace('/api/exports/', ''))}
                  </a>
                </li>
              ))}
            </ul>
          )
        }
      </AsyncView>
    </section>
  );
}
