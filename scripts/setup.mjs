#!/usr/bin/env node
// Makes a fresh checkout ready to run or test: installs the npm packages when they are missing and, where this
// is a Debian machine and we are root, the system packages the tests use (LibreOffice and CJK fonts to make
// PDF/DOCX fixtures, poppler's pdftotext for the PDF benchmark, Chromium for the browser tests).
// Usage: node scripts/setup.mjs [--system]   (npm start and npm test call it; --system adds the Debian packages)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wantSystem = process.argv.includes('--system');

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.error('[setup] 安装 npm 依赖 / installing npm packages (npm ci)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}

if (wantSystem) {
  const missing = [];
  if (!has('soffice')) missing.push('libreoffice-writer-nogui');
  if (!existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) missing.push('fonts-noto-cjk');
  // A TrueType Chinese font: the PDFs Word and Chrome write embed that kind, LibreOffice's with Noto do not.
  if (!existsSync('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc')) missing.push('fonts-wqy-zenhei');
  if (!has('pdftotext')) missing.push('poppler-utils');
  if (!has('qpdf')) missing.push('qpdf');
  if (!has('chromium')) missing.push('chromium');
  if (missing.length > 0) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!isRoot || !has('apt-get')) {
      console.error(`[setup] 测试需要以下 Debian 软件包 / the tests need: ${missing.join(' ')} (apt-get install -y …)`);
    } else {
      console.error(`[setup] 安装 / installing ${missing.join(' ')}…`);
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    }
  }
}
