/** sha256 of every training data file (a directory's files one by one, in path order), streamed. */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { sha256File } from '../files/sha256.js';
import { listFiles } from '../files/list-files.js';

export async function fingerprintData(paths: readonly string[], cwd: string): Promise<Array<{ path: string; sha256: string; bytes: number }>> {
  const files: string[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    const info = await stat(full).catch(() => undefined);
    if (info === undefined) throw new InputError(`Input "data": ${path} does not exist; list the training data files or directories (relative to the working directory).`);
    files.push(...(info.isDirectory() ? await listFiles(full) : [full]));
  }
  const result = [];
  for (const file of files) {
    result.push({ path: relative(cwd, file) || file, sha256: await sha256File(file), bytes: (await stat(file)).size });
  }
  return result;
}
