/**
 * The `model` input of register-model: a file (stored under its name), a directory (every file in
 * it, by its path inside the directory: a SavedModel, a tokenizer beside its weights) or a glob
 * (the matches, by their path below the glob's fixed leading directories). Each file's sha256 is
 * computed as it streams from disk.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { InputError } from '../errors.js';
import { sha256File } from '../files/sha256.js';
import type { LocalFile } from './types.js';
import { listFiles } from '../files/list-files.js';

export async function resolveModelFiles(spec: string, cwd: string, what = 'Input "model"'): Promise<LocalFile[]> {
  const path = resolve(cwd, spec);
  let found: Array<{ path: string; file: string }>;
  if (picomatch.scan(spec).isGlob) {
    const base = resolve(cwd, picomatch.scan(spec).base || '.');
    const matches = await glob(spec, { cwd, onlyFiles: true, absolute: true, expandDirectories: false });
    if (matches.length === 0) throw new InputError(`${what}: ${spec} matches no file; check the pattern (relative to ${cwd}) and that training wrote the model.`);
    found = matches.map((file) => ({ path: toPosix(relative(base, file)), file }));
  } else {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) throw new InputError(`${what}: ${spec} does not exist; give the model file, its directory or a glob, and check that training wrote it.`);
    if (info.isDirectory()) {
      found = (await listFiles(path)).map((file) => ({ path: toPosix(relative(path, file)), file }));
      if (found.length === 0) throw new InputError(`${what}: the directory ${spec} is empty; it should hold the model's files.`);
    } else {
      found = [{ path: basename(path), file: path }];
    }
  }
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return Promise.all(
    found.map(async ({ path: inner, file }) => {
      const info = await stat(file);
      return { path: inner, file, sha256: await sha256File(file), size: info.size };
    }),
  );
}

function toPosix(path: string): string {
  return sep === '/' || isAbsolute(path) ? path : path.split(sep).join('/');
}
