/**
 * The `github` registry backend: a `RegistryStorage` for `IndexedRegistry` with nothing to host.
 *
 * - The index of model `<name>` is `<name>/index.json` on a dedicated orphan branch (`cd4ml-registry`
 *   unless the URI says `?branch=`), written through the contents API with the file's blob sha as
 *   the compare-and-swap token (registry-branch.ts).
 * - The files of version N are the assets of the release tagged `model/<name>/vN`, a draft until the
 *   index names the version, then published with the model card as its notes (release-assets.ts).
 *
 * The token needs `contents: write` to register and move aliases, `contents: read` to resolve and
 * download (drafts, i.e. registrations in flight, are visible only with push access).
 */
import type { Logger } from '../../core/logger.js';
import type { RegistryStorage } from '../../core/registry/types.js';
import { DEFAULT_REGISTRY_BRANCH } from '../../core/registry/uri.js';
import type { GitHubClient } from './client.js';
import type { RepositoryRef } from './context.js';
import { registryBranch } from './registry-branch.js';
import { releaseAssets } from './release-assets.js';

export { assetName, releaseTag, RELEASE_BODY_LIMIT } from './release-assets.js';
export { BRANCH_README, indexPath } from './registry-branch.js';

export interface GitHubRegistryStorageOptions {
  client: GitHubClient;
  repository: RepositoryRef;
  /** The branch that holds the index; `cd4ml-registry` by default. */
  branch?: string;
  /** Where a release is tagged when the registration names no commit (else GitHub's default branch). */
  defaultBranch?: string;
  logger: Logger;
}

export function createGitHubRegistryStorage(options: GitHubRegistryStorageOptions): RegistryStorage {
  const branch = options.branch ?? DEFAULT_REGISTRY_BRANCH;
  const { owner, repo } = options.repository;
  const description = `github://${owner}/${repo}${branch === DEFAULT_REGISTRY_BRANCH ? '' : `?branch=${branch}`}`;
  const target = { client: options.client, repository: options.repository, description, logger: options.logger };
  const index = registryBranch(target, branch);
  const assets = releaseAssets(target, options.defaultBranch === undefined ? {} : { defaultBranch: options.defaultBranch });
  return {
    description,
    readIndex: (name) => index.readIndex(name),
    writeIndex: (name, text, token) => index.writeIndex(name, text, token),
    models: () => index.models(),
    putFiles: (name, version, files, context) => assets.putFiles(name, version, files, context),
    publish: (name, version, context) => assets.publish(name, version, context),
    readFile: (file) => assets.readFile(file),
    downloadFile: (file, destination) => assets.downloadFile(file, destination),
  };
}
