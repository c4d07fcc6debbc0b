/** The demo's scenario as data: stages (a workflow run) of steps (an action with its inputs). */

export interface DemoStep {
  /** The action's id, e.g. `evaluate-gate`. */
  action: string;
  inputs: Readonly<Record<string, string>>;
  /** The step is meant to fail (a rollback): exit code 1 is the expected outcome. */
  expectFailure?: boolean;
  /** evaluate-gate: the pull request it comments on, and the file its comment is written to. */
  comment?: { pullRequest: number; file: string };
  /** check-drift: the file the drift issue it would open is written to. */
  issue?: string;
}

export interface DemoStage {
  /** What happens, e.g. "Pull request #1: …". */
  title: string;
  /** The workflow template(s) whose steps these are. */
  workflow: string;
  steps: readonly DemoStep[];
}
