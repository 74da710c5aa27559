/**
 * The staff workbench: sign-in first, then the pages a role may use — supervisors upload, review, assign and watch
 * warnings; admins also keep regions, units and users; unit editors report progress on their own unit's items; everyone may export.
 * Example: #/staff/review?document=2.
 */
import { findUnitRegion } from '../../api/duixian.api.ts';
import { useApi } from '../../api/use-api.ts';
import type { Place } from '../../api/view-types.ts';
import { NotificationBell } from '../../components/notification-bell.tsx';
import { PlacePicker } from '../../components/place-picker.tsx';
import { useI18n } from '../../i18n/i18n.context.tsx';
import type { MessageKey } from '../../i18n/messages.zh.ts';
import { hashQuery } from '../../router/hash-query.ts';
import { choosePlace } from '../../router/place-choice.ts';
import { readRememberedPlace, rememberPlace } from '../../router/remembered-place.ts';
import { navigate } from '../../router/use-hash-path.ts';
import { AdminPage } from './admin.page.tsx';
import { AssignPage } from './assign.page.tsx';
import { ExportsPage } from './exports.page.tsx';
import { ProgressPage } from './progress.page.tsx';
import { ProgressReviewPage } from './progress-review.page.tsx';
import { ReviewPage } from './review.page.tsx';
import { useSession } from './session.context.tsx';
import { ChangePasswordPage } from './change-password.page.tsx';
import { SignInPage } from './sign-in.page.tsx';
import { TaskSheetPage } from './task-sheet.page.tsx';
import { UploadPage } from './upload.page.tsx';
import { WarningsPage } from './warnings.page.tsx';

type StaffPage = 'admin' | 'upload' | 'review' | 'assign' | 'task-sheet' | 'progress' | 'progress-review' | 'warnings' | 'exports';

const PAGES_BY_ROLE: Record<string, readonly StaffPage[]> = {
  admin: ['upload', 'review', 'assign', 'task-sheet', 'progress', 'progress-review', 'warnings', 'exports', 'admin'],
  supervisor: ['upload', 'review', 'assign', 'task-sheet', 'progress-review', 'warnings', 'exports'],
  unit_editor: ['progress', 'warnings', 'exports'],
};

const TITLES: Record<StaffPage, MessageKey> = {
  upload: 'staff.upload',
  review: 'staff.review',
  assign: 'tasks.table',
  'task-sheet': 'sheet.title',
  progress: 'staff.progress',
  'progress-review': 'staff.progressReview',
  warnings: 'staff.warnings',
  exports: 'staff.exports',
  admin: 'staff.admin',
};

/** onPlacesChanged: accepted candidates can open a new plan year, so the app reloads its list of places. */
export function StaffApp({ path, places, onPlacesChanged }: { readonly path: string; readonly places: readonly Place[]; readonly onPlacesChanged: () => void }) {
  const { t } = useI18n();
  const { user, isChecked, signOut } = useSession();
  const route = path.split('?')[0]!.replace(/^\/staff\/?/, '');
  const query = hashQuery(path);
  // Region and year are both in the address (?region=630105&year=2024); a unit editor starts in its unit's region.
  const unitId = user?.role === 'unit_editor' ? user.unitId : undefined;
  const unitRegion = useApi(async () => (unitId === undefined ? undefined : findUnitRegion(unitId)), [unitId]);
  const requestedYear = Number(query.get('year')) || undefined;
  const requestedRegion = query.get('region') ?? (unitRegion.status === 'ready' ? unitRegion.data : undefined);
  const place = choosePlace(places, { regionCode: requestedRegion, year: requestedYear, remembered: readRememberedPlace() });
  const placeQuery = place ? `?region=${encodeURIComponent(place.regionCode)}&year=${place.year}` : '';
  if (!isChecked || (unitId !== undefined && unitRegion.status === 'loading')) return <p role="status">{t('app.loading')}</p>;
  if (!user || route === 'sign-in') return <SignInPage next={route && route !== 'sign-in' ? `#/staff/${route}` : '#/staff'} />;
  if (user.mustChangePassword) return <ChangePasswordPage />;
  const pages = PAGES_BY_ROLE[user.role] ?? [];
  // #/staff opens the role's first page: a supervisor's upload, a unit editor's progress report.
  const current = (pages as readonly string[]).includes(route) ? (route as StaffPage) : route === '' ? pages[0] : undefined;
  return (
    <>
      <h1>{t('staff.heading')}{current ? ` · ${t(TITLES[current])}` : ''}</h1>
      <nav aria-label={t('staff.heading')} className="card actions">
        {pages.map((page) => (
          <a key={page} className={`button ${page === current ? '' : 'secondary'}`} href={`#/staff/${page}${placeQuery}`} aria-current={page === current ? 'page' : undefined}>
            {t(TITLES[page])}
          </a>
        ))}
        <NotificationBell />
        <button type="button" className="secondary" onClick={() => void signOut()}>{t('nav.signOut')}</button>
      </nav>
      <div className="filters">
        <p className="meta">
          {t('staff.role')}：{t(`role.${user.role}` as MessageKey)} · {user.displayName ?? user.username}
        </p>
        <PlacePicker
          places={places}
          current={place}
          onChoose={(next) => {
            rememberPlace(next);
            navigate(`#/staff/${route || ''}?region=${encodeURIComponent(next.regionCode)}&year=${next.year}`);
          }}
        />
      </div>
      {current === 'upload' ? <UploadPage place={place} /> : null}
      {current === 'review' ? <ReviewPage documentId={Number(query.get('document')) || undefined} onDecided={onPlacesChanged} /> : null}
      {current === 'assign' && place ? <AssignPage place={place} /> : null}
      {current === 'task-sheet' && place ? <TaskSheetPage place={place} /> : null}
      {current === 'progress' && place ? <ProgressPage place={place} user={user} commitmentId={Number(query.get('commitment')) || undefined} /> : null}
      {current === 'progress-review' && place ? <ProgressReviewPage place={place} /> : null}
      {current === 'warnings' && place ? <WarningsPage place={place} withinDays={Number(query.get('days')) || 30} isStaff={user.role !== 'unit_editor'} /> : null}
      {current === 'exports' && place ? <ExportsPage place={place} /> : null}
      {current === 'admin' ? <AdminPage /> : null}
    </>
  );
}
