import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckFailedError, InputError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/files/write-file-atomic.js';
import { loadDriftConfig } from '../../core/drift/config-file.js';
import { compareProfiles, datasetVerdict } from '../../core/drift/compare-profiles.js';
import { loadDriftSide } from '../../core/drift/load-side.js';
import { checkPredictionInputs, PREDICTION_COLUMN, predictionDrift } from '../../core/drift/prediction-drift.js';
import { ColumnProfile } from '../../core/profile/column-profile.js';
import { columnChart, renderDriftMarkdown } from '../../core/report/drift-report.js';
import { workerScript } from '../../core/scan/scan-worker.js';
import type { ContextOf } from '../../platform/github/action-runtime.js';
import { createS3Store } from '../../platform/aws/s3-store.js';
import type { metadata } from './metadata.js';
import { fetchProfile, resolveReference } from '../registry-reference.js';
import { actOnDrift } from './on-drift.js';

export async function main({ inputs, logger, run, summary, setOutput }: ContextOf<typeof metadata>): Promise<void> {
  const cwd = process.cwd();
  const onDrift = new Set(inputs['on-drift']);
  if (onDrift.has('dispatch') && inputs['retrain-workflow'] === undefined) {
    throw new InputError('Input "on-drift" includes dispatch, but "retrain-workflow" is not set: name the workflow file to start, e.g. retrain.yml.');
  }
  if (inputs.model !== undefined) checkPredictionInputs(inputs.reference, inputs.current);
  const config = inputs.config === undefined ? undefined : await loadDriftConfig(inputs.config, cwd);
  const registryProfile = async (spec: string) => {
    const resolved = await resolveReference(spec, 'reference', { registry: inputs.registry, cwd, run, token: inputs['github-token'], logger });
    return { document: await fetchProfile(resolved), name: resolved.label };
  };
  const sideOptions = { cwd, store: () => createS3Store(), workerScript: workerScript(), logger, registryProfile };
  const reference = await logger.group('Reading the reference', () => loadDriftSide(inputs.reference, { ...sideOptions, input: 'reference' }));
  const current = await logger.group('Reading the current data', () => loadDriftSide(inputs.current, { ...sideOptions, input: 'current' }));

  const driftShare = config?.driftShare ?? inputs['drift-share'];
  let drift = compareProfiles(reference.document, current.document, {
    ...(inputs.columns === undefined ? {} : { columns: inputs.columns }),
    ...(config === undefined ? {} : { overrides: config.columns.filter((override) => override.column !== PREDICTION_COLUMN) }),
    driftShare,
  });
  if (inputs.model !== undefined) {
    const override = config?.columns.find((entry) => entry.column === PREDICTION_COLUMN);
    const prediction = await logger.group(`Scoring both sides with ${inputs.model}`, () =>
      predictionDrift({
        model: inputs.model!,
        reference: inputs.reference,
        current: inputs.current,
        features: inputs.features,
        cwd,
        store: () => createS3Store(),
        overrides: { ...(override?.method === undefined ? {} : { method: override.method }), ...(override?.threshold === undefined ? {} : { threshold: override.threshold }) },
      }),
    );
    drift = { ...drift, ...datasetVerdict([...drift.columns, prediction], driftShare) };
  }
  const charts = new Map<string, NonNullable<ReturnType<typeof columnChart>>>();
  for (const column of drift.columns.filter((entry) => entry.drifted)) {
    const referenceColumn = reference.document.columns.find((entry) => entry.name === column.column);
    const currentColumn = current.document.columns.find((entry) => entry.name === column.column);
    if (referenceColumn === undefined || currentColumn === undefined) continue; // the prediction column
    const chart = columnChart(ColumnProfile.fromState(referenceColumn.state), ColumnProfile.fromState(currentColumn.state), referenceColumn.type);
    if (chart !== undefined) charts.set(column.column, chart);
  }
  const markdown = renderDriftMarkdown(drift, { reference: reference.name, current: current.name, referenceRows: reference.document.rows, currentRows: current.document.rows, charts });
  const scratch = join(process.env['RUNNER_TEMP'] || tmpdir(), 'cd4ml', 'check-drift');
  const reportPath = join(scratch, 'report.md');
  await writeFileAtomic(reportPath, `${markdown}\n`, 'report');
  await writeFileAtomic(join(scratch, 'drift.json'), `${JSON.stringify(drift, null, 2)}\n`, 'drift');
  summary.append(markdown);

  const verdict = `${drift.drifted.length} of ${drift.compared} columns drifted (${(drift.share * 100).toFixed(0)}%; dataset drift from ${(drift.driftShare * 100).toFixed(0)}%)`;
  logger.info(drift.datasetDrifted ? `Dataset drift: ${verdict}: ${drift.drifted.join(', ')}.` : `No dataset drift: ${verdict}.`);
  setOutput('drifted', drift.datasetDrifted);
  setOutput('drift-share', drift.share);
  setOutput('drifted-columns', drift.drifted);
  setOutput('report', reportPath);
  await actOnDrift({ drifted: drift.datasetDrifted, verdict, markdown, reportPath, key: inputs.reference, onDrift, workflow: inputs['retrain-workflow'], ref: inputs['retrain-ref'] }, { run, token: inputs['github-token'], logger });
  if (drift.datasetDrifted && onDrift.has('fail')) throw new CheckFailedError(`data drift: ${verdict}: ${drift.drifted.join(', ')}`);
}
