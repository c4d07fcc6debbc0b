/**
 * The folder the demo writes what it would have posted to. It is cleared at the start of a run, but
 * only when an earlier run made it: a folder without the demo's mark is never emptied.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../../core/errors.js';

const MARK = '.cd4ml-demo';

export function prepareOutputFolder(path: string, shown: string): void {
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) throw new InputError(`--out ${shown} is a file; give a folder for the demo's reports.`);
    const entries = readdirSync(path);
    if (entries.length > 0 && !entries.includes(MARK)) {
      throw new InputError(`--out ${shown} is not empty and was not written by cd4ml demo; give a new or empty folder.`);
    }
    rmSync(path, { recursive: true, force: true });
  }
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, MARK), 'Written by `cd4ml demo`, which empties this folder when it runs again.\n');
}

/** Writes a file under the folder, making its parent folders. */
export function writeOutput(folder: string, name: string, text: string): string {
  const path = join(folder, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text.endsWith('\n') ? text : `${text}\n`);
  return path;
}
