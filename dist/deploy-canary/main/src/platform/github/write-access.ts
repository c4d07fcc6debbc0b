/**
 * Writes to GitHub that the job must survive without. A pull request from a fork runs with a
 * read-only GITHUB_TOKEN, and a workflow may not grant `pull-requests: write` or `checks: write`:
 * GitHub answers 403. The report is already in the job summary, so the action warns and goes on.
 */
import type { Logger } from '../../core/logger.js';

/** An Octokit RequestError (matched by shape, so it holds across bundled copies) with status 403. */
export function isWriteRefused(error: unknown): error is Error & { status: 403 } {
  if (!(error instanceof Error) || (error as { status?: unknown }).status !== 403) return false;
  return !/rate limit/i.test(error.message); // an exhausted rate limit is a failure, not a permission

}

/**
 * Runs `write`; on a 403 logs a warning that names `what` and returns undefined. Other errors
 * propagate: they are real failures.
 */
export async function writeOrWarn<T>(
  what: string,
  permission: 'pull-requests' | 'checks' | 'statuses' | 'issues' | 'contents' | 'deployments' | 'actions',
  write: () => Promise<T>,
  logger: Logger,
): Promise<T | undefined> {
  try {
    return await write();
  } catch (error) {
    if (!isWriteRefused(error)) throw error;
    logger.warning(
      `Could not ${what}: GitHub refused the write (403: ${error.message}). The report is in the job summary. ` +
        `A pull request from a fork gets a read-only token; otherwise grant the job \`${permission}: write\`.`,
    );
    return undefined;
  }
}
