/** Commit statuses: a lighter verdict than a check run, for tokens or setups that prefer them. */
import type { GitHubClient } from './client.js';
import type { RepositoryRef } from './context.js';
import { STATUS_DESCRIPTION_LIMIT } from './limits.js';

export interface CommitStatus {
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  /** The status name a branch protection rule requires, e.g. `cd4ml/evaluate-gate`. */
  context: string;
  description: string;
  targetUrl?: string;
}

function shorten(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

export async function setCommitStatus(client: GitHubClient, repo: RepositoryRef, status: CommitStatus): Promise<number> {
  const { data } = await client.rest.repos.createCommitStatus({
    ...repo,
    sha: status.sha,
    state: status.state,
    context: status.context,
    description: shorten(status.description, STATUS_DESCRIPTION_LIMIT),
    ...(status.targetUrl === undefined ? {} : { target_url: status.targetUrl }),
  });
  return data.id;
}
