/**
 * Starts a worker thread on a TypeScript module: Node 20 does not pass tsx's loader on to workers, so the worker
 * registers it itself, then imports the module named in workerData.entry.
 * Example: new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { entry: 'file:///…/check.worker.ts' } })
 */
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
