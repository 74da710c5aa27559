import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from './test-support.ts';

describe('text input guard', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await openTestApp('pglite', { seedDemo: false });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  const rawJson = (bytes: Buffer) => api.admin.request({ method: 'POST', url: '/api/regions', headers: { 'content-type': 'application/json' }, payload: bytes });

  it('refuses NUL in any JSON string, nested or as a key, with a 400 that says so', async () => {
    for (const body of [
      { code: '650101', name: '城\u0000北' },
      { code: '650101', name: '城北', nested: [{ deep: 'x\u0000' }] },
      { code: '650101', name: '城北', ['k\u0000']: 1 },
    ]) {
      const refused = await api.admin.post('/api/regions', body);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json()).toMatchObject({ error: { code: 'invalid', message: expect.stringContaining('U+0000') } });
    }
  });

  it('refuses a JSON body that is not valid UTF-8 instead of storing U+FFFD', async () => {
    const refused = await rawJson(Buffer.concat([Buffer.from('{"code":"650102","name":"城'), Buffer.from([0xff, 0xfe]), Buffer.from('北"}')]));
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'invalid', message: expect.stringContaining('UTF-8') } });
    expect((await api.app.inject('/api/regions/650102')).statusCode).toBe(404);
  });

  it('refuses %00 in the address', async () => {
    const refused = await api.app.inject('/api/commitments?q=%E5%9F%8E%00');
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'invalid', message: expect.stringContaining('U+0000') } });
  });

  it('still takes well-formed Chinese text, the escaped text "\\u0000", and refuses broken JSON as before', async () => {
    const stored = await rawJson(Buffer.from(JSON.stringify({ code: '650103', name: '城北区 \\u0000 🚧' })));
    expect(stored.statusCode, stored.body).toBe(201);
    expect(((await api.app.inject('/api/regions/650103')).json() as { name: string }).name).toBe('城北区 \\u0000 🚧');
    expect((await rawJson(Buffer.from('{"code":'))).statusCode).toBe(400);
    expect((await rawJson(Buffer.from('{"__proto__":{"x":1},"code":"650104","name":"x"}'))).statusCode).toBe(400);
  });
});
