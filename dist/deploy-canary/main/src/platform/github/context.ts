/**
 * What the runner tells an action about its run, read from the environment and the event payload
 * (`GITHUB_EVENT_PATH`). Absent values stay absent: outside a runner most of this is unknown.
 */
import { readFileSync } from 'node:fs';
import { EnvironmentError } from '../../core/errors.js';

export interface RepositoryRef {
  owner: string;
  repo: string;
}

export interface PullRequestRef {
  number: number;
  headSha: string;
  baseSha: string;
  /** A PR from a fork runs with a read-only token on `pull_request`. */
  fromFork: boolean;
}

export interface RunContext {
  repository?: RepositoryRef;
  sha?: string;
  eventName?: string;
  pullRequest?: PullRequestRef;
  serverUrl: string;
  apiUrl: string;
  /** The run's page, where the job summary is shown. */
  runUrl?: string;
  /** The branch or tag the run is on (GITHUB_REF_NAME). */
  refName?: string;
  /** The repository's default branch, from the event payload. */
  defaultBranch?: string;
  /** GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT: a re-run keeps the id and counts attempts. */
  runId?: string;
  runAttempt?: string;
  /** Who started the run (GITHUB_ACTOR) and the workflow's name (GITHUB_WORKFLOW). */
  actor?: string;
  workflow?: string;
}

interface PullRequestPayload {
  repository?: { default_branch?: string };
  pull_request?: {
    number: number;
    head: { sha: string; repo: { full_name: string } | null };
    base: { sha: string; repo: { full_name: string } };
  };
}

function readEventPayload(path: string | undefined): PullRequestPayload {
  if (path === undefined || path === '') return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PullRequestPayload;
  } catch (error) {
    throw new EnvironmentError(`Cannot read the event payload at GITHUB_EVENT_PATH=${path}: ${(error as Error).message}.`);
  }
}

function parseRepository(value: string | undefined): RepositoryRef | undefined {
  const match = value === undefined ? null : /^([^/\s]+)\/([^/\s]+)$/.exec(value);
  return match === null ? undefined : { owner: match[1] as string, repo: match[2] as string };
}

export function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  const serverUrl = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
  const context: RunContext = { serverUrl, apiUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com' };
  const repository = parseRepository(env['GITHUB_REPOSITORY']);
  if (repository !== undefined) context.repository = repository;
  if (env['GITHUB_SHA'] !== undefined) context.sha = env['GITHUB_SHA'];
  if (env['GITHUB_EVENT_NAME'] !== undefined) context.eventName = env['GITHUB_EVENT_NAME'];
  if (repository !== undefined && env['GITHUB_RUN_ID'] !== undefined) {
    const attempt = env['GITHUB_RUN_ATTEMPT'] === undefined ? '' : `/attempts/${env['GITHUB_RUN_ATTEMPT']}`;
    context.runUrl = `${serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${env['GITHUB_RUN_ID']}${attempt}`;
  }
  if (env['GITHUB_REF_NAME'] !== undefined && env['GITHUB_REF_NAME'] !== '') context.refName = env['GITHUB_REF_NAME'];
  for (const [field, name] of [
    ['runId', 'GITHUB_RUN_ID'],
    ['runAttempt', 'GITHUB_RUN_ATTEMPT'],
    ['actor', 'GITHUB_ACTOR'],
    ['workflow', 'GITHUB_WORKFLOW'],
  ] as const) {
    const value = env[name];
    if (value !== undefined && value !== '') context[field] = value;
  }
  const payload = readEventPayload(env['GITHUB_EVENT_PATH']);
  if (typeof payload.repository?.default_branch === 'string') context.defaultBranch = payload.repository.default_branch;
  const pr = payload.pull_request;
  if (pr !== undefined) {
    context.pullRequest = {
      number: pr.number,
      headSha: pr.head.sha,
      baseSha: pr.base.sha,
      fromFork: pr.head.repo?.full_name !== pr.base.repo.full_name,
    };
  }
  return context;
}
