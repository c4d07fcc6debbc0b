/**
 * The gate, end to end and free of GitHub: score the candidate (and the baseline model) on the
 * evaluation rows, compute every metric of the task with paired bootstrap intervals, or take the
 * metrics as numbers; judge the policy's rules and slices; return the evaluation document.
 */
import { resolveSources } from '../data/resolve-sources.js';
import type { ObjectStore } from '../data/source.js';
import type { DataFormat } from '../data/format.js';
import { InputError } from '../errors.js';
import { readDataColumns, readEvaluationTable, type EvaluationTable } from '../evaluation/evaluation-table.js';
import { encodeLabels, type EncodedLabels } from '../evaluation/labels.js';
import { openModel, planInputs, releaseModel, scoreModel, type InputPlan, type LoadedModel, type Predictions } from '../inference/score-model.js';
import type { Logger } from '../logger.js';
import { knownDirection, METRIC_CATALOG, metricInfo, type MetricInfo } from '../metrics/catalog.js';
import { argmaxPredictions, binaryPredictions, confusionMatrix } from '../metrics/confusion.js';
import type { Task } from '../metrics/types.js';
import { ResampledValues } from './bootstrap.js';
import { bootstrapScoredRows, type ThreadOptions } from './bootstrap-threads.js';
import { compareMetric, type Compared } from './compare.js';
import { EVALUATION_FORMAT, REPORT_LEVEL, type ConfusionSection, type EvaluationDocument, type ModelSide } from './evaluation.js';
import { evaluatorsFor, type ScoredRows } from './evaluators.js';
import { checkRuleMetrics, judgeRules, resolveDirection } from './judge.js';
import { findMetric, requireMetric, type MetricsFile } from './metrics-file.js';
import { evaluateSlices } from './slices.js';
import type { GatePolicy, MetricResult, MetricRule, RuleOutcome } from './types.js';

export type BaselineInput = { model: string } | { metrics: MetricsFile } | { missing: string } | undefined;

export interface GateOptions {
  /** The candidate: an ONNX model scored on `data`, or its metrics as numbers. */
  candidate: { model: string } | { metrics: MetricsFile };
  baseline: BaselineInput;
  data?: readonly string[] | undefined;
  format: 'auto' | DataFormat;
  label?: string | undefined;
  task?: Task | undefined;
  features?: readonly string[] | undefined;
  policy: GatePolicy;
  /** Binary decision threshold. */
  threshold: number;
  bootstrap: number;
  seed: number;
  cwd: string;
  store: () => ObjectStore;
  threads: ThreadOptions;
  logger: Logger;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function verdictOf(outcomes: readonly RuleOutcome[]): { passed: boolean; verdict: string } {
  const failed = outcomes.filter((outcome) => outcome.status === 'fail');
  const skipped = outcomes.filter((outcome) => outcome.status === 'skipped').length;
  const judged = outcomes.length - skipped;
  if (failed.length > 0) {
    const more = failed.length > 1 ? ` (and ${plural(failed.length - 1, 'more failed check')})` : '';
    return { passed: false, verdict: `${failed[0]!.reason}${more}.` };
  }
  if (outcomes.length === 0) return { passed: true, verdict: 'No rules to judge, so the gate passes: add a policy or thresholds to gate the merge.' };
  const skippedText = skipped === 0 ? '' : `; ${plural(skipped, 'check')} skipped without a baseline`;
  return { passed: true, verdict: `${judged === outcomes.length ? 'All' : 'The'} ${plural(judged, 'check')} passed${skippedText}.` };
}

/** The catalog metrics of the task, those the policy names first (in its order). */
function orderedMetrics(task: Task, names: readonly string[], rules: readonly MetricRule[]): MetricInfo[] {
  const available = METRIC_CATALOG[task].filter((info) => names.includes(info.name));
  const ruled = [...new Set(rules.map((rule) => rule.metric))].map((name) => available.find((info) => info.name === name)).filter((info) => info !== undefined);
  return [...ruled, ...available.filter((info) => !ruled.includes(info))];
}

function modelSide(model: LoadedModel, plan: InputPlan): ModelSide {
  return { kind: 'model', path: model.name, sha256: model.sha256, inputs: plan.inputs.map((input) => input.name), output: plan.output.name };
}

function scoredLabels(encoded: EncodedLabels): ScoredRows['labels'] {
  return (encoded.binary ?? encoded.multiclass ?? encoded.regression)!;
}

/** Binary models give P(positive) as [N] or [N, 1], or both classes as [N, 2] (column 1 positive). */
function taskPredictions(task: Task, predictions: Predictions, model: string, classes: number): Float64Array {
  const { width, values, rows } = predictions;
  if (task === 'regression') {
    if (width !== 1) throw new InputError(`${model} gives ${width} values per row (output "${predictions.output}"), but a regression model gives one; check the task and the model's output.`);
    return values;
  }
  if (task === 'multiclass') {
    if (width < 3) throw new InputError(`${model} gives ${width} value${width === 1 ? '' : 's'} per row (output "${predictions.output}"), but a multiclass model gives one probability per class ([N, C], C ≥ 3).`);
    if (width < classes) throw new InputError(`${model} gives ${width} class probabilities per row, but the label has ${classes} classes.`);
    checkProbabilities(values, model, predictions.output);
    return values;
  }
  if (width > 2) throw new InputError(`${model} gives ${width} values per row (output "${predictions.output}"), but the task is binary: set task to multiclass, or export the positive class's probability.`);
  const positive = width === 1 ? values : Float64Array.from({ length: rows }, (_, row) => values[row * 2 + 1]!);
  checkProbabilities(positive, model, predictions.output);
  return positive;
}

function checkProbabilities(values: Float64Array, model: string, output: string): void {
  let bad = -1;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value < 0 || value > 1) {
      bad = i;
      break;
    }
  }
  if (bad >= 0) {
    throw new InputError(
      `${model}'s output "${output}" has ${values[bad]} (value ${bad + 1}), outside [0, 1]: evaluate-gate needs probabilities; end the exported graph with a Sigmoid or Softmax.`,
    );
  }
}

function confusionOf(rows: ScoredRows, encoded: EncodedLabels): ConfusionSection | undefined {
  if (rows.task === 'regression' || encoded.classes.length > 20) return undefined;
  const classes = rows.task === 'binary' ? 2 : rows.classes;
  const predict = (values: Float64Array) => (rows.task === 'binary' ? binaryPredictions(values, rows.threshold) : argmaxPredictions(values, classes));
  const labels = rows.task === 'binary' ? encoded.classes : Array.from({ length: classes }, (_, i) => encoded.classes[i] ?? String(i));
  const section: ConfusionSection = { labels, candidate: confusionMatrix(rows.labels, predict(rows.candidate), classes) };
  if (rows.baseline !== undefined) section.baseline = confusionMatrix(rows.labels, predict(rows.baseline), classes);
  if (rows.task === 'binary') section.threshold = rows.threshold;
  return section;
}

async function openModels(options: GateOptions, candidatePath: string): Promise<{ candidate: LoadedModel; baseline?: LoadedModel }> {
  const candidate = await openModel(candidatePath);
  if (options.baseline === undefined || !('model' in options.baseline)) return { candidate };
  try {
    return { candidate, baseline: await openModel(options.baseline.model) };
  } catch (error) {
    await releaseModel(candidate);
    throw error;
  }
}

async function scoredGate(options: GateOptions, candidatePath: string): Promise<EvaluationDocument> {
  const { logger, policy } = options;
  if (options.data === undefined) throw new InputError('Input "data" is required with "model": name the evaluation dataset the model is scored on.');
  if (options.label === undefined) throw new InputError('Input "label" is required with "model": name the column that holds the true values.');
  const needsStore = options.data.some((spec) => spec.startsWith('s3://'));
  const sources = await resolveSources(options.data, { cwd: options.cwd, ...(needsStore ? { store: options.store() } : {}) });
  const columns = await readDataColumns(sources[0]!, options.format);
  const models = await openModels(options, candidatePath);
  try {
    const plans = { candidate: planInputs(models.candidate, options.features, columns), baseline: models.baseline && planInputs(models.baseline, options.features, columns) };
    const features = [...new Set([...plans.candidate.features, ...(plans.baseline?.features ?? [])])];
    const sliceColumns = policy.slices?.columns ?? [];
    const table: EvaluationTable = await logger.group('Reading the evaluation data', () =>
      readEvaluationTable(sources, { format: options.format, features, label: options.label, categorical: sliceColumns }),
    );
    logger.info(`Read ${table.rows} rows from ${plural(table.sources.length, 'file')}.`);
    const candidatePredictions = await logger.group(`Scoring ${models.candidate.name}`, () => scoreModel(models.candidate, plans.candidate, table));
    const baselinePredictions = models.baseline && (await logger.group(`Scoring ${models.baseline.name}`, () => scoreModel(models.baseline!, plans.baseline!, table)));
    if (baselinePredictions !== undefined && baselinePredictions.width !== candidatePredictions.width) {
      throw new InputError(`${models.candidate.name} gives ${candidatePredictions.width} values per row but ${models.baseline!.name} gives ${baselinePredictions.width}: the baseline must predict the same thing as the candidate.`);
    }
    const encoded = encodeLabels(table.label!, options.label, { task: options.task, predictionWidth: candidatePredictions.width });
    if (encoded.inferredFrom !== undefined) logger.info(`Task: ${encoded.task}, inferred: ${encoded.inferredFrom} Set the task input to make it explicit.`);
    const task = encoded.task;
    const classes = task === 'multiclass' ? candidatePredictions.width : 2;
    const rows: ScoredRows = {
      task,
      labels: scoredLabels(encoded),
      candidate: taskPredictions(task, candidatePredictions, models.candidate.name, encoded.classes.length),
      classes,
      threshold: options.threshold,
    };
    if (baselinePredictions !== undefined) rows.baseline = taskPredictions(task, baselinePredictions, models.baseline!.name, encoded.classes.length);

    const evaluators = evaluatorsFor(rows);
    const names = evaluators.candidate.names;
    checkRuleMetrics(policy.rules, names, `for a ${task} model`);
    if (policy.slices !== undefined) checkRuleMetrics((policy.slices.metrics ?? []).map((metric) => ({ metric, origin: policy.slices!.origin })), names, `for a ${task} model`);
    const candidatePoint = evaluators.candidate.evaluate();
    const baselinePoint = evaluators.baseline?.evaluate();
    const started = Date.now();
    const samples = await logger.group(`Bootstrap: ${options.bootstrap} resamples of ${table.rows} rows`, () =>
      bootstrapScoredRows(rows, { resamples: options.bootstrap, seed: options.seed }, options.threads),
    );
    logger.info(`Bootstrap took ${((Date.now() - started) / 1000).toFixed(1)} s.`);

    const baselineNumbers = options.baseline !== undefined && 'metrics' in options.baseline ? options.baseline.metrics : undefined;
    const compared: Compared[] = orderedMetrics(task, names, policy.rules).map((info) => {
      const m = names.indexOf(info.name);
      const candidate = { value: candidatePoint[m]!, samples: new ResampledValues(samples.candidate[m]!) };
      if (baselinePoint !== undefined) {
        const baseline = { value: baselinePoint[m]!, samples: new ResampledValues(samples.baseline![m]!) };
        return compareMetric(info, candidate, baseline, new ResampledValues(samples.delta![m]!));
      }
      if (baselineNumbers !== undefined) {
        const ruled = policy.rules.some((rule) => rule.metric === info.name && (rule.maxRegression ?? rule.maxRegressionPct ?? rule.minImprovement) !== undefined || (rule.metric === info.name && rule.mustImprove === true));
        const value = ruled ? requireMetric(baselineNumbers, info.name, 'the policy compares with the baseline') : findMetric(baselineNumbers, info.name);
        return value === undefined ? compareMetric(info, candidate) : compareMetric(info, candidate, { value });
      }
      return compareMetric(info, candidate);
    });
    const results = new Map<string, MetricResult>(compared.map(({ result }) => [result.name, result]));
    const outcomes = judgeRules(policy.rules, results);

    const doc = documentBase(outcomes, {
      task,
      label: options.label,
      threshold: task === 'binary' ? options.threshold : undefined,
      candidate: modelSide(models.candidate, plans.candidate),
      metrics: compared,
    });
    if (encoded.inferredFrom !== undefined) doc.taskInferred = encoded.inferredFrom;
    if (encoded.positiveClass !== undefined) doc.positiveClass = encoded.positiveClass;
    if (encoded.note !== undefined) doc.notes.push(encoded.note);
    doc.rows = table.rows;
    doc.data = table.sources;
    doc.features = features;
    doc.bootstrap = { resamples: options.bootstrap, seed: options.seed, level: REPORT_LEVEL, paired: baselinePoint !== undefined };
    if (models.baseline !== undefined) doc.baseline = modelSide(models.baseline, plans.baseline!);
    else if (baselineNumbers !== undefined) {
      doc.baseline = { kind: 'metrics', origin: baselineNumbers.origin };
      doc.notes.push('The baseline is given as numbers: intervals of Δ are the candidate\'s intervals shifted by the baseline value (the baseline taken as exact).');
    }
    const confusion = confusionOf(rows, encoded);
    if (confusion !== undefined) doc.confusion = confusion;
    if (policy.slices !== undefined) {
      const sliceMetrics = (policy.slices.metrics ?? [...new Set(policy.rules.map((rule) => rule.metric))]).filter((name) => names.includes(name));
      const section = evaluateSlices({
        policy: policy.slices,
        columns: table.categorical,
        candidate: evaluators.candidate,
        baseline: evaluators.baseline,
        metrics: (sliceMetrics.length > 0 ? sliceMetrics : [names[0]!]).map((name) => ({ name, direction: metricInfo(task, name)!.direction })),
      });
      doc.slices = section;
      const sliceOutcomes = section.rows.flatMap((row) => row.outcomes);
      const failedSlices = sliceOutcomes.filter((outcome) => outcome.status === 'fail');
      if (failedSlices.length > 0) {
        doc.outcomes.push(...failedSlices.map((outcome) => ({ ...outcome, metric: 'slices' })));
      } else if (sliceOutcomes.length > 0) {
        doc.outcomes.push({ metric: 'slices', check: section.rule ?? '', status: 'pass', reason: `all ${plural(section.rows.filter((row) => row.outcomes.length > 0).length, 'judged slice')} within ${section.rule ?? 'the rule'}`, origin: policy.slices.origin });
      }
      Object.assign(doc, verdictOf(doc.outcomes));
    }
    return doc;
  } finally {
    await releaseModel(models.candidate);
    if (models.baseline !== undefined) await releaseModel(models.baseline);
  }
}

interface DocumentParts {
  task?: Task | undefined;
  label?: string | undefined;
  threshold?: number | undefined;
  candidate: EvaluationDocument['candidate'];
  metrics: readonly Compared[];
}

function documentBase(outcomes: RuleOutcome[], parts: DocumentParts): EvaluationDocument {
  const doc: EvaluationDocument = {
    format: EVALUATION_FORMAT,
    version: 1,
    ...verdictOf(outcomes),
    candidate: parts.candidate,
    metrics: parts.metrics.map(({ row }) => row),
    outcomes,
    notes: [],
  };
  if (parts.task !== undefined) doc.task = parts.task;
  if (parts.label !== undefined) doc.label = parts.label;
  if (parts.threshold !== undefined) doc.threshold = parts.threshold;
  return doc;
}

/** The gate on metrics given as numbers: no rows, so no intervals; rules judge point values. */
function numbersGate(options: GateOptions, candidate: MetricsFile): EvaluationDocument {
  const { policy } = options;
  if (options.baseline !== undefined && 'model' in options.baseline) {
    throw new InputError('Input "baseline-model" needs "model" (the candidate model, scored on the same rows); with candidate "metrics", give the baseline as "baseline-metrics".');
  }
  const baseline = options.baseline !== undefined && 'metrics' in options.baseline ? options.baseline.metrics : undefined;
  const ruled = [...new Set(policy.rules.map((rule) => rule.metric))];
  for (const name of ruled) requireMetric(candidate, name, 'the policy judges');
  const names = ruled.length > 0 ? ruled : [...candidate.values.keys()];
  const compared = names.map((name) => {
    const rule = policy.rules.find((r) => r.metric === name);
    const direction = rule === undefined ? knownDirection(name) : resolveDirection(rule);
    const info: MetricInfo = { name, title: name, direction: direction ?? 'higher' };
    const value = findMetric(candidate, name)!;
    const needsBaseline = rule !== undefined && (rule.maxRegression !== undefined || rule.maxRegressionPct !== undefined || rule.mustImprove === true || rule.minImprovement !== undefined);
    const base = baseline === undefined ? undefined : needsBaseline ? requireMetric(baseline, name, 'the policy compares with the baseline') : findMetric(baseline, name);
    return compareMetric(info, { value }, base === undefined ? undefined : { value: base });
  });
  const results = new Map<string, MetricResult>(compared.map(({ result }) => [result.name, result]));
  const doc = documentBase(judgeRules(policy.rules, results), { candidate: { kind: 'metrics', origin: candidate.origin }, metrics: compared });
  if (baseline !== undefined) doc.baseline = { kind: 'metrics', origin: baseline.origin };
  doc.notes.push('Metrics given as numbers: there are no rows to resample, so no intervals; rules with a confidence judge the point values.');
  if (policy.slices !== undefined) doc.notes.push('Slices need the model and the data; with metrics given as numbers they are not evaluated.');
  return doc;
}

export async function runGate(options: GateOptions): Promise<EvaluationDocument> {
  const doc = 'model' in options.candidate ? await scoredGate(options, options.candidate.model) : numbersGate(options, options.candidate.metrics);
  if (options.baseline !== undefined && 'missing' in options.baseline) doc.noBaseline = options.baseline.missing;
  return doc;
}
