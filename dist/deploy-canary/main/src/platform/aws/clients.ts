/**
 * The one place AWS SDK clients are built, so every client agrees on region, endpoint and retries.
 *
 * Region: the `region` option, else `AWS_REGION`, else `AWS_DEFAULT_REGION`, else `us-east-1`.
 * Credentials: the SDK's default chain (environment variables as set by
 * aws-actions/configure-aws-credentials, web identity, shared files, instance roles).
 * Endpoint: the SDK itself honours `AWS_ENDPOINT_URL_<SERVICE>` (e.g. `AWS_ENDPOINT_URL_S3`) and
 * `AWS_ENDPOINT_URL`. When one of them is set for S3, the S3 client uses path-style addressing
 * (`http://host:port/bucket/key`), which local and self-hosted S3 servers (MinIO, LocalStack, s3rver)
 * need; against AWS itself, virtual-hosted addressing stays the default.
 */
import { S3Client } from '@aws-sdk/client-s3';

export const DEFAULT_REGION = 'us-east-1';

export interface AwsClientOptions {
  /** Overrides the region from the environment. */
  region?: string;
  /** The environment to read; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
}

/** The region a client should use. */
export function awsRegion(options: AwsClientOptions = {}): string {
  const env = options.env ?? process.env;
  return nonEmpty(options.region) ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION) ?? DEFAULT_REGION;
}

/**
 * The endpoint URL configured for a service through the environment (`AWS_ENDPOINT_URL_S3`, then
 * `AWS_ENDPOINT_URL`), as the SDK will use it; undefined when none is, or when
 * `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` tells the SDK to ignore them.
 */
export function configuredEndpoint(service: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true') return undefined;
  const suffix = service.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return nonEmpty(env[`AWS_ENDPOINT_URL_${suffix}`]) ?? nonEmpty(env.AWS_ENDPOINT_URL);
}

/** An S3 client; path-style addressing when a custom endpoint is configured. */
export function s3Client(options: AwsClientOptions = {}): S3Client {
  const env = options.env ?? process.env;
  const custom = configuredEndpoint('S3', env) !== undefined;
  return new S3Client({
    region: awsRegion(options),
    maxAttempts: 3,
    ...(custom ? { forcePathStyle: true } : {}),
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
