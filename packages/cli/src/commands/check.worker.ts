/**
 * One worker of `duixian check --jobs N`: reads and analyzes each file it is sent, and posts back the text and the
 * extraction (or why the file cannot be read). Example message in: { index: 3, file: 'a.txt' } → out:
 * { index: 3, file: 'a.txt', text: '…', extraction: { quantities: […], findings: […] } }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeOne, type AnalyzeOptions } from './check-pool.ts';

interface Job {
  readonly index: number;
  readonly file: string;
}

const options = workerData as AnalyzeOptions;

parentPort?.on('message', async (job: Job) => {
  parentPort?.postMessage({ index: job.index, ...(await analyzeOne(job.file, options)) });
});
