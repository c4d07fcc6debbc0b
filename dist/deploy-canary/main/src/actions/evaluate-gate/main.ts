import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckFailedError, InputError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/files/write-file-atomic.js';
import { bootstrapScript } from '../../core/gate/bootstrap-threads.js';
import { readMetricsJson } from '../../core/gate/metrics-file.js';
import { loadPolicy } from '../../core/gate/policy-file.js';
import { type BaselineInput, runGate } from '../../core/gate/run-gate.js';
import { mergeRules, parseThresholds } from '../../core/gate/thresholds.js';
import { renderGateMarkdown } from '../../core/report/gate-report.js';
import { defaultThreads } from '../../core/scan/scan-worker.js';
import type { ContextOf } from '../../platform/github/action-runtime.js';
import { createS3Store } from '../../platform/aws/s3-store.js';
import { publishReport, publishVerdictCheck } from '../../platform/github/publish.js';
import { loadBaselineMetrics, loadBaselineModel } from './baseline.js';
import type { metadata } from './metadata.js';
import { reproduceCommand } from './reproduce.js';

export async function main({ inputs, logger, run, summary, setOutput }: ContextOf<typeof metadata>): Promise<void> {
  const cwd = process.cwd();
  const token = inputs['github-token'];
  if (inputs.model !== undefined && inputs.metrics !== undefined) throw new InputError('Set either "model" (scored on "data") or "metrics" (numbers from your own evaluation), not both.');
  if (inputs.model === undefined && inputs.metrics === undefined) throw new InputError('Nothing to evaluate: set "model" (an ONNX file, with "data" and "label") or "metrics" (a metrics JSON file).');
  if (inputs['baseline-model'] !== undefined && inputs['baseline-metrics'] !== undefined) throw new InputError('Set either "baseline-model" or "baseline-metrics", not both.');

  const policyFile = inputs.policy === undefined ? undefined : await loadPolicy(inputs.policy, cwd);
  const inline = parseThresholds(inputs.thresholds ?? []);
  const policy = { rules: mergeRules(policyFile?.rules ?? [], inline), ...(policyFile?.slices === undefined ? {} : { slices: policyFile.slices }) };
  const scratch = join(process.env['RUNNER_TEMP'] || tmpdir(), 'cd4ml', 'evaluate-gate');
  const baselineContext = { run, token, logger, cwd, registry: inputs.registry, scratch };
  let baseline: BaselineInput;
  if (inputs['baseline-model'] !== undefined) baseline = await loadBaselineModel(inputs['baseline-model'], baselineContext);
  else if (inputs['baseline-metrics'] !== undefined) {
    const loaded = await loadBaselineMetrics(inputs['baseline-metrics'], baselineContext);
    baseline = 'file' in loaded ? { metrics: loaded.file } : loaded;
  }

  const doc = await runGate({
    candidate: inputs.model !== undefined ? { model: inputs.model } : { metrics: readMetricsJson(inputs.metrics!.value, inputs.metrics!.path) },
    baseline,
    data: inputs.data,
    format: inputs.format,
    label: inputs.label,
    task: inputs.task,
    features: inputs.features,
    policy,
    threshold: policyFile?.threshold ?? inputs.threshold,
    bootstrap: inputs.bootstrap,
    seed: inputs.seed,
    cwd,
    store: () => createS3Store(),
    threads: { threads: defaultThreads(), script: bootstrapScript() },
    logger,
  });
  doc.reproduce = reproduceCommand([
    ['model', inputs.model],
    ['metrics', inputs.metrics?.path],
    ['data', inputs.data?.join('\n')],
    ['label', inputs.label],
    ['task', inputs.task],
    ['features', inputs.features?.join(',')],
    ['baseline-model', inputs['baseline-model']],
    ['baseline-metrics', inputs['baseline-metrics']],
    ['registry', inputs.registry],
    ['policy', inputs.policy],
    ['thresholds', inputs.thresholds?.join(', ')],
    ...(['threshold', 'bootstrap', 'seed'] as const).map((name) => [name, String(inputs[name])] as const),
  ]);

  const checkName = inputs['check-name'];
  const markdown = renderGateMarkdown(doc, checkName);
  const reportPath = join(scratch, 'report.md');
  await writeFileAtomic(reportPath, `${markdown}\n`, 'report');
  await writeFileAtomic(join(scratch, 'evaluation.json'), `${JSON.stringify(doc, null, 2)}\n`, 'evaluation');

  for (const { status, reason, origin } of doc.outcomes) {
    if (status !== 'fail') continue;
    if (origin.file !== undefined) logger.error(reason, { file: origin.file, ...(origin.line === undefined ? {} : { line: origin.line }) });
    else logger.error(reason);
  }
  const published = await publishReport({ action: 'evaluate-gate', key: checkName, markdown }, { run, summary, logger, comment: inputs.comment, token });
  const title = doc.passed ? `Passed: ${doc.verdict}` : `Failed: ${doc.verdict}`;
  const check = await publishVerdictCheck({ name: checkName, passed: doc.passed, title, markdown }, { run, token, logger });

  setOutput('passed', doc.passed);
  setOutput('metrics', doc);
  setOutput('report', reportPath);
  if (published.comment !== undefined) setOutput('comment-url', published.comment.url);
  if (check !== undefined) setOutput('check-run-id', check.id);
  if (!doc.passed && inputs['fail-on-regression']) throw new CheckFailedError(`the model gate failed: ${doc.verdict}`);
  if (!doc.passed) logger.warning(`The model gate failed (${doc.verdict}); fail-on-regression is false, so the step passes and the check run carries the failure.`);
}
