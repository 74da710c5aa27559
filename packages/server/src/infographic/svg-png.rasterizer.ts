// page.evaluate runs its callback in the browser, where document exists: the DOM types are needed here only.
/// <reference lib="dom" />
/**
 * Turns an SVG into a PNG with headless Debian Chromium driven by playwright-core, so the PNG shows the same fonts and
 * layout as the SVG: `const png = await rasterizer.toPng(svg)` → a PNG Buffer. One browser is started on first use and
 * kept until close(); set CHROMIUM_PATH when Chromium is not at /usr/bin/chromium.
 */
import { chromium, type Browser } from 'playwright-core';

/** Flags for a sandbox without network or GPU; without the background-networking ones Chromium keeps dialling out. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface SvgRasterizer {
  toPng(svg: string, options?: { readonly scale?: number }): Promise<Buffer>;
  close(): Promise<void>;
}

function readSize(svg: string): { width: number; height: number } {
  const width = Number(/<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 750);
  const height = Number(/<svg[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 1000);
  return { width: Math.ceil(width), height: Math.ceil(height) };
}

export function createSvgRasterizer(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): SvgRasterizer {
  let browser: Promise<Browser> | undefined;
  const launch = () => {
    browser ??= chromium.launch({ executablePath, args: CHROMIUM_ARGS }).catch((error: unknown) => {
      browser = undefined;
      throw error;
    });
    return browser;
  };
  return {
    async toPng(svg, options = {}) {
      const { width, height } = readSize(svg);
      const context = await (await launch()).newContext({
        viewport: { width, height },
        deviceScaleFactor: options.scale ?? 1,
        javaScriptEnabled: false,
        offline: true,
      });
      try {
        const page = await context.newPage();
        await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:#fff}svg{display:block}</style></head><body>${svg}</body></html>`);
        await page.evaluate(() => document.fonts.ready).catch(() => undefined);
        return await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height } });
      } finally {
        await context.close();
      }
    },
    async close() {
      const running = browser;
      browser = undefined;
      if (running) await (await running).close();
    },
  };
}
