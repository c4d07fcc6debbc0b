import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../../src/core/errors.js';
import { checkRuleMetrics } from '../../src/core/gate/judge.js';
import { loadPolicy, parsePolicy, type PolicyFile } from '../../src/core/gate/policy-file.js';
import { METRIC_CATALOG } from '../../src/core/metrics/catalog.js';

const EXAMPLE = `threshold: 0.5            # optional, binary decision threshold in (0,1)
metrics:
  roc_auc:  { direction: higher, min: 0.80, max_regression: 0.01, confidence: 0.95 }
  log_loss: { direction: lower, max_regression_pct: 5 }
  recall:   { direction: higher, min: 0.6 }
  f1:       { must_improve: true, confidence: 0.95 }
slices:
  columns: [country, plan]
  max_regression: 0.05
  top: 10          # default 10
  min_rows: 100    # default 100
  metrics: [roc_auc]   # default: the metrics the policy names
`;

const at = (line: number) => ({ source: 'policy' as const, file: 'policy.yaml', line });

/** The InputError parsePolicy throws for `text`, or a failure when it throws none or another kind. */
function errorOf(text: string): InputError {
  try {
    parsePolicy(text, 'policy.yaml');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('parsePolicy accepted the policy');
}

describe('parsePolicy: valid files', () => {
  test('the example policy, with the line of every rule', () => {
    const expected: PolicyFile = {
      file: 'policy.yaml',
      threshold: 0.5,
      rules: [
        { metric: 'roc_auc', direction: 'higher', min: 0.8, maxRegression: 0.01, confidence: 0.95, origin: at(3) },
        { metric: 'log_loss', direction: 'lower', maxRegressionPct: 5, origin: at(4) },
        { metric: 'recall', direction: 'higher', min: 0.6, origin: at(5) },
        { metric: 'f1', mustImprove: true, confidence: 0.95, origin: at(6) },
      ],
      slices: { columns: ['country', 'plan'], metrics: ['roc_auc'], maxRegression: 0.05, top: 10, minRows: 100, origin: at(7) },
    };
    expect(parsePolicy(EXAMPLE, 'policy.yaml')).toEqual(expected);
  });

  test('block style, metrics with no rules, a metric of our own, slice defaults, version and $schema', () => {
    const policy = parsePolicy(
      [
        '# yaml-language-server: $schema=https://cd4ml-actions.dev/schemas/gate-policy.json',
        'version: 1',
        'metrics:',
        '  accuracy:',
        '  mae: {}',
        '  my_score:',
        '    direction: lower',
        '    max: 3',
        '    min: -1.5',
        '  f1_macro:',
        '    min_improvement: 0.01',
        '    confidence: 0.9',
        '  rmse: { must_improve: false, max_regression_pct: 0 }',
        'slices:',
        '  columns:',
        '    - country',
        '  max_regression_pct: 10',
      ].join('\n'),
      'policy.yaml',
    );
    expect(policy).toEqual({
      file: 'policy.yaml',
      rules: [
        { metric: 'accuracy', origin: at(4) },
        { metric: 'mae', origin: at(5) },
        { metric: 'my_score', direction: 'lower', max: 3, min: -1.5, origin: at(6) },
        { metric: 'f1_macro', minImprovement: 0.01, mustImprove: true, confidence: 0.9, origin: at(10) },
        { metric: 'rmse', maxRegressionPct: 0, origin: at(13) },
      ],
      slices: { columns: ['country'], maxRegressionPct: 10, top: 10, minRows: 100, origin: at(14) },
    });
  });

  test('JSON is read as YAML', () => {
    const json = '{"$schema": "https://cd4ml-actions.dev/schemas/gate-policy.json", "metrics": {"roc_auc": {"min": 0.8, "max_regression": 0.01, "confidence": 0.95}, "2024": {"direction": "higher"}}}';
    const policy = parsePolicy(json, 'policy.json');
    expect(policy.rules.map((rule) => rule.metric)).toEqual(['roc_auc', '2024']);
    expect(policy.rules[0]).toEqual({ metric: 'roc_auc', min: 0.8, maxRegression: 0.01, confidence: 0.95, origin: { source: 'policy', file: 'policy.json', line: 1 } });
  });

  test('min equal to max is allowed; anchors and aliases are resolved', () => {
    const policy = parsePolicy('metrics:\n  r2: &strict { min: 0.5, max: 0.5 }\n  accuracy: *strict\n', 'policy.yaml');
    expect(policy.rules).toEqual([
      { metric: 'r2', min: 0.5, max: 0.5, origin: at(2) },
      { metric: 'accuracy', min: 0.5, max: 0.5, origin: at(3) },
    ]);
  });
});

describe('parsePolicy: every mistake names the line', () => {
  test.each([
    ['', 'policy.yaml:1: the policy file is empty; name the metrics to gate under a top-level "metrics:" mapping, e.g. metrics: { roc_auc: { min: 0.8 } }'],
    ['[]\n', 'policy.yaml:1: the policy is a list, but it must be a mapping with a "metrics" key; start the file with "metrics:" and list the metrics under it'],
    ['threshold: 0.5\n', 'policy.yaml:1: the policy has no "metrics" key; add a top-level "metrics:" mapping of metric names to their rules, e.g. metrics: { roc_auc: { min: 0.8 } }'],
    ['metrics: {}\n', 'policy.yaml:1: "metrics" names no metric; add at least one metric with its rules, e.g. metrics: { roc_auc: { min: 0.8 } }'],
    ['metrics: [roc_auc]\n', 'policy.yaml:1: "metrics" is a list, but it must be a mapping of metric names to rules; write each metric on its own line as "name: { min: 0.8 }" (or "name: {}" to only show it)'],
    ['metric:\n  f1: {}\n', 'policy.yaml:1: unknown top-level key "metric"; use one of metrics, slices, threshold, version, $schema (did you mean "metrics"?)'],
    ['metrics:\n  f1: {}\nversion: 2\n', 'policy.yaml:3: the policy has version 2, which is not a supported version; write version: 1 or leave it out'],
    ['metrics:\n  f1: {}\n$schema: 1\n', 'policy.yaml:3: "$schema" is the number 1, which is not a URL; write the URL of the JSON Schema in quotes, or remove it'],
    ['metrics:\n  f1: {}\n  f1: { min: 0.5 }\n', 'policy.yaml:3: "metrics" has "f1" twice (first on line 2); keep only one'],
    ['metrics:\n  f1: { min: 0.5, min: 0.6 }\n', 'policy.yaml:2: metric "f1" has "min" twice (first on line 2); keep only one'],
    ['metrics:\n  "": {}\n', 'policy.yaml:2: a metric has an empty name; write the metric name as the metrics report it, e.g. roc_auc'],
    ['metrics:\n  roc_auc: 0.8\n', 'policy.yaml:2: metric "roc_auc" is the number 0.8, but it must be a mapping of rules; write its rules as a mapping, e.g. roc_auc: { min: 0.8 } (or roc_auc: {} to only show it)'],
    [
      'metrics:\n  roc_auc:\n    max_regresion: 0.01\n',
      'policy.yaml:3: metric "roc_auc" has an unknown key "max_regresion"; use one of direction, min, max, max_regression, max_regression_pct, must_improve, min_improvement, confidence (did you mean "max_regression"?)',
    ],
    ['metrics:\n  f1: { min: "0.8" }\n', 'policy.yaml:2: metric "f1" has min "0.8", which is not a number; remove the quotes: min: 0.8'],
    ['metrics:\n  f1: { max: high }\n', 'policy.yaml:2: metric "f1" has max "high", which is not a number; write a number, e.g. max: 0.3'],
    ['metrics:\n  f1: { min: }\n', 'policy.yaml:2: metric "f1" has min without a value; write a number, e.g. min: 0.8'],
    ['metrics:\n  f1: { min: .inf }\n', 'policy.yaml:2: metric "f1" has min .inf, which is not a number; write a number, e.g. min: 0.8'],
    ['metrics:\n  roc_auc:\n    min: 0.9\n    max: 0.8\n', 'policy.yaml:3: metric "roc_auc" has min 0.9 greater than max 0.8, so no value can pass; swap them or correct one'],
    [
      'metrics:\n  roc_auc: { max_regression: -0.01 }\n',
      'policy.yaml:2: metric "roc_auc" has max_regression -0.01, which is negative; write the largest allowed worsening as a positive amount, e.g. max_regression: 0.01 (direction says which way is worse)',
    ],
    [
      'metrics:\n  log_loss: { max_regression_pct: -5 }\n',
      'policy.yaml:2: metric "log_loss" has max_regression_pct -5, which is negative; write the largest allowed worsening as a positive amount, e.g. max_regression_pct: 5 (direction says which way is worse)',
    ],
    [
      'metrics:\n  f1: { min_improvement: -0.01 }\n',
      'policy.yaml:2: metric "f1" has min_improvement -0.01, which is negative; write the smallest required gain as a positive amount, e.g. min_improvement: 0.01 (direction says which way is worse)',
    ],
    ['metrics:\n  f1: { must_improve: yes }\n', 'policy.yaml:2: metric "f1" has must_improve "yes", which is not true or false; write must_improve: true or must_improve: false'],
    [
      'metrics:\n  f1:\n    must_improve: false\n    min_improvement: 0.01\n',
      'policy.yaml:3: metric "f1" has must_improve: false and min_improvement; remove must_improve (min_improvement implies must_improve: true) or remove min_improvement',
    ],
    [
      'metrics:\n  roc_auc: { max_regression: 0.01, confidence: 95 }\n',
      'policy.yaml:2: metric "roc_auc" has confidence 95, which is not a level between 0.5 and 1; write it as a fraction: confidence: 0.95 for 95%',
    ],
    [
      'metrics:\n  roc_auc: { max_regression: 0.01, confidence: 0.5 }\n',
      'policy.yaml:2: metric "roc_auc" has confidence 0.5, which is not a level between 0.5 and 1; write the confidence level as a fraction, both ends excluded, e.g. confidence: 0.95',
    ],
    [
      'metrics:\n  roc_auc: { max_regression: 0.01, confidence: 1 }\n',
      'policy.yaml:2: metric "roc_auc" has confidence 1, which is not a level between 0.5 and 1; write the confidence level as a fraction, both ends excluded, e.g. confidence: 0.95',
    ],
    [
      'metrics:\n  roc_auc:\n    min: 0.8\n    confidence: 0.95\n',
      'policy.yaml:4: metric "roc_auc" has confidence but no rule that compares with the baseline; add max_regression, max_regression_pct, must_improve or min_improvement for it to apply to, or remove confidence',
    ],
    [
      'metrics:\n  f1: { must_improve: false, confidence: 0.95 }\n',
      'policy.yaml:2: metric "f1" has confidence but no rule that compares with the baseline; add max_regression, max_regression_pct, must_improve or min_improvement for it to apply to, or remove confidence',
    ],
    [
      'metrics:\n  log_loss:\n    max_regression: 0.1\n    direction: higher\n',
      'policy.yaml:4: metric "log_loss" has direction higher, but log_loss is lower-is-better; remove direction (known metrics take it from the catalog)',
    ],
    [
      'metrics:\n  my_score: { direction: up }\n',
      'policy.yaml:2: metric "my_score" has direction "up", which is not a direction; write higher or lower, whichever is better for the metric (did you mean "higher"?)',
    ],
    ['metrics:\n  my_score: { direction: 1 }\n', 'policy.yaml:2: metric "my_score" has direction 1, which is not a direction; write higher or lower, whichever is better for the metric'],
    [
      'metrics:\n  roc_aux: { min: 0.8 }\n',
      'policy.yaml:2: metric "roc_aux" is not a known metric and has no direction; correct the name (did you mean "roc_auc"?), or for a metric of your own add direction: higher or direction: lower',
    ],
    ['metrics:\n  my_score: { min: 0.8 }\n', 'policy.yaml:2: metric "my_score" is not a known metric and has no direction; add direction: higher or direction: lower'],
    ['metrics:\n  f1: {}\nslices: [country]\n', 'policy.yaml:3: "slices" is a list, but it must be a mapping; give it the columns to slice by, e.g. slices: { columns: [country], max_regression: 0.05 }'],
    ['metrics:\n  f1: {}\nslices:\n  max_regression: 0.05\n', 'policy.yaml:3: slices has no "columns"; list the columns to slice by, e.g. columns: [country, plan]'],
    [
      'metrics:\n  f1: {}\nslices:\n  columns: [a]\n  colums: [b]\n',
      'policy.yaml:5: slices has an unknown key "colums"; use one of columns, metrics, max_regression, max_regression_pct, top, min_rows (did you mean "columns"?)',
    ],
    ['metrics:\n  f1: {}\nslices:\n  columns: []\n', 'policy.yaml:4: slices.columns is an empty list; list at least one column, e.g. [country]'],
    ['metrics:\n  f1: {}\nslices:\n  columns: country\n', 'policy.yaml:4: slices.columns is the text "country", but it must be a list of column names; write it as a list, e.g. [country]'],
    ['metrics:\n  f1: {}\nslices:\n  columns: [a, a]\n', 'policy.yaml:4: slices.columns lists "a" twice; remove the repeat'],
    ['metrics:\n  f1: {}\nslices:\n  columns:\n    - a\n    - 2024\n', 'policy.yaml:6: slices.columns lists the number 2024, which is not a column name; quote the column name: "2024"'],
    ['metrics:\n  f1: {}\nslices:\n  columns: [""]\n', 'policy.yaml:4: slices.columns lists an empty name, which is not a column name; list column names, e.g. [country]'],
    [
      'metrics:\n  f1: {}\nslices:\n  columns: [a]\n  metrics:\n    - f1\n    - f2\n',
      'policy.yaml:7: slices.metrics names "f2", which is not under metrics; add it under metrics (e.g. f2: {}) or correct the name (did you mean "f1"?)',
    ],
    [
      'metrics:\n  f1: {}\nslices:\n  columns: [a]\n  max_regression: -0.05\n',
      'policy.yaml:5: slices has max_regression -0.05, which is not a non-negative number; write the largest allowed worsening in each slice as a positive amount, e.g. max_regression: 0.05',
    ],
    [
      'metrics:\n  f1: {}\nslices:\n  columns: [a]\n  top: 0\n',
      'policy.yaml:5: slices has top 0, which is not a whole number of at least 1; write how many of the most frequent values of each column get their own slice, e.g. top: 10',
    ],
    [
      'metrics:\n  f1: {}\nslices:\n  columns: [a]\n  min_rows: 1.5\n',
      'policy.yaml:5: slices has min_rows 1.5, which is not a whole number of at least 1; write the fewest rows a slice needs to be judged, e.g. min_rows: 100',
    ],
    [
      'metrics:\n  f1: {}\nthreshold: 1\n',
      'policy.yaml:3: threshold is the number 1, which is not a probability between 0 and 1; write the decision threshold on the positive-class probability, e.g. threshold: 0.5 (both ends excluded)',
    ],
    [
      'metrics:\n  f1: {}\nthreshold: "0.5"\n',
      'policy.yaml:3: threshold is the text "0.5", which is not a probability between 0 and 1; write the decision threshold on the positive-class probability, e.g. threshold: 0.5 (both ends excluded)',
    ],
    ['metrics:\n  f1: {}\nthreshold:\n', 'policy.yaml:3: threshold has no value; write the decision threshold on the positive-class probability, e.g. threshold: 0.5 (both ends excluded)'],
    ['metrics:\n  f1: {}\n---\nmetrics: {}\n', 'policy.yaml:3: the file holds more than one YAML document; keep a single document (remove the "---" separator)'],
    ['metrics:\n  f1: *missing\n', 'policy.yaml:2: the alias *missing refers to no anchor; define &missing before it'],
  ])('%j', (text, message) => {
    expect(errorOf(text).message).toBe(message);
  });

  test('invalid YAML names the line and column', () => {
    expect(errorOf('metrics:\n  f1: { min: 0.8\n').message).toMatch(/^policy\.yaml:3: the file is not valid YAML at column 1 \(.+\); fix the syntax there$/);
  });
});

describe('loadPolicy', () => {
  const root = mkdtempSync(join(tmpdir(), 'cd4ml-policy-'));
  mkdirSync(join(root, '.cd4ml'));
  writeFileSync(join(root, '.cd4ml', 'gate.yml'), 'metrics:\n  roc_auc: { min: 0.8 }\n');
  writeFileSync(join(root, '.cd4ml', 'bad.yml'), 'metrics:\n  roc_auc: { min: 1.2, max: 1 }\n');

  test('names the file relative to the working directory, with forward slashes', async () => {
    const policy = await loadPolicy('./.cd4ml/gate.yml', root);
    expect(policy.file).toBe('.cd4ml/gate.yml');
    expect(policy.rules).toEqual([{ metric: 'roc_auc', min: 0.8, origin: { source: 'policy', file: '.cd4ml/gate.yml', line: 2 } }]);
  });

  test.each([
    ['.cd4ml/bad.yml', '.cd4ml/bad.yml:2: metric "roc_auc" has min 1.2 greater than max 1, so no value can pass; swap them or correct one'],
    ['.cd4ml/none.yml', 'policy: no such file: .cd4ml/none.yml'],
    ['.cd4ml', 'policy: .cd4ml is a directory; name the policy file itself'],
  ])('%s', async (path, message) => {
    await expect(loadPolicy(path, root)).rejects.toThrow(new InputError(message));
  });
});

describe('schemas/gate-policy.json agrees with parsePolicy', () => {
  const jsonSchema = JSON.parse(readFileSync(new URL('../../schemas/gate-policy.json', import.meta.url), 'utf8')) as {
    properties: { metrics: { properties: Record<string, { $ref: string }> } };
  };
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  const validate = ajv.compile(jsonSchema);

  function parses(text: string): boolean {
    try {
      parsePolicy(text, 'policy.yaml');
      return true;
    } catch (error) {
      if (error instanceof InputError) return false;
      throw error;
    }
  }

  test('the schema lists every catalog metric with its direction', () => {
    const expected = new Map<string, string>();
    for (const metrics of Object.values(METRIC_CATALOG)) for (const metric of metrics) expected.set(metric.name, `#/$defs/${metric.direction}`);
    const listed = new Map(Object.entries(jsonSchema.properties.metrics.properties).map(([name, entry]) => [name, entry.$ref]));
    expect(listed).toEqual(expected);
  });

  const valid = [
    EXAMPLE,
    'metrics:\n  f1:\n',
    'metrics:\n  f1: {}\n  my_score: { direction: lower, max: 2 }\n',
    'version: 1\n$schema: https://cd4ml-actions.dev/schemas/gate-policy.json\nmetrics:\n  r2: { direction: higher, min: -1 }\n',
    'metrics:\n  mae: { must_improve: false, max_regression: 0 }\n',
    'metrics:\n  f1: { min_improvement: 0.01, confidence: 0.99 }\n',
    'metrics:\n  f1: { must_improve: true, min_improvement: 0, confidence: 0.51 }\n',
    'metrics:\n  log_loss: { max_regression_pct: 5, max_regression: 0.02, confidence: 0.9 }\n',
    'metrics:\n  f1: {}\nslices:\n  columns: [a, b]\n  metrics: [f1]\n  max_regression_pct: 0\n  top: 1\n  min_rows: 1\n',
    'metrics:\n  f1: {}\nthreshold: 0.001\n',
    '{"metrics": {"roc_auc": {"min": 0.8, "max_regression": 0.01, "confidence": 0.95}}}',
  ];
  const invalid = [
    '[]\n',
    'threshold: 0.5\n',
    'metrics: {}\n',
    'metrics: [f1]\n',
    'metrics:\n  f1: {}\nversion: 2\n',
    'metrics:\n  f1: {}\nmetric: {}\n',
    'metrics:\n  "": {}\n',
    'metrics:\n  roc_auc: 0.8\n',
    'metrics:\n  roc_auc: { max_regresion: 0.01 }\n',
    'metrics:\n  f1: { min: "0.8" }\n',
    'metrics:\n  roc_auc: { max_regression: -0.01 }\n',
    'metrics:\n  roc_auc: { max_regression_pct: -1 }\n',
    'metrics:\n  roc_auc: { min_improvement: -1 }\n',
    'metrics:\n  f1: { must_improve: "yes" }\n',
    'metrics:\n  f1: { must_improve: false, min_improvement: 0.01 }\n',
    'metrics:\n  roc_auc: { max_regression: 0.01, confidence: 95 }\n',
    'metrics:\n  roc_auc: { max_regression: 0.01, confidence: 0.5 }\n',
    'metrics:\n  roc_auc: { max_regression: 0.01, confidence: 1 }\n',
    'metrics:\n  roc_auc: { min: 0.8, confidence: 0.95 }\n',
    'metrics:\n  f1: { must_improve: false, confidence: 0.95 }\n',
    'metrics:\n  log_loss: { direction: higher }\n',
    'metrics:\n  my_score: { direction: up }\n',
    'metrics:\n  my_score: { min: 0.8 }\n',
    'metrics:\n  my_score:\n',
    'metrics:\n  f1: {}\nslices: [country]\n',
    'metrics:\n  f1: {}\nslices: { max_regression: 0.05 }\n',
    'metrics:\n  f1: {}\nslices: { columns: [] }\n',
    'metrics:\n  f1: {}\nslices: { columns: country }\n',
    'metrics:\n  f1: {}\nslices: { columns: [a, a] }\n',
    'metrics:\n  f1: {}\nslices: { columns: [1] }\n',
    'metrics:\n  f1: {}\nslices: { columns: [a], colums: [b] }\n',
    'metrics:\n  f1: {}\nslices: { columns: [a], top: 0 }\n',
    'metrics:\n  f1: {}\nslices: { columns: [a], min_rows: 1.5 }\n',
    'metrics:\n  f1: {}\nslices: { columns: [a], max_regression: -1 }\n',
    'metrics:\n  f1: {}\nthreshold: 1\n',
    'metrics:\n  f1: {}\nthreshold: 0\n',
    'metrics:\n  f1: {}\n$schema: 1\n',
  ];
  /** Mistakes only the parser can see. */
  const parserOnly = ['metrics:\n  roc_auc: { min: 0.9, max: 0.8 }\n', 'metrics:\n  f1: {}\nslices: { columns: [a], metrics: [f2] }\n', 'metrics:\n  f1: {}\n  f1: {}\n'];

  test.each(valid)('valid for both: %j', (text) => {
    expect(parses(text)).toBe(true);
    expect(validate(parseYaml(text))).toBe(true);
  });

  test.each(invalid)('invalid for both: %j', (text) => {
    expect(parses(text)).toBe(false);
    expect(validate(parseYaml(text))).toBe(false);
  });

  test.each(parserOnly)('refused by the parser only: %j', (text) => {
    expect(parses(text)).toBe(false);
    expect(validate(parseYaml(text, { uniqueKeys: false }))).toBe(true);
  });

  test('every policy example in docs/gate-policy.md is valid for both', () => {
    const doc = readFileSync(new URL('../../docs/gate-policy.md', import.meta.url), 'utf8');
    const blocks = [...doc.matchAll(/```(yaml|json)\n([\s\S]*?)```/g)].map((match) => match[2] as string).filter((block) => !block.trimStart().startsWith('- uses:'));
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks) {
      expect(parsePolicy(block, 'docs/gate-policy.md').rules.length).toBeGreaterThan(0);
      expect(validate(parseYaml(block)), `${block}\n${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});

describe('docs/gate-policy.md shows the messages the action gives', () => {
  const doc = readFileSync(new URL('../../docs/gate-policy.md', import.meta.url), 'utf8');
  const file = 'cd4ml/gate.yml';

  test.each([
    'metrics:\n  f1: {}\n  roc_auc: { max_regresion: 0.01 }\n',
    'metrics:\n  f1: {}\n  roc_auc: {}\n  log_loss: { direction: higher }\n',
    'metrics:\n  accuracy: {}\n  roc_auc: {}\n  log_loss: {}\n  f1: { must_improve: true, confidence: 95 }\n',
    'metrics:\n  accuracy: {}\n  roc_auc: {}\n  log_loss: {}\n  f1: {}\n  my_score: { min: 1 }\n',
  ])('%j', (text) => {
    let message = '';
    try {
      parsePolicy(text, file);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toBe('');
    expect(doc).toContain(`\n${message}\n`);
  });

  test('an unknown metric for the task', () => {
    const { rules } = parsePolicy('metrics:\n  roc_auc: {}\n  recall: {}\n  f1_macro: { min: 0.5 }\n', file);
    const binary = METRIC_CATALOG.binary.map((metric) => metric.name);
    expect(() => checkRuleMetrics(rules, binary, 'for a binary model')).toThrow(InputError);
    try {
      checkRuleMetrics(rules, binary, 'for a binary model');
    } catch (error) {
      expect(doc).toContain(`\n${(error as Error).message}\n`);
    }
  });
});
