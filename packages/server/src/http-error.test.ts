import { ConflictError } from '@duixian/storage';
import { describe, expect, it } from 'vitest';
import { describeError } from './http-error.ts';

/** An error shaped as node-postgres and PGlite throw them: the server's own text, with its SQLSTATE as `code`. */
const databaseError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'ERROR', table: 'commitments' });

describe('describeError', () => {
  it('answers a database refusal with our own message, never the database text', () => {
    const cases = [
      ['22003', 'value "99999999999" is out of range for type integer', 400, 'invalid'],
      ['23505', 'duplicate key value violates unique constraint "users_username_key"', 409, 'conflict'],
      ['23503', 'insert or update on table "units" violates foreign key constraint "units_region_code_fkey"', 400, 'invalid'],
      ['22021', 'invalid byte sequence for encoding "UTF8": 0x00', 400, 'invalid'],
    ] as const;
    for (const [code, message, status, errorCode] of cases) {
      const described = describeError(databaseError(code, message));
      expect(described.status, code).toBe(status);
      expect(described.body.error.code, code).toBe(errorCode);
      expect(described.body.error.message, code).not.toContain(message);
      expect(described.body.error.message, code).toMatch(/[\u4e00-\u9fff]/);
      expect(JSON.stringify(described.body), code).not.toMatch(/constraint|violates|type integer|UTF8/);
    }
  });

  it('answers an unknown database error as an internal error with a generic message', () => {
    const described = describeError(databaseError('53100', 'could not extend file "base/16384/2619": No space left on device'));
    expect(described).toEqual({ status: 500, body: { error: { code: 'internal', message: '服务器内部错误 / internal server error' } } });
  });

  it('keeps the messages storage wrote for its own domain errors', () => {
    expect(describeError(new ConflictError('user "jyj" exists already'))).toMatchObject({ status: 409, body: { error: { code: 'conflict', message: 'user "jyj" exists already' } } });
  });
});
