import type { Span } from './span.ts';

/** Something core could not read, reported instead of thrown: { code: 'unknown-unit', ... }. */
export interface Problem {
  readonly code: string;
  readonly message: string;
  readonly span?: Span;
}
