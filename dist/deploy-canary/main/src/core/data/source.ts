/**
 * Where data bytes come from: a local file or an object in a store (S3). Readers only see this
 * interface, so core never imports a cloud SDK; the S3 implementation lives in src/platform/aws.
 */

/** An object store as core needs it: list, size, stream and ranged reads. */
export interface ObjectStore {
  /** Keys under `prefix` (all pages), in lexicographic order. */
  list(bucket: string, prefix: string): Promise<string[]>;
  /** The object's size in bytes; a ServiceError naming the URI when it cannot be read. */
  size(bucket: string, key: string): Promise<number>;
  /** Streams the object, or bytes [start, end) of it. */
  stream(bucket: string, key: string, range?: ByteRange): AsyncIterable<Uint8Array>;
}

export interface ByteRange {
  start: number;
  /** Exclusive; to the end when absent. */
  end?: number;
}

/** One file or object to read. */
export interface ByteSource {
  /** The path or URI as the user wrote it (or as a glob expanded it), for messages and reports. */
  readonly name: string;
  /** Size in bytes. */
  readonly size: number;
  /** True for a local file (parallel byte-range reads pay off; a worker thread can open it itself). */
  readonly local: boolean;
  /** A local file's absolute path, which worker threads open (whatever their working directory). */
  readonly path?: string;
  /** Streams the bytes in chunks of about 1 MiB, optionally only a range. */
  stream(range?: ByteRange): AsyncIterable<Buffer>;
  /** Reads bytes [start, end) at once (Parquet footers and column chunks). */
  read(start: number, end: number): Promise<Buffer>;
  /**
   * Positioned reads into the caller's buffers (local files): readers that reuse their buffers and
   * read the next chunk while parsing the current one use it instead of stream().
   */
  openReader?(): Promise<PositionalReader>;
}

/** An open file for positioned reads; close it when done. */
export interface PositionalReader {
  /** Reads up to `length` bytes at `position` into target[offset…]; fewer only at the end of the file. */
  read(target: Buffer, offset: number, length: number, position: number): Promise<number>;
  close(): Promise<void>;
}
