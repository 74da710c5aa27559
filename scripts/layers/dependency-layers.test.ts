/**
 * Proves the layer rules of .dependency-cruiser.cjs (run by `npm run lint:layers`) fire: dependency-cruiser runs with
 * that config over a small fixture tree of packages in a temporary folder, where each bad file crosses one layer the
 * way docs/ARCHITECTURE.md forbids, and must be named by exactly its rule. Also checks that every package.json
 * declares the @duixian packages its code imports. Example: packages/server/src/routes/bad.routes.ts importing
 * storage → error routes-call-services.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

/** The fixture tree: path → source. Good files stay silent; each bad one names the rule it must break. */
const FILES: Record<string, string> = {
  'packages/core/src/index.ts': "export const one = 1;\n",
  'packages/core/src/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
  'packages/core/src/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
  'packages/core/src/clock.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'packages/core/src/clock.test.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'packages/core/src/reaches-up.ts': "import { two } from '../../storage/src/index.ts';\nexport const up = two;\n",
  'packages/storage/src/index.ts': "import { one } from '../../core/src/index.ts';\nexport const two = one + 1;\n",
  'packages/storage/src/testing.ts': "export const fake = 0;\n",
  'packages/storage/src/uses-server.ts': "import { three } from '../../server/src/index.ts';\nexport const s = three;\n",
  'packages/ingest/src/index.ts': "import { one } from '../../core/src/index.ts';\nexport const read = one;\n",
  'packages/ingest/src/deep.ts': "import { one } from '../../core/src/a.ts';\nexport const deep = one;\n",
  'packages/server/src/index.ts': "import { two } from '../../storage/src/index.ts';\nexport const three = two + 1;\nexport type Three = 3;\n",
  'packages/server/src/routes/bad.routes.ts': "import { two } from '../../../storage/src/index.ts';\nexport const route = two;\n",
  'packages/server/src/routes/good.routes.ts': "import { service } from '../services/good.service.ts';\nexport const route = service;\n",
  'packages/server/src/services/good.service.ts': "import { two } from '../../../storage/src/index.ts';\nexport const service = two;\n",
  'packages/server/src/services/reads-file.service.ts': "import { read } from '../../../ingest/src/index.ts';\nexport const r = read;\n",
  'packages/server/src/services/import-work.ts': "import { read } from '../../../ingest/src/index.ts';\nexport const work = read;\n",
  'packages/web/src/api/typed.api.ts': "import type { Three } from '../../../server/src/index.ts';\nexport const t: Three = 3;\n",
  'packages/web/src/api/value.api.ts': "import { three } from '../../../server/src/index.ts';\nexport const v = three;\n",
  'packages/web/src/api/db.api.ts': "import { two } from '../../../storage/src/index.ts';\nexport const d = two;\n",
  'packages/web/src/fs.ts': "import { readFile } from 'node:fs/promises';\nexport const f = readFile;\n",
  'packages/cli/src/main.ts': "import { fake } from '../../storage/src/testing.ts';\nimport { three } from '../../server/src/index.ts';\nexport const m = fake + three;\n",
};

const EXPECTED = [
  'core-imports-no-package packages/core/src/reaches-up.ts',
  'core-is-pure packages/core/src/clock.ts',
  // A cycle is reported once, at the file where the cruise meets it first.
  'no-circular packages/core/src/a.ts',
  'packages-meet-at-entry-points packages/ingest/src/deep.ts',
  'routes-call-services packages/server/src/routes/bad.routes.ts',
  'server-reads-uploads-in-the-import-worker-only packages/server/src/services/reads-file.service.ts',
  'storage-imports-core-only packages/storage/src/uses-server.ts',
  'testing-entries-in-tests-only packages/cli/src/main.ts',
  'web-imports-core-and-server-types packages/web/src/api/db.api.ts',
  'web-imports-no-node-built-ins packages/web/src/fs.ts',
  'web-imports-server-types-only packages/web/src/api/value.api.ts',
];

describe('the layer rules (.dependency-cruiser.cjs)', () => {
  let folder = '';

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'duixian-layers-'));
    for (const [path, source] of Object.entries(FILES)) {
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), source);
    }
    await copyFile(join(root, 'tsconfig.base.json'), join(folder, 'tsconfig.base.json'));
  });

  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('names each import that crosses a layer by its rule, and nothing else', async () => {
    const depcruise = join(root, 'node_modules/.bin/depcruise');
    // depcruise exits non-zero when it finds errors: the report is what counts.
    const output = await run(depcruise, ['packages', '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'], { cwd: folder, maxBuffer: 32 * 1024 * 1024 }).then(
      (done) => done.stdout,
      (failed: { stdout?: string }) => failed.stdout ?? '',
    );
    const report = JSON.parse(output) as { summary: { violations: { rule: { name: string; severity: string }; from: string }[] } };
    const found = [...new Set(report.summary.violations.map((violation) => `${violation.rule.name} ${violation.from}`))].sort();
    expect(found).toEqual(EXPECTED);
    expect(report.summary.violations.every((violation) => violation.rule.severity === 'error')).toBe(true);
  });
});

describe('workspace dependencies', () => {
  it('declares in each package.json every @duixian package its code imports', async () => {
    const undeclared: string[] = [];
    for (const name of await readdir(join(root, 'packages'))) {
      const manifest = JSON.parse(await readFile(join(root, 'packages', name, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
      const declared = new Set([...Object.keys(manifest['dependencies'] ?? {}), ...Object.keys(manifest['devDependencies'] ?? {})]);
      const sources = (await readdir(join(root, 'packages', name, 'src'), { recursive: true })).filter((file) => /\.(ts|tsx|mjs)$/.test(file));
      for (const file of sources) {
        const text = await readFile(join(root, 'packages', name, 'src', file), 'utf8');
        for (const match of text.matchAll(/from '(@duixian\/[a-z-]+)/g)) {
          const imported = match[1]!;
          if (imported !== `@duixian/${name}` && !declared.has(imported)) undeclared.push(`packages/${name}/src/${file} → ${imported}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });
});
