/**
 * Documents as uploaded: the original bytes, their sha256 (the document's identity), the extracted text and what
 * core found in it. Example: `findBySha256('9f86d0…')` → the stored 城北区民生账本 page, or undefined.
 */
import type { Kysely } from 'kysely';
import { NotFoundError } from '../domain-error.ts';
import { resolvePage, type Page, type PageRequest } from '../page.ts';
import type { DocumentRow, Schema } from '../schema.ts';

/** A document without its bytes and text: what lists show. */
export type DocumentSummary = Omit<DocumentRow, 'content' | 'text' | 'extraction' | 'findings' | 'problems'>;

export interface NewDocument {
  regionCode: string;
  year: number;
  title: string;
  fileName: string;
  format: string;
  sha256: string;
  content: Uint8Array;
  text: string;
  /** JSON-ready extraction (decimals as strings). */
  extraction: unknown;
  findings: unknown;
  problems: unknown;
  createdBy?: number | null;
}

const summaryColumns = [
  'id',
  'region_code',
  'year',
  'title',
  'file_name',
  'format',
  'sha256',
  'byte_size',
  'created_by',
  'created_at',
] as const;

export class DocumentRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async create(document: NewDocument): Promise<DocumentSummary> {
    return this.#db
      .insertInto('documents')
      .values({
        region_code: document.regionCode,
        year: document.year,
        title: document.title,
        file_name: document.fileName,
        format: document.format,
        sha256: document.sha256,
        byte_size: document.content.byteLength,
        content: document.content,
        text: document.text,
        extraction: JSON.stringify(document.extraction),
        findings: JSON.stringify(document.findings),
        problems: JSON.stringify(document.problems),
        created_by: document.createdBy ?? null,
      })
      .returning(summaryColumns)
      .executeTakeFirstOrThrow();
  }

  async findBySha256(sha256: string): Promise<DocumentSummary | undefined> {
    return this.#db.selectFrom('documents').select(summaryColumns).where('sha256', '=', sha256).executeTakeFirst();
  }

  async getSummary(id: number): Promise<DocumentSummary> {
    const row = await this.#db.selectFrom('documents').select(summaryColumns).where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('document', id);
    return row;
  }

  /** The document with its text and extraction, without the original bytes. */
  async get(id: number): Promise<Omit<DocumentRow, 'content'>> {
    const row = await this.#db
      .selectFrom('documents')
      .select([...summaryColumns, 'text', 'extraction', 'findings', 'problems'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('document', id);
    return row;
  }

  /** Only the text of a document: what a review item's source sentence is read from. */
  async getText(id: number): Promise<string> {
    const row = await this.#db.selectFrom('documents').select('text').where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('document', id);
    return row.text;
  }

  /** The original file as uploaded. */
  async getContent(id: number): Promise<{ fileName: string; format: string; content: Uint8Array }> {
    const row = await this.#db
      .selectFrom('documents')
      .select(['file_name', 'format', 'content'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('document', id);
    return { fileName: row.file_name, format: row.format, content: new Uint8Array(row.content) };
  }

  async list(filter: { regionCode?: string; year?: number } & PageRequest = {}): Promise<Page<DocumentSummary>> {
    const { page, pageSize, offset } = resolvePage(filter);
    let query = this.#db.selectFrom('documents');
    if (filter.regionCode !== undefined) query = query.where('region_code', '=', filter.regionCode);
    if (filter.year !== undefined) query = query.where('year', '=', filter.year);
    const [items, count] = await Promise.all([
      query.select(summaryColumns).orderBy('id', 'desc').limit(pageSize).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n), page, pageSize };
  }
}
