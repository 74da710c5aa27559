/**
 * Evidence files (佐证材料): stores an upload once by the sha256 of its bytes, with the type the policy recognised,
 * audited; serves one to the public only once an approved progress report cites it.
 * Example: `await evidence.store('验收报告.pdf', bytes, 3)` → { sha256: 'e3b0…', media_type: 'application/pdf', … }.
 */
import { createHash } from 'node:crypto';
import { NotFoundError, type DatabaseHandle, type EvidenceFileRow } from '@duixian/storage';
import { classifyEvidence } from './evidence-file.policy.ts';

/** An upload as its uploader is answered. */
export interface StoredEvidence {
  readonly sha256: string;
  readonly file_name: string;
  readonly media_type: string;
  readonly byte_size: number;
  readonly created_by: number;
  readonly created_at: Date;
}

export class EvidenceService {
  readonly #database: DatabaseHandle;
  readonly #now: () => Date;

  constructor(database: DatabaseHandle, now: () => Date) {
    this.#database = database;
    this.#now = now;
  }

  /** Stores the bytes, or says (in Chinese and English) why the policy refuses them. */
  async store(fileName: string, bytes: Uint8Array, actorId: number): Promise<{ stored: StoredEvidence } | { problem: string }> {
    const classified = classifyEvidence(fileName, bytes);
    if ('problem' in classified) return { problem: classified.problem };
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const stored = { sha256, file_name: fileName, media_type: classified.mediaType, byte_size: bytes.byteLength, created_by: actorId, created_at: this.#now() };
    await this.#database.transaction(async (repositories) => {
      await repositories.evidenceFiles.store({ sha256, fileName, mediaType: classified.mediaType, content: bytes, createdBy: actorId });
      await repositories.auditEvents.record({ actorId, action: 'create', entityType: 'evidence_file', entityId: sha256, after: stored });
    });
    // Bytes stored already (by anyone) are answered as this upload, under this uploader's name: the answer must not
    // tell whether, when or by whom the same file was uploaded before.
    return { stored };
  }

  /** The file, for a signed-in reader; for the public only one an approved report cites (else NotFound, as unknown). */
  async read(sha256: string, isSignedIn: boolean): Promise<EvidenceFileRow> {
    // Evidence is public once a reviewer approved a report citing it, not when it is uploaded.
    if (!isSignedIn && !(await this.#database.repositories.progressUpdates.isFileCitedByApproved(sha256))) {
      throw new NotFoundError('evidence file', sha256);
    }
    return this.#database.repositories.evidenceFiles.get(sha256);
  }
}
