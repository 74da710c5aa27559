/**
 * Decodes the bytes of a text file by what they are, not by the file name: a byte-order mark (UTF-8, UTF-16 LE/BE),
 * else UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312) if they decode cleanly.
 * Example: the GBK bytes D6 D0 CE C4 → { text: '中文', encoding: 'gb18030' }.
 */
import iconv from 'iconv-lite';

/** The encodings ingest reads. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  /** Whether the file began with a byte-order mark (not part of `text`). */
  readonly hasBom: boolean;
  /**
   * Set when the bytes were not wholly valid: 'truncated-tail' when the file ends inside a character (dropped),
   * 'invalid-bytes' when a few byte sequences of otherwise valid UTF-8 were replaced by U+FFFD.
   */
  readonly repair?: 'truncated-tail' | 'invalid-bytes';
}

/** Decodes `bytes`, or returns undefined when they are no text in a supported encoding. */
export function decodeText(bytes: Uint8Array): DecodedText | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeUtf8(bytes.subarray(3));
    return text === undefined ? undefined : { text, encoding: 'utf-8', hasBom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be', true);

  const utf16 = guessUtf16WithoutBom(bytes);
  if (utf16) return decodeUtf16(bytes, utf16, false);

  const utf8 = decodeUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', hasBom: false };
  // A UTF-8 file cut inside its last character.
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut += 1) {
    const head = decodeUtf8(bytes.subarray(0, bytes.length - cut));
    if (head !== undefined && (bytes[bytes.length - cut] ?? 0) >= 0xc0) return { text: head, encoding: 'utf-8', hasBom: false, repair: 'truncated-tail' };
  }
  // UTF-8 with a few damaged sequences: GBK text is almost never valid UTF-8 for more than a few characters.
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const replaced = countChar(lenient, 0xfffd);
  const nonAscii = countNonAscii(lenient) - replaced;
  if (nonAscii >= 20 && replaced <= Math.max(3, nonAscii / 50)) return { text: lenient, encoding: 'utf-8', hasBom: false, repair: 'invalid-bytes' };

  const gb = decodeGb18030(bytes);
  if (!gb.includes('\uFFFD')) return { text: gb, encoding: 'gb18030', hasBom: false };
  if (gb.indexOf('\uFFFD') === gb.length - 1 && bytes.length > 1) {
    const head = decodeGb18030(bytes.subarray(0, bytes.length - 1));
    if (!head.includes('\uFFFD')) return { text: head, encoding: 'gb18030', hasBom: false, repair: 'truncated-tail' };
  }
  return undefined;
}

function decodeGb18030(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
}

function countChar(text: string, code: number): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) === code) count += 1;
  return count;
}

function countNonAscii(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) > 0x7f) count += 1;
  return count;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', hasBom: boolean): DecodedText | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding, hasBom };
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 without a byte-order mark shows as zero bytes in every other position for ASCII-heavy text. Chinese-only
 * UTF-16 has few zero bytes and is not guessed: such files need a BOM.
 */
function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) evenZeros += 1;
    if (bytes[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample / 2;
  if (oddZeros / pairs > 0.4 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs > 0.4 && oddZeros / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/**
 * True when decoded text looks like binary data: NUL or other control characters beyond tab, newline, carriage return
 * and form feed in more than 1 in 200 characters of the first 64 KB.
 */
export function isLikelyBinaryText(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.length === 0) return false;
  let controls = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    if (code === 0) return true;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0x7f) controls += 1;
  }
  return controls / sample.length > 0.005;
}
