/**
 * Evidence files stored once by the sha256 of their bytes: storing the same bytes again keeps the first copy.
 * Example: `store({ sha256: 'e3b0…', fileName: '验收报告.pdf', mediaType: 'application/pdf', content })`.
 */
import type { Kysely } from 'kysely';
import { NotFoundError } from '../domain-error.ts';
import type { EvidenceFileRow, Schema } from '../schema.ts';

export class EvidenceFileRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** Stores the file unless these bytes are stored already; returns the stored row (without its content). */
  async store(file: { sha256: string; fileName: string; mediaType: string; content: Uint8Array; createdBy: number | null }): Promise<{ row: Omit<EvidenceFileRow, 'content'>; isNew: boolean }> {
    const inserted = await this.#db
      .insertInto('evidence_files')
      .values({ sha256: file.sha256, file_name: file.fileName, media_type: file.mediaType, byte_size: file.content.byteLength, content: file.content, created_by: file.createdBy })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .returning(['sha256', 'file_name', 'media_type', 'byte_size', 'created_by', 'created_at'])
      .executeTakeFirst();
    if (inserted) return { row: inserted, isNew: true };
    return { row: await this.describe(file.sha256), isNew: false };
  }

  async describe(sha256: string): Promise<Omit<EvidenceFileRow, 'content'>> {
    const row = await this.#db
      .selectFrom('evidence_files')
      .select(['sha256', 'file_name', 'media_type', 'byte_size', 'created_by', 'created_at'])
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('evidence file', sha256);
    return row;
  }

  async get(sha256: string): Promise<EvidenceFileRow> {
    const row = await this.#db.selectFrom('evidence_files').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    if (!row) throw new NotFoundError('evidence file', sha256);
    return row;
  }
}
