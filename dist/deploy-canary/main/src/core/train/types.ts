/**
 * Training's vocabulary, shared by the backends (`runner`: the job's own machine; `sagemaker`: a
 * training job) and the report: what was run, on which GPU, what it printed, what it measured, and
 * the lineage record register-model reads (`training-record.json`, format `cd4ml-training-record`).
 */

/** One GPU as `nvidia-smi --query-gpu` describes it. */
export interface GpuInfo {
  index: number;
  name: string;
  /** Total memory in MiB. */
  memoryTotalMiB: number;
  driverVersion: string;
  /** The CUDA version the driver supports (nvidia-smi's header), when known. */
  cudaVersion?: string;
}

/** One utilisation sample of one GPU. */
export interface GpuSample {
  /** Milliseconds since training started. */
  atMs: number;
  index: number;
  /** Percent, 0–100. */
  utilization: number;
  memoryUsedMiB: number;
}

/** What the samples add up to. */
export interface GpuUsage {
  gpus: GpuInfo[];
  samples: number;
  /** Highest memory used by any one GPU, MiB. */
  peakMemoryMiB: number;
  /** Mean utilisation over all samples and GPUs, percent. */
  meanUtilization: number;
  /** GPUs × wall hours. */
  gpuHours: number;
}

/** A metric read from a log line: its name, the value, and which of its lines it was (from 1). */
export interface CurvePoint {
  metric: string;
  step: number;
  value: number;
}

/** `name: regex` from the `metric-regex` input (SageMaker's MetricDefinitions). */
export interface MetricPattern {
  name: string;
  regex: RegExp;
  /** The regex as written, for SageMaker's MetricDefinitions. */
  source: string;
}

export type TrainingBackend = 'runner' | 'sagemaker';

/** What a finished (or failed) training reports, whatever the backend. */
export interface TrainingOutcome {
  backend: TrainingBackend;
  succeeded: boolean;
  /** Why it failed: the exit code and signal, the timeout, the cancellation, SageMaker's FailureReason. */
  failure?: string;
  durationSeconds: number;
  /** Final metrics: the metrics file's numbers (runner) or FinalMetricDataList (SageMaker). */
  metrics: Record<string, number>;
  curve: CurvePoint[];
  /** The last lines of the output, for the summary when it failed. */
  tail: string[];
  gpu?: GpuUsage;
  /** SageMaker: the job's name, its status transitions and its instance description. */
  trainingJobName?: string;
  transitions?: Array<{ status: string; at: string; message?: string }>;
  /** SageMaker: billable seconds (spot savings show as billable < training). */
  billableSeconds?: number;
}

export const TRAINING_RECORD_FORMAT = 'cd4ml-training-record';

/** The lineage of one training, written next to the model as training-record.json. */
export interface TrainingRecord {
  format: typeof TRAINING_RECORD_FORMAT;
  formatVersion: 1;
  backend: TrainingBackend;
  command: string;
  params: Record<string, unknown>;
  seed: number;
  startedAt: string;
  durationSeconds: number;
  gitSha?: string;
  runUrl?: string;
  /** sha256 of every training data file (a directory's files one by one). */
  data: Array<{ path: string; sha256: string; bytes: number }>;
  gpu: { gpus: GpuInfo[]; peakMemoryMiB?: number; meanUtilization?: number; gpuHours?: number } | null;
  metrics: Record<string, number>;
  environment: {
    node: string;
    /** `pip freeze` of the interpreter the command used, when there is one. */
    packages?: Record<string, string>;
    /** Lock files found in the working directory, with their sha256. */
    lockFiles?: Array<{ path: string; sha256: string }>;
  };
  trainingJobName?: string;
}
