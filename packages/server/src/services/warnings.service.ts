/**
 * The warnings a caller may see for a region and year, ranked (see warnings.ranking.ts): staff see every commitment,
 * a unit editor its own unit's. Example: `await warnings.list({ regionCode: '630105', year: 2024, withinDays: 30 }, user)`.
 */
import type { SessionUser } from '../auth/auth.service.ts';
import type { CommitmentService } from './commitment.service.ts';
import { readVisibleCommitments } from './visible-commitments.ts';
import { rankWarnings, type WarningsRanking } from './warnings.ranking.ts';

export interface WarningsRequest {
  readonly regionCode: string;
  readonly year: number;
  /** Commitments due within this many days count as 临期 even when on schedule. */
  readonly withinDays: number;
}

export class WarningsService {
  readonly #commitments: CommitmentService;

  constructor(commitments: CommitmentService) {
    this.#commitments = commitments;
  }

  async list(request: WarningsRequest, viewer: SessionUser): Promise<WarningsRanking> {
    const views = await readVisibleCommitments(this.#commitments, { regionCode: request.regionCode, year: request.year }, viewer);
    const own = viewer.role === 'unit_editor' ? views.filter((view) => view.units.some((unit) => unit.unit_id === viewer.unit_id)) : views;
    return rankWarnings(own, request.withinDays);
  }
}
