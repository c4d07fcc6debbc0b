/**
 * The gate, end to end and free of GitHub: score the candidate (and the baseline model) on the
 * evaluation rows, compute every metric of the task with paired bootstrap intervals, or take the
 * metrics as numbers; judge the policy's rules and slices; return the evaluation document.
 */
import { resolveSources } from '../data/resolve-sources.js';
import { InputError } from '../errors.js';
import { readDataColumns, readEvaluationTable, type EvaluationTable } from '../evaluation/evaluation-table.js';
import { encodeLabels } from '../evaluation/labels.js';
import { openModel, planInputs, releaseModel, scoreModel, type InputPlan, type LoadedModel } from '../inference/score-model.js';
import { METRIC_CATALOG, metricInfo, type MetricInfo } from '../metrics/catalog.js';
import type { Task } from '../metrics/types.js';
import { ResampledValues } from './bootstrap.js';
import { bootstrapScoredRows } from './bootstrap-threads.js';
import { compareMetric, type Compared } from './compare.js';
import { documentBase, plural, verdictOf } from './document.js';
import { REPORT_LEVEL, type EvaluationDocument, type ModelSide } from './evaluation.js';
import { evaluatorsFor, type ScoredRows } from './evaluators.js';
import { checkRuleMetrics, judgeRules } from './judge.js';
import { findMetric, requireMetric } from './metrics-file.js';
import { numbersGate } from './numbers-gate.js';
import { comparesWithBaseline, type GateOptions } from './options.js';
import { confusionOf, scoredLabels, taskPredictions } from './predictions.js';
import { evaluateSlices } from './slices.js';
import type { MetricResult, MetricRule } from './types.js';

export type { BaselineInput, GateOptions } from './options.js';

/** The catalog metrics of the task, those the policy names first (in its order). */
function orderedMetrics(task: Task, names: readonly string[], rules: readonly MetricRule[]): MetricInfo[] {
  const available = METRIC_CATALOG[task].filter((info) => names.includes(info.name));
  const ruled = [...new Set(rules.map((rule) => rule.metric))].map((name) => available.find((info) => info.name === name)).filter((info) => info !== undefined);
  return [...ruled, ...available.filter((info) => !ruled.includes(info))];
}

function modelSide(model: LoadedModel, plan: InputPlan): ModelSide {
  return { kind: 'model', path: model.name, sha256: model.sha256, inputs: plan.inputs.map((input) => input.name), output: plan.output.name };
}

async function openModels(options: GateOptions, candidatePath: string): Promise<{ candidate: LoadedModel; baseline?: LoadedModel }> {
  const candidate = await openModel(candidatePath);
  if (options.baseline === undefined || !('model' in options.baseline)) return { candidate };
  try {
    return { candidate, baseline: await openModel(options.baseline.model, options.baseline.name) };
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
      bootstrapScoredRows(rows, { resamples: options.bootstrap, seed: options.seed }, { ...options.threads, onWorkerError: (message) => logger.warning(`A bootstrap thread failed; ${message}`) }),
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
        const needed = policy.rules.some((rule) => rule.metric === info.name && comparesWithBaseline(rule));
        const value = needed ? requireMetric(baselineNumbers, info.name, 'the policy compares with the baseline') : findMetric(baselineNumbers, info.name);
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

export async function runGate(options: GateOptions): Promise<EvaluationDocument> {
  const doc = 'model' in options.candidate ? await scoredGate(options, options.candidate.model) : numbersGate(options, options.candidate.metrics);
  if (options.baseline !== undefined && 'missing' in options.baseline) doc.noBaseline = options.baseline.missing;
  return doc;
}
