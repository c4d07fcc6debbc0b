/**
 * Turns the `data` specs a user wrote into the files and objects to read, in order: a local path, a
 * local glob (`data/part-*.csv`, `**` allowed; files only, sorted), an `s3://bucket/key` URI, or an S3
 * glob (`s3://bucket/prefix/*.csv`: the prefix before the first wildcard is listed through the object
 * store, then filtered with picomatch). A file or object named twice (directly or through globs) is
 * read once, where it first appears.
 *
 * Complexity: one stat per local file; for S3, one listing per glob (all pages) plus one size request
 * per object, at most 16 in flight.
 *
 * Errors are one line naming the spec: a missing file, a directory, a glob that matches nothing
 * (InputError); an s3:// spec when no object store is available (EnvironmentError); S3 failures
 * come from the store as ServiceErrors naming the URI.
 */
import { isAbsolute, resolve } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { EnvironmentError, InputError } from '../errors.js';
import { mapLimit } from '../map-limit.js';
import { CHUNK_SIZE, localFileSource } from './local-file.js';
import type { ByteRange, ByteSource, ObjectStore } from './source.js';

export interface ResolveSourcesOptions {
  /** Relative paths and globs are resolved against this directory. */
  cwd: string;
  /** Reads s3:// specs; without it they fail with an EnvironmentError. */
  store?: ObjectStore;
}

/** Concurrent size requests while resolving an S3 glob. */
const SIZE_CONCURRENCY = 16;

export async function resolveSources(specs: readonly string[], options: ResolveSourcesOptions): Promise<ByteSource[]> {
  const sources: ByteSource[] = [];
  const seen = new Set<string>();
  const add = (key: string, source: ByteSource): void => {
    if (seen.has(key)) return;
    seen.add(key);
    sources.push(source);
  };

  for (const raw of specs) {
    const spec = raw.trim();
    if (spec === '') continue;
    if (/^s3:\/\//i.test(spec)) {
      for (const source of await resolveS3(spec, options.store)) add(source.name, source);
    } else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(spec)) {
      throw new InputError(`data: cannot read "${spec}": only local paths, globs and s3:// URIs are supported; download the file and pass its path`);
    } else {
      for (const [path, name] of await resolveLocal(spec, options.cwd)) {
        if (seen.has(path)) continue;
        add(path, await localFileSource(path, name));
      }
    }
  }
  return sources;
}

/** [absolute path, name for messages] pairs for one local spec. */
async function resolveLocal(spec: string, cwd: string): Promise<Array<[string, string]>> {
  const path = resolve(cwd, spec);
  if (!picomatch.scan(spec).isGlob) return [[path, spec]];
  // A file whose name merely contains a glob character is read as named.
  const literal = await localFileSource(path, spec).then(
    () => true,
    () => false,
  );
  if (literal) return [[path, spec]];

  const matches = await glob(spec, { cwd, onlyFiles: true, absolute: isAbsolute(spec), expandDirectories: false });
  if (matches.length === 0) throw new InputError(`data: no files match "${spec}"`);
  return sortStrings(matches).map((match) => [resolve(cwd, match), match]);
}

async function resolveS3(spec: string, store: ObjectStore | undefined): Promise<ByteSource[]> {
  const match = /^s3:\/\/([^/]*)\/?(.*)$/is.exec(spec);
  const bucket = match?.[1] ?? '';
  const key = match?.[2] ?? '';
  if (bucket === '') {
    throw new InputError(`data: "${spec}" names no bucket; write s3://bucket/key or a glob such as s3://bucket/prefix/*.csv`);
  }
  if (key === '' || key.endsWith('/')) {
    const base = spec.endsWith('/') ? spec : `${spec}/`;
    throw new InputError(`data: ${spec} is a prefix, not an object; name an object, or use a glob such as "${base}*.csv"`);
  }
  if (store === undefined) {
    throw new EnvironmentError(`data: cannot read ${spec}: S3 access is not available here; run where AWS access is configured, or download the object and pass its path`);
  }

  const scan = picomatch.scan(key);
  if (!scan.isGlob) {
    return [objectSource(store, bucket, key, await store.size(bucket, key))];
  }
  const prefix = scan.base === '' ? '' : `${scan.base}/`;
  const isMatch = picomatch(key);
  const keys = sortStrings((await store.list(bucket, prefix)).filter((candidate) => !candidate.endsWith('/') && isMatch(candidate)));
  if (keys.length === 0) throw new InputError(`data: no objects match "${spec}"`);
  const sizes = await mapLimit(keys, SIZE_CONCURRENCY, (candidate) => store.size(bucket, candidate));
  return keys.map((candidate, index) => objectSource(store, bucket, candidate, sizes[index] ?? 0));
}

/** An object in a store as a ByteSource; streamed chunks are gathered to about CHUNK_SIZE. */
export function objectSource(store: ObjectStore, bucket: string, key: string, size: number): ByteSource {
  const clampRange = (start: number, end: number): ByteRange => ({
    start: Math.min(Math.max(0, start), size),
    end: Math.min(Math.max(0, end), size),
  });
  return {
    name: `s3://${bucket}/${key}`,
    size,
    local: false,
    stream(range?: ByteRange): AsyncIterable<Buffer> {
      const { start, end = size } = clampRange(range?.start ?? 0, range?.end ?? size);
      if (end <= start) return empty();
      return gather(store.stream(bucket, key, start === 0 && end === size ? undefined : { start, end }));
    },
    async read(start: number, end: number): Promise<Buffer> {
      const range = clampRange(start, end);
      const length = (range.end ?? size) - range.start;
      if (length <= 0) return Buffer.alloc(0);
      const pieces: Buffer[] = [];
      let total = 0;
      for await (const piece of store.stream(bucket, key, range)) {
        pieces.push(asBuffer(piece));
        total += piece.byteLength;
      }
      return pieces.length === 1 && pieces[0] !== undefined ? pieces[0] : Buffer.concat(pieces, total);
    },
  };
}

async function* empty(): AsyncGenerator<Buffer> {}

/** Re-chunks a byte stream into pieces of about CHUNK_SIZE (network reads arrive in small pieces). */
async function* gather(pieces: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let total = 0;
  for await (const piece of pieces) {
    if (piece.byteLength === 0) continue;
    if (total === 0 && piece.byteLength >= CHUNK_SIZE) {
      yield asBuffer(piece);
      continue;
    }
    pending.push(asBuffer(piece));
    total += piece.byteLength;
    if (total >= CHUNK_SIZE) {
      const chunk = Buffer.concat(pending, total);
      pending = [];
      total = 0;
      yield chunk;
    }
  }
  if (total > 0) yield Buffer.concat(pending, total);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function sortStrings(values: readonly string[]): string[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
