/**
 * Reading a version's files back, checked against the sha256 its record holds, for every registry:
 * `fileOf` finds a file of a record by path, `checkBytes` checks bytes read whole, and
 * `downloadVerified` writes each file of a record under a directory, through `<file>.partial`
 * renamed into place only once its sha256 matches, refusing a path that would leave the directory.
 *
 * A mismatch is a ServiceError naming who holds the file, its path, both hashes and, when the
 * registry gives one, where the stored file is (e.g. its s3:// location).
 *
 * Complexity: one read of each file's bytes to hash them (streamed for downloads).
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { InputError, ServiceError } from '../errors.js';
import { sha256File } from '../files/sha256.js';
import type { ModelRecord, StoredFile } from './types.js';

/** Where a stored file is, for the mismatch message; nothing unless the registry names it. */
export type FileDetail = (file: StoredFile) => string | undefined;

/** The file of `record` at `path`; an InputError listing the files it has otherwise. */
export function fileOf(record: ModelRecord, path: string): StoredFile {
  const file = record.files.find((candidate) => candidate.path === path);
  if (file === undefined) {
    throw new InputError(`${record.uri} has no file ${path}; it has ${record.files.map((candidate) => candidate.path).join(', ')}.`);
  }
  return file;
}

/** `bytes` when their sha256 is the one recorded for `file`; `owner` names who holds it (a record's URI, `name vN`). */
export function checkBytes(bytes: Uint8Array, file: StoredFile, owner: string, detail?: string): Uint8Array {
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== file.sha256) throw mismatch(owner, file, actual, detail, '');
  return bytes;
}

/**
 * Downloads every file of `record` under `directory` with `fetch`, each checked before it takes its
 * name; the paths written, relative to the directory.
 */
export async function downloadVerified(
  record: ModelRecord,
  directory: string,
  fetch: (file: StoredFile, destination: string) => Promise<void>,
  detail: FileDetail = () => undefined,
): Promise<string[]> {
  const root = resolve(directory);
  const written: string[] = [];
  for (const file of record.files) {
    const destination = resolve(root, file.path);
    if (destination !== root && !destination.startsWith(root + sep)) {
      throw new ServiceError(`${record.uri}: the file path ${file.path} leaves the download directory; the registry was tampered with.`);
    }
    await mkdir(dirname(destination), { recursive: true });
    const partial = `${destination}.partial`;
    await fetch(file, partial);
    const actual = await sha256File(partial);
    if (actual !== file.sha256) {
      await rm(partial, { force: true });
      throw mismatch(record.uri, file, actual, detail(file), ' Nothing was written.');
    }
    await rename(partial, destination);
    written.push(relative(root, destination));
  }
  return written;
}

function mismatch(owner: string, file: StoredFile, actual: string, detail: string | undefined, after: string): ServiceError {
  const stored = detail === undefined ? 'the stored file' : `the stored file (${detail})`;
  return new ServiceError(`${owner}: ${file.path} has sha256 ${actual}, but the registry recorded ${file.sha256}; ${stored} was changed or damaged.${after}`);
}

/** The version's ONNX model files (under `model/`). */
export function onnxModels(record: ModelRecord): StoredFile[] {
  return record.files.filter((file) => file.path.startsWith('model/') && file.path.toLowerCase().endsWith('.onnx'));
}
