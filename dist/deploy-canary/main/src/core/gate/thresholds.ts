/**
 * The `thresholds` input: short inline rules such as `roc_auc>=0.8`, `log_loss<=+5%` or
 * `f1>+0@95%`, and how they combine with a policy file's rules. The grammar is documented in
 * docs/gate-policy.md (Inline thresholds):
 *
 *   rule  = metric op bound [ "@" level ]
 *   op    = ">=" | "<=" | ">" | "<" | "≥" | "≤"
 *   bound = number            a bound on the candidate's value (>= min, <= max)
 *         | sign number       a bound on Δ = candidate − baseline
 *         | sign number "%"   a bound on Δ in percent of |baseline|
 *   level = number "%" | number     the confidence of a Δ bound, 95% or 0.95
 *
 * A Δ bound on the bad side is an allowed regression and is inclusive (`>=`/`<=`); one on the good
 * side is a required improvement and is strict (`>`/`<`). The operator must agree with the metric's
 * direction; for a metric outside the catalog, a Δ bound's operator sets the direction.
 */
import { InputError } from '../errors.js';
import { knownDirection } from '../metrics/catalog.js';
import type { Direction } from '../metrics/types.js';
import { levelText, ruleLocation } from './judge.js';
import type { MetricRule } from './types.js';

type Operator = '>=' | '<=' | '>' | '<';

/** The fields a rule can set, grouped as they override each other. */
type Field = 'min' | 'max' | 'maxRegression' | 'maxRegressionPct' | 'improvement';

const FIELD_WORDS: Readonly<Record<Field, string>> = {
  min: 'the minimum',
  max: 'the maximum',
  maxRegression: 'the allowed regression',
  maxRegressionPct: 'the allowed regression in percent',
  improvement: 'the required improvement',
};

const OPERATOR = /(>=|<=|≥|≤|>|<)/;
const NUMBER = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const FORM = 'write <metric><op><bound>, e.g. roc_auc>=0.8 (a value), roc_auc>=-0.01 (a change), log_loss<=+5% (a change in percent)';

/** The fields a rule sets. */
function fieldsOf(rule: MetricRule): Field[] {
  const fields: Field[] = [];
  if (rule.min !== undefined) fields.push('min');
  if (rule.max !== undefined) fields.push('max');
  if (rule.maxRegression !== undefined) fields.push('maxRegression');
  if (rule.maxRegressionPct !== undefined) fields.push('maxRegressionPct');
  if (rule.mustImprove === true || rule.minImprovement !== undefined) fields.push('improvement');
  return fields;
}

function hasBaselineRule(rule: MetricRule): boolean {
  return rule.maxRegression !== undefined || rule.maxRegressionPct !== undefined || rule.mustImprove === true || rule.minImprovement !== undefined;
}

function unset(rule: MetricRule, field: Field): void {
  if (field === 'improvement') {
    delete rule.mustImprove;
    delete rule.minImprovement;
  } else {
    delete rule[field];
  }
}

/** Parses one inline rule. `fail` words the error. */
function parseOne(item: string, fail: (what: string, fix: string) => InputError): MetricRule {
  const text = item.trim();
  const equals = /=>|=<|==|(?<![<>])=(?!=)/.exec(text);
  if (equals !== null && !/^[<>]=/.test(text.slice(Math.max(0, equals.index - 1)))) {
    const metric = text.slice(0, equals.index).trim();
    const rest = text.slice(equals.index + equals[0].length).replace(/^[=<>]+/, '').trim();
    const suggestion = equals[0] === '=<' ? '<=' : '>=';
    const what = equals[0] === '=>' || equals[0] === '=<' ? `"${equals[0]}" is not a comparison` : 'an equality is not a gate rule';
    throw fail(what, `use >=, <=, > or <, e.g. ${metric}${suggestion}${rest}`);
  }
  const match = OPERATOR.exec(text);
  if (match === null) throw fail('it has no comparison', FORM);
  const metric = text.slice(0, match.index).trim();
  const written = match[0] as string;
  const op = (written === '≥' ? '>=' : written === '≤' ? '<=' : written) as Operator;
  let rest = text.slice(match.index + written.length).trim();
  if (/^[=<>≥≤]/.test(rest)) throw fail(`"${written}${rest[0] ?? ''}" is not a comparison`, `use >=, <=, > or <, e.g. ${metric}${op}${rest.replace(/^[=<>≥≤]+/, '').trim()}`);
  if (metric === '') throw fail('it names no metric', FORM);
  if (/\s|[<>=≥≤@]/.test(metric)) throw fail(`"${metric}" is not a metric name`, FORM);

  let level: number | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    const levelWritten = rest.slice(at + 1).trim();
    rest = rest.slice(0, at).trim();
    const percent = levelWritten.endsWith('%');
    const digits = (percent ? levelWritten.slice(0, -1) : levelWritten).trim();
    const value = NUMBER.test(digits) ? Number(digits) / (percent ? 100 : 1) : NaN;
    if (!(value > 0.5 && value < 1)) {
      throw fail(`the confidence "${levelWritten}" is not a level between 50% and 100%`, `write it after @ as a percentage or a fraction, e.g. ${metric}${op}${rest}@95% or @0.95 (both ends excluded)`);
    }
    level = value;
  }

  const bound = /^([+\-−])?\s*([^%]*?)\s*(%)?$/.exec(rest);
  const digits = bound?.[2] ?? '';
  if (bound === null || bound === undefined || !NUMBER.test(digits)) {
    throw fail(rest === '' ? 'it has no bound' : `"${rest}" is not a number`, 'write a value (0.8), a change (-0.01, +0.02) or a change in percent (+5%)');
  }
  const sign = bound[1] === undefined ? undefined : bound[1] === '+' ? 1 : -1;
  const percent = bound[3] !== undefined;
  const amount = Number(digits);
  const rule: MetricRule = { metric, origin: { source: 'thresholds', text } };

  if (sign === undefined) {
    if (percent) {
      const example = `${metric}${op}${op.startsWith('>') ? '-' : '+'}${digits}%`;
      throw fail('a percentage is a change relative to the baseline and needs a sign', `write a signed change, e.g. ${example}, or the value as a number, e.g. ${metric}${op}${Number((amount / 100).toPrecision(12))}`);
    }
    if (level !== undefined) throw fail('a confidence applies to a change (a signed bound such as -0.01), not to a value', `remove @${item.slice(item.indexOf('@') + 1).trim()}`);
    if (op === '>' || op === '<') throw fail('a bound on the value is inclusive', `write ${metric}${op}=${digits}`);
    rule[op === '>=' ? 'min' : 'max'] = amount;
    return rule;
  }

  // A bound on Δ: `>`/`>=` say higher is better, `<`/`<=` lower.
  const implied: Direction = op === '>=' || op === '>' ? 'higher' : 'lower';
  const known = knownDirection(metric);
  const unit = percent ? '%' : '';
  const signText = sign > 0 ? '+' : '-';
  if (known !== undefined && known !== implied) {
    const example = known === 'higher' ? `${metric}>=-${digits}${unit} (an allowed fall) or ${metric}>+0 (a required rise)` : `${metric}<=+${digits}${unit} (an allowed rise) or ${metric}<-0 (a required fall)`;
    throw fail(`${metric} is ${known}-is-better, so a bound on its change is written with ${known === 'higher' ? '>= or >' : '<= or <'}`, `e.g. ${example}`);
  }
  if (known === undefined) rule.direction = implied;
  // The bound on the good side of zero (a gain) or the bad side (a worsening); ±0 is either.
  const towardsGood = amount === 0 || (implied === 'higher' ? sign > 0 : sign < 0);
  const towardsBad = amount === 0 || !towardsGood;
  const inclusive = op === '>=' || op === '<=';
  if (inclusive) {
    if (!towardsBad) {
      const strict = op === '>=' ? '>' : '<';
      throw fail('a required improvement is strict', `write ${metric}${strict}${signText}${digits}${unit}${level === undefined ? '' : `@${levelText(level)}`}`);
    }
    rule[percent ? 'maxRegressionPct' : 'maxRegression'] = amount;
  } else {
    if (!towardsGood) throw fail('an allowed regression is inclusive', `write ${metric}${op}=${signText}${digits}${unit}`);
    if (percent && amount !== 0) {
      throw fail('a required improvement in percent is not supported', `write it in the metric's units, e.g. ${metric}${op}${signText}0.01, or ${metric}${op}${signText}0 for any improvement`);
    }
    rule.mustImprove = true;
    if (amount !== 0) rule.minImprovement = amount;
  }
  if (level !== undefined) rule.confidence = level;
  return rule;
}

/**
 * Parses the inline rules, one MetricRule per item, each with its text as origin. Two items may not
 * set the same bound of one metric, a minimum may not exceed a maximum, and Δ bounds of one metric
 * outside the catalog must imply the same direction. Errors name `input` and the item.
 */
export function parseThresholds(items: readonly string[], input = 'thresholds'): MetricRule[] {
  const rules: MetricRule[] = [];
  for (const item of items) {
    const fail = (what: string, fix: string): InputError => new InputError(`Input "${input}", rule ${JSON.stringify(item.trim())}: ${what}; ${fix}`);
    const rule = parseOne(item, fail);
    const previous = rules.filter((other) => other.metric === rule.metric);
    for (const other of previous) {
      const field = fieldsOf(rule).find((name) => fieldsOf(other).includes(name));
      if (field !== undefined) throw fail(`it sets ${FIELD_WORDS[field]} of ${rule.metric} again (first in "${other.origin.text ?? ''}")`, 'keep one');
      if (rule.direction !== undefined && other.direction !== undefined && rule.direction !== other.direction) {
        throw fail(`it treats ${rule.metric} as ${rule.direction}-is-better, but "${other.origin.text ?? ''}" treats it as ${other.direction}-is-better`, 'bound its change on one side only');
      }
    }
    const min = [rule, ...previous].find((other) => other.min !== undefined);
    const max = [rule, ...previous].find((other) => other.max !== undefined);
    if (min?.min !== undefined && max?.max !== undefined && min.min > max.max) {
      const first = min === rule ? max : min;
      throw fail(`the minimum ${min.min} is above the maximum ${max.max} (from "${first.origin.text ?? ''}"), so no value can pass`, 'correct one of them');
    }
    rules.push(rule);
  }
  return rules;
}

/**
 * Combines a policy file's rules with the inline rules. An inline rule for a metric the policy names
 * overrides the policy's bound of the same kind (minimum, maximum, allowed regression, allowed
 * regression in percent, required improvement) and adds the others; a Δ bound without its own
 * `@level` takes the policy rule's confidence. Each rule keeps its own origin, so every outcome points
 * at the line or item that set it: the result lists each policy rule (less what was overridden)
 * followed by the inline rules for its metric, then the inline rules for metrics the policy does not
 * name, in input order. Throws an InputError when an inline rule's implied direction contradicts the
 * policy's or the combined minimum exceeds the maximum.
 */
export function mergeRules(policyRules: readonly MetricRule[], inlineRules: readonly MetricRule[]): MetricRule[] {
  const merged: MetricRule[] = [];
  const used = new Set<MetricRule>();
  for (const policyRule of policyRules) {
    const inline = inlineRules.filter((rule) => rule.metric === policyRule.metric);
    const kept: MetricRule = { ...policyRule, origin: { ...policyRule.origin } };
    const additions: MetricRule[] = [];
    for (const rule of inline) {
      used.add(rule);
      const fail = (what: string, fix: string): InputError => new InputError(`${ruleLocation(rule.origin)}: ${what}; ${fix}`);
      if (rule.direction !== undefined && policyRule.direction !== undefined && rule.direction !== policyRule.direction) {
        throw fail(`it treats ${rule.metric} as ${rule.direction}-is-better, but ${ruleLocation(policyRule.origin)} says direction: ${policyRule.direction}`, 'bound its change on the other side, or correct the policy');
      }
      for (const field of fieldsOf(rule)) unset(kept, field);
      const addition: MetricRule = { ...rule, origin: { ...rule.origin } };
      const direction = rule.direction ?? policyRule.direction;
      if (direction !== undefined) addition.direction = direction;
      if (addition.confidence === undefined && policyRule.confidence !== undefined && hasBaselineRule(addition)) addition.confidence = policyRule.confidence;
      additions.push(addition);
    }
    if (!hasBaselineRule(kept)) delete kept.confidence;
    const all = [kept, ...additions];
    const min = all.find((rule) => rule.min !== undefined);
    const max = all.find((rule) => rule.max !== undefined);
    if (min?.min !== undefined && max?.max !== undefined && min.min > max.max) {
      const inlineOne = min.origin.source === 'thresholds' ? min : max;
      const other = inlineOne === min ? max : min;
      throw new InputError(
        `${ruleLocation(inlineOne.origin)}: the minimum ${min.min} is above the maximum ${max.max} (from ${ruleLocation(other.origin)}), so no value can pass; correct one of them`,
      );
    }
    merged.push(...all);
  }
  for (const rule of inlineRules) if (!used.has(rule)) merged.push({ ...rule, origin: { ...rule.origin } });
  return merged;
}
