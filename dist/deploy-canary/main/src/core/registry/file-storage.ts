/**
 * The `file://` registry: a directory, for the CLI, the demo and self-hosted runners with a
 * persistent disk. Layout: `<dir>/<name>/index.json` and `<dir>/<name>/v<N>/<path>` for the files.
 *
 * Compare-and-swap on the index: a writer takes `<name>/index.lock` (created exclusively, O_EXCL),
 * compares the index's sha256 with the one it read, writes a temporary file and renames it over the
 * index, then drops the lock. A busy lock counts as a lost race (the caller retries with backoff); a
 * lock older than 30 s was left by a crashed writer and is broken. Files are copied to a temporary
 * name and renamed, so a reader never sees half a file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';
import type { IndexSnapshot, LocalFile, RegistryStorage, StoredFile } from './types.js';

const STALE_LOCK_MS = 30_000;

export function createFileStorage(directory: string): RegistryStorage {
  const root = resolve(directory);
  const indexPath = (name: string) => join(root, name, 'index.json');
  const inside = (location: string): string => {
    const path = resolve(root, location);
    if (!path.startsWith(root + sep)) throw new InputError(`file://${root}: the location ${location} is outside the registry directory; the index was edited by hand.`);
    return path;
  };

  async function readIndex(name: string): Promise<IndexSnapshot> {
    try {
      const text = await readFile(indexPath(name), 'utf8');
      return { text, token: createHash('sha256').update(text).digest('hex') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { text: undefined, token: undefined };
      throw fileError(error, `read ${indexPath(name)}`);
    }
  }

  return {
    description: `file://${root}`,
    readIndex,

    async writeIndex(name, text, token) {
      const lock = join(root, name, 'index.lock');
      await mkdir(dirname(lock), { recursive: true }).catch((error: unknown) => {
        throw fileError(error, `create ${dirname(lock)}`);
      });
      let handle;
      try {
        handle = await open(lock, 'wx');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileError(error, `create ${lock}`);
        await breakStaleLock(lock);
        return false;
      }
      try {
        await handle.writeFile(`${process.pid}\n`);
        await handle.close();
        const current = await readIndex(name);
        if (current.token !== token) return false;
        await writeFileAtomic(indexPath(name), text, `The registry index of ${name}`);
        return true;
      } finally {
        await rm(lock, { force: true });
      }
    },

    async models() {
      let entries;
      try {
        entries = await readdir(root, { withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw fileError(error, `list ${root}`);
      }
      const names: string[] = [];
      for (const entry of entries) {
        if (entry.isDirectory() && (await exists(indexPath(entry.name)))) names.push(entry.name);
      }
      return names.sort();
    },

    async putFiles(name, version, files: LocalFile[]): Promise<StoredFile[]> {
      const stored: StoredFile[] = [];
      for (const file of files) {
        const location = `${name}/v${version}/${file.path}`;
        const target = inside(location);
        const partial = `${target}.${randomBytes(4).toString('hex')}.partial`;
        try {
          await mkdir(dirname(target), { recursive: true });
          await copyFile(file.file, partial);
          await rename(partial, target);
        } catch (error) {
          await rm(partial, { force: true });
          throw fileError(error, `copy ${file.file} to ${target}`);
        }
        stored.push({ path: file.path, sha256: file.sha256, size: file.size, location });
      }
      return stored;
    },

    async readFile(file) {
      try {
        return await readFile(inside(file.location));
      } catch (error) {
        throw fileError(error, `read ${file.location} in file://${root}`);
      }
    },

    async downloadFile(file, destination) {
      try {
        await copyFile(inside(file.location), destination);
      } catch (error) {
        throw fileError(error, `copy ${file.location} from file://${root}`);
      }
    },
  };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Removes a lock left by a writer that died more than STALE_LOCK_MS ago. */
async function breakStaleLock(lock: string): Promise<void> {
  const info = await stat(lock).catch(() => undefined);
  if (info === undefined || Date.now() - info.mtimeMs < STALE_LOCK_MS) return;
  // Rename first, so two writers breaking the same lock cannot remove a fresh one taken in between.
  const taken = `${lock}.${randomBytes(4).toString('hex')}.stale`;
  await rename(lock, taken).then(
    () => rm(taken, { force: true }),
    () => undefined,
  );
}

function fileError(error: unknown, what: string): Error {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  const hint = code === 'ENOENT' ? 'the file or directory does not exist' : code === 'EACCES' || code === 'EPERM' ? 'check the permissions' : 'check the disk';
  return new InputError(`Cannot ${what} (${code}): ${hint}.`);
}
