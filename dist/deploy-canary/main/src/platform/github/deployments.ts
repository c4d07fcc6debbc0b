/**
 * GitHub Deployments: the record of a model rollout that the repository's Environments page, the
 * pull request timeline and `deployment_status` workflows read. deploy-canary creates one deployment
 * per rollout (of the commit that registered the model) and moves it through `in_progress` to
 * `success`, `failure` or `error`.
 *
 * Unlike comments and check runs (write-access.ts), a deployment is not optional: the environment's
 * history, its protection and the workflows that react to `deployment_status` only see a deployment
 * that exists, so a refused write fails the step with the permission to grant instead of warning.
 */
import { ServiceError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { GitHubClient } from './client.js';
import type { RepositoryRef } from './context.js';
import { messageOf, statusOf, validationErrors } from './registry-branch.js';
import { isWriteRefused } from './write-access.js';

/** Deployment status `description`: "The maximum description length is 140 characters." */
export const DEPLOYMENT_STATUS_DESCRIPTION_LIMIT = 140;

export interface DeploymentPayload {
  model: string;
  version: number;
  registry: string;
  strategy: string;
  target: string;
}

export interface DeploymentRequest {
  /** The commit sha deployed (not a branch: the deployment records exactly what was tested). */
  ref: string;
  environment: string;
  description: string;
  payload: DeploymentPayload;
  /** GitHub's default: true for an environment named `production`, false otherwise. */
  productionEnvironment?: boolean;
}

export interface CreatedDeployment {
  id: number;
  /** The deployment's API URL (a deployment has no page of its own; the environment's page lists it). */
  url: string;
}

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive';

export interface DeploymentStatus {
  state: DeploymentState;
  /** Trimmed with `…` to GitHub's 140 characters. */
  description: string;
  /** The run's page, where the rollout's log and report are. */
  logUrl?: string;
  /** Where the deployed model answers. */
  environmentUrl?: string;
}

function shorten(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** GitHub's answer as the one-line error a user can act on; errors that are not GitHub's answers pass through. */
function deploymentFailure(error: unknown, what: string): Error {
  const status = statusOf(error);
  if (status === undefined) return error instanceof Error ? error : new Error(String(error));
  const details = validationErrors(error);
  const answer = `GitHub answered ${status}: ${messageOf(error)}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
  const fail = (fix: string) => new ServiceError(`Could not ${what}: ${answer}. ${fix}`, { cause: error });
  if (isWriteRefused(error)) {
    return fail(
      'Grant the job `permissions: deployments: write`; a pull request from a fork gets a read-only token and cannot deploy.',
    );
  }
  if (status === 401) return fail('The token is invalid or expired; pass a valid github-token.');
  if ((status === 403 || status === 429) && /rate limit/i.test(messageOf(error))) return fail('Run again once the rate limit resets.');
  if (status === 404) return fail('Check that the repository exists and that the token can see it.');
  if (status === 409) return fail('A merge conflict or failed commit status checks blocked it; check the commit\'s statuses, then run again.');
  if (status === 422) {
    return fail("Check that the commit is pushed to the repository and that the environment's deployment branch and tag rules allow it.");
  }
  return fail('Run again; if it persists, check https://www.githubstatus.com.');
}

/**
 * Creates the deployment of `request.ref` to `request.environment` and returns its id. Fails with a
 * ServiceError, never returns quietly: without a deployment there is nothing for the environment to
 * record or protect (a 403 names the `deployments: write` permission to grant).
 */
export async function createDeployment(
  client: GitHubClient,
  repo: RepositoryRef,
  request: DeploymentRequest,
  logger: Logger,
): Promise<CreatedDeployment> {
  const what = `create the GitHub deployment of ${request.ref} to the environment ${request.environment}`;
  let response;
  try {
    response = await client.rest.repos.createDeployment({
      ...repo,
      ref: request.ref,
      environment: request.environment,
      description: request.description,
      payload: { ...request.payload },
      // The ref is the tested commit itself: merging the default branch into it would deploy code
      // nobody evaluated.
      auto_merge: false,
      // The evaluation gate's checks and statuses already decided this commit (they gated the merge
      // and the registration). An omitted list makes GitHub require every status context on the
      // commit to be `success`, so an unrelated pending or failed context would block the rollout.
      required_contexts: [],
      transient_environment: false,
      ...(request.productionEnvironment === undefined ? {} : { production_environment: request.productionEnvironment }),
    });
  } catch (error) {
    throw deploymentFailure(error, what);
  }
  const { data } = response;
  if ('id' in data && typeof data.id === 'number') {
    logger.info(`Created the GitHub deployment ${data.id} of ${request.ref} to the environment ${request.environment}.`);
    return { id: data.id, url: data.url };
  }
  // 202 "Merged branch response": GitHub merged the default branch into the ref instead of creating
  // a deployment. With `auto_merge: false` and a commit sha it should never answer so.
  const message = (data as { message?: unknown }).message;
  const answer = typeof message === 'string' ? message.replace(/\s+/g, ' ').trim() : 'no deployment in the answer';
  throw new ServiceError(`Could not ${what}: GitHub answered ${response.status} "${answer}" and created no deployment. Run again.`);
}

/**
 * Adds a status to the deployment. `success` sets `auto_inactive`, so earlier deployments to the same
 * (non-production) environment are marked inactive, as GitHub documents.
 */
export async function setDeploymentStatus(
  client: GitHubClient,
  repo: RepositoryRef,
  deploymentId: number,
  status: DeploymentStatus,
  logger: Logger,
): Promise<void> {
  try {
    await client.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: deploymentId,
      state: status.state,
      description: shorten(status.description, DEPLOYMENT_STATUS_DESCRIPTION_LIMIT),
      ...(status.logUrl === undefined ? {} : { log_url: status.logUrl }),
      ...(status.environmentUrl === undefined ? {} : { environment_url: status.environmentUrl }),
      ...(status.state === 'success' ? { auto_inactive: true } : {}),
    });
  } catch (error) {
    throw deploymentFailure(error, `set the status of the GitHub deployment ${deploymentId} to ${status.state}`);
  }
  logger.info(`The GitHub deployment ${deploymentId} is ${status.state}.`);
}
