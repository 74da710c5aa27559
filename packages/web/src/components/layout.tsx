/**
 * The page frame: skip link, brand, main navigation for the current region and year, language switch, staff link;
 * the active page is marked with aria-current. Example: <Layout region={{ code: '630105', name: '城北区' }} year={2023}>…</Layout>.
 */
import type { ReactNode } from 'react';
import type { Place } from '../api/view-types.ts';
import { useI18n } from '../i18n/i18n.context.tsx';
import type { MessageKey } from '../i18n/messages.zh.ts';
import { buildPath } from '../router/route-match.ts';
import { navigate } from '../router/use-hash-path.ts';
import { PlacePicker } from './place-picker.tsx';

export interface RegionYear {
  readonly regionCode: string;
  readonly regionName: string;
  readonly year: number;
}

/** The public pages that exist for every region and year: the picker keeps the visitor on the same one. */
const PLACE_PAGES = new Set(['budget', 'commitments', 'documents', 'follow-up']);

export function Layout({
  place,
  places = [],
  active,
  children,
  userName,
}: {
  readonly place?: RegionYear | undefined;
  /** Every region and year; with more than one, the header offers a picker on the public pages. */
  readonly places?: readonly Place[];
  readonly active: string;
  readonly children: ReactNode;
  readonly userName?: string | undefined;
}) {
  const { t, locale, setLocale } = useI18n();
  const links: [string, MessageKey, string][] = place
    ? [
        ['overview', 'nav.overview', buildPath('r', place.regionCode, place.year)],
        ['budget', 'nav.budget', buildPath('r', place.regionCode, place.year, 'budget')],
        ['commitments', 'nav.commitments', buildPath('r', place.regionCode, place.year, 'commitments')],
        ['documents', 'nav.documents', buildPath('r', place.regionCode, place.year, 'documents')],
        ['follow-up', 'nav.followUp', buildPath('r', place.regionCode, place.year, 'follow-up')],
      ]
    : [];
  links.push(['league', 'nav.league', '#/league'], ['staff', 'nav.staff', '#/staff']);
  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <a className="brand" href={place ? buildPath('r', place.regionCode, place.year) : '#/'}>
            {t('app.brand')}
            {place ? <span className="brand-place">{place.regionName} · {place.year}</span> : null}
          </a>
          <nav aria-label={t('nav.main')} className="main-nav">
            <ul>
              {links.map(([id, key, href]) => (
                <li key={id}>
                  <a href={href} aria-current={active === id ? 'page' : undefined}>
                    {t(key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="header-tools">
            {places.length > 1 && active !== 'staff' ? (
              <PlacePicker
                className="place-picker"
                places={places}
                current={place}
                onChoose={(next) => navigate(PLACE_PAGES.has(active) ? buildPath('r', next.regionCode, next.year, active) : buildPath('r', next.regionCode, next.year))}
              />
            ) : null}
            {userName ? <span className="user-name">{userName}</span> : null}
            <button
              type="button"
              className="language-switch"
              lang={locale === 'zh' ? 'en' : 'zh-CN'}
              aria-label={`${t('app.language')}: ${t('app.switchLanguage')}`}
              onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}
            >
              {t('app.switchLanguage')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
