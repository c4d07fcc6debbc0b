/** The model card: its sections from a record, and the template's placeholders. */
import { describe, expect, test } from 'vitest';
import { checkTemplate, renderModelCard } from '../../src/core/registry/model-card.js';
import type { ModelRecord } from '../../src/core/registry/types.js';

const record: ModelRecord = {
  format: 'cd4ml-model-record',
  formatVersion: 1,
  name: 'churn',
  version: 7,
  uri: 'registry:churn@7',
  createdAt: '2026-11-20T10:00:00.000Z',
  registrationKey: 'k'.repeat(40),
  files: [{ path: 'model/model.onnx', sha256: 'a'.repeat(64), size: 1234, location: 'churn/v7/model/model.onnx' }],
  metrics: { roc_auc: 0.8412345, log_loss: 0.39 },
  gate: { passed: true, verdict: 'all 2 rules pass', baseline: 'registry:churn@production (v6)', rules: [{ metric: 'roc_auc', rule: '≥ 0.8', status: 'pass' }, { metric: 'roc_auc', rule: 'Δ ≥ −0.01', status: 'pass' }] },
  params: { C: 0.5, features: ['age', 'plan'] },
  lineage: { gitSha: 'b'.repeat(40), repository: 'o/r', runId: '100', runUrl: 'https://github.com/o/r/actions/runs/100', actor: 'octocat', parentVersion: 6 },
  environment: { 'scikit-learn': '1.2.1', node: 'v24.1.0' },
  aliases: [],
  attestation: { id: '42', url: 'https://github.com/o/r/attestations/42' },
};

describe('model card', () => {
  test('every section, in order, from the record; the template becomes "Intended use"', () => {
    const card = renderModelCard(record, { registry: 'github://o/r', template: { text: 'For churn scoring of {{name}} v{{version}} (AUC {{metric:roc_auc}}).\n', origin: 'card.md' } });
    expect(card).toBe(`# churn v7

\`registry:churn@7\` in \`github://o/r\`, registered 2026-11-20T10:00:00.000Z from commit \`bbbbbbbbbbbb\` in [this run](https://github.com/o/r/actions/runs/100) by @octocat.

## Metrics

| Metric     |  Value | Gate rule        | Result        |
| :--------- | -----: | :--------------- | :------------ |
| \`log_loss\` |   0.39 | —                | —             |
| \`roc_auc\`  | 0.8412 | ≥ 0.8; Δ ≥ −0.01 | ✅ pass ✅ pass |

**Gate: passed** — all 2 rules pass (baseline: \`registry:churn@production (v6)\`)

## Data

No data profile was registered, so check-drift cannot use this version as its reference.

## Lineage

|                  |                                                          |
| ---------------- | -------------------------------------------------------- |
| Git commit       | \`bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\`               |
| Repository       | o/r                                                      |
| Workflow run     | [100](https://github.com/o/r/actions/runs/100)           |
| Parent version   | v6                                                       |
| Provenance       | [attestation 42](https://github.com/o/r/attestations/42) |
| Registration key | \`kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\`               |

## Parameters

| Parameter  | Value            |
| ---------- | ---------------- |
| \`C\`        | \`0.5\`            |
| \`features\` | \`["age","plan"]\` |

## Environment

| Package      | Version   |
| ------------ | --------- |
| node         | \`v24.1.0\` |
| scikit-learn | \`1.2.1\`   |

## Intended use

For churn scoring of churn v7 (AUC 0.8412).

## Files

| File               | Bytes | sha256                                                             |
| :----------------- | ----: | :----------------------------------------------------------------- |
| \`model/model.onnx\` | 1,234 | \`aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\` |
`);
  });

  test.each([
    ['Owner: {{team}}', 'card.md:2: unknown placeholder {{team}}; use {{name}}, {{version}}, {{uri}}, {{created}}, {{git_sha}} or {{metric:<name>}} with a registered metric.'],
    ['AUC {{ metric:auc }}', 'card.md:2: unknown placeholder {{metric:auc}}; use {{name}}, {{version}}, {{uri}}, {{created}}, {{git_sha}} or {{metric:<name>}} with a registered metric.'],
  ])('a template with %s is refused before anything is registered', (line, message) => {
    expect(() => checkTemplate(`# Use\n${line}\n`, 'card.md', ['roc_auc'])).toThrow(message);
    expect(() => renderModelCard(record, { registry: 'x', template: { text: `# Use\n${line}\n`, origin: 'card.md' } })).toThrow(message);
  });
});
