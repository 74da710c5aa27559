import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';
import { multipart, openTestApp, type TestApp } from './test-support.ts';

describe('security headers', () => {
  let api: TestApp;
  let staticDir: string;

  beforeAll(async () => {
    // A built web app as vite writes it: index.html loading its module script and stylesheet from ./assets.
    staticDir = mkdtempSync(join(tmpdir(), 'duixian-web-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(
      join(staticDir, 'index.html'),
      '<!doctype html><html><head><script type="module" crossorigin src="./assets/index-a1.js"></script><link rel="stylesheet" crossorigin href="./assets/index-b2.css"></head><body><div id="root"></div></body></html>',
    );
    writeFileSync(join(staticDir, 'assets', 'index-a1.js'), 'document.getElementById("root").textContent = "兑现";');
    writeFileSync(join(staticDir, 'assets', 'index-b2.css'), 'body { margin: 0 }');
    api = await openTestApp('pglite', { seedDemo: false, staticDir });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('sends CSP, no framing, nosniff and a referrer policy on pages, assets, JSON, errors and the API docs', async () => {
    for (const url of ['/', '/commitments/12', '/assets/index-a1.js', '/assets/index-b2.css', '/api/health', '/api/commitments?page=0', '/api/no-such-thing', '/api/docs/static/index.html']) {
      const response = await api.app.inject(url);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('same-origin');
    }
    const refused = await api.app.inject({ method: 'POST', url: '/api/units', payload: {} });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['x-frame-options']).toBe('DENY');
  });

  it('fits the web app: its page loads its scripts from this origin, none inline, and names no other host', async () => {
    // The page vite builds from: its module script becomes ./assets/index-….js, the only script of the built page.
    const page = readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8');
    const scripts = [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="\/[^/]/);
      expect(body?.trim()).toBe('');
    }
    expect(page).not.toMatch(/\son[a-z]+=|https?:\/\/|\sstyle=/i);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*(unsafe|https?:|\*)/);
  });

  it('keeps the evidence download\'s stricter sandbox policy', async () => {
    const upload = await api.admin.request({ method: 'POST', url: '/api/evidence', ...multipart({ name: 'page.html', content: '<html><script>alert(1)</script></html>' }, {}) });
    expect(upload.statusCode, upload.body).toBe(201);
    // Downloaded by staff: the public gets a file only once an approved report cites it.
    const download = await api.admin.request({ method: 'GET', url: `/api/evidence/${(upload.json() as { sha256: string }).sha256}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(download.headers['x-frame-options']).toBe('DENY');
  });
});
