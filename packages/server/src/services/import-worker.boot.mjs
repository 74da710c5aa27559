/**
 * Starts the import worker under tsx: worker threads do not inherit the parent's module hooks (`tsx` CLI, vitest),
 * so the worker registers tsx itself before loading its TypeScript entry. Example: new Worker(new URL('./import-worker.boot.mjs', import.meta.url)).
 */
import { register } from 'tsx/esm/api';

register();
await import('./import.worker.ts');
