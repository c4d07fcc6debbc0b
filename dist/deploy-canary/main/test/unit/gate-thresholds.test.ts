import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parsePolicy } from '../../src/core/gate/policy-file.js';
import { mergeRules, parseThresholds } from '../../src/core/gate/thresholds.js';
import type { MetricRule } from '../../src/core/gate/types.js';

const inline = (text: string) => ({ source: 'thresholds' as const, text });

describe('parseThresholds: valid rules', () => {
  test.each([
    ['roc_auc>=0.8', { min: 0.8 }],
    ['mae<=3.5', { max: 3.5 }],
    ['r2>=-0.5', { maxRegression: 0.5 }],
    ['roc_auc >= 0.8', { min: 0.8 }],
    ['roc_auc≥0.8', { min: 0.8 }],
    ['brier≤.25', { max: 0.25 }],
    ['roc_auc>=1e-1', { min: 0.1 }],
    // A signed number bounds Δ: on the worse side it is an allowed regression.
    ['roc_auc>=-0.01', { maxRegression: 0.01 }],
    ['roc_auc>=\u22120.01', { maxRegression: 0.01 }],
    ['log_loss<=+0.02', { maxRegression: 0.02 }],
    ['roc_auc>=+0', { maxRegression: 0 }],
    ['roc_auc>=-0', { maxRegression: 0 }],
    // A signed percentage bounds Δ in percent of |baseline|.
    ['log_loss<=+5%', { maxRegressionPct: 5 }],
    ['roc_auc>=-1%', { maxRegressionPct: 1 }],
    ['roc_auc >= -1.5 %', { maxRegressionPct: 1.5 }],
    // On the better side it is a required improvement.
    ['f1>+0', { mustImprove: true }],
    ['f1>-0', { mustImprove: true }],
    ['f1>+0.01', { mustImprove: true, minImprovement: 0.01 }],
    ['log_loss<-0', { mustImprove: true }],
    ['log_loss<-0.02', { mustImprove: true, minImprovement: 0.02 }],
    ['f1>+0%', { mustImprove: true }],
    // A confidence, as a percentage or a fraction.
    ['accuracy>=-0.01@95%', { maxRegression: 0.01, confidence: 0.95 }],
    ['accuracy>=-0.01@0.9', { maxRegression: 0.01, confidence: 0.9 }],
    ['f1>+0.01 @ 97.5%', { mustImprove: true, minImprovement: 0.01, confidence: 0.975 }],
    // Outside the catalog, a bound on Δ sets the direction; a bound on the value does not.
    ['my_score>=-0.5', { direction: 'higher', maxRegression: 0.5 }],
    ['my_score<=+10%', { direction: 'lower', maxRegressionPct: 10 }],
    ['my_score<-0', { direction: 'lower', mustImprove: true }],
    ['eval.auc>=0.7', { min: 0.7 }],
  ] as const)('%s', (text, fields) => {
    const metric = text.split(/[<>≥≤]/)[0]?.trim() as string;
    expect(parseThresholds([` ${text} `])).toEqual([{ metric, ...fields, origin: inline(text) }]);
  });

  test('one rule per item, in order; different bounds of one metric may come from several items', () => {
    expect(parseThresholds(['roc_auc>=0.8', 'roc_auc<=0.99', 'roc_auc>=-0.01@95%', 'roc_auc>=-2%', 'roc_auc>+0', 'log_loss<=+5%'])).toEqual([
      { metric: 'roc_auc', min: 0.8, origin: inline('roc_auc>=0.8') },
      { metric: 'roc_auc', max: 0.99, origin: inline('roc_auc<=0.99') },
      { metric: 'roc_auc', maxRegression: 0.01, confidence: 0.95, origin: inline('roc_auc>=-0.01@95%') },
      { metric: 'roc_auc', maxRegressionPct: 2, origin: inline('roc_auc>=-2%') },
      { metric: 'roc_auc', mustImprove: true, origin: inline('roc_auc>+0') },
      { metric: 'log_loss', maxRegressionPct: 5, origin: inline('log_loss<=+5%') },
    ]);
    expect(parseThresholds([])).toEqual([]);
  });
});

describe('parseThresholds: mistakes name the rule and the form expected', () => {
  const FORM = 'write <metric><op><bound>, e.g. roc_auc>=0.8 (a value), roc_auc>=-0.01 (a change), log_loss<=+5% (a change in percent)';
  const BOUND = 'write a value (0.8), a change (-0.01, +0.02) or a change in percent (+5%)';
  test.each([
    ['roc_auc 0.8', `it has no comparison; ${FORM}`],
    ['roc_auc=>0.8', '"=>" is not a comparison; use >=, <=, > or <, e.g. roc_auc>=0.8'],
    ['mae=<3', '"=<" is not a comparison; use >=, <=, > or <, e.g. mae<=3'],
    ['roc_auc=0.8', 'an equality is not a gate rule; use >=, <=, > or <, e.g. roc_auc>=0.8'],
    ['roc_auc==0.8', 'an equality is not a gate rule; use >=, <=, > or <, e.g. roc_auc>=0.8'],
    ['roc_auc>==0.8', '">==" is not a comparison; use >=, <=, > or <, e.g. roc_auc>=0.8'],
    ['roc_auc<>0.8', '"<>" is not a comparison; use >=, <=, > or <, e.g. roc_auc<0.8'],
    ['>=0.8', `it names no metric; ${FORM}`],
    ['roc auc>=0.8', `"roc auc" is not a metric name; ${FORM}`],
    ['roc_auc>=', `it has no bound; ${BOUND}`],
    ['roc_auc>=high', `"high" is not a number; ${BOUND}`],
    ['roc_auc>=0.8.1', `"0.8.1" is not a number; ${BOUND}`],
    ['roc_auc>=+-0.1', `"+-0.1" is not a number; ${BOUND}`],
    ['roc_auc>=Infinity', `"Infinity" is not a number; ${BOUND}`],
    ['roc_auc>0.8', 'a bound on the value is inclusive; write roc_auc>=0.8'],
    ['mae<3.5', 'a bound on the value is inclusive; write mae<=3.5'],
    ['roc_auc>=80%', 'a percentage is a change relative to the baseline and needs a sign; write a signed change, e.g. roc_auc>=-80%, or the value as a number, e.g. roc_auc>=0.8'],
    ['log_loss<=5%', 'a percentage is a change relative to the baseline and needs a sign; write a signed change, e.g. log_loss<=+5%, or the value as a number, e.g. log_loss<=0.05'],
    ['roc_auc>=0.8@95%', 'a confidence applies to a change (a signed bound such as -0.01), not to a value; remove @95%'],
    [
      'log_loss>=+5%',
      'log_loss is lower-is-better, so a bound on its change is written with <= or <; e.g. log_loss<=+5% (an allowed rise) or log_loss<-0 (a required fall)',
    ],
    [
      'roc_auc<=+0.01',
      'roc_auc is higher-is-better, so a bound on its change is written with >= or >; e.g. roc_auc>=-0.01 (an allowed fall) or roc_auc>+0 (a required rise)',
    ],
    ['f1>=+0.01', 'a required improvement is strict; write f1>+0.01'],
    ['f1>=+0.01@90%', 'a required improvement is strict; write f1>+0.01@90%'],
    ['log_loss<=-0.01', 'a required improvement is strict; write log_loss<-0.01'],
    ['roc_auc>-0.01', 'an allowed regression is inclusive; write roc_auc>=-0.01'],
    ['log_loss<+5%', 'an allowed regression is inclusive; write log_loss<=+5%'],
    ['f1>+2%', "a required improvement in percent is not supported; write it in the metric's units, e.g. f1>+0.01, or f1>+0 for any improvement"],
    [
      'roc_auc>=-0.01@99',
      'the confidence "99" is not a level between 50% and 100%; write it after @ as a percentage or a fraction, e.g. roc_auc>=-0.01@95% or @0.95 (both ends excluded)',
    ],
    [
      'roc_auc>=-0.01@50%',
      'the confidence "50%" is not a level between 50% and 100%; write it after @ as a percentage or a fraction, e.g. roc_auc>=-0.01@95% or @0.95 (both ends excluded)',
    ],
    [
      'roc_auc>=-0.01@',
      'the confidence "" is not a level between 50% and 100%; write it after @ as a percentage or a fraction, e.g. roc_auc>=-0.01@95% or @0.95 (both ends excluded)',
    ],
  ])('%s', (text, message) => {
    expect(() => parseThresholds([text])).toThrow(new InputError(`Input "thresholds", rule ${JSON.stringify(text)}: ${message}`));
  });

  test.each([
    [['roc_auc>=0.8', 'roc_auc>=0.85'], 'Input "thresholds", rule "roc_auc>=0.85": it sets the minimum of roc_auc again (first in "roc_auc>=0.8"); keep one'],
    [['roc_auc>=-0.01', 'roc_auc>=-0.02@95%'], 'Input "thresholds", rule "roc_auc>=-0.02@95%": it sets the allowed regression of roc_auc again (first in "roc_auc>=-0.01"); keep one'],
    [['f1>+0', 'f1>+0.01'], 'Input "thresholds", rule "f1>+0.01": it sets the required improvement of f1 again (first in "f1>+0"); keep one'],
    [['roc_auc>=0.9', 'roc_auc<=0.8'], 'Input "thresholds", rule "roc_auc<=0.8": the minimum 0.9 is above the maximum 0.8 (from "roc_auc>=0.9"), so no value can pass; correct one of them'],
    [['roc_auc<=0.8', 'roc_auc>=0.9'], 'Input "thresholds", rule "roc_auc>=0.9": the minimum 0.9 is above the maximum 0.8 (from "roc_auc<=0.8"), so no value can pass; correct one of them'],
    [
      ['my_score>=-0.1', 'my_score<=+5%'],
      'Input "thresholds", rule "my_score<=+5%": it treats my_score as lower-is-better, but "my_score>=-0.1" treats it as higher-is-better; bound its change on one side only',
    ],
  ])('%j', (items, message) => {
    expect(() => parseThresholds(items)).toThrow(new InputError(message));
  });

  test('the input name is configurable', () => {
    expect(() => parseThresholds(['x'], 'gate')).toThrow(/^Input "gate", rule "x": it has no comparison;/);
  });
});

describe('mergeRules', () => {
  const POLICY = `metrics:
  roc_auc:  { min: 0.80, max_regression: 0.01, confidence: 0.95 }
  log_loss: { max_regression_pct: 5 }
  my_score: { direction: higher, min: 1 }
`;
  const policy = parsePolicy(POLICY, 'policy.yaml').rules;
  const at = (line: number) => ({ source: 'policy' as const, file: 'policy.yaml', line });

  test('without inline rules the policy is unchanged; without a policy the inline rules are the rules', () => {
    expect(mergeRules(policy, [])).toEqual(policy);
    const rules = parseThresholds(['roc_auc>=0.8', 'f1>+0']);
    expect(mergeRules([], rules)).toEqual(rules);
  });

  test('inline rules override the same bound, add the others and take the policy’s confidence; each keeps its origin', () => {
    const merged = mergeRules(policy, parseThresholds(['roc_auc>=0.85', 'roc_auc>=-0.02', 'precision>=0.7', 'log_loss<=+0.05@90%', 'my_score>+0']));
    const expected: MetricRule[] = [
      // Both of its bounds are overridden: it only shows the metric.
      { metric: 'roc_auc', origin: at(2) },
      { metric: 'roc_auc', min: 0.85, origin: inline('roc_auc>=0.85') },
      { metric: 'roc_auc', maxRegression: 0.02, confidence: 0.95, origin: inline('roc_auc>=-0.02') },
      { metric: 'log_loss', maxRegressionPct: 5, origin: at(3) },
      { metric: 'log_loss', maxRegression: 0.05, confidence: 0.9, origin: inline('log_loss<=+0.05@90%') },
      { metric: 'my_score', direction: 'higher', min: 1, origin: at(4) },
      { metric: 'my_score', direction: 'higher', mustImprove: true, origin: inline('my_score>+0') },
      { metric: 'precision', min: 0.7, origin: inline('precision>=0.7') },
    ];
    expect(merged).toEqual(expected);
  });

  test('a policy rule whose baseline bounds are all overridden drops its confidence', () => {
    const merged = mergeRules(policy.slice(0, 1), parseThresholds(['roc_auc>=-0.03@99%']));
    expect(merged).toEqual([
      { metric: 'roc_auc', min: 0.8, origin: at(2) },
      { metric: 'roc_auc', maxRegression: 0.03, confidence: 0.99, origin: inline('roc_auc>=-0.03@99%') },
    ]);
  });

  test('the inputs are not modified', () => {
    const before = structuredClone(policy);
    mergeRules(policy, parseThresholds(['roc_auc>=0.85']));
    expect(policy).toEqual(before);
  });

  test.each([
    [
      ['roc_auc<=0.75'],
      'Input "thresholds", rule "roc_auc<=0.75": the minimum 0.8 is above the maximum 0.75 (from policy.yaml:2), so no value can pass; correct one of them',
    ],
    [
      ['my_score<=+0.1'],
      'Input "thresholds", rule "my_score<=+0.1": it treats my_score as lower-is-better, but policy.yaml:4 says direction: higher; bound its change on the other side, or correct the policy',
    ],
  ])('%j', (items, message) => {
    expect(() => mergeRules(policy, parseThresholds(items))).toThrow(new InputError(message));
  });
});

describe('docs/gate-policy.md agrees with parseThresholds', () => {
  const doc = readFileSync(new URL('../../docs/gate-policy.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## Inline thresholds'), doc.indexOf('### With a policy file'));
  const rows = [...section.matchAll(/^\| `([^`]+)` \| [^|]+ \| `([^`]+)` \|$/gm)].map((match) => [match[1] as string, match[2] as string] as const);

  test('the table has its rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
  });

  test.each(rows)('%s is %s', (text, yaml) => {
    const [fromInline] = parseThresholds([text]);
    const [fromPolicy] = parsePolicy(`metrics:\n  ${yaml}\n`, 'policy.yaml').rules;
    const { origin: _inline, ...inlineFields } = fromInline as MetricRule;
    const { origin: _policy, ...policyFields } = fromPolicy as MetricRule;
    expect(inlineFields).toEqual(policyFields);
  });

  test('the refused examples are the messages given', () => {
    const block = /Refused, with the rule and the form expected:\n\n```text\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const lines = block.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      const text = /^Input "thresholds", rule "([^"]+)":/.exec(line)?.[1] as string;
      expect(() => parseThresholds([text])).toThrow(new InputError(line));
    }
  });
});
