/**
 * One page of a list: the items, the total that matched, and where the page sits.
 * Example: `{ items: [...20 commitments], total: 57, page: 2, pageSize: 20 }`.
 */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** Which page to read: 1-based, at most 500 items. */
export interface PageRequest {
  readonly page?: number;
  readonly pageSize?: number;
}

/** The largest page any list serves. */
export const MAX_PAGE_SIZE = 500;

/** Turns a page request into limit and offset, clamped to sane bounds. */
export function resolvePage(request: PageRequest = {}): { page: number; pageSize: number; offset: number } {
  const page = Math.max(1, Math.floor(request.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(request.pageSize ?? 20)));
  return { page, pageSize, offset: (page - 1) * pageSize };
}
