/**
 * The whole-database backup a live server writes for an admin or the command line: one consistent snapshot, the
 * file `duixian backup` writes. Example: `await backups.write('/tmp/x/backup.duixian.gz')` → { tables: 24, rows: 5120, counts: {…}, bytes: 48213 }.
 */
import { writeBackup, type BackupSummary, type DatabaseHandle } from '@duixian/storage';

export class BackupService {
  readonly #database: DatabaseHandle;

  constructor(database: DatabaseHandle) {
    this.#database = database;
  }

  async write(file: string): Promise<BackupSummary> {
    return writeBackup(this.#database, file);
  }
}
