/** The action's inputs handed to the backend they choose. */
import { resolve } from 'node:path';
import type { Logger } from '../../core/logger.js';
import { runOnRunner } from '../../core/train/run-on-runner.js';
import type { MetricPattern, TrainingOutcome } from '../../core/train/types.js';
import type { InputValues } from '../../core/inputs/spec.js';
import { runSageMakerTraining } from '../../platform/aws/sagemaker-training.js';
import type { RunContext } from '../../platform/github/context.js';
import type { inputs as specs } from './inputs.js';
import { pollInterval } from '../../platform/aws/sagemaker-client.js';

export interface BackendContext {
  cwd: string;
  modelPath: string;
  patterns: MetricPattern[];
  signal: AbortSignal;
  logger: Logger;
  run: RunContext;
}

export async function trainOnBackend(inputs: InputValues<typeof specs>, context: BackendContext): Promise<TrainingOutcome> {
  const { cwd, modelPath, patterns, signal, logger } = context;
  if (inputs.backend === 'runner') {
    return runOnRunner({
      command: inputs.run,
      cwd,
      env: process.env,
      params: inputs.params,
      seed: inputs.seed,
      modelPath,
      metricsFile: resolve(cwd, inputs['metrics-file']),
      metricsFileShown: inputs['metrics-file'],
      patterns,
      timeoutMinutes: inputs['timeout-minutes'],
      requireGpu: inputs['require-gpu'],
      signal,
      logger,
    });
  }
  return runSageMakerTraining({
    ...(inputs.image === undefined ? {} : { image: inputs.image }),
    ...(inputs['instance-type'] === undefined ? {} : { instanceType: inputs['instance-type'] }),
    instanceCount: inputs['instance-count'],
    ...(inputs['role-arn'] === undefined ? {} : { roleArn: inputs['role-arn'] }),
    ...(inputs['s3-input'] === undefined ? {} : { s3Input: inputs['s3-input'] }),
    ...(inputs['s3-output'] === undefined ? {} : { s3Output: inputs['s3-output'] }),
    data: (inputs.data ?? []).map((path) => resolve(cwd, path)),
    params: inputs.params,
    seed: inputs.seed,
    metricPatterns: patterns,
    spot: inputs.spot,
    ...(inputs['max-wait-minutes'] === undefined ? {} : { maxWaitMinutes: inputs['max-wait-minutes'] }),
    timeoutMinutes: inputs['timeout-minutes'],
    modelPath,
    ...(inputs.region === undefined ? {} : { region: inputs.region }),
    ...pollInterval(process.env),
    cwd,
    signal,
    logger,
  });
}
