/**
 * Amazon S3's conditional writes in front of s3rver, which ignores them.
 *
 * s3rver (the real S3 protocol server the tests use) accepts `If-None-Match: *` and `If-Match: <etag>`
 * on PutObject and overwrites the object anyway, so against it two registrations racing for one
 * version number would both "win". This loopback proxy sits between the SDK and s3rver and gives
 * conditional PUTs S3's semantics:
 *
 * - `If-None-Match: *` when the object exists → 412 PreconditionFailed;
 * - `If-Match: <etag>` when the object's ETag differs → 412 PreconditionFailed;
 * - `If-Match: <etag>` when there is no object → 404 NoSuchKey;
 * - otherwise the PUT is forwarded.
 *
 * Requests on one object are serialized (a per-key lock held from the request until s3rver's answer
 * has been passed on and, for writes, the object is really stored): a conditional PUT's ETag check
 * and its write are then atomic, as in S3, and a GET never sees a write half-done. The latter matters
 * as much: s3rver answers a PUT (and a CompleteMultipartUpload) before its write stream has flushed,
 * and writes the object in place, so a GET right after the answer can read a truncated object or the
 * old one under the new ETag; S3 guarantees read-after-write. After a successful write the proxy
 * therefore holds the key until the stored bytes hash to the ETag s3rver reported (`settle`).
 * Listings and bucket requests are not serialized. Requests are forwarded unchanged: method, path, headers (Host included, so s3rver verifies the
 * same SigV4 signature the SDK computed for the proxy's address) and a streamed body. Only the hop's
 * `Expect: 100-continue` is dropped: this server already answered it, and SigV4 never signs it.
 *
 * Path-style addressing only (`http://proxy/bucket/key`): point the SDK's endpoint at the proxy with
 * forcePathStyle.
 */
import { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse, Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadBucketCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';

/** A conditional PUT the proxy saw, and how it answered it. */
export interface ConditionalWrite {
  bucket: string;
  key: string;
  ifMatch?: string;
  ifNoneMatch?: string;
  /** 412 or 404 when the proxy refused it, 409 when a conflict was injected, else s3rver's status. */
  status: number;
}

export interface ConditionalS3Proxy {
  /** The URL to give the SDK as `endpoint`. */
  endpoint: string;
  /** Every conditional PUT, in the order the proxy decided them. */
  readonly writes: ConditionalWrite[];
  /** The next `count` conditional PUTs are answered 409 ConditionalRequestConflict, as S3 does when conditional writes race. */
  conflictNext(count?: number): void;
  stop(): Promise<void>;
}

export interface ProxyOptions {
  /** s3rver's endpoint. */
  upstream: string;
  /** Credentials s3rver accepts, for the proxy's own HeadObject requests. */
  credentials: { accessKeyId: string; secretAccessKey: string };
}

export async function startConditionalS3Proxy(options: ProxyOptions): Promise<ConditionalS3Proxy> {
  const upstream = new URL(options.upstream);
  const agent = new Agent({ keepAlive: true });
  const head = new S3Client({ endpoint: options.upstream, region: 'us-east-1', forcePathStyle: true, credentials: options.credentials, maxAttempts: 1 });
  const writes: ConditionalWrite[] = [];
  const locks = new Map<string, Promise<void>>();
  let conflicts = 0;

  /** Forwards the request to s3rver and streams the answer back; resolves when the answer is complete. */
  const forward = (incoming: IncomingMessage, response: ServerResponse): Promise<number> =>
    new Promise((resolve) => {
      const headers: IncomingHttpHeaders = { ...incoming.headers };
      delete headers.expect;
      const outgoing = request(
        { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers, agent },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
          answer.pipe(response);
          answer.on('end', () => resolve(answer.statusCode ?? 502));
          answer.on('error', () => {
            response.destroy();
            resolve(502);
          });
        },
      );
      outgoing.on('error', (error) => {
        if (!response.headersSent) sendError(response, 502, 'InternalError', `proxy: ${error.message}`);
        else response.destroy();
        resolve(502);
      });
      incoming.pipe(outgoing);
    });

  const notFound = (error: unknown): boolean => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;
  /** The object's ETag; undefined when there is no object; 'no-bucket' when there is no bucket (s3rver then answers NoSuchBucket itself). */
  const currentEtag = async (bucket: string, key: string): Promise<string | undefined> => {
    try {
      return (await head.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ETag;
    } catch (error) {
      if (!notFound(error)) throw error;
    }
    try {
      await head.send(new HeadBucketCommand({ Bucket: bucket }));
      return undefined;
    } catch (error) {
      if (notFound(error)) return NO_BUCKET;
      throw error;
    }
  };

  const conditionalPut = async (incoming: IncomingMessage, response: ServerResponse, bucket: string, key: string): Promise<void> => {
    const ifMatch = single(incoming.headers['if-match']);
    const ifNoneMatch = single(incoming.headers['if-none-match']);
    const record = (status: number): void => {
      writes.push({ bucket, key, ...(ifMatch === undefined ? {} : { ifMatch }), ...(ifNoneMatch === undefined ? {} : { ifNoneMatch }), status });
    };
    if (conflicts > 0) {
      conflicts -= 1;
      record(409);
      refuse(incoming, response, 409, 'ConditionalRequestConflict', 'A conflicting operation occurred. If using PutObject you can retry the request. If using multipart upload you should initiate another CreateMultipartUpload request and re-upload each part.', key);
      return;
    }
    const etag = await currentEtag(bucket, key);
    if (etag === NO_BUCKET) {
      record(await forward(incoming, response));
      return;
    }
    if (ifNoneMatch !== undefined && ifNoneMatch.trim() !== '*') {
      record(400);
      refuse(incoming, response, 400, 'InvalidArgument', 'If-None-Match on PutObject only accepts *', key);
      return;
    }
    if (ifNoneMatch !== undefined && etag !== undefined) {
      record(412);
      refuse(incoming, response, 412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', key, 'If-None-Match');
      return;
    }
    if (ifMatch !== undefined && etag === undefined) {
      record(404);
      refuse(incoming, response, 404, 'NoSuchKey', 'The specified key does not exist.', key);
      return;
    }
    if (ifMatch !== undefined && etag !== undefined && !sameEtag(ifMatch, etag)) {
      record(412);
      refuse(incoming, response, 412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', key, 'If-Match');
      return;
    }
    const status = await forward(incoming, response);
    record(status);
    if (status === 200) await settle(bucket, key);
  };

  /**
   * Waits until s3rver has really stored the object it has already answered for: its bytes hash to
   * the ETag (the MD5 s3rver computed, recorded in its metadata). Bounded: gives up after 5 s.
   */
  const settle = async (bucket: string, key: string): Promise<void> => {
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      try {
        const object = await head.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
        if (object.ETag?.replace(/"/g, '') === createHash('md5').update(bytes).digest('hex')) return;
      } catch {
        // A read of a file still being written can fail; try again.
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };

  const server = createServer((incoming, response) => {
    const path = (incoming.url ?? '/').split('?')[0] ?? '/';
    const slash = path.indexOf('/', 1);
    if (slash < 0 || slash === path.length - 1) {
      // The service or a bucket (listings, bucket creation): nothing to serialize.
      void forward(incoming, response);
      return;
    }
    const bucket = decodeURIComponent(path.slice(1, slash));
    const key = decodeURIComponent(path.slice(slash + 1));
    const conditional = incoming.method === 'PUT' && (incoming.headers['if-match'] !== undefined || incoming.headers['if-none-match'] !== undefined);
    const lockKey = `${bucket}/${key}`;
    const previous = locks.get(lockKey) ?? Promise.resolve();
    const current = previous.then(async () => {
      try {
        if (conditional) {
          await conditionalPut(incoming, response, bucket, key);
        } else {
          const query = new URLSearchParams((incoming.url ?? '').split('?')[1] ?? '');
          const isWrite = (incoming.method === 'PUT' && !query.has('partNumber')) || (incoming.method === 'POST' && query.has('uploadId'));
          const status = await forward(incoming, response);
          if (isWrite && status === 200) await settle(bucket, key);
        }
      } catch (error) {
        if (!response.headersSent) sendError(response, 500, 'InternalError', `proxy: ${(error as Error).message}`);
      }
    });
    locks.set(lockKey, current);
    void current.then(() => {
      if (locks.get(lockKey) === current) locks.delete(lockKey);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    writes,
    conflictNext(count = 1) {
      conflicts += count;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
      head.destroy();
    },
  };
}

const NO_BUCKET = 'no-bucket';

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** ETags compare without their quotes (and a weak `W/` marker), as S3 does. */
function sameEtag(a: string, b: string): boolean {
  const bare = (etag: string): string => etag.trim().replace(/^W\//, '').replace(/"/g, '');
  return a.trim() === '*' || bare(a) === bare(b);
}

/** Answers with S3's XML error body once the request body has been read (S3 reads it before answering). */
function refuse(incoming: IncomingMessage, response: ServerResponse, status: number, code: string, message: string, key: string, condition?: string): void {
  incoming.resume();
  incoming.on('end', () => {
    const extra = condition === undefined ? `<Key>${escapeXml(key)}</Key>` : `<Condition>${condition}</Condition>`;
    sendError(response, status, code, message, extra);
  });
}

function sendError(response: ServerResponse, status: number, code: string, message: string, extra = ''): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>${extra}<RequestId>CD4MLPROXY</RequestId><HostId>cd4ml-conditional-s3-proxy</HostId></Error>`;
  response.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body), 'x-amz-request-id': 'CD4MLPROXY' });
  response.end(body);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
