/**
 * The import worker's entry (started by import-worker.pool.ts through import-worker.boot.mjs): runs the text work of
 * one import at a time and posts back what it prepared, or why it could not read the file.
 * Example: posted { id: 1, work: { bytes, fileName: 'a.txt', year: 2024, … } } → { type: 'done', id: 1, prepared }.
 */
import { parentPort } from 'node:worker_threads';
import { isIngestError } from '@duixian/ingest';
import { prepareImport, type ImportWork } from './import-work.ts';

/** What the worker posts: ready once loaded, then one answer per job. */
export type ImportWorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; prepared: Awaited<ReturnType<typeof prepareImport>> }
  | { type: 'failed'; id: number; error: { name: string; message: string; code?: string; fileName?: string } };

const port = parentPort;
if (!port) throw new Error('import.worker.ts runs on a worker thread');

port.on('message', (job: { id: number; work: ImportWork }) => {
  prepareImport(job.work).then(
    (prepared) => port.postMessage({ type: 'done', id: job.id, prepared } satisfies ImportWorkerMessage),
    (error: unknown) => {
      // Errors lose their class crossing threads: an ingest error travels as its name, code and message.
      const failed = isIngestError(error)
        ? { name: error.name, message: error.message, code: error.code, fileName: error.fileName }
        : { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      port.postMessage({ type: 'failed', id: job.id, error: failed } satisfies ImportWorkerMessage);
    },
  );
});
port.postMessage({ type: 'ready' } satisfies ImportWorkerMessage);
