/**
 * What drift sets off: the sticky drift issue (opened or updated on drift, closed with a note when
 * the drift is gone) and the retraining workflow's dispatch. Refused writes (a token without
 * `issues: write` or `actions: write`) warn; the job summary has the report either way.
 */
import type { Logger } from '../../core/logger.js';
import { createGitHubClient } from '../../platform/github/client.js';
import type { RunContext } from '../../platform/github/context.js';
import { dispatchWorkflow } from '../../platform/github/dispatch.js';
import { closeStickyIssue, upsertStickyIssue } from '../../platform/github/issues.js';
import { writeOrWarn } from '../../platform/github/write-access.js';

export const DRIFT_LABEL = 'cd4ml-drift';

export interface DriftOutcome {
  drifted: boolean;
  /** One line: how many columns drifted. */
  verdict: string;
  markdown: string;
  reportPath: string;
  /** What the issue is about (the reference), one issue per key. */
  key: string;
  onDrift: ReadonlySet<string>;
  workflow: string | undefined;
  ref: string | undefined;
}

/** The drift issue's title and body (before its marker) for a report on `key` (the reference). */
export function driftIssueText(markdown: string, key: string, runUrl: string | undefined): { title: string; body: string } {
  const where = runUrl === undefined ? 'this run' : `[this run](${runUrl})`;
  return {
    title: `Data drift against ${key}`,
    body: `${markdown}\n\n_Updated by ${where}. This issue closes itself when a later check finds no dataset drift._`,
  };
}

/**
 * The inputs the retraining workflow is started with; it must declare them (GitHub refuses others):
 * `summary`, the drift verdict, and `drift-run`, the URL of the run whose job summary has the report.
 */
export function retrainInputs(outcome: Pick<DriftOutcome, 'verdict'>, runUrl: string | undefined): Record<string, string> {
  return { summary: outcome.verdict, ...(runUrl === undefined ? {} : { 'drift-run': runUrl }) };
}

export async function actOnDrift(outcome: DriftOutcome, options: { run: RunContext; token: string | undefined; logger: Logger }): Promise<void> {
  const { run, logger } = options;
  const wantsIssue = outcome.onDrift.has('issue');
  const wantsDispatch = outcome.drifted && outcome.onDrift.has('dispatch');
  if (!wantsIssue && !wantsDispatch) return;
  if (run.repository === undefined || options.token === undefined) {
    logger.warning('No repository or GitHub token: the drift issue and the retraining dispatch were skipped. Set the github-token input.');
    return;
  }
  const repo = run.repository;
  const client = createGitHubClient(options.token, { apiUrl: run.apiUrl, logger });
  const issue = { action: 'check-drift', key: outcome.key, labels: [DRIFT_LABEL] };
  const where = run.runUrl === undefined ? 'this run' : `[this run](${run.runUrl})`;
  if (wantsIssue && outcome.drifted) {
    const text = driftIssueText(outcome.markdown, outcome.key, run.runUrl);
    await writeOrWarn('open or update the drift issue', 'issues', () => upsertStickyIssue(client, repo, { ...issue, ...text }, logger), logger);
  } else if (wantsIssue) {
    await writeOrWarn('close the drift issue', 'issues', () => closeStickyIssue(client, repo, issue, `No dataset drift any more in ${where}: ${outcome.verdict}. Closing.`, logger), logger);
  }
  if (wantsDispatch) {
    const ref = outcome.ref ?? run.defaultBranch ?? run.refName;
    if (ref === undefined) {
      logger.warning('No ref to run the retraining workflow on: set the retrain-ref input.');
      return;
    }
    const started = await writeOrWarn(
      `start ${outcome.workflow}`,
      'actions',
      async () => {
        await dispatchWorkflow(client, repo, { workflow: outcome.workflow!, ref, inputs: retrainInputs(outcome, run.runUrl) });
        return true;
      },
      logger,
    );
    if (started === true) logger.info(`Started ${outcome.workflow} on ${ref}.`);
  }
}
