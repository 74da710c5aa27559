import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, isLikelyBinaryText } from './decode-text.ts';

const sentence = '2023年全区一般公共预算支出21.98亿元，同比增长44.4%。';

describe('decodeText', () => {
  it('reads UTF-8 without a byte-order mark', () => {
    expect(decodeText(Buffer.from(sentence, 'utf8'))).toEqual({ text: sentence, encoding: 'utf-8', hasBom: false });
  });

  it('reads UTF-8 with a byte-order mark and leaves the mark out of the text', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sentence, 'utf8')]);
    expect(decodeText(bytes)).toEqual({ text: sentence, encoding: 'utf-8', hasBom: true });
  });

  it('reads UTF-16 LE and BE by their byte-order marks', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sentence, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(sentence, 'utf-16be')]);
    expect(decodeText(le)).toMatchObject({ text: sentence, encoding: 'utf-16le', hasBom: true });
    expect(decodeText(be)).toMatchObject({ text: sentence, encoding: 'utf-16be', hasBom: true });
  });

  it('recognises GBK and GB18030 bytes by their validity, whatever the file is called', () => {
    expect(decodeText(iconv.encode(sentence, 'gbk'))).toMatchObject({ text: sentence, encoding: 'gb18030' });
    const rare = '𠀀字与€符号：新增托养机构5家';
    expect(decodeText(iconv.encode(rare, 'gb18030'))).toMatchObject({ text: rare, encoding: 'gb18030' });
  });

  it('keeps a UTF-8 file cut inside its last character as UTF-8 and says so', () => {
    const bytes = Buffer.from(sentence + '民', 'utf8');
    const decoded = decodeText(bytes.subarray(0, bytes.length - 1));
    expect(decoded).toMatchObject({ text: sentence, encoding: 'utf-8', repair: 'truncated-tail' });
  });

  it('reads UTF-8 with one damaged byte as UTF-8, not as GB18030 mojibake', () => {
    const bytes = Buffer.from(sentence.repeat(3), 'utf8');
    bytes[10] = 0xff;
    const decoded = decodeText(bytes);
    expect(decoded).toMatchObject({ encoding: 'utf-8', repair: 'invalid-bytes' });
    expect(decoded?.text.endsWith('同比增长44.4%。')).toBe(true);
  });

  it('returns nothing for bytes that are no text in any supported encoding', () => {
    expect(decodeText(Uint8Array.from([0xff, 0xff, 0xfe, 0x80, 0x80, 0xff, 0x00, 0xff, 0xff]))).toBeUndefined();
  });
});

describe('isLikelyBinaryText', () => {
  it('flags NUL and control characters, not tabs, line ends or Chinese text', () => {
    expect(isLikelyBinaryText('项目\t预算数\r\n教育\t3420\n')).toBe(false);
    expect(isLikelyBinaryText('abc\u0000def')).toBe(true);
    expect(isLikelyBinaryText('\u0001\u0002\u0003'.repeat(10) + '正文')).toBe(true);
  });
});
