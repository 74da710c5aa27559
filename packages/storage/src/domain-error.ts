/**
 * Typed errors storage throws; only the server maps them to HTTP: NotFound → 404, Conflict → 409, Invalid → 400.
 * Example: `throw new NotFoundError('commitment', 42)` → code 'not_found', message '找不到 commitment 42'.
 */
export type DomainErrorCode = 'not_found' | 'conflict' | 'invalid';

/** The base of every error storage throws on purpose. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** For a conflict: the current record, so a client can show what changed. */
  readonly current?: unknown;

  constructor(code: DomainErrorCode, message: string, current?: unknown) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    if (current !== undefined) this.current = current;
  }
}

/** A record that does not exist: `new NotFoundError('commitment', 42)`. */
export class NotFoundError extends DomainError {
  constructor(entity: string, id: string | number) {
    super('not_found', `${entity} ${id} not found`);
  }
}

/** A write that clashes with what is stored: a stale version, a duplicate key. */
export class ConflictError extends DomainError {
  constructor(message: string, current?: unknown) {
    super('conflict', message, current);
  }
}

/** A value the domain does not accept: a bad region code, a negative weight. */
export class InvalidError extends DomainError {
  constructor(message: string) {
    super('invalid', message);
  }
}
