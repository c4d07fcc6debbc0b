/**
 * The rollout as a GitHub deployment of the commit to `environment`, with the model in its payload
 * and statuses in_progress → success or failure (with the reason and a link to the run). Outside a
 * workflow (no repository, no commit, no token) there is nothing to record: the calls do nothing.
 */
import type { Logger } from '../../core/logger.js';
import type { ModelRecord } from '../../core/registry/types.js';
import { createGitHubClient } from '../../platform/github/client.js';
import type { RunContext } from '../../platform/github/context.js';
import { createDeployment, setDeploymentStatus, type DeploymentState } from '../../platform/github/deployments.js';

export interface DeploymentRecorder {
  id: number | undefined;
  status(state: DeploymentState, description: string): Promise<void>;
}

export async function recordDeployment(options: {
  run: RunContext;
  token: string | undefined;
  logger: Logger;
  environment: string;
  record: ModelRecord;
  registry: string;
  strategy: string;
  target: string;
}): Promise<DeploymentRecorder> {
  const { run, token, logger, record } = options;
  if (run.repository === undefined || run.sha === undefined || token === undefined) {
    logger.info('Not in a workflow run (no repository, commit or token): no GitHub deployment is recorded.');
    return { id: undefined, status: async () => undefined };
  }
  const repo = run.repository;
  const client = createGitHubClient(token, { apiUrl: run.apiUrl, logger });
  const created = await createDeployment(
    client,
    repo,
    {
      ref: run.sha,
      environment: options.environment,
      description: `${record.uri} (${options.strategy}, ${options.target})`,
      payload: { model: record.name, version: record.version, registry: options.registry, strategy: options.strategy, target: options.target },
      productionEnvironment: options.environment === 'production',
    },
    logger,
  );
  logger.info(`GitHub deployment ${created.id} to ${options.environment}.`);
  return {
    id: created.id,
    status: (state, description) => setDeploymentStatus(client, repo, created.id, { state, description, ...(run.runUrl === undefined ? {} : { logUrl: run.runUrl }) }, logger),
  };
}
