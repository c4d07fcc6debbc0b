/**
 * Starting a workflow run through `workflow_dispatch` (POST …/actions/workflows/{file}/dispatches):
 * how a scheduled check hands over to the retraining workflow. The target workflow must declare
 * `on: workflow_dispatch` with the inputs sent; GitHub answers 204 and starts the run.
 */
import type { GitHubClient } from './client.js';
import type { RepositoryRef } from './context.js';

export interface WorkflowDispatch {
  /** The workflow's file name (`retrain.yml`) or id. */
  workflow: string;
  /** The branch or tag to run it on. */
  ref: string;
  /** Its `workflow_dispatch` inputs, all strings, as the workflow declares them. */
  inputs: Record<string, string>;
}

export async function dispatchWorkflow(client: GitHubClient, repo: RepositoryRef, dispatch: WorkflowDispatch): Promise<void> {
  await client.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: dispatch.workflow, ref: dispatch.ref, inputs: dispatch.inputs });
}
