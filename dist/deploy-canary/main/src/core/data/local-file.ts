/**
 * A local file as a ByteSource: stat once, then stream it (optionally a byte range) in 1 MiB chunks
 * through a FileHandle, read a range at once (Parquet footers and column chunks), or open it for
 * positioned reads into the caller's own buffers (the CSV reader). Every streamed chunk is a fresh
 * buffer, so a consumer may keep one as long as it likes; only one chunk is in flight at a time, so
 * memory does not grow with the file.
 *
 * Complexity: O(n) in the bytes read; O(1 MiB) memory while streaming, O(end - start) for read().
 *
 * Errors are one line naming the path: a missing file, a directory (with a glob to use instead), a
 * file that cannot be read (permissions). A file that shrinks while it is read ends early rather than
 * failing; the readers then report what they found.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { ByteRange, ByteSource, PositionalReader } from './source.js';

/** Bytes per streamed chunk. */
export const CHUNK_SIZE = 1024 * 1024;

/**
 * Opens `path` as a ByteSource. `name` is how messages and reports call it (the path as the user
 * wrote it); it defaults to `path`.
 */
export async function localFileSource(path: string, name: string = path): Promise<ByteSource> {
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    throw fileError(error, name);
  }
  if (stats.isDirectory()) {
    const dir = name.replace(/[\\/]+$/, '') || name;
    throw new InputError(`data: ${name} is a directory, not a file; name its files, or use a glob such as "${dir}/*.csv"`);
  }
  if (!stats.isFile()) {
    throw new InputError(`data: ${name} is not a regular file; name a file, or a glob of files`);
  }
  const size = stats.size;

  return {
    name,
    size,
    local: true,
    path: resolve(path),
    stream(range?: ByteRange): AsyncIterable<Buffer> {
      return streamFile(path, name, clampStart(range?.start ?? 0, size), clampEnd(range?.end ?? size, size));
    },
    read(start: number, end: number): Promise<Buffer> {
      return readFile(path, name, clampStart(start, size), clampEnd(end, size));
    },
    async openReader(): Promise<PositionalReader> {
      const handle = await open(path, 'r').catch((error: unknown) => {
        throw fileError(error, name);
      });
      return {
        read: (target, offset, length, position) => fill(handle, target.subarray(offset, offset + length), position, name),
        close: () => handle.close(),
      };
    },
  };
}

function clampStart(start: number, size: number): number {
  return Math.min(Math.max(0, start), size);
}

function clampEnd(end: number, size: number): number {
  return Math.min(Math.max(0, end), size);
}

async function* streamFile(path: string, name: string, start: number, end: number): AsyncGenerator<Buffer> {
  if (end <= start) return;
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw fileError(error, name);
  });
  try {
    let position = start;
    while (position < end) {
      // A new buffer per chunk: the consumer may still hold the previous one.
      const chunk = Buffer.allocUnsafeSlow(Math.min(CHUNK_SIZE, end - position));
      const filled = await fill(handle, chunk, position, name);
      if (filled === 0) return; // the file shrank while being read
      position += filled;
      yield filled === chunk.length ? chunk : chunk.subarray(0, filled);
      if (filled < chunk.length) return;
    }
  } finally {
    await handle.close();
  }
}

async function readFile(path: string, name: string, start: number, end: number): Promise<Buffer> {
  if (end <= start) return Buffer.alloc(0);
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw fileError(error, name);
  });
  try {
    const buffer = Buffer.allocUnsafeSlow(end - start);
    const filled = await fill(handle, buffer, start, name);
    return filled === buffer.length ? buffer : buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/** Reads until `buffer` is full or the file ends; returns the bytes read. */
async function fill(handle: FileHandle, buffer: Buffer, position: number, name: string): Promise<number> {
  let filled = 0;
  while (filled < buffer.length) {
    let bytesRead: number;
    try {
      ({ bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position + filled));
    } catch (error) {
      throw fileError(error, name);
    }
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

/** A file-system failure as a one-line InputError; anything else passes through. */
function fileError(error: unknown, name: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputError(`data: no such file: ${name}`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new InputError(`data: cannot read ${name} (permission denied); make the file readable by the user running the step`);
  }
  if (code === 'EISDIR') {
    const dir = name.replace(/[\\/]+$/, '') || name;
    return new InputError(`data: ${name} is a directory, not a file; name its files, or use a glob such as "${dir}/*.csv"`);
  }
  if (typeof code === 'string') return new InputError(`data: cannot read ${name} (${code}); check that the file exists and is readable`);
  return error;
}
