/**
 * The committed bundles and action.yml files must be what `npm run build` makes of the sources, as
 * github/codeql-action checks its lib/: rebuild into a scratch directory and compare byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { ACTIONS } from '../../src/actions/catalog.js';
import { ROOT } from '../support/runner.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

test('dist/ and action.yml files match a fresh build', { timeout: 300_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'cd4ml-build-'));
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts', '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(build.status, build.stderr.slice(-2000)).toBe(0);

  const fresh = [
    ...filesUnder(join(out, 'dist')).map((f) => `dist/${f}`),
    ...ACTIONS.map((a) => `actions/${a.id}/action.yml`),
  ].sort();
  const committed = [...filesUnder(join(ROOT, 'dist')).map((f) => `dist/${f}`), ...ACTIONS.map((a) => `actions/${a.id}/action.yml`)].sort();
  expect(committed, 'files in dist/ differ from a fresh build: run `npm run build` and commit').toEqual(fresh);

  const stale = fresh.filter((file) => !readFileSync(join(out, file)).equals(readFileSync(join(ROOT, file))));
  expect(stale, `stale generated files (run \`npm run build\` and commit them); compared with ${relative(ROOT, out)}`).toEqual([]);
});
