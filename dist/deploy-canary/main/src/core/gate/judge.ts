/**
 * Judges a gate's rules on the computed metrics: absolute bounds on the candidate's point value,
 * allowed regressions and required improvements versus the baseline, on the bootstrap interval of
 * the paired difference Δ = candidate − baseline when a confidence is asked for. The exact semantics
 * are in docs/gate-policy.md; every outcome carries a one-line reason with the numbers.
 *
 * Comparisons ignore differences below 10⁻¹² of the numbers compared (floating-point rounding), so
 * a metric that fell by exactly the allowed amount passes.
 */
import { InputError } from '../errors.js';
import { closest } from '../inputs/did-you-mean.js';
import { knownDirection, metricInfo } from '../metrics/catalog.js';
import type { Direction, Task } from '../metrics/types.js';
import { formatApart, formatDelta, formatPercent, formatValue, MINUS, type NumberFormat } from '../report/numbers.js';
import type { Estimate, Interval, MetricResult, MetricRule, RuleOrigin, RuleOutcome, RuleStatus } from './types.js';

/** What a check needs of one metric: which way is better, the candidate, and the baseline and Δ if any. */
export interface Comparison {
  direction: Direction;
  candidate: Estimate;
  baseline?: Estimate;
  /** candidate − baseline, with the paired bootstrap interval when both models were scored on the same rows. */
  delta?: Estimate;
}

/** An allowed worsening: in the metric's units, or in percent of |baseline|. */
export type RegressionLimit = { kind: 'absolute'; value: number } | { kind: 'percent'; value: number };

/** One judged check: the short form for the report's Rule column, the status and the reason. */
export interface Judgement {
  check: string;
  status: RuleStatus;
  reason: string;
}

const TOLERANCE = 1e-12;

/** a > b by more than floating-point rounding of numbers of size `scale`. */
function above(a: number, b: number, ...scale: number[]): boolean {
  return a - b > TOLERANCE * Math.max(Math.abs(a), Math.abs(b), ...scale.map(Math.abs));
}

/** Both numbers formatted; with more digits when they differ beyond rounding but would read the same. */
function pair(a: number, b: number, scale: readonly number[] = [], format: NumberFormat = formatValue, digits = 4): [string, string] {
  return above(a, b, ...scale) || above(b, a, ...scale) ? formatApart(a, b, format, digits) : [format(a, digits), format(b, digits)];
}

/** How much worse the candidate is than the baseline: (baseline − candidate) for higher-is-better, (candidate − baseline) for lower. Negative when it is better. */
export function worsening(direction: Direction, baseline: number, candidate: number): number {
  return direction === 'higher' ? baseline - candidate : candidate - baseline;
}

/** The allowed worsening in the metric's units: the absolute limit, or pct/100 × |baseline|. */
export function allowedWorsening(limit: RegressionLimit, baseline: number): number {
  return limit.kind === 'absolute' ? limit.value : (limit.value / 100) * Math.abs(baseline);
}

/** A confidence level as a percentage: 0.95 → `95%`, 0.975 → `97.5%`. */
export function levelText(level: number): string {
  return `${Number((level * 100).toPrecision(10))}%`;
}

/** Where a rule was written, for messages: `policy.yaml:4`, or `Input "thresholds", rule "roc_auc>=0.8"`. */
export function ruleLocation(origin: RuleOrigin): string {
  if (origin.source === 'thresholds') return `Input "thresholds", rule ${JSON.stringify(origin.text ?? '')}`;
  const file = origin.file ?? 'policy';
  return origin.line === undefined ? file : `${file}:${origin.line}`;
}

/** The direction of a rule's metric: its own, else the catalog's (for `task`, or any task). Throws an InputError when neither says. */
export function resolveDirection(rule: MetricRule, task?: Task): Direction {
  if (rule.direction !== undefined) return rule.direction;
  const known = task === undefined ? knownDirection(rule.metric) : metricInfo(task, rule.metric)?.direction;
  if (known !== undefined) return known;
  const what = `metric "${rule.metric}" has no direction and is not a known metric${task === undefined ? '' : ` for a ${task} model`}`;
  const fix =
    rule.origin.source === 'policy'
      ? 'add direction: higher or direction: lower to its rule'
      : `bound its change instead (e.g. ${rule.metric}>=-0.01 for higher-is-better), or give it a direction in the policy file`;
  throw new InputError(`${ruleLocation(rule.origin)}: ${what}; ${fix}`);
}

/**
 * Throws an InputError for the first rule whose metric is not in `available`, with a did-you-mean
 * and the known names. `context` completes "unknown metric "x" …", e.g. `for a binary model`.
 */
export function checkRuleMetrics(rules: readonly MetricRule[], available: readonly string[], context: string): void {
  for (const rule of rules) {
    if (available.includes(rule.metric)) continue;
    const near = closest(rule.metric, available);
    const hint = near === undefined ? '' : `did you mean ${near}? `;
    const known = available.length === 0 ? 'none' : available.join(', ');
    throw new InputError(`${ruleLocation(rule.origin)}: unknown metric "${rule.metric}" ${context}; ${hint}Known: ${known}`);
  }
}

/** The check of an absolute bound, e.g. `≥ 0.8`. */
function boundCheck(kind: 'min' | 'max', limit: number): string {
  return `${kind === 'min' ? '≥' : '≤'} ${formatValue(limit)}`;
}

/** Judges an absolute bound on the candidate's point value: `min` (value ≥ limit) or `max` (value ≤ limit). */
export function judgeBound(subject: string, value: number, kind: 'min' | 'max', limit: number): Judgement {
  const check = boundCheck(kind, limit);
  if (Number.isNaN(value)) return { check, status: 'fail', reason: `${subject} is n/a (it could not be computed), so ${check} cannot pass` };
  const [shown, bound] = pair(value, limit);
  if (kind === 'min') {
    return above(limit, value) ? { check, status: 'fail', reason: `${subject} ${shown} is below the minimum ${bound}` } : { check, status: 'pass', reason: `${subject} ${shown} ≥ ${bound}` };
  }
  return above(value, limit) ? { check, status: 'fail', reason: `${subject} ${shown} is above the maximum ${bound}` } : { check, status: 'pass', reason: `${subject} ${shown} ≤ ${bound}` };
}

function withLevel(check: string, confidence: number | undefined): string {
  return confidence === undefined ? check : `${check} (${levelText(confidence)})`;
}

/** The check of an allowed regression, e.g. `Δ ≥ −0.01 (95%)` or `Δ ≤ +5%`. */
function regressionCheck(direction: Direction, limit: RegressionLimit, confidence: number | undefined): string {
  const op = direction === 'higher' ? '≥' : '≤';
  const sign = direction === 'higher' ? MINUS : '+';
  const amount = `${formatValue(limit.value)}${limit.kind === 'percent' ? '%' : ''}`;
  return withLevel(`Δ ${op} ${limit.value === 0 ? amount : `${sign}${amount}`}`, confidence);
}

/** The check of a required improvement, e.g. `Δ > 0` or `Δ < −0.01 (95%)`. */
function improvementCheck(direction: Direction, minImprovement: number, confidence: number | undefined): string {
  const op = direction === 'higher' ? '>' : '<';
  const amount = minImprovement === 0 ? '0' : `${direction === 'higher' ? '+' : MINUS}${formatValue(minImprovement)}`;
  return withLevel(`Δ ${op} ${amount}`, confidence);
}

/** The parts of a comparison a baseline check needs, or a Judgement when the check cannot be made. */
type Prepared =
  | { ready: false; judgement: Judgement }
  | { ready: true; baseline: number; candidate: number; delta: number; interval: Interval | undefined; noInterval: boolean };

function prepare(subject: string, comparison: Comparison, check: string, what: string, confidence: number | undefined): Prepared {
  const candidate = comparison.candidate.value;
  if (Number.isNaN(candidate)) return { ready: false, judgement: { check, status: 'fail', reason: `${subject} is n/a (it could not be computed), so ${check} cannot pass` } };
  if (comparison.baseline === undefined) return { ready: false, judgement: { check, status: 'skipped', reason: `${subject}: no baseline to compare with, so ${what} was not checked` } };
  const baseline = comparison.baseline.value;
  if (Number.isNaN(baseline)) return { ready: false, judgement: { check, status: 'skipped', reason: `${subject}: the baseline is n/a, so ${what} was not checked` } };
  const delta = comparison.delta?.value ?? candidate - baseline;
  let interval: Interval | undefined;
  if (confidence !== undefined) {
    const found = comparison.delta?.interval?.(confidence);
    if (found !== undefined && Number.isFinite(found[0]) && Number.isFinite(found[1])) interval = found;
  }
  return { ready: true, baseline, candidate, delta, interval, noInterval: confidence !== undefined && interval === undefined };
}

/** `rose by 0.012`, `fell by 0.031`, `did not change`; `amount` formats the size of the change. */
function movement(delta: number, amount: (size: number) => string): string {
  if (delta === 0) return 'did not change';
  return `${delta > 0 ? 'rose' : 'fell'} by ${amount(Math.abs(delta))}`;
}

/** The number of decimals `text` shows (0 for exponent form). */
function decimalsOf(text: string): number {
  return /e/.test(text) ? 0 : (text.replace(/%$/, '').split('.')[1]?.length ?? 0);
}

/** `x` with at least `decimals` decimals (zeros trimmed), so values read consistently with a change shown to that precision. */
function atDecimals(x: number, decimals: number, shown: string): string {
  if (/e/.test(shown) || decimals <= decimalsOf(shown) || !Number.isFinite(x)) return shown;
  const fixed = formatValue(Number(x.toFixed(Math.min(decimals, 20))), 17);
  return decimalsOf(fixed) > decimalsOf(shown) ? fixed : shown;
}

/**
 * `(0.873 → 0.842)`, `(0.842)` when equal, or `(95% CI of Δ −0.045 to −0.018)`. `decimals` is the
 * precision of the change shown beside it: the values get as many decimals, so 0.85 → 0.83999 is
 * not shown as 0.85 → 0.84 next to a fall of 0.01001.
 */
function evidence(baseline: number, candidate: number, interval: Interval | undefined, confidence: number | undefined, ends: (x: number) => string, decimals: number): string {
  if (interval !== undefined && confidence !== undefined) return `(${levelText(confidence)} CI of Δ ${ends(interval[0])} to ${ends(interval[1])})`;
  if (baseline === candidate) return `(${formatValue(candidate)})`;
  const [from, to] = pair(baseline, candidate);
  return `(${atDecimals(baseline, decimals, from)} → ${atDecimals(candidate, decimals, to)})`;
}

/**
 * Judges an allowed regression. The worsening is (baseline − candidate) for higher-is-better and
 * (candidate − baseline) for lower; the allowed worsening is the limit, or pct/100 × |baseline|.
 * Without `confidence` (or without an interval of Δ) it fails when the point worsening is above the
 * allowed one; with it, only when the whole two-sided interval of Δ at that level lies beyond it.
 * `subject` names the metric in the reason (e.g. `roc_auc`, or `roc_auc in country = DE`).
 */
export function judgeRegression(subject: string, comparison: Comparison, limit: RegressionLimit, confidence?: number): Judgement {
  const { direction } = comparison;
  const check = regressionCheck(direction, limit, confidence);
  const fall = direction === 'higher' ? 'fall' : 'rise';
  const percent = limit.kind === 'percent';
  const limitText = `${formatValue(limit.value)}${percent ? '%' : ''}`;
  const prepared = prepare(subject, comparison, check, `the allowed ${fall} of ${limitText}`, confidence);
  if (!prepared.ready) return prepared.judgement;
  const { baseline, candidate, delta, interval, noInterval } = prepared;
  const allowed = allowedWorsening(limit, baseline);
  const worse = direction === 'higher' ? -delta : delta;
  const scale = [baseline, candidate];

  // Sizes in the limit's unit: percent of |baseline| for a percent limit (when the baseline is not 0).
  const relative = percent && baseline !== 0;
  const percentOf = (x: number, digits?: number): string => formatPercent(x, { signed: false, digits: digits ?? 3 });
  const ends = (x: number): string => (relative ? formatPercent(x / Math.abs(baseline)) : formatDelta(x));
  const [worseText, apart] = relative ? pair(Math.abs(delta) / Math.abs(baseline), limit.value / 100, [], percentOf, 3) : pair(Math.abs(delta), allowed, scale);
  const allowedText = percent && baseline === 0 ? `${limitText} of a baseline of 0` : apart;
  const moved = delta === 0 ? 'did not change' : `${delta > 0 ? 'rose' : 'fell'} by ${worseText}`;
  // The precision of the change in the metric's units: for a percentage, |Δ| to as many significant digits.
  const significant = worseText.replace(/[^0-9]/g, '').replace(/^0+/, '').length;
  const decimals = decimalsOf(relative ? formatValue(Math.abs(delta), Math.max(1, significant)) : worseText);
  const shown = `${subject} ${moved} ${evidence(baseline, candidate, interval, confidence, ends, decimals)}`;

  if (interval !== undefined) {
    const worstLow = direction === 'higher' ? -interval[1] : interval[0];
    if (above(worstLow, allowed, ...scale)) return { check, status: 'fail', reason: `${shown}, more than the allowed ${allowedText}` };
    if (above(worse, allowed, ...scale)) {
      return { check, status: 'pass', reason: `${shown}; more than the allowed ${allowedText}, but the interval does not exclude a ${fall} within it` };
    }
    return { check, status: 'pass', reason: worse > 0 ? `${shown}, within the allowed ${allowedText}` : shown };
  }
  const note = noInterval ? 'no interval: ' : '';
  const tail = noInterval ? ', judged on the point estimate' : '';
  if (above(worse, allowed, ...scale)) return { check, status: 'fail', reason: `${note}${shown}, more than the allowed ${allowedText}${tail}` };
  return { check, status: 'pass', reason: `${note}${worse > 0 ? `${shown}, within the allowed ${allowedText}` : shown}${tail}` };
}

/**
 * Judges a required improvement by more than `minImprovement` (≥ 0). Without `confidence` (or
 * without an interval of Δ) it passes when the point gain is above it (strictly, so no change fails);
 * with it, only when the whole two-sided interval of Δ at that level lies beyond it on the good side.
 */
export function judgeImprovement(subject: string, comparison: Comparison, minImprovement: number, confidence?: number): Judgement {
  const { direction } = comparison;
  const check = improvementCheck(direction, minImprovement, confidence);
  const rise = direction === 'higher' ? 'rise' : 'fall';
  const required = minImprovement === 0 ? `the required ${rise}` : `the required ${rise} of more than ${formatValue(minImprovement)}`;
  const prepared = prepare(subject, comparison, check, required, confidence);
  if (!prepared.ready) return prepared.judgement;
  const { baseline, candidate, delta, interval, noInterval } = prepared;
  const gain = direction === 'higher' ? delta : -delta;
  const scale = [baseline, candidate];
  const [gainText, minText] = pair(Math.abs(delta), minImprovement, scale);
  const shown = `${subject} ${movement(delta, () => gainText)} ${evidence(baseline, candidate, interval, confidence, formatDelta, decimalsOf(gainText))}`;
  const must = minImprovement === 0 ? `it must ${rise}` : `it must ${rise} by more than ${minText}`;
  const more = minImprovement === 0 ? '' : `, more than the required ${minText}`;

  const pointFails = !above(gain, minImprovement, ...scale);
  const pointFailure = (): string => (gain > 0 ? `${shown}, not more than the required ${minText}` : `${shown}; ${must}`);
  if (interval !== undefined) {
    const worstGain = direction === 'higher' ? interval[0] : -interval[1];
    if (above(worstGain, minImprovement, ...scale)) return { check, status: 'pass', reason: `${shown}${more}` };
    if (pointFails) return { check, status: 'fail', reason: pointFailure() };
    const what = minImprovement === 0 ? `the ${rise}` : `a ${rise} of more than ${minText}`;
    return { check, status: 'fail', reason: `${shown}; ${what} is not significant at ${levelText(confidence as number)}` };
  }
  const note = noInterval ? 'no interval: ' : '';
  const tail = noInterval ? ', judged on the point estimate' : '';
  if (pointFails) return { check, status: 'fail', reason: `${note}${pointFailure()}${tail}` };
  return { check, status: 'pass', reason: `${note}${shown}${more}${tail}` };
}

/**
 * Judges every rule on `results` (keyed by metric name): one outcome per check, in the order min,
 * max, max_regression, max_regression_pct, improvement; a rule with no bounds gives none. A metric
 * missing from `results` fails each of its checks (call checkRuleMetrics first to refuse unknown
 * names up front). The rule's direction wins over the result's.
 */
export function judgeRules(rules: readonly MetricRule[], results: ReadonlyMap<string, MetricResult>): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  for (const rule of rules) {
    const { metric, origin } = rule;
    const result = results.get(metric);
    const direction = rule.direction ?? result?.direction ?? knownDirection(metric) ?? 'higher';
    const judgements: Judgement[] = [];
    const missing = (check: string): Judgement => ({ check, status: 'fail', reason: `${metric} was not computed, so ${check} cannot pass` });
    const comparison: Comparison | undefined = result === undefined ? undefined : { ...result, direction };

    for (const kind of ['min', 'max'] as const) {
      const limit = rule[kind];
      if (limit === undefined) continue;
      judgements.push(comparison === undefined ? missing(boundCheck(kind, limit)) : judgeBound(metric, comparison.candidate.value, kind, limit));
    }
    const limits: RegressionLimit[] = [];
    if (rule.maxRegression !== undefined) limits.push({ kind: 'absolute', value: rule.maxRegression });
    if (rule.maxRegressionPct !== undefined) limits.push({ kind: 'percent', value: rule.maxRegressionPct });
    for (const limit of limits) {
      judgements.push(comparison === undefined ? missing(regressionCheck(direction, limit, rule.confidence)) : judgeRegression(metric, comparison, limit, rule.confidence));
    }
    if (rule.mustImprove === true || rule.minImprovement !== undefined) {
      const minImprovement = rule.minImprovement ?? 0;
      judgements.push(comparison === undefined ? missing(improvementCheck(direction, minImprovement, rule.confidence)) : judgeImprovement(metric, comparison, minImprovement, rule.confidence));
    }
    for (const judgement of judgements) outcomes.push({ metric, ...judgement, origin });
  }
  return outcomes;
}
