/** The AWS settings in process.env for tests that run the SDK in-process: isolated from the machine, then restored. */
import { join } from 'node:path';
import { S3RVER_CREDENTIALS } from './s3rver.js';

/** What the SDK reads from the environment (endpoints, credentials, region, shared files, metadata), cleared before a test sets its own. */
export const AWS_ENV_KEYS = [
  'AWS_ENDPOINT_URL_S3',
  'AWS_ENDPOINT_URL_SAGEMAKER',
  'AWS_ENDPOINT_URL',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
] as const;

/**
 * Clears AWS_ENV_KEYS and keeps the SDK off the machine's own configuration (shared config and
 * credentials files that do not exist under `dir`, no instance metadata), then sets `env`. Returns
 * the function that puts every variable it touched back as it was.
 */
export function isolateAwsEnv(dir: string, env: Record<string, string> = {}): () => void {
  const saved = new Map([...AWS_ENV_KEYS, ...Object.keys(env)].map((key) => [key, process.env[key]]));
  for (const key of AWS_ENV_KEYS) delete process.env[key];
  process.env.AWS_CONFIG_FILE = join(dir, 'no-config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'no-credentials');
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  Object.assign(process.env, env);
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/** Signs requests with s3rver's key pair. */
export function setS3rverCredentials(): void {
  process.env.AWS_ACCESS_KEY_ID = S3RVER_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = S3RVER_CREDENTIALS.secretAccessKey;
}
