/**
 * validate-data's domain, free of the Actions runtime: resolve the data, scan it once (profile and
 * row checks together), judge the schema's rules, and shape the report and the profile.
 */
import { resolveSources } from '../data/resolve-sources.js';
import type { DataFormat } from '../data/format.js';
import type { ObjectStore } from '../data/source.js';
import type { Logger } from '../logger.js';
import { profileDocument, type ProfileDocument } from '../profile/profile.js';
import { REPORT_FORMAT, type ValidationReport } from '../report/validation-report.js';
import { evaluate } from '../schema/evaluate.js';
import { loadSchema } from '../schema/schema-file.js';
import { scanDataset } from './scan-dataset.js';
import { defaultThreads } from './scan-worker.js';

export interface ValidateDatasetOptions {
  data: readonly string[];
  format: 'auto' | DataFormat;
  schema?: string | undefined;
  cwd: string;
  /** Needed only for s3:// data. */
  store?: () => ObjectStore;
  maxExamples: number;
  /** Which failures make the data invalid: error-level ones (`error`, `never`), or warnings too. */
  failOn: 'error' | 'warning' | 'never';
  /** Threads for large CSV files; default: CD4ML_THREADS (0 or 1: this thread only), else the machine's cores. */
  threads?: number;
  workerScript?: string | undefined;
  logger: Logger;
}

export interface ValidationOutcome {
  report: ValidationReport;
  profile: ProfileDocument;
}

function positiveInteger(value: string | undefined): number | undefined {
  const parsed = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(parsed) && parsed >= 0 ? parsed : undefined;
}



export async function validateDataset(options: ValidateDatasetOptions): Promise<ValidationOutcome> {
  const schema = options.schema === undefined ? undefined : await loadSchema(options.schema, options.cwd);
  const needsStore = options.data.some((spec) => /^s3:\/\//i.test(spec.trim()));
  const sources = await resolveSources(options.data, { cwd: options.cwd, ...(needsStore && options.store !== undefined ? { store: options.store() } : {}) });
  const minBytes = positiveInteger(process.env['CD4ML_PARALLEL_MIN_BYTES']);
  const total = await scanDataset(sources, {
    format: options.format,
    schema,
    maxExamples: options.maxExamples,
    threads: options.threads ?? defaultThreads(),
    ...(minBytes === undefined ? {} : { parallelMinBytes: minBytes }),
    workerScript: options.workerScript,
    logger: options.logger,
  });
  const profile = profileDocument(total.rows, total.sources, total.columns.map((name) => [name, total.profiles.get(name)!]));
  const findings = schema === undefined ? [] : evaluate(schema, total);
  const failed = findings.filter((finding) => !finding.passed);
  const errors = failed.filter((finding) => finding.severity === 'error').length;
  const warnings = failed.length - errors;
  return {
    report: { format: REPORT_FORMAT, version: 1, valid: errors + (options.failOn === 'warning' ? warnings : 0) === 0, errors, warnings, rows: total.rows, sources: total.sources, schema: schema?.file ?? null, findings },
    profile,
  };
}
