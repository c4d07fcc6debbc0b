/**
 * Check runs: the verdict a branch protection rule can require. A check run is created completed,
 * with its report as the output summary; annotations go 50 per request (GitHub's limit), the first
 * batch with the create call and the rest as updates of the same run.
 */
import { fitToLimit } from '../../core/report/fit.js';
import type { GitHubClient } from './client.js';
import type { RepositoryRef } from './context.js';
import { CHECK_ANNOTATIONS_PER_REQUEST, CHECK_OUTPUT_LIMIT } from './limits.js';

export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required';

export interface CheckAnnotation {
  path: string;
  startLine: number;
  endLine?: number;
  level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

export interface CompletedCheck {
  name: string;
  headSha: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  detailsUrl?: string;
  annotations?: CheckAnnotation[];
}

export interface CreatedCheck {
  id: number;
  url: string;
  annotationRequests: number;
}

function toApi(annotation: CheckAnnotation) {
  return {
    path: annotation.path,
    start_line: annotation.startLine,
    end_line: annotation.endLine ?? annotation.startLine,
    annotation_level: annotation.level,
    message: annotation.message,
    ...(annotation.title === undefined ? {} : { title: annotation.title }),
  };
}

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

export async function createCompletedCheck(client: GitHubClient, repo: RepositoryRef, check: CompletedCheck): Promise<CreatedCheck> {
  const notice = '> [!WARNING]\n> This summary was trimmed to the 65,535-character limit of a check run; the job summary has it in full.';
  const summary = fitToLimit(check.summary, CHECK_OUTPUT_LIMIT, notice).text;
  const title = check.title;
  const [first = [], ...rest] = batches((check.annotations ?? []).map(toApi), CHECK_ANNOTATIONS_PER_REQUEST);
  const { data } = await client.rest.checks.create({
    ...repo,
    name: check.name,
    head_sha: check.headSha,
    status: 'completed',
    conclusion: check.conclusion,
    ...(check.detailsUrl === undefined ? {} : { details_url: check.detailsUrl }),
    output: { title, summary, annotations: first },
  });
  for (const annotations of rest) {
    await client.rest.checks.update({ ...repo, check_run_id: data.id, output: { title, summary, annotations } });
  }
  return { id: data.id, url: data.html_url ?? data.url, annotationRequests: 1 + rest.length };
}
