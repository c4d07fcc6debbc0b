import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CheckFailedError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/files/write-file-atomic.js';
import { renderValidationMarkdown } from '../../core/report/validation-report.js';
import { workerScript } from '../../core/scan/scan-worker.js';
import { validateDataset } from '../../core/scan/validate-dataset.js';
import { describeFinding } from '../../core/schema/evaluate.js';
import { inferSchema } from '../../core/schema/infer-schema.js';
import type { ContextOf } from '../../platform/github/action-runtime.js';
import { publishReport } from '../../platform/github/publish.js';
import { createS3Store } from '../../platform/aws/s3-store.js';
import type { metadata } from './metadata.js';

export async function main({ inputs, logger, run, summary, setOutput }: ContextOf<typeof metadata>): Promise<void> {
  const cwd = process.cwd();
  const { report, profile } = await logger.group('Reading the data', () =>
    validateDataset({
      data: inputs.data,
      format: inputs.format,
      schema: inputs.schema,
      cwd,
      store: () => createS3Store(),
      maxExamples: inputs['max-examples'],
      failOn: inputs['fail-on'],
      workerScript: workerScript(),
      logger,
    }),
  );
  logger.info(`Read ${report.rows} rows from ${report.sources.length} file${report.sources.length === 1 ? '' : 's'}.`);

  const scratch = join(process.env['RUNNER_TEMP'] || tmpdir(), 'cd4ml', 'validate-data');
  const profilePath = resolve(cwd, inputs['profile-output'] ?? join(scratch, 'profile.json'));
  const reportPath = join(scratch, 'report.json');
  await writeFileAtomic(profilePath, `${JSON.stringify(profile, null, 2)}\n`, 'profile-output');
  await writeFileAtomic(reportPath, `${JSON.stringify(report, null, 2)}\n`, 'report');
  if (inputs['write-schema'] !== undefined) {
    await writeFileAtomic(resolve(cwd, inputs['write-schema']), inferSchema(profile), 'write-schema');
    logger.info(`Wrote an inferred schema to ${inputs['write-schema']}; review it before committing.`);
  }

  for (const finding of report.findings) {
    if (finding.passed) continue;
    if (finding.severity === 'error') logger.error(describeFinding(finding), finding.at);
    else logger.warning(describeFinding(finding), finding.at);
  }
  await publishReport(
    { action: 'validate-data', key: inputs.data.join(','), markdown: renderValidationMarkdown(report, profile) },
    { run, summary, logger, comment: inputs.comment, token: inputs['github-token'] },
  );

  const failOn = inputs['fail-on'];
  const failing = report.errors + (failOn === 'warning' ? report.warnings : 0);
  setOutput('valid', report.valid);
  setOutput('errors', report.errors);
  setOutput('warnings', report.warnings);
  setOutput('rows', report.rows);
  setOutput('profile', profilePath);
  setOutput('report', reportPath);
  if (failOn !== 'never' && failing > 0) {
    const first = report.findings.find((finding) => !finding.passed && (finding.severity === 'error' || failOn === 'warning'))!;
    const more = failing > 1 ? ` (and ${failing - 1} more failed check${failing === 2 ? '' : 's'}; see the job summary)` : '';
    throw new CheckFailedError(`the data breaks its schema: ${describeFinding(first)}${more}`);
  }
}
