/**
 * Reads a gate policy file (YAML, or JSON, which is YAML) into a GatePolicy. The format is documented
 * in docs/gate-policy.md and published for editors as schemas/gate-policy.json.
 *
 * Every mistake is an InputError of one line, `<file>:<line>: <what is wrong>; <how to fix>`, with the
 * line of the offending key or value. As for schema files (src/core/schema/schema-file.ts), the parser
 * walks the YAML node tree (src/core/inputs/yaml-reader.ts), so it knows each node's line, reports
 * duplicate keys itself and sees numbers and booleans as they were written. Whether a metric exists for the model's task is not
 * known here; the gate checks that with checkRuleMetrics once the task is known.
 */
import { InputError } from '../errors.js';
import { closest, didYouMean } from '../inputs/did-you-mean.js';
import { describe, loadYamlFile, plain, YamlReader, type Entry } from '../inputs/yaml-reader.js';
import { knownDirection, METRIC_CATALOG } from '../metrics/catalog.js';
import type { Direction } from '../metrics/types.js';
import type { GatePolicy, MetricRule, SlicePolicy } from './types.js';

/** A parsed policy file: the rules, the slices, and the binary decision threshold when given. */
export interface PolicyFile extends GatePolicy {
  /** The path used in messages and rule origins. */
  file: string;
  /** The binary decision threshold, in (0, 1). */
  threshold?: number;
}

/** Top-level keys; `$schema` lets a JSON file name its JSON Schema for editors. */
export const POLICY_KEYS = ['metrics', 'slices', 'threshold', 'version', '$schema'] as const;

/** A metric's rule keys as written in the file (snake_case). */
export const METRIC_RULE_KEYS = ['direction', 'min', 'max', 'max_regression', 'max_regression_pct', 'must_improve', 'min_improvement', 'confidence'] as const;
type RuleKey = (typeof METRIC_RULE_KEYS)[number];

export const SLICE_KEYS = ['columns', 'metrics', 'max_regression', 'max_regression_pct', 'top', 'min_rows'] as const;

/** The defaults of `slices.top` and `slices.min_rows`. */
export const DEFAULT_SLICE_TOP = 10;
export const DEFAULT_SLICE_MIN_ROWS = 100;

const DIRECTIONS: readonly Direction[] = ['higher', 'lower'];

/** Common ways of saying a direction, for did-you-mean hints. */
const DIRECTION_ALIASES: Readonly<Record<string, Direction>> = {
  up: 'higher',
  high: 'higher',
  max: 'higher',
  maximize: 'higher',
  maximise: 'higher',
  increase: 'higher',
  higher_is_better: 'higher',
  greater: 'higher',
  down: 'lower',
  low: 'lower',
  min: 'lower',
  minimize: 'lower',
  minimise: 'lower',
  decrease: 'lower',
  lower_is_better: 'lower',
  less: 'lower',
};

/** Every metric name in the catalog, once, in catalog order. */
const CATALOG_NAMES: readonly string[] = [...new Set(Object.values(METRIC_CATALOG).flatMap((metrics) => metrics.map((metric) => metric.name)))];

/**
 * Parses a policy file's text. `file` is the path used in messages and rule origins.
 * Throws an InputError naming the file and line for any mistake.
 */
export function parsePolicy(text: string, file: string): PolicyFile {
  const reader = new YamlReader(text, file, 'roc_auc');
  const example = 'e.g. metrics: { roc_auc: { min: 0.8 } }';

  const { keys, main: metricsValue } = reader.topLevel({
    noun: 'policy',
    keys: POLICY_KEYS,
    main: 'metrics',
    item: 'metric',
    emptyFix: `name the metrics to gate under a top-level "metrics:" mapping, ${example}`,
    missingFix: `add a top-level "metrics:" mapping of metric names to their rules, ${example}`,
    mainFix: 'write each metric on its own line as "name: { min: 0.8 }" (or "name: {}" to only show it)',
  });
  const metricEntries = reader.entries(metricsValue.node, metricsValue.line, '"metrics"');
  if (metricEntries.length === 0) throw reader.fail(metricsValue.line, '"metrics" names no metric', `add at least one metric with its rules, ${example}`);
  const rules = metricEntries.map((entry) => readMetric(reader, entry));

  const policy: PolicyFile = { file, rules };
  const slicesEntry = keys.get('slices');
  if (slicesEntry !== undefined) policy.slices = readSlices(reader, slicesEntry, rules);

  const threshold = keys.get('threshold');
  if (threshold !== undefined) {
    const given = threshold.value;
    if (given.kind !== 'number' || !(given.value > 0 && given.value < 1)) {
      const what = given.kind === 'null' ? 'threshold has no value' : `threshold is ${describe(given)}, which is not a probability between 0 and 1`;
      throw reader.fail(threshold.line, what, 'write the decision threshold on the positive-class probability, e.g. threshold: 0.5 (both ends excluded)');
    }
    policy.threshold = given.value;
  }
  return policy;
}

function readMetric(reader: YamlReader, metric: Entry): MetricRule {
  const { name, value } = metric;
  const subject = `metric "${name}"`;
  if (name.trim() === '') throw reader.fail(metric.line, 'a metric has an empty name', 'write the metric name as the metrics report it, e.g. roc_auc');
  const rule: MetricRule = { metric: name, origin: { source: 'policy', file: reader.file, line: metric.line } };
  const catalogDirection = knownDirection(name);
  if (value.kind !== 'null' && value.kind !== 'map') {
    throw reader.fail(value.line, `${subject} is ${describe(value)}, but it must be a mapping of rules`, `write its rules as a mapping, e.g. ${name}: { min: 0.8 } (or ${name}: {} to only show it)`);
  }
  const keys = value.kind === 'map' ? reader.knownEntries(value.node, value.line, METRIC_RULE_KEYS, subject, (key) => `${subject} has an unknown key "${key}"`) : new Map<RuleKey, Entry>();

  for (const [key, entry] of keys) readRuleKey(reader, subject, key, entry, rule);

  const direction = keys.get('direction');
  if (direction !== undefined && catalogDirection !== undefined && rule.direction !== catalogDirection) {
    throw reader.fail(direction.line, `${subject} has direction ${rule.direction ?? ''}, but ${name} is ${catalogDirection}-is-better`, 'remove direction (known metrics take it from the catalog)');
  }
  if (direction === undefined && catalogDirection === undefined) {
    const near = closest(name, CATALOG_NAMES);
    const fix =
      near === undefined
        ? 'add direction: higher or direction: lower'
        : `correct the name (did you mean "${near}"?), or for a metric of your own add direction: higher or direction: lower`;
    throw reader.fail(metric.line, `${subject} is not a known metric and has no direction`, fix);
  }
  if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
    throw reader.fail((keys.get('min') as Entry).line, `${subject} has min ${rule.min} greater than max ${rule.max}, so no value can pass`, 'swap them or correct one');
  }
  const mustImprove = keys.get('must_improve');
  if (mustImprove !== undefined && rule.mustImprove === false && rule.minImprovement !== undefined) {
    throw reader.fail(mustImprove.line, `${subject} has must_improve: false and min_improvement`, 'remove must_improve (min_improvement implies must_improve: true) or remove min_improvement');
  }
  if (rule.mustImprove === false) delete rule.mustImprove;
  if (rule.minImprovement !== undefined) rule.mustImprove = true;
  const confidence = keys.get('confidence');
  if (confidence !== undefined && rule.maxRegression === undefined && rule.maxRegressionPct === undefined && rule.mustImprove !== true) {
    throw reader.fail(
      confidence.line,
      `${subject} has confidence but no rule that compares with the baseline`,
      'add max_regression, max_regression_pct, must_improve or min_improvement for it to apply to, or remove confidence',
    );
  }
  return rule;
}

function readRuleKey(reader: YamlReader, subject: string, key: RuleKey, entry: Entry, rule: MetricRule): void {
  const { value, line } = entry;
  const bad = (expected: string, fix: string): InputError =>
    value.kind === 'null' ? reader.fail(line, `${subject} has ${key} without a value`, fix) : reader.fail(line, `${subject} has ${key} ${value.text}, which is not ${expected}`, fix);
  const unquote = (example: string): string =>
    value.kind === 'string' && value.value.trim() !== '' && Number.isFinite(Number(value.value)) ? `remove the quotes: ${key}: ${value.value}` : `write a number, e.g. ${key}: ${example}`;

  switch (key) {
    case 'direction': {
      if (value.kind !== 'string' || !(DIRECTIONS as readonly string[]).includes(value.value)) {
        const near = value.kind === 'string' ? (DIRECTION_ALIASES[value.value.toLowerCase()] ?? closest(value.value, DIRECTIONS)) : undefined;
        throw bad('a direction', `write higher or lower, whichever is better for the metric${didYouMean(near)}`);
      }
      rule.direction = value.value as Direction;
      return;
    }
    case 'min':
    case 'max': {
      if (value.kind !== 'number' || !Number.isFinite(value.value)) throw bad('a number', unquote(key === 'min' ? '0.8' : '0.3'));
      rule[key] = value.value;
      return;
    }
    case 'max_regression':
    case 'max_regression_pct':
    case 'min_improvement': {
      const example = key === 'max_regression_pct' ? '5' : '0.01';
      if (value.kind !== 'number' || !Number.isFinite(value.value)) throw bad('a number', unquote(example));
      if (value.value < 0) {
        const amount = key === 'min_improvement' ? 'the smallest required gain' : 'the largest allowed worsening';
        throw reader.fail(line, `${subject} has ${key} ${value.text}, which is negative`, `write ${amount} as a positive amount, e.g. ${key}: ${value.text.replace(/^-/, '')} (direction says which way is worse)`);
      }
      const field = ({ max_regression: 'maxRegression', max_regression_pct: 'maxRegressionPct', min_improvement: 'minImprovement' } as const)[key];
      rule[field] = value.value;
      return;
    }
    case 'must_improve': {
      if (value.kind !== 'boolean') throw bad('true or false', 'write must_improve: true or must_improve: false');
      rule.mustImprove = value.value;
      return;
    }
    case 'confidence': {
      if (value.kind !== 'number' || !(value.value > 0.5 && value.value < 1)) {
        const fix =
          value.kind === 'number' && value.value > 50 && value.value < 100
            ? `write it as a fraction: confidence: ${Number((value.value / 100).toPrecision(12))} for ${value.text}%`
            : 'write the confidence level as a fraction, both ends excluded, e.g. confidence: 0.95';
        throw bad('a level between 0.5 and 1', fix);
      }
      rule.confidence = value.value;
      return;
    }
  }
}

function readSlices(reader: YamlReader, entry: Entry, rules: readonly MetricRule[]): SlicePolicy {
  const { value } = entry;
  if (value.kind !== 'map') {
    throw reader.fail(entry.line, `"slices" is ${describe(value)}, but it must be a mapping`, 'give it the columns to slice by, e.g. slices: { columns: [country], max_regression: 0.05 }');
  }
  const keys = reader.knownEntries(value.node, value.line, SLICE_KEYS, 'slices', (name) => `slices has an unknown key "${name}"`);
  const columns = keys.get('columns');
  if (columns === undefined) throw reader.fail(entry.line, 'slices has no "columns"', 'list the columns to slice by, e.g. columns: [country, plan]');
  const slices: SlicePolicy = {
    columns: readNames(reader, columns, 'slices.columns', 'column', 'country'),
    top: DEFAULT_SLICE_TOP,
    minRows: DEFAULT_SLICE_MIN_ROWS,
    origin: { source: 'policy', file: reader.file, line: entry.line },
  };
  const metrics = keys.get('metrics');
  if (metrics !== undefined) {
    const named = rules.map((rule) => rule.metric);
    const names = readNames(reader, metrics, 'slices.metrics', 'metric', named[0] ?? 'roc_auc');
    names.forEach((name, index) => {
      if (named.includes(name)) return;
      const near = closest(name, named);
      const itemLine = reader.value(metrics.value.kind === 'list' ? metrics.value.node.items[index] : undefined, metrics.line).line;
      throw reader.fail(
        itemLine,
        `slices.metrics names "${name}", which is not under metrics`,
        `add it under metrics (e.g. ${name}: {}) or correct the name${didYouMean(near)}`,
      );
    });
    slices.metrics = names;
  }
  for (const key of ['max_regression', 'max_regression_pct'] as const) {
    const item = keys.get(key);
    if (item === undefined) continue;
    const given = item.value;
    const example = key === 'max_regression' ? '0.05' : '10';
    if (given.kind !== 'number' || !Number.isFinite(given.value) || given.value < 0) {
      const what = given.kind === 'null' ? `slices has ${key} without a value` : `slices has ${key} ${given.text}, which is not a non-negative number`;
      throw reader.fail(item.line, what, `write the largest allowed worsening in each slice as a positive amount, e.g. ${key}: ${example}`);
    }
    slices[key === 'max_regression' ? 'maxRegression' : 'maxRegressionPct'] = given.value;
  }
  for (const key of ['top', 'min_rows'] as const) {
    const item = keys.get(key);
    if (item === undefined) continue;
    const given = item.value;
    if (given.kind !== 'number' || !Number.isSafeInteger(given.value) || given.value < 1) {
      const what = given.kind === 'null' ? `slices has ${key} without a value` : `slices has ${key} ${given.text}, which is not a whole number of at least 1`;
      const fix = key === 'top' ? 'write how many of the most frequent values of each column get their own slice, e.g. top: 10' : 'write the fewest rows a slice needs to be judged, e.g. min_rows: 100';
      throw reader.fail(item.line, what, fix);
    }
    slices[key === 'top' ? 'top' : 'minRows'] = given.value;
  }
  return slices;
}

/** A non-empty list of distinct non-empty names. */
function readNames(reader: YamlReader, entry: Entry, subject: string, noun: string, example: string): string[] {
  const { value } = entry;
  if (value.kind !== 'list') {
    const shown = value.kind === 'string' || value.kind === 'number' ? plain(value) : example;
    throw reader.fail(entry.line, `${subject} is ${describe(value)}, but it must be a list of ${noun} names`, `write it as a list, e.g. [${shown}]`);
  }
  if (value.node.items.length === 0) throw reader.fail(entry.line, `${subject} is an empty list`, `list at least one ${noun}, e.g. [${example}]`);
  const names: string[] = [];
  for (const node of value.node.items) {
    const item = reader.value(node, value.line);
    if (item.kind !== 'string' || item.value === '') {
      const fix = item.kind === 'number' || item.kind === 'boolean' ? `quote the ${noun} name: "${item.text}"` : `list ${noun} names, e.g. [${example}]`;
      throw reader.fail(item.line, `${subject} lists ${item.kind === 'string' ? 'an empty name' : describe(item)}, which is not a ${noun} name`, fix);
    }
    if (names.includes(item.value)) throw reader.fail(item.line, `${subject} lists ${item.text} twice`, 'remove the repeat');
    names.push(item.value);
  }
  return names;
}

/**
 * Reads and parses the policy file at `path` (relative to `cwd`). The policy's `file` is the path
 * relative to `cwd`, with forward slashes, as GitHub annotations expect.
 */
export function loadPolicy(path: string, cwd: string): Promise<PolicyFile> {
  return loadYamlFile(path, cwd, 'policy', parsePolicy);
}
