/**
 * Sticky issues: one open issue per (action, key) — e.g. check-drift's per model — found again by the
 * hidden marker in its body (as sticky comments are), updated in place on later runs, and closed with
 * a note once the condition is gone. Only issues opened by the token's own account count, and only
 * open ones: a closed issue stays closed, and the next occurrence opens a new one.
 */
import type { Logger } from '../../core/logger.js';
import { fitToLimit } from '../../core/report/fit.js';
import type { GitHubClient } from './client.js';
import { stickyMarker } from './comments.js';
import type { RepositoryRef } from './context.js';
import { tokenLogin } from './identity.js';
import { COMMENT_BODY_LIMIT } from './limits.js';

export interface StickyIssue {
  action: string;
  key: string;
  title: string;
  body: string;
  /** Labels for a new issue; also how open issues are searched (the first label). */
  labels: string[];
}

export interface PostedIssue {
  number: number;
  url: string;
  created: boolean;
}

async function findOwnIssue(client: GitHubClient, repo: RepositoryRef, issue: Pick<StickyIssue, 'action' | 'key' | 'labels'>): Promise<{ number: number; url: string } | undefined> {
  const login = await tokenLogin(client);
  const marker = stickyMarker(issue.action, issue.key);
  const label = issue.labels[0];
  const pages = client.paginate.iterator(client.rest.issues.listForRepo, {
    ...repo,
    state: 'open',
    per_page: 100,
    ...(label === undefined ? {} : { labels: label }),
  });
  for await (const page of pages) {
    const ours = page.data.find((item) => item.pull_request === undefined && item.user?.login === login && item.body?.includes(marker) === true);
    if (ours !== undefined) return { number: ours.number, url: ours.html_url };
  }
  return undefined;
}

/** The issue body: the marker on the first line, then the report, trimmed to GitHub's limit. */
export function stickyIssueBody(issue: Pick<StickyIssue, 'action' | 'key' | 'body'>, logger: Logger): string {
  const marker = stickyMarker(issue.action, issue.key);
  const fitted = fitToLimit(issue.body, COMMENT_BODY_LIMIT - marker.length - 1, '> [!WARNING]\n> This report was trimmed to fit GitHub\'s size limit; the job summary of the run has it in full.');
  if (fitted.trimmed) logger.warning(`The ${issue.action} issue was trimmed to GitHub's size limit.`);
  return `${marker}\n${fitted.text}`;
}

/** Opens the issue, or updates the open one this account opened before with the same marker. */
export async function upsertStickyIssue(client: GitHubClient, repo: RepositoryRef, issue: StickyIssue, logger: Logger): Promise<PostedIssue> {
  const body = stickyIssueBody(issue, logger);
  const existing = await findOwnIssue(client, repo, issue);
  if (existing !== undefined) {
    await client.rest.issues.update({ ...repo, issue_number: existing.number, title: issue.title, body });
    logger.info(`Updated issue #${existing.number}: ${existing.url}`);
    return { ...existing, created: false };
  }
  const { data } = await client.rest.issues.create({ ...repo, title: issue.title, body, labels: issue.labels });
  logger.info(`Opened issue #${data.number}: ${data.html_url}`);
  return { number: data.number, url: data.html_url, created: true };
}

/** Closes the open sticky issue, if there is one, after commenting `note`; returns its number. */
export async function closeStickyIssue(
  client: GitHubClient,
  repo: RepositoryRef,
  issue: Pick<StickyIssue, 'action' | 'key' | 'labels'>,
  note: string,
  logger: Logger,
): Promise<PostedIssue | undefined> {
  const existing = await findOwnIssue(client, repo, issue);
  if (existing === undefined) return undefined;
  await client.rest.issues.createComment({ ...repo, issue_number: existing.number, body: note });
  await client.rest.issues.update({ ...repo, issue_number: existing.number, state: 'closed', state_reason: 'completed' });
  logger.info(`Closed issue #${existing.number}: ${existing.url}`);
  return { ...existing, created: false };
}
