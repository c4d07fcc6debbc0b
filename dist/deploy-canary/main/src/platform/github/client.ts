/**
 * The one way the project builds a GitHub client: Octokit from @actions/github (honours
 * GITHUB_API_URL and the runner's proxy settings) with retries of transient failures and GitHub's
 * rate-limit rules (primary and secondary limits wait and retry, as GitHub asks integrators to).
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from '../../core/logger.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface GitHubClientOptions {
  apiUrl: string;
  logger: Logger;
  /** Retries of a request that failed with a 5xx or a network error. */
  retries?: number;
  /** Times a rate-limited request is retried after GitHub's `retry-after`. */
  rateLimitRetries?: number;
  /**
   * GitHub's pacing (one write per second, rate-limit waits); on by default. Off suits a server
   * without rate limits, such as a GHES instance with them disabled or a test double.
   */
  throttle?: boolean;
}

export function createGitHubClient(token: string, options: GitHubClientOptions): GitHubClient {
  const { logger } = options;
  const rateLimitRetries = options.rateLimitRetries ?? 2;
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const again = retryCount < rateLimitRetries;
    logger.warning(
      `GitHub ${kind} rate limit hit by ${request.method} ${request.url}; ${again ? `retrying in ${retryAfter} s` : 'giving up'}.`,
    );
    return again;
  };
  return getOctokit(
    token,
    {
      baseUrl: options.apiUrl,
      retry: { retries: options.retries ?? 3 },
      throttle: { enabled: options.throttle ?? true, onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
    },
    retry,
    throttling,
  );
}
