/**
 * Who may see and report on a commitment: the public sees published ones; admins and supervisors see and report on
 * all; a unit editor sees published ones and its own unit's unpublished ones, and reports only on its unit's items
 * (lead or supporting). Example: a 区教育局 editor reporting on a 区卫健委 work item → false.
 */
import { InvalidError, NotFoundError, type CommitmentUnitRef, type DatabaseHandle } from '@duixian/storage';
import { HttpError } from '../http-error.ts';
import type { SessionUser } from './auth.service.ts';

interface CommitmentScope {
  readonly published: boolean;
  readonly units: readonly CommitmentUnitRef[];
}

export function isStaff(user: SessionUser | undefined): boolean {
  return user?.role === 'admin' || user?.role === 'supervisor';
}

function isOwnUnit(user: SessionUser | undefined, commitment: CommitmentScope): boolean {
  return user?.role === 'unit_editor' && user.unit_id !== null && commitment.units.some((unit) => unit.unit_id === user.unit_id);
}

export function canReadCommitment(user: SessionUser | undefined, commitment: CommitmentScope): boolean {
  return commitment.published || isStaff(user) || isOwnUnit(user, commitment);
}

export function canReportProgress(user: SessionUser | undefined, commitment: CommitmentScope): boolean {
  return isStaff(user) || isOwnUnit(user, commitment);
}

/**
 * Checks a caller's access to commitment `id`: one it may not read is 404 (its existence is not told), one it may
 * read but not report on is 403.
 */
export async function assertCommitmentAccess(
  database: DatabaseHandle,
  id: number,
  user: SessionUser | undefined,
  need: 'read' | 'report',
): Promise<{ version: number } & CommitmentScope> {
  const commitment = await database.repositories.commitments.get(id);
  if (!canReadCommitment(user, commitment)) throw new NotFoundError('commitment', id);
  if (need === 'report' && !canReportProgress(user, commitment)) {
    throw new HttpError(403, 'forbidden', '只能填报本单位的事项 / you may report progress on your own unit\'s items only');
  }
  return commitment;
}

/**
 * Which progress reports of a commitment a caller reads: staff and the reporting unit all of them (pending ones
 * marked 待审核, returned ones with the reason), everyone else the approved ones.
 */
export function progressScope(user: SessionUser | undefined, commitment: CommitmentScope): 'approved' | 'all' {
  return canReportProgress(user, commitment) ? 'all' : 'approved';
}

/** Whose view of a commitment a response is, for caching: 'staff', 'unit:3' or 'public'. */
export function viewerKey(user: SessionUser | undefined): string {
  if (isStaff(user)) return 'staff';
  return user?.role === 'unit_editor' && user.unit_id !== null ? `unit:${user.unit_id}` : 'public';
}

/** A commitment detail with only the work items this caller may read. */
export function withVisibleChildren<T extends { children: readonly CommitmentScope[] }>(detail: T, user: SessionUser | undefined): T {
  return { ...detail, children: detail.children.filter((child) => canReadCommitment(user, child)) };
}

/** Evidence of kind 'file' must name a stored evidence file (by its sha256). */
export async function assertEvidenceStored(database: DatabaseHandle, evidence: readonly { kind: string; ref: string }[]): Promise<void> {
  for (const item of evidence) {
    if (item.kind !== 'file') continue;
    if (!/^[0-9a-f]{64}$/.test(item.ref)) throw new InvalidError(`evidence file reference "${item.ref}" is not a sha256: upload the file to /api/evidence first`);
    try {
      await database.repositories.evidenceFiles.describe(item.ref);
    } catch (error) {
      if (error instanceof NotFoundError) throw new InvalidError(`no evidence file ${item.ref}: upload it to /api/evidence first`);
      throw error;
    }
  }
}
