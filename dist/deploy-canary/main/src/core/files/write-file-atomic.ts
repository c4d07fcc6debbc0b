/**
 * Writes a file whole or not at all: the text goes to a temporary file beside the target, which is
 * then renamed over it, so a reader never sees half a file and a failure leaves the old one intact.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

export async function writeFileAtomic(path: string, content: string | Uint8Array, what: string): Promise<void> {
  const directory = dirname(path);
  const temporary = join(directory, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined); // nothing to clean up when the directory itself was the problem
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InputError(`${what}: cannot write ${path} (${reason}); check that the directory is writable.`);
  }
}
