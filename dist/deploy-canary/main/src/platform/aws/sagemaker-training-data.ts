/**
 * The files a SageMaker training job reads and writes, moved through the shared S3 object operations
 * (s3-objects.ts: SHA-256 checksums, multipart above the threshold, retried uploads):
 * - `localDataFiles` lists the local `data` paths as the objects of the training channel: a file goes
 *   to `<prefix>/<its name>`, a directory's files to `<prefix>/<their path inside it>`, so one data
 *   directory becomes the channel's contents (/opt/ml/input/data/training/… in the container). Two
 *   paths landing on the same key are an InputError; so are missing paths and no files at all.
 * - `uploadDataFiles` uploads them, 4 at a time.
 * - `downloadModel` fetches ModelArtifacts.S3ModelArtifacts into `model-path` and extracts it with the
 *   system `tar` when there is one; without `tar` (or when it cannot extract the archive) the archive is
 *   kept as `<model-path>/model.tar.gz`, and the log says so.
 *
 * Complexity: one stat per local path and file, one sha256 pass and one upload per file, one download.
 */
import { spawn } from 'node:child_process';
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../../core/errors.js';
import { sha256File } from '../../core/files/sha256.js';
import type { Logger } from '../../core/logger.js';
import { mapLimit } from '../../core/map-limit.js';
import type { LocalFile } from '../../core/registry/types.js';
import type { S3Objects } from './s3-objects.js';
import { type S3Location, joinKey, parseS3Uri, s3UriOf } from './sagemaker-training-request.js';

export const MODEL_ARCHIVE = 'model.tar.gz';
const UPLOADS_AT_ONCE = 4;

/** A local file of the training data and the key suffix (under the channel's prefix) it goes to. */
export interface DataFile {
  file: string;
  key: string;
  size: number;
}

/** The files of the `data` paths, each with its key under the channel's prefix, sorted by key. */
export async function localDataFiles(paths: string[], cwd: string): Promise<DataFile[]> {
  const byKey = new Map<string, DataFile>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      throw new InputError(`data: "${path}" cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the path, or set s3-input to data already in S3.`);
    }
    const found: DataFile[] = info.isDirectory()
      ? (await walk(absolute)).map((file) => ({ file: file.path, size: file.size, key: relative(absolute, file.path).split(sep).join('/') }))
      : [{ file: absolute, size: info.size, key: basename(absolute) }];
    for (const file of found) {
      const other = byKey.get(file.key);
      if (other !== undefined) {
        throw new InputError(`data: ${other.file} and ${file.file} would both be uploaded as ${file.key} of the training channel; rename one, or put them in one directory.`);
      }
      byKey.set(file.key, file);
    }
  }
  if (byKey.size === 0) throw new InputError(`data: ${paths.join(', ')} hold no files to upload; name the training data files or directories, or set s3-input.`);
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Uploads the files under `location`; returns the bytes uploaded. */
export async function uploadDataFiles(objects: S3Objects, location: S3Location, files: DataFile[], logger: Logger): Promise<number> {
  logger.info(`Uploading ${files.length} training data file(s) to ${s3UriOf(location)}/`);
  await mapLimit(files, UPLOADS_AT_ONCE, async (file) => {
    const local: LocalFile = { path: `data ${file.key}`, file: file.file, size: file.size, sha256: await sha256File(file.file) };
    await objects.upload(location.bucket, joinKey(location.prefix, file.key), local);
    logger.debug(`uploaded ${file.file} to ${s3UriOf(location)}/${file.key}`);
  });
  return files.reduce((total, file) => total + file.size, 0);
}

/**
 * Downloads the model artifact (an s3:// URI) into `modelPath` and extracts it there with `tar`;
 * keeps `<modelPath>/model.tar.gz` when it cannot. Returns what `modelPath` now holds, for the log.
 */
export async function downloadModel(objects: S3Objects, artifactUri: string, modelPath: string, logger: Logger): Promise<'extracted' | 'archive'> {
  const { bucket, prefix: key } = parseS3Uri(artifactUri, 'ModelArtifacts.S3ModelArtifacts');
  const archive = join(modelPath, MODEL_ARCHIVE);
  await objects.download(bucket, key, archive);
  const result = await untar(archive, modelPath);
  if (result.ok) {
    await rm(archive, { force: true });
    logger.info(`Downloaded the model artifact ${artifactUri} and extracted it into ${modelPath} with tar`);
    return 'extracted';
  }
  if (result.missing) {
    logger.info(`Downloaded the model artifact ${artifactUri} to ${archive}; kept it as an archive because the system tar is not on PATH (extract it with: tar -xzf ${archive} -C ${modelPath})`);
  } else {
    logger.warning(`Downloaded the model artifact ${artifactUri} to ${archive}, but tar could not extract it (${result.detail}); kept it as an archive.`);
  }
  return 'archive';
}

async function walk(directory: string): Promise<Array<{ path: string; size: number }>> {
  const files: Array<{ path: string; size: number }> = [];
  const entries = await readdir(directory, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile() || entry.isSymbolicLink()) {
      const info = await stat(path);
      if (info.isFile()) files.push({ path, size: info.size });
      else if (info.isDirectory()) files.push(...(await walk(path)));
    }
  }
  return files;
}

type UntarResult = { ok: true } | { ok: false; missing: boolean; detail: string };

/** `tar -xzf archive -C directory`, files owned by whoever runs it. */
function untar(archive: string, directory: string): Promise<UntarResult> {
  return new Promise((resolve) => {
    let stderr = '';
    const child = spawn('tar', ['--no-same-owner', '-xzf', archive, '-C', directory], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 2000) stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => resolve({ ok: false, missing: error.code === 'ENOENT', detail: error.message }));
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ ok: true });
      else resolve({ ok: false, missing: false, detail: `${signal === null ? `exit code ${code}` : `signal ${signal}`}${stderr.trim() === '' ? '' : `: ${stderr.trim().replace(/\s+/g, ' ')}`}` });
    });
  });
}
