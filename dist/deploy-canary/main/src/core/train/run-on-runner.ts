/**
 * The `runner` backend: training on the job's own machine. Checks the GPU first (or says it trains
 * on CPU), runs the command with its CD4ML_* environment while sampling the GPUs, reads the metric
 * curve from the log and the final metrics from the metrics file.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { EnvironmentError } from '../errors.js';
import type { Logger } from '../logger.js';
import { readFinalMetrics } from './final-metrics.js';
import { probeGpus, startGpuSampler, summarizeUsage } from './gpu.js';
import { CurveCollector } from './metric-patterns.js';
import { runCommand, type CommandResult } from './run-command.js';
import type { GpuInfo, GpuSample, MetricPattern, TrainingOutcome } from './types.js';

export interface RunnerOptions {
  command: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  params: Record<string, unknown>;
  seed: number;
  /** Absolute paths. */
  modelPath: string;
  metricsFile: string;
  /** As the user wrote it, for messages. */
  metricsFileShown: string;
  patterns: readonly MetricPattern[];
  timeoutMinutes: number;
  requireGpu: boolean;
  signal?: AbortSignal;
  logger: Logger;
  /** The nvidia-smi to call (tests put a fake on PATH instead). */
  nvidiaSmi?: string;
  sampleSeconds?: number;
  graceMs?: number;
}

export const NO_GPU_GUIDANCE =
  'route the job to a GPU runner (`runs-on:` a self-hosted runner label such as `gpu`, or a GitHub-hosted GPU runner size), or set require-gpu: false to train on CPU';

export async function runOnRunner(options: RunnerOptions): Promise<TrainingOutcome & { gpus: GpuInfo[] }> {
  const { logger } = options;
  const probe = await probeGpus(options.nvidiaSmi);
  if (!probe.found && options.requireGpu) throw new EnvironmentError(`No NVIDIA GPU on this runner: ${probe.reason}; ${NO_GPU_GUIDANCE}.`);
  const gpus = probe.found ? probe.gpus : [];
  if (probe.found) {
    for (const gpu of gpus) logger.info(`GPU ${gpu.index}: ${gpu.name}, ${gpu.memoryTotalMiB.toLocaleString('en-US')} MiB, driver ${gpu.driverVersion}${gpu.cudaVersion === undefined ? '' : `, CUDA ${gpu.cudaVersion}`}`);
  } else {
    logger.info(`No GPU (${probe.reason}); training on CPU, as require-gpu: false allows.`);
  }

  await mkdir(options.modelPath, { recursive: true });
  await mkdir(dirname(options.metricsFile), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    CD4ML_PARAMS: JSON.stringify(options.params),
    CD4ML_OUTPUT_DIR: options.modelPath,
    CD4ML_METRICS_FILE: options.metricsFile,
    CD4ML_SEED: String(options.seed),
    PYTHONUNBUFFERED: '1',
  };
  const curve = new CurveCollector(options.patterns);
  const startedAt = Date.now();
  const sampler = probe.found ? startGpuSampler(options.sampleSeconds ?? 5, Date.now, options.nvidiaSmi) : undefined;
  let result: CommandResult;
  let samples: GpuSample[] = [];
  try {
    result = await logger.group(`Training: ${options.command}`, () =>
      runCommand({
        command: options.command,
        cwd: options.cwd,
        env,
        timeoutMs: options.timeoutMinutes * 60_000,
        ...(options.graceMs === undefined ? {} : { graceMs: options.graceMs }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        onLine: (line) => {
          logger.info(line);
          curve.line(line);
        },
      }),
    );
  } finally {
    // Sampling stops however the command ended.
    samples = (await sampler?.stop()) ?? [];
  }
  const durationSeconds = result.durationMs / 1000;
  const outcome = {
    backend: 'runner' as const,
    durationSeconds,
    curve: curve.points,
    tail: result.tail,
    gpus,
    ...(probe.found ? { gpu: summarizeUsage(gpus, samples, durationSeconds) } : {}),
  };
  const failure = failureOf(result, options.timeoutMinutes);
  if (failure !== undefined) return { ...outcome, succeeded: false, failure, metrics: {} };
  const metrics = await readFinalMetrics(options.metricsFile, options.metricsFileShown, startedAt);
  return { ...outcome, succeeded: true, metrics };
}

function failureOf(result: CommandResult, timeoutMinutes: number): string | undefined {
  if (result.stopped === 'timeout') return `the training ran past timeout-minutes (${timeoutMinutes} min) and was stopped with its whole process group (TERM, then KILL)`;
  if (result.stopped === 'cancelled') return 'the workflow run was cancelled; the training was stopped with its whole process group';
  if (result.signal !== null) return `the training command was killed by ${result.signal}`;
  if (result.exitCode !== 0) return `the training command exited with code ${result.exitCode}`;
  return undefined;
}
