/**
 * Reads the entries of a ZIP file (a DOCX is one) with node:zlib, checking what can be checked: the central
 * directory, local headers, sizes and CRC-32. `readZipEntry(bytes, 'word/document.xml')` → the XML's bytes.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { ReaderError } from '../reader-error.ts';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc: number;
  readonly localHeaderOffset: number;
}

/** Why a ZIP could not be read; the DOCX reader turns it into an IngestError. */
export class ZipError extends ReaderError<'truncated' | 'corrupt'> {
  override readonly name = 'ZipError';
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** True when the bytes start like a ZIP file (a local file header). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Lists the entries from the central directory. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 65557); offset -= 1) {
    if (view.getUint32(offset, true) === EOCD) {
      eocd = offset;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('truncated', 'no end of central directory record');
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (directoryOffset + directorySize > eocd) throw new ZipError('corrupt', 'central directory outside the file');
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  const decoder = new TextDecoder('utf-8');
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > eocd || view.getUint32(offset, true) !== CENTRAL) throw new ZipError('corrupt', 'bad central directory entry');
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > eocd) throw new ZipError('corrupt', 'entry name outside the directory');
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      crc: view.getUint32(offset + 16, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The uncompressed bytes of one entry; at most `maxSize` bytes are inflated (a guard against ZIP bombs). */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxSize: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) throw new ZipError('corrupt', `bad local header for ${entry.name}`);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError('truncated', `${entry.name} runs past the end of the file`);
  if (entry.size > maxSize) throw new ZipError('corrupt', `${entry.name} is ${entry.size} bytes uncompressed, over ${maxSize}`);
  const data = bytes.subarray(start, end);
  let content: Uint8Array;
  if (entry.method === 0) content = data;
  else if (entry.method === 8) {
    try {
      content = inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
    } catch (error) {
      throw new ZipError('corrupt', `${entry.name} does not inflate: ${(error as Error).message}`);
    }
  } else throw new ZipError('corrupt', `${entry.name} uses compression method ${entry.method}`);
  if (content.length !== entry.size) throw new ZipError('corrupt', `${entry.name} has ${content.length} bytes, the directory says ${entry.size}`);
  if ((crc32(content) >>> 0) !== (entry.crc >>> 0)) throw new ZipError('corrupt', `${entry.name} fails its CRC-32 check`);
  return content;
}
