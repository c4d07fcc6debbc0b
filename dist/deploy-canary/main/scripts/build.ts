/**
 * `npm run build`: writes every action.yml from its metadata, bundles every action and the CLI with
 * @vercel/ncc into dist/<name>/ (ESM), and places onnxruntime-node's linux-x64 native files once, in
 * dist/bin/, where every bundle's relative `require` of the binding resolves.
 * The output is deterministic: a rebuild of unchanged sources leaves `git status` clean.
 *
 * `--out <dir>` writes dist/ and every actions/<name>/action.yml under <dir> instead of the repository, which
 * is how the tests check that the committed files are fresh.
 *
 * Each bundle is built in its own child process (`--bundle <entry> <outDir>`), two at a time: ncc
 * keeps what it compiled for the life of the process, so one process building every bundle outgrows
 * Node's default heap once the AWS SDKs and Sigstore are in.
 */
import ncc from '@vercel/ncc';
import { fork } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTIONS } from '../src/actions/catalog.js';
import { actionYaml } from '../src/platform/github/action-metadata.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outFlag = process.argv.indexOf('--out');
const outArg = outFlag === -1 ? undefined : process.argv[outFlag + 1];
if (outFlag !== -1 && (outArg === undefined || outArg.startsWith('--'))) throw new Error('--out needs a directory: npm run build -- --out <dir>');
const outRoot = outArg === undefined ? root : resolve(outArg);
const dist = join(outRoot, 'dist');

function writeActionYamls(): void {
  for (const action of ACTIONS) {
    const dir = join(outRoot, 'actions', action.id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'action.yml'), actionYaml(action));
  }
}

async function bundle(entry: string, outDir: string): Promise<void> {
  const { code, assets } = await ncc(join(root, entry), {
    minify: false,
    sourceMap: false,
    license: 'licenses.txt',
    quiet: true,
    target: 'es2022',
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'index.js'), code);
  for (const [name, asset] of Object.entries(assets)) {
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    writeFileSync(join(outDir, name), asset.source);
  }
}

/** The `require` path of the native binding inside onnxruntime-node, e.g. ../bin/napi-v6/… */
function onnxBindingDir(): string {
  const require = createRequire(import.meta.url);
  const bindingJs = join(dirname(require.resolve('onnxruntime-node')), 'binding.js');
  const match = /require\(`\.\.\/(bin\/napi-v\d+)\/\$\{process\.platform\}\/\$\{process\.arch\}\//.exec(readFileSync(bindingJs, 'utf8'));
  if (match === null) throw new Error(`Cannot find the native binding path in ${bindingJs}; onnxruntime-node changed how it loads it.`);
  return match[1] as string;
}

/** One shared copy for all bundles: dist/<name>/*.js requires ../bin/napi-vN/linux/x64/…, i.e. dist/bin/. */
function copyOnnxRuntimeBinaries(): void {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(dirname(require.resolve('onnxruntime-node')));
  const binDir = onnxBindingDir();
  const from = join(packageDir, binDir, 'linux', 'x64');
  const to = join(dist, binDir, 'linux', 'x64');
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from)) copyFileSync(join(from, file), join(to, file));
}

/** Builds one bundle in a child process running this script with `--bundle`. */
function bundleInChild(entry: string, outDir: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = fork(fileURLToPath(import.meta.url), ['--bundle', entry, outDir], { stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code, signal) => (code === 0 ? done() : fail(new Error(`Bundling ${entry} failed (${signal ?? `exit code ${code}`}).`))));
  });
}

const bundleFlag = process.argv.indexOf('--bundle');
if (bundleFlag !== -1) {
  await bundle(process.argv[bundleFlag + 1] as string, process.argv[bundleFlag + 2] as string);
} else {
  writeActionYamls();
  rmSync(dist, { recursive: true, force: true });
  const jobs = [...ACTIONS.map((action) => [`src/actions/${action.id}/index.ts`, join(dist, action.id)] as const), ['src/cli/index.ts', join(dist, 'cli')] as const];
  const next = async (): Promise<void> => {
    for (let job = jobs.shift(); job !== undefined; job = jobs.shift()) await bundleInChild(job[0], job[1]);
  };
  await Promise.all([next(), next()]);
  copyOnnxRuntimeBinaries();
  process.stdout.write(`Built ${ACTIONS.length} actions and the CLI into ${dist}.\n`);
}
