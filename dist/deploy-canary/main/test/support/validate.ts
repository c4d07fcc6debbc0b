import { validateDataset, type ValidationOutcome } from '../../src/core/scan/validate-dataset.js';
import { recordingLogger } from './logger.js';
import { ROOT } from './runner.js';

/** validate-data's core on files under the repository, in this thread. */
export function validate(data: string | string[], schema?: string, options: { threads?: number; maxExamples?: number; cwd?: string } = {}): Promise<ValidationOutcome> {
  return validateDataset({
    data: Array.isArray(data) ? data : [data],
    format: 'auto',
    schema,
    cwd: options.cwd ?? ROOT,
    maxExamples: options.maxExamples ?? 5,
    failOn: 'error',
    threads: options.threads ?? 1,
    logger: recordingLogger(),
  });
}
