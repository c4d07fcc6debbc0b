/**
 * Sticky pull request comments: one comment per (action, key), found again by a hidden HTML marker
 * and updated in place, so a PR shows the latest report instead of a pile of old ones.
 *
 * Only comments written by the token's own account count: anyone can paste the marker into a
 * comment, and such a comment is never edited. All pages of comments are searched (a long review
 * can have hundreds), stopping at the first page that has ours.
 */
import type { Logger } from '../../core/logger.js';
import { fitToLimit } from '../../core/report/fit.js';
import type { GitHubClient } from './client.js';
import type { RepositoryRef } from './context.js';
import { tokenLogin } from './identity.js';
import { COMMENT_BODY_LIMIT } from './limits.js';

export interface StickyComment {
  /** The action that owns the comment, e.g. `evaluate-gate`. */
  action: string;
  /** Distinguishes several comments of one action on a PR, e.g. the model name. */
  key: string;
  body: string;
  /** Where the full report is when the body must be trimmed (the run's job summary). */
  fullReportUrl?: string;
}

export interface PostedComment {
  id: number;
  url: string;
  created: boolean;
  trimmed: boolean;
}

/**
 * The hidden marker; HTML comments do not render on GitHub. Characters that could end the comment
 * early (`-`, `>`) or break the line are replaced in the key.
 */
export function stickyMarker(action: string, key: string): string {
  return `<!-- cd4ml:${action}:${key.replace(/[^A-Za-z0-9_.:/@]/g, '_')} -->`;
}

function trimNotice(url: string | undefined): string {
  const where = url === undefined ? 'the job summary of this run' : `the [job summary](${url})`;
  return `> [!WARNING]\n> This report was trimmed to fit GitHub's limit of ${COMMENT_BODY_LIMIT.toLocaleString('en-US')} characters for a comment. The full report is in ${where}.`;
}

/** The comment body: the marker on the first line, then the report, trimmed to GitHub's limit. */
export function stickyBody(comment: StickyComment): { body: string; trimmed: boolean } {
  const marker = stickyMarker(comment.action, comment.key);
  const fitted = fitToLimit(comment.body, COMMENT_BODY_LIMIT - marker.length - 1, trimNotice(comment.fullReportUrl));
  return { body: `${marker}\n${fitted.text}`, trimmed: fitted.trimmed };
}

async function findOwnComment(
  client: GitHubClient,
  repo: RepositoryRef,
  issueNumber: number,
  marker: string,
  login: string,
): Promise<number | undefined> {
  const pages = client.paginate.iterator(client.rest.issues.listComments, {
    ...repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    const ours = page.data.find((comment) => comment.user?.login === login && comment.body?.includes(marker) === true);
    if (ours !== undefined) return ours.id;
  }
  return undefined;
}

/** Creates the comment, or updates the one this account wrote before with the same marker. */
export async function upsertStickyComment(
  client: GitHubClient,
  repo: RepositoryRef,
  issueNumber: number,
  comment: StickyComment,
  logger: Logger,
): Promise<PostedComment> {
  const login = await tokenLogin(client);
  const { body, trimmed } = stickyBody(comment);
  if (trimmed) logger.warning(`The ${comment.action} comment was trimmed to GitHub's comment size limit.`);
  const existing = await findOwnComment(client, repo, issueNumber, stickyMarker(comment.action, comment.key), login);
  if (existing !== undefined) {
    const { data } = await client.rest.issues.updateComment({ ...repo, comment_id: existing, body });
    logger.info(`Updated the ${comment.action} comment: ${data.html_url}`);
    return { id: data.id, url: data.html_url, created: false, trimmed };
  }
  const { data } = await client.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
  logger.info(`Posted the ${comment.action} comment: ${data.html_url}`);
  return { id: data.id, url: data.html_url, created: true, trimmed };
}
