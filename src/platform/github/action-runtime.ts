/**
 * The action runtime: every action's entry calls `runAction` once. It parses the inputs from the
 * runner's environment, hands the action a context (inputs, logger, outputs, job summary, run
 * facts), and is the only place that marks a step failed. Nothing calls process.exit(): the runner
 * reads the exit code that setFailed sets once the event loop is empty.
 */
import * as core from '@actions/core';
import { describeError, isCd4mlError } from '../../core/errors.js';
import { envInputSource, readInputs, type InputSpecs, type InputValues } from '../../core/inputs/spec.js';
import type { Logger } from '../../core/logger.js';
import type { ActionMetadata } from './action-metadata.js';
import { actionsLogger } from './actions-logger.js';
import { AnnotationBudget } from './annotations.js';
import { readRunContext, type RunContext } from './context.js';
import { stepSummaryWriter, type SummaryWriter } from './summary.js';

export type OutputValue = string | number | boolean | object;

export interface ActionContext<S extends InputSpecs, O extends string> {
  inputs: InputValues<S>;
  logger: Logger;
  run: RunContext;
  summary: SummaryWriter;
  setOutput(name: O, value: OutputValue): void;
}

export type ActionMain<S extends InputSpecs, O extends string> = (context: ActionContext<S, O>) => Promise<void>;

/** What the main step leaves for the action's post step (`postIf` in its metadata). */
export const POST_STATE = 'cd4ml-post';

/** Saves what the post step needs; the runner passes it back as STATE_cd4ml-post. */
export function saveForPost(value: object): void {
  core.saveState(POST_STATE, JSON.stringify(value));
}

/** A post step: runs with what the main step saved (undefined when it saved nothing). */
export type ActionPost = (saved: unknown, logger: Logger) => Promise<void>;

export async function runAction<S extends InputSpecs, O extends string>(
  metadata: ActionMetadata<S, O>,
  main: ActionMain<S, O>,
  post?: ActionPost,
): Promise<void> {
  const env = process.env;
  const annotations = new AnnotationBudget();
  const logger = actionsLogger(annotations);
  // The runner runs the same bundle as the post step; the main step marks that with saveState.
  if (post !== undefined && env['STATE_isPost'] === 'true') {
    const saved = env[`STATE_${POST_STATE}`];
    try {
      await post(saved === undefined || saved === '' ? undefined : (JSON.parse(saved) as unknown), logger);
    } catch (error) {
      core.setFailed(`${metadata.id} (post): ${describeError(error)}`);
    }
    return;
  }
  if (post !== undefined) core.saveState('isPost', 'true');
  try {
    const inputs = readInputs(metadata.inputs, envInputSource(env));
    await main({
      inputs,
      logger,
      run: readRunContext(env),
      summary: stepSummaryWriter(env['GITHUB_STEP_SUMMARY'], logger),
      setOutput: (name, value) => core.setOutput(name, value),
    });
  } catch (error) {
    if (!isCd4mlError(error) && error instanceof Error && error.stack !== undefined) {
      core.info(`An unexpected error; please report it to cd4ml-actions with this trace:\n${error.stack}`);
    }
    annotations.flush();
    core.setFailed(`${metadata.id}: ${describeError(error)}`);
    return;
  }
  annotations.flush();
}

/** The context type of an action, from its metadata: `ContextOf<typeof metadata>`. */
export type ContextOf<M> = M extends ActionMetadata<infer S, infer O> ? ActionContext<S, O> : never;
