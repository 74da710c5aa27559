/**
 * Reads a file given on the command line into text through ingest, with progress on stderr for long files.
 * Example: readInput('报告.pdf', { onProgress }) → { text, format: 'pdf', … }.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { isIngestError, readDocument, type IngestedDocument } from '@duixian/ingest';

/**
 * A file the CLI could not read, with the reason ready to print and a code for machines: 'not-found', 'is-directory',
 * 'read-failed', or ingest's own code ('empty-file', 'pdf-corrupt', 'unsupported-format' …).
 */
export class UnreadableInputError extends Error {
  constructor(readonly file: string, readonly reason: string, readonly code: string) {
    super(`${file}: ${reason}`);
  }
}

/**
 * @throws UnreadableInputError when the file is missing, a folder, or no format ingest reads.
 */
export async function readInput(file: string, onProgress?: (done: number, total: number) => void, maxBytes?: number): Promise<IngestedDocument> {
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UnreadableInputError(file, '这是一个目录，不是文件 / is a directory', 'is-directory');
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof UnreadableInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'ENOENT'
      ? new UnreadableInputError(file, '文件不存在 / no such file', 'not-found')
      : new UnreadableInputError(file, String((error as Error).message), 'read-failed');
  }
  try {
    return await readDocument({ bytes, fileName: basename(file) }, { ...(onProgress ? { onProgress } : {}), ...(maxBytes ? { maxBytes } : {}) });
  } catch (error) {
    throw new UnreadableInputError(file, (error as Error).message, isIngestError(error) ? error.code : 'read-failed');
  }
}
