/**
 * Opens the registry a `registry` input names: the one place that maps a URI to a backend, so the
 * actions and the CLI agree. `file://` and `s3://` need nothing else; `github` needs a token and a
 * repository (the workflow's own, or github://<owner>/<repo>); `sagemaker://` needs AWS credentials.
 */
import { EnvironmentError, InputError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { createFileStorage } from '../core/registry/file-storage.js';
import { IndexedRegistry } from '../core/registry/indexed-registry.js';
import type { ModelRegistry } from '../core/registry/types.js';
import { parseRegistryUri } from '../core/registry/uri.js';
import { createS3RegistryStorage } from './aws/s3-registry-storage.js';
import { createSageMakerRegistry } from './aws/sagemaker-registry.js';
import { createGitHubClient } from './github/client.js';
import type { RunContext } from './github/context.js';
import { createGitHubRegistryStorage } from './github/registry-storage.js';

export interface OpenRegistryOptions {
  /** The input's name, for messages: `Input "registry"`. */
  what: string;
  cwd: string;
  run: RunContext;
  token: string | undefined;
  logger: Logger;
}

export function openRegistry(uri: string, options: OpenRegistryOptions): ModelRegistry {
  const location = parseRegistryUri(uri, options.what, options.cwd);
  const indexed = { logger: options.logger };
  switch (location.kind) {
    case 'file':
      return new IndexedRegistry(createFileStorage(location.directory), indexed);
    case 's3':
      return new IndexedRegistry(createS3RegistryStorage({ bucket: location.bucket, prefix: location.prefix }), indexed);
    case 'github': {
      const repository = location.repository ?? options.run.repository;
      if (repository === undefined) {
        throw new InputError(`${options.what}: "github" means this repository's registry, but no repository is known here (GITHUB_REPOSITORY is unset); write github://<owner>/<repo>, or use file://<directory> locally.`);
      }
      if (options.token === undefined) {
        throw new EnvironmentError(`${options.what}: the github registry needs a token: pass github-token (the workflow's token with contents: write), or set GITHUB_TOKEN locally.`);
      }
      const client = createGitHubClient(options.token, { apiUrl: options.run.apiUrl, logger: options.logger });
      return new IndexedRegistry(
        createGitHubRegistryStorage({ client, repository, branch: location.branch, logger: options.logger, ...(options.run.defaultBranch === undefined ? {} : { defaultBranch: options.run.defaultBranch }) }),
        indexed,
      );
    }
    case 'sagemaker':
      return createSageMakerRegistry(location, { logger: options.logger });
  }
}
