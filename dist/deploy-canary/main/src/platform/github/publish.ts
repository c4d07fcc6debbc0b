/**
 * Publishing an action's report: always to the job summary first, then, on a pull request and when
 * asked, as the action's sticky comment. A refused write (a fork's read-only token) leaves the
 * summary as the report's home and a warning in the log; it never fails the step.
 */
import type { Logger } from '../../core/logger.js';
import { createCompletedCheck, type CreatedCheck } from './checks.js';
import { createGitHubClient, type GitHubClient } from './client.js';
import { upsertStickyComment, type PostedComment } from './comments.js';
import type { RunContext } from './context.js';
import type { SummaryWriter } from './summary.js';
import { writeOrWarn } from './write-access.js';

export interface Report {
  /** The action that owns the report, e.g. `validate-data`. */
  action: string;
  /** Distinguishes several reports of one action on a PR (e.g. the model name). */
  key: string;
  markdown: string;
}

export interface PublishOptions {
  run: RunContext;
  summary: SummaryWriter;
  logger: Logger;
  /** Post the sticky comment (the action's `comment` input). */
  comment: boolean;
  token: string | undefined;
  /** A client the action already has; by default one is made from `token`. */
  client?: GitHubClient;
}

export interface Published {
  inSummary: boolean;
  comment?: PostedComment;
}

export async function publishReport(report: Report, options: PublishOptions): Promise<Published> {
  const { run, logger } = options;
  const inSummary = options.summary.append(report.markdown);
  if (!options.comment) return { inSummary };
  if (run.pullRequest === undefined || run.repository === undefined) {
    logger.info(`Not a pull request: the ${report.action} report is in the job summary only.`);
    return { inSummary };
  }
  if (options.token === undefined) {
    logger.warning(`No GitHub token: the ${report.action} report was not posted to the pull request. Set the github-token input.`);
    return { inSummary };
  }
  const client = options.client ?? createGitHubClient(options.token, { apiUrl: run.apiUrl, logger });
  const { repository, pullRequest } = run;
  const comment = await writeOrWarn(
    `post the ${report.action} comment on pull request #${pullRequest.number}`,
    'pull-requests',
    () =>
      upsertStickyComment(
        client,
        repository,
        pullRequest.number,
        { action: report.action, key: report.key, body: report.markdown, ...(run.runUrl === undefined ? {} : { fullReportUrl: run.runUrl }) },
        logger,
      ),
    logger,
  );
  return comment === undefined ? { inSummary } : { inSummary, comment };
}

export interface VerdictCheck {
  /** The check run's name, the one branch protection requires. */
  name: string;
  passed: boolean;
  /** The check run's title (one line). */
  title: string;
  /** The report, as the check run's summary. */
  markdown: string;
}

/**
 * Posts a completed check run on the commit under test (the pull request's head, else the run's
 * commit), concluding `success` or `failure`. A refused write warns (the job summary has the report);
 * outside a repository or without a token there is nothing to post to.
 */
export async function publishVerdictCheck(
  check: VerdictCheck,
  options: Pick<PublishOptions, 'run' | 'logger' | 'token' | 'client'>,
): Promise<CreatedCheck | undefined> {
  const { run, logger } = options;
  const headSha = run.pullRequest?.headSha ?? run.sha;
  if (run.repository === undefined || headSha === undefined) {
    logger.info(`Not in a GitHub repository run: no ${check.name} check run is posted.`);
    return undefined;
  }
  if (options.token === undefined) {
    logger.warning(`No GitHub token: the ${check.name} check run was not posted. Set the github-token input.`);
    return undefined;
  }
  const client = options.client ?? createGitHubClient(options.token, { apiUrl: run.apiUrl, logger });
  const title = check.title.length > 200 ? `${check.title.slice(0, 199)}…` : check.title;
  return writeOrWarn(
    `post the ${check.name} check run`,
    'checks',
    () =>
      createCompletedCheck(client, run.repository!, {
        name: check.name,
        headSha,
        conclusion: check.passed ? 'success' : 'failure',
        title,
        summary: check.markdown,
        ...(run.runUrl === undefined ? {} : { detailsUrl: run.runUrl }),
      }),
    logger,
  );
}
