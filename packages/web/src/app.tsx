/**
 * The app: reads the hash path, finds the region and year it names, and shows the page inside the layout.
 * Routes: #/ (latest region and year), #/r/:region/:year[/budget|/commitments|/documents|/follow-up], #/commitments/:id,
 * #/documents/:id, #/league[/:year][?region=&verdict=], #/staff[/sign-in|/upload|/review|/assign|/task-sheet|/progress|/warnings|/exports].
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { listPlaces, listRegions } from './api/duixian.api.ts';
import { useApi } from './api/use-api.ts';
import type { Place, RegionView } from './api/view-types.ts';
import { AsyncView } from './components/async-view.tsx';
import { Layout, type RegionYear } from './components/layout.tsx';
import { useI18n } from './i18n/i18n.context.tsx';
import { CommitmentPage } from './pages/public/commitment.page.tsx';
import { CommitmentsPage } from './pages/public/commitments.page.tsx';
import { DocumentPage } from './pages/public/document.page.tsx';
import { DocumentsPage } from './pages/public/documents.page.tsx';
import { FollowUpPage } from './pages/public/follow-up.page.tsx';
import { LeaguePage } from './pages/public/league.page.tsx';
import { OverviewPage } from './pages/public/overview.page.tsx';
import { hashQuery } from './router/hash-query.ts';
import { choosePlace } from './router/place-choice.ts';
import { readRememberedPlace, rememberPlace } from './router/remembered-place.ts';
import { buildPath, matchRoute } from './router/route-match.ts';
import { navigate, useHashPath } from './router/use-hash-path.ts';
import { SessionProvider, useSession } from './pages/staff/session.context.tsx';

// The budget page (treemap) and the staff workbench load on demand, so the overview's bundle stays small.
const BudgetPage = lazy(() => import('./pages/public/budget.page.tsx').then((module) => ({ default: module.BudgetPage })));
const StaffApp = lazy(() => import('./pages/staff/staff-app.tsx').then((module) => ({ default: module.StaffApp })));

const PLACE_PAGES = ['budget', 'commitments', 'documents', 'follow-up'] as const;

function toRegionYear(place: Place | undefined): RegionYear | undefined {
  return place ? { regionCode: place.regionCode, regionName: place.regionName, year: place.year } : undefined;
}

function Redirect({ to }: { readonly to: string }) {
  useEffect(() => navigate(to), [to]);
  return null;
}

/** regions: every region's name, for a page of a region that has no plan or budget yet (no place of its own). */
function Routes({ places, regions, isReady, onPlacesChanged }: { readonly places: readonly Place[]; readonly regions: readonly RegionView[]; readonly isReady: boolean; readonly onPlacesChanged: () => void }) {
  const path = useHashPath();
  const { t } = useI18n();
  const session = useSession();
  const userName = session.user ? session.user.displayName ?? session.user.username : undefined;
  const query = hashQuery(path);
  // A public page of a region and year that exists is where the landing page opens next time.
  const shownKey = /^\/r\/([^/?]+)\/(\d+)/.exec(path);
  useEffect(() => {
    if (!shownKey) return;
    const region = decodeURIComponent(shownKey[1]!);
    const year = Number(shownKey[2]);
    if (places.some((place) => place.regionCode === region && place.year === year)) rememberPlace({ regionCode: region, year });
  }, [shownKey?.[0], places]);
  const fallback = choosePlace(places, { remembered: readRememberedPlace() });
  // A document page names its own region and year in the header once the document is read, not the visitor's last place.
  const [documentPlace, setDocumentPlace] = useState<{ readonly documentId: number; readonly regionCode: string; readonly year: number }>();
  const frame = (active: string, place: Place | undefined, page: ReactNode) => (
    <Layout place={toRegionYear(place)} places={places} active={active} userName={userName}>
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>{page}</Suspense>
    </Layout>
  );

  if (path === '/' || path === '') {
    if (!isReady) return frame('overview', undefined, <p role="status">{t('app.loading')}</p>);
    if (fallback) return <Redirect to={buildPath('r', fallback.regionCode, fallback.year)} />;
    return frame('overview', undefined, <p>{t('app.empty')}</p>);
  }
  const overview = matchRoute('/r/:region/:year', path);
  // The address names both region and year, so a second region with a plan for the same year never takes over.
  const placeOf = (params: Readonly<Record<string, string>>): Place => {
    const year = Number(params.year);
    const found = places.find((place) => place.regionCode === params.region && place.year === year);
    const name = places.find((item) => item.regionCode === params.region)?.regionName ?? regions.find((region) => region.code === params.region)?.name;
    return found ?? { regionCode: params.region ?? '', regionName: name ?? params.region ?? '', year };
  };
  if (overview) {
    const place = placeOf(overview);
    return frame('overview', place, <OverviewPage key={`${place.regionCode}-${place.year}`} regionCode={place.regionCode} year={place.year} />);
  }
  for (const page of PLACE_PAGES) {
    const params = matchRoute(`/r/:region/:year/${page}`, path);
    if (!params) continue;
    const place = placeOf(params);
    const content =
      page === 'budget' ? <BudgetPage place={place} /> :
      page === 'commitments' ? <CommitmentsPage place={place} query={query} /> :
      page === 'follow-up' ? <FollowUpPage place={place} /> :
      <DocumentsPage regionCode={place.regionCode} year={place.year} />;
    return frame(page, place, content);
  }
  // The league table belongs to no region: the header keeps the visitor's last place for the other links.
  const league = path === '/league' || path.startsWith('/league?') ? {} : matchRoute('/league/:year', path);
  if (league) {
    const year = Number(league.year) || undefined;
    return frame('league', fallback, <LeaguePage key={year ?? 'latest'} year={year} query={query} />);
  }
  const commitment = matchRoute('/commitments/:id', path);
  if (commitment) return frame('commitments', fallback, <CommitmentPage commitmentId={Number(commitment.id)} />);
  const document = matchRoute('/documents/:id', path);
  if (document) {
    const at = /^(\d+)-(\d+)$/.exec(query.get('at') ?? '');
    const documentId = Number(document.id);
    const own = documentPlace?.documentId === documentId ? choosePlace(places, documentPlace) : undefined;
    return frame('documents', own ?? fallback, (
      <DocumentPage documentId={documentId} at={at ? [Number(at[1]), Number(at[2])] : undefined} onPlace={(place) => setDocumentPlace({ documentId, ...place })} />
    ));
  }
  if (path === '/staff' || path.startsWith('/staff/') || path.startsWith('/staff?')) {
    // The header names the place the workbench shows (its address's region and year), not the visitor's last one.
    const staffPlace = choosePlace(places, { regionCode: query.get('region') ?? undefined, year: Number(query.get('year')) || undefined, remembered: readRememberedPlace() });
    return frame('staff', staffPlace, isReady ? <StaffApp path={path} places={places} onPlacesChanged={onPlacesChanged} /> : <p role="status">{t('app.loading')}</p>);
  }
  return frame('', fallback, <p role="alert">{t('app.notFound')}</p>);
}

/** Pages that name their region and year render at once; the list of places fills in the header when it arrives. */
export function App() {
  const state = useApi(listPlaces, []);
  const regions = useApi(listRegions, []);
  const { t } = useI18n();
  if (state.status === 'error') {
    return <AsyncView state={state}>{() => null}</AsyncView>;
  }
  return (
    <SessionProvider>
      <Routes places={state.status === 'ready' ? state.data : []} regions={regions.status === 'ready' ? regions.data : []} isReady={state.status === 'ready'} onPlacesChanged={state.reload} />
      {state.status === 'loading' ? <span className="visually-hidden" role="status">{t('app.loading')}</span> : null}
    </SessionProvider>
  );
}
