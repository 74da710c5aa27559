import { describe, expect, it } from 'vitest';
import { readDocument } from './read-document.ts';
import { IngestError } from './ingest-error.ts';
import { makeZip } from './fixtures/make-zip.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
/** A DOCX whose one paragraph holds its text under `depth` nested runs. */
const nestedDocx = (depth: number) =>
  makeZip({
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p>${'<w:r>'.repeat(depth)}<w:t>一般公共预算支出21.98亿元</w:t>${'</w:r>'.repeat(depth)}</w:p></w:body></w:document>`,
  });
const nestedHtml = (depth: number) =>
  new Uint8Array(Buffer.from(`<!doctype html><html><body>${'<div>'.repeat(depth)}一般公共预算支出21.98亿元${'</div>'.repeat(depth)}</body></html>`, 'utf8'));

async function rejection(promise: Promise<unknown>): Promise<IngestError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error('expected an IngestError');
}

describe('readDocument on deeply nested files', () => {
  it('refuses a DOCX nested 100,000 deep as too deep, in Chinese, instead of overflowing the stack', async () => {
    const error = await rejection(readDocument({ bytes: nestedDocx(100_000), fileName: '深层.docx' }));
    expect(error.code).toBe('too-deep');
    expect(error.message).toContain('深层.docx：文档结构嵌套过深');
  });

  it('refuses an HTML page nested 100,000 deep as too deep', async () => {
    const error = await rejection(readDocument({ bytes: nestedHtml(100_000), fileName: '深层.html' }));
    expect(error.code).toBe('too-deep');
    expect(error.message).toContain('超过1000层');
  });

  it('still reads files nested a few hundred deep', async () => {
    expect((await readDocument({ bytes: nestedDocx(500), fileName: 'a.docx' })).text).toBe('一般公共预算支出21.98亿元');
    expect((await readDocument({ bytes: nestedHtml(500), fileName: 'a.html' })).text).toBe('一般公共预算支出21.98亿元');
  });
});
