/**
 * Every commitment of a region and year that a caller may read, all pages of the list read in turn: staff see
 * unpublished ones, a unit editor also its own unit's unpublished ones, the public only published ones.
 * Example: `await readVisibleCommitments(commitments, { regionCode: '630105', year: 2024 }, supervisor)` → 436 views.
 */
import { MAX_PAGE_SIZE } from '@duixian/storage';
import type { SessionUser } from '../auth/auth.service.ts';
import { canReadCommitment, isStaff } from '../auth/commitment-access.ts';
import type { CommitmentListFilter, CommitmentService, CommitmentView } from './commitment.service.ts';
import { readAllPages } from './read-all-pages.ts';

export interface VisibleCommitmentsFilter extends Pick<CommitmentListFilter, 'colour'> {
  readonly regionCode?: string | undefined;
  readonly year?: number | undefined;
}

export async function readVisibleCommitments(
  commitments: CommitmentService,
  filter: VisibleCommitmentsFilter,
  viewer: SessionUser | undefined,
): Promise<CommitmentView[]> {
  const views = await readAllPages((page) =>
    commitments.list({
      regionCode: filter.regionCode,
      year: filter.year,
      includeUnpublished: isStaff(viewer) || viewer?.role === 'unit_editor',
      ...(filter.colour ? { colour: filter.colour } : {}),
      page,
      pageSize: MAX_PAGE_SIZE,
    }),
  );
  return views.filter((view) => canReadCommitment(viewer, view));
}
