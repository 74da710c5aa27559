/**
 * One worker of `duixian check --jobs N`: reads and analyzes each file it is sent, and posts back the text and the
 * extraction (or why the file cannot be read). Example message in: { index: 3, file: 'a.txt' } → out:
 * { index: 3, file: 'a.txt', text: '…', extraction: { quantities: […], findings: […] } }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyze } from '@duixian/core';
import { readInput, UnreadableInputError } from '../read-input.ts';

interface Job {
  readonly index: number;
  readonly file: string;
}

const { year, maxBytes } = workerData as { year?: number; maxBytes?: number };

parentPort?.on('message', async (job: Job) => {
  try {
    const document = await readInput(job.file, undefined, maxBytes);
    const extraction = analyze(document.text, year === undefined ? {} : { reportYear: year });
    parentPort?.postMessage({ index: job.index, file: job.file, text: document.text, extraction });
  } catch (error) {
    if (!(error instanceof UnreadableInputError)) throw error;
    parentPort?.postMessage({ index: job.index, file: job.file, unreadable: error.reason });
  }
});
