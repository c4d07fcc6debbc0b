/**
 * The GitHub registry's index: one file per model, `<name>/index.json`, on a dedicated orphan branch
 * (`cd4ml-registry` by default) that shares no history with the code. The contents API is the
 * compare-and-swap: a write quotes the blob sha it read, and GitHub refuses it (409 "<path> does not
 * match <sha>", or 422 "\"sha\" wasn't supplied." when the file appeared meanwhile) if another writer
 * came first. The branch is made on the first write: a tree with a README saying what the branch is,
 * a root commit, and the ref; a concurrent creator's 422 "Reference already exists" is a win too.
 */
import { InputError, ServiceError, isCd4mlError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { IndexSnapshot } from '../../core/registry/types.js';
import type { GitHubClient } from './client.js';
import type { RepositoryRef } from './context.js';

/** Where the registry lives, and how to say so in messages. */
export interface RegistryTarget {
  client: GitHubClient;
  repository: RepositoryRef;
  /** `github://owner/repo`, with `?branch=` when not the default. */
  description: string;
  logger: Logger;
}

export const INDEX_FILE = 'index.json';

export const BRANCH_README = `# cd4ml model registry

This branch holds the index of the cd4ml model registry (cd4ml-actions), one file per model:
\`<model>/index.json\` lists the model's versions, the aliases (\`staging\`, \`production\` …) and
every move of an alias, with who moved it, when and from which run.

The model files themselves are release assets: version N of model \`<model>\` is the release
tagged \`model/<model>/vN\` (a draft until the index names it).

The register-model action and the \`cd4ml registry\` command write this branch; do not edit it by
hand. It shares no history with the code, so never merge it: a registry index restored from an
older commit of this branch is the way back from a mistake.
`;

export function indexPath(name: string): string {
  return `${name}/${INDEX_FILE}`;
}

/** The HTTP status of an Octokit RequestError, matched by shape (bundles can hold several copies). */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** GitHub's own message, without Octokit's " - <documentation url>" suffix. */
export function messageOf(error: unknown): string {
  const data = (error as { response?: { data?: unknown } } | null)?.response?.data;
  const message = (data as { message?: unknown } | null | undefined)?.message;
  const text = typeof message === 'string' ? message : error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim();
}

/** The `errors` GitHub lists with a 422 Validation Failed, as `field code` strings. */
export function validationErrors(error: unknown): string[] {
  const data = (error as { response?: { data?: unknown } } | null)?.response?.data;
  const errors = (data as { errors?: unknown } | null | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((item) => {
    const { field, code, message } = (item ?? {}) as { field?: unknown; code?: unknown; message?: unknown };
    return [field, code, message].filter((part) => typeof part === 'string').join(' ');
  });
}

/**
 * A GitHub failure as the one-line error a user can act on: what failed, GitHub's answer, and the
 * fix (the permission the token lacks, the repository to check). Errors that are not GitHub's
 * answers (bugs) pass through unchanged.
 */
export function gitHubFailure(error: unknown, target: RegistryTarget, what: string, access: 'read' | 'write'): Error {
  if (isCd4mlError(error)) return error;
  const status = statusOf(error);
  if (status === undefined) return error instanceof Error ? error : new Error(String(error));
  const { owner, repo } = target.repository;
  const answer = `GitHub answered ${status}: ${messageOf(error)}`;
  if (status === 401) return new ServiceError(`Could not ${what} in ${target.description}: ${answer}. The token is invalid or expired; pass a valid github-token.`);
  if ((status === 403 || status === 429) && /rate limit/i.test(messageOf(error))) {
    return new ServiceError(`Could not ${what} in ${target.description}: ${answer}. Run again once the rate limit resets.`);
  }
  if (status === 403) {
    return new ServiceError(
      access === 'write'
        ? `Could not ${what} in ${target.description}: ${answer}. The token needs \`contents: write\` on ${owner}/${repo} (add \`permissions: contents: write\` to the job); a pull request from a fork gets a read-only token and cannot register models.`
        : `Could not ${what} in ${target.description}: ${answer}. The token needs \`contents: read\` on ${owner}/${repo}.`,
    );
  }
  if (status === 404) {
    return new InputError(
      `Could not ${what} in ${target.description}: ${answer}. Check that the registry names an existing repository (github://<owner>/<repo>) and that the token can see it; a private repository looks missing to a token without access.`,
    );
  }
  return new ServiceError(`Could not ${what} in ${target.description}: ${answer}. Run again; if it persists, check https://www.githubstatus.com.`);
}

export interface RegistryBranch {
  readIndex(name: string): Promise<IndexSnapshot>;
  writeIndex(name: string, text: string, token: string | undefined): Promise<boolean>;
  models(): Promise<string[]>;
}

export function registryBranch(target: RegistryTarget, branch: string): RegistryBranch {
  const { client, repository: repo, logger } = target;
  const failure = (error: unknown, what: string, access: 'read' | 'write') => gitHubFailure(error, target, what, access);

  /** The text of a blob; the contents API leaves out files over 1 MB, the blobs API has them. */
  async function blobText(sha: string, path: string): Promise<string> {
    try {
      const { data } = await client.rest.git.getBlob({ ...repo, file_sha: sha, mediaType: { format: 'raw' } });
      const raw: unknown = data;
      if (typeof raw === 'string') return raw;
      if (raw instanceof ArrayBuffer) return Buffer.from(raw).toString('utf8');
      throw new ServiceError(`GitHub answered the raw blob of ${path} on ${branch} in ${target.description} with JSON; run again.`);
    } catch (error) {
      throw failure(error, `read the registry index ${path} (blob ${sha}) on branch ${branch}`, 'read');
    }
  }

  async function readIndex(name: string): Promise<IndexSnapshot> {
    const path = indexPath(name);
    let data: unknown;
    try {
      ({ data } = await client.rest.repos.getContent({ ...repo, path, ref: branch }));
    } catch (error) {
      // No such file, or no branch yet ("No commit found for the ref"): the model has no index.
      if (statusOf(error) === 404) return { text: undefined, token: undefined };
      throw failure(error, `read the registry index ${path} on branch ${branch}`, 'read');
    }
    const file = data as { type?: unknown; sha?: unknown; content?: unknown; encoding?: unknown; size?: unknown };
    if (Array.isArray(data) || file.type !== 'file' || typeof file.sha !== 'string') {
      throw new ServiceError(`${target.description}: ${path} on branch ${branch} is not a file; the registry branch was edited by hand. Restore it from the branch's history.`);
    }
    // Over 1 MB the JSON form has no content (encoding "none"): read the blob itself.
    const inline = file.encoding === 'base64' && typeof file.content === 'string';
    const text = inline ? Buffer.from(file.content as string, 'base64').toString('utf8') : await blobText(file.sha, path);
    return { text, token: file.sha };
  }

  /** Whether the branch exists: a 404 from the ref means it does not (or the repository is not there). */
  async function branchExists(): Promise<boolean> {
    try {
      await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw failure(error, `look up the registry branch ${branch}`, 'read');
    }
  }

  /** Makes the registry branch: an orphan commit holding only the README. */
  async function createBranch(): Promise<void> {
    const what = `create the registry branch ${branch}`;
    let commit: string;
    try {
      const { data: tree } = await client.rest.git.createTree({ ...repo, tree: [{ path: 'README.md', mode: '100644', type: 'blob', content: BRANCH_README }] });
      ({ data: { sha: commit } } = await client.rest.git.createCommit({ ...repo, message: `registry: create the ${branch} branch`, tree: tree.sha, parents: [] }));
    } catch (error) {
      if (statusOf(error) === 409) {
        throw new InputError(`Could not ${what} in ${target.description}: ${messageOf(error)}. The repository has no commits yet; push a first commit, then run again.`);
      }
      throw failure(error, what, 'write');
    }
    try {
      await client.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: commit });
      logger.info(`Created the registry branch ${branch} in ${repo.owner}/${repo.repo}: an orphan branch that holds only the registry index.`);
    } catch (error) {
      if (statusOf(error) === 422 && /already exists/i.test(messageOf(error))) return; // a concurrent writer made it first
      if (statusOf(error) === 422) {
        throw new InputError(`Could not ${what} in ${target.description}: ${messageOf(error)}. Name a valid git branch with ?branch= in the registry URI.`);
      }
      throw failure(error, what, 'write');
    }
  }

  /** One compare-and-swap write: true when written, false when another writer came first. */
  async function put(name: string, text: string, token: string | undefined): Promise<boolean | 'no-branch'> {
    const path = indexPath(name);
    try {
      await client.rest.repos.createOrUpdateFileContents({
        ...repo,
        path,
        branch,
        message: `registry: ${name} index`,
        content: Buffer.from(text, 'utf8').toString('base64'),
        ...(token === undefined ? {} : { sha: token }),
        // A lost race is answered at once: the caller rereads; Octokit's retries would resend a stale sha.
        request: { retries: 0 },
      });
      return true;
    } catch (error) {
      const status = statusOf(error);
      const message = messageOf(error);
      if (status === 409 && /pull request|protected|rule/i.test(message)) {
        throw new ServiceError(
          `Could not write the registry index ${path} to branch ${branch} in ${target.description}: GitHub answered 409: ${message}. The registry branch must not be protected by rules that require pull requests; exempt ${branch}, or name another branch with ?branch=.`,
        );
      }
      // 409: the sha is stale, or the branch moved under a concurrent write.
      if (status === 409) return false;
      // 422 "sha" wasn't supplied: the file appeared since it was read.
      if (status === 422 && /\bsha\b/i.test(message)) return false;
      if (status === 404) return 'no-branch';
      // A gateway error leaves it unknown whether the write landed: read again and see.
      if (status !== undefined && status >= 500) {
        logger.warning(`Writing the registry index ${path} to ${branch} failed (${status}: ${message}); reading it again to retry.`);
        return false;
      }
      throw failure(error, `write the registry index ${path} to branch ${branch}`, 'write');
    }
  }

  return {
    readIndex,

    async writeIndex(name, text, token) {
      const written = await put(name, text, token);
      if (written !== 'no-branch') return written;
      // GitHub answers 404 for a branch that does not exist yet (and for a repository it cannot see).
      // A branch that exists now was made by a concurrent writer since: a lost race, read again.
      if (await branchExists()) return false;
      await createBranch();
      const again = await put(name, text, token);
      if (again === 'no-branch') {
        throw new ServiceError(`Could not write the registry index ${indexPath(name)} in ${target.description}: GitHub answered 404 for the branch ${branch} it had just created. Run again.`);
      }
      return again;
    },

    async models() {
      let commit: string;
      try {
        ({ data: { object: { sha: commit } } } = await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` }));
      } catch (error) {
        if (statusOf(error) !== 404) throw failure(error, `look up the registry branch ${branch}`, 'read');
        // No branch yet means no models, unless the repository itself is missing.
        try {
          await client.rest.repos.get({ ...repo });
        } catch (inner) {
          throw failure(inner, 'list the models', 'read');
        }
        return [];
      }
      try {
        const { data } = await client.rest.git.getTree({ ...repo, tree_sha: commit, recursive: '1' });
        if (data.truncated) logger.warning(`The registry branch ${branch} has more entries than GitHub lists in one tree; some models may be missing from the list.`);
        const names = data.tree.map((entry) => (entry.type === 'blob' ? new RegExp(`^([^/]+)/${INDEX_FILE.replace('.', '\\.')}$`).exec(entry.path ?? '')?.[1] : undefined));
        return names.filter((name): name is string => name !== undefined).sort();
      } catch (error) {
        throw failure(error, `list the models on branch ${branch}`, 'read');
      }
    },
  };
}
