import { readFile } from 'node:fs/promises';
import { makeZip } from '@duixian/ingest/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, openTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../test-support.ts';
import { DEMO_DOCUMENT_PATH } from './demo.service.ts';

/** The demo report's sentences run into one paragraph of `bytes` bytes of UTF-8 at most. */
async function longParagraph(bytes: number): Promise<string> {
  const sentences = (await readFile(DEMO_DOCUMENT_PATH, 'utf8')).replace(/\s+/g, '').replace(/#/g, '');
  return sentences.repeat(Math.ceil(bytes / 3 / sentences.length)).slice(0, Math.floor(bytes / 3));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const deepDocx = (depth: number) =>
  makeZip({
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p>${'<w:r>'.repeat(depth)}<w:t>支出21.98亿元</w:t>${'</w:r>'.repeat(depth)}</w:p></w:body></w:document>`,
  });

describe('imports under load, over HTTP', () => {
  let api: TestApp;
  let url: string;

  beforeAll(async () => {
    api = await openTestApp('pglite');
    url = await api.app.listen({ port: 0, host: '127.0.0.1' });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('answers /api/health within a second while a 1 MB one-paragraph file and a DOCX nested 100,000 deep are imported', async () => {
    const signIn = await fetch(`${url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const session = /duixian_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const csrf = ((await signIn.json()) as { csrf_token: string }).csrf_token;
    const upload = (name: string, content: Uint8Array | string) => {
      const body = multipart({ name, content }, { region_code: '630105', year: '2025' });
      return fetch(`${url}/api/documents`, {
        method: 'POST',
        headers: { ...body.headers, cookie: `duixian_session=${session}`, 'x-csrf-token': csrf },
        body: body.payload,
      });
    };

    const text = await longParagraph(1_000_000);
    let importing = true;
    const imports = Promise.all([upload('一段到底.txt', text), upload('深层.docx', deepDocx(100_000))]).finally(() => {
      importing = false;
    });
    const healthTimes: number[] = [];
    while (importing) {
      const started = performance.now();
      const health = await fetch(`${url}/api/health`);
      healthTimes.push(performance.now() - started);
      expect(health.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [long, deep] = await imports;

    expect(healthTimes.length).toBeGreaterThan(3);
    expect(Math.max(...healthTimes)).toBeLessThan(1000);
    // Each import ends with a stored document or a clear 4xx: the long paragraph is read, the deep DOCX refused.
    expect(long.status, await long.clone().text()).toBe(201);
    expect(((await long.json()) as { document: { id: number } }).document.id).toBeGreaterThan(0);
    expect(deep.status).toBe(422);
    expect(((await deep.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'ingest/too-deep',
      message: expect.stringContaining('文档结构嵌套过深'),
    });
  });
});
