/**
 * The software a training ran on: Node's version, the Python packages (`pip freeze` of the `python3`
 * on PATH, when there is one and it has pip), and the lock files in the working directory with
 * their sha256 — so a model can be traced to the exact dependencies that built it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sha256File } from '../files/sha256.js';
import type { TrainingRecord } from './types.js';

const LOCK_FILES = ['requirements.txt', 'requirements.lock', 'poetry.lock', 'uv.lock', 'Pipfile.lock', 'conda-lock.yml', 'environment.yml', 'package-lock.json'];

export function parsePipFreeze(text: string): Record<string, string> {
  const packages: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z0-9_.-]+)==(\S+)\s*$/.exec(line.trim());
    if (match !== null) packages[(match[1] as string).toLowerCase()] = match[2] as string;
  }
  return packages;
}

function pipFreeze(cwd: string, env: NodeJS.ProcessEnv): Promise<Record<string, string> | undefined> {
  return new Promise((resolve) => {
    execFile('python3', ['-m', 'pip', 'freeze', '--disable-pip-version-check'], { cwd, env, timeout: 60_000, maxBuffer: 8 << 20 }, (error, stdout) => {
      if (error !== null) return resolve(undefined);
      const packages = parsePipFreeze(stdout);
      resolve(Object.keys(packages).length === 0 ? undefined : packages);
    });
  });
}

export async function trainingEnvironment(cwd: string, env: NodeJS.ProcessEnv): Promise<TrainingRecord['environment']> {
  const packages = await pipFreeze(cwd, env);
  const lockFiles = [];
  for (const name of LOCK_FILES) {
    const path = join(cwd, name);
    if (existsSync(path)) lockFiles.push({ path: name, sha256: await sha256File(path) });
  }
  return { node: process.version, ...(packages === undefined ? {} : { packages }), ...(lockFiles.length === 0 ? {} : { lockFiles }) };
}
