/** The training record (training-record.json): the lineage register-model reads. */
import type { TrainingOutcome, TrainingRecord } from './types.js';
import { TRAINING_RECORD_FORMAT } from './types.js';

export interface RecordParts {
  command: string;
  params: Record<string, unknown>;
  seed: number;
  startedAt: Date;
  gitSha?: string;
  runUrl?: string;
  data: TrainingRecord['data'];
  environment: TrainingRecord['environment'];
}

export function trainingRecord(outcome: TrainingOutcome, parts: RecordParts): TrainingRecord {
  const usage = outcome.gpu;
  return {
    format: TRAINING_RECORD_FORMAT,
    formatVersion: 1,
    backend: outcome.backend,
    command: parts.command,
    params: parts.params,
    seed: parts.seed,
    startedAt: parts.startedAt.toISOString(),
    durationSeconds: outcome.durationSeconds,
    ...(parts.gitSha === undefined ? {} : { gitSha: parts.gitSha }),
    ...(parts.runUrl === undefined ? {} : { runUrl: parts.runUrl }),
    data: parts.data,
    gpu: usage === undefined ? null : { gpus: usage.gpus, peakMemoryMiB: usage.peakMemoryMiB, meanUtilization: usage.meanUtilization, gpuHours: usage.gpuHours },
    metrics: outcome.metrics,
    environment: parts.environment,
    ...(outcome.trainingJobName === undefined ? {} : { trainingJobName: outcome.trainingJobName }),
  };
}
