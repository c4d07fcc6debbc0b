/**
 * The folder the demo writes what it would have posted to. A run removes what an earlier run wrote
 * there (the names in DEMO_FILES) and nothing else; a folder that holds files but no mark of an
 * earlier run is refused, so a mistyped --out never mixes the demo's files into someone's folder.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../../core/errors.js';

const MARK = '.cd4ml-demo';
/** What a demo run writes at the top of its folder. */
const DEMO_FILES = /^(\.cd4ml-demo|summaries|pr-\d+-comment\.md|drift-issue\.md)$/;

export function prepareOutputFolder(path: string, shown: string): void {
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) throw new InputError(`--out ${shown} is a file; give a folder for the demo's reports.`);
    const entries = readdirSync(path);
    if (entries.length > 0 && !entries.includes(MARK)) {
      throw new InputError(`--out ${shown} is not empty and was not written by cd4ml demo; give a new or empty folder.`);
    }
    for (const entry of entries.filter((name) => DEMO_FILES.test(name))) rmSync(join(path, entry), { recursive: true, force: true });
  }
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, MARK), 'Written by `cd4ml demo`, which replaces its own files here when it runs again.\n');
}

/** Writes a file under the folder, making its parent folders. */
export function writeOutput(folder: string, name: string, text: string): string {
  const path = join(folder, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text.endsWith('\n') ? text : `${text}\n`);
  return path;
}
