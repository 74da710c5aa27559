import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createSvgRasterizer } from './svg-png.rasterizer.ts';

const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const rasterizer = createSvgRasterizer(executable);
afterAll(() => rasterizer.close());

// Needs Debian's chromium (installed by .ci/run); without it the PNG endpoint cannot work either, so a missing
// Chromium fails here rather than skipping unseen. DUIXIAN_SKIP_CHROMIUM=1 says on purpose to skip.
describe.skipIf(process.env.DUIXIAN_SKIP_CHROMIUM === '1')('createSvgRasterizer', () => {
  it(`finds Chromium at ${executable} (set CHROMIUM_PATH, or DUIXIAN_SKIP_CHROMIUM=1 to skip)`, () => {
    expect(existsSync(executable), `no Chromium at ${executable}`).toBe(true);
  });

  it('draws an SVG with Chinese text into a PNG of the SVG size times the scale', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#a4161a"/><text x="4" y="28" font-size="20" fill="#fff">21.98亿元</text></svg>';
    const png = await rasterizer.toPng(svg, { scale: 2 });
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // IHDR: width and height as big-endian 32-bit integers at bytes 16–23.
    expect(png.readUInt32BE(16)).toBe(240);
    expect(png.readUInt32BE(20)).toBe(80);
  }, 60_000);
});
