import { describe, expect, test } from 'vitest';
import { parseDriftConfig } from '../../src/core/drift/config-file.js';

describe('parseDriftConfig', () => {
  test('reads per-column methods, thresholds, skips and the drift share', () => {
    const config = parseDriftConfig(
      'drift_share: 0.3\ncolumns:\n  age: { method: ks, threshold: 0.01 }\n  country:\n    method: psi\n    threshold: 0.2\n  customer_id: { skip: true }\n',
      'drift.yaml',
    );
    expect(config).toEqual({
      file: 'drift.yaml',
      driftShare: 0.3,
      columns: [
        { column: 'age', method: 'ks', threshold: 0.01, line: 3 },
        { column: 'country', method: 'psi', threshold: 0.2, line: 4 },
        { column: 'customer_id', skip: true, line: 7 },
      ],
    });
  });

  test.each([
    ['columns:\n  age: { method: kss }\n', 'drift.yaml:2: column "age" has method "kss", which is not a drift method; use one of ks, wasserstein, psi, chisquare, jensenshannon, z (did you mean "ks"?)'],
    ['columns:\n  age: { method: ks, threshold: 1.5 }\n', 'drift.yaml:2: column "age" has threshold 1.5, which is not a p-value threshold between 0 and 1 (both excluded); write e.g. threshold: 0.05 for a test, 0.1 for a distance'],
    ['columns:\n  age: { threshold: -1 }\n', 'drift.yaml:2: column "age" has threshold -1, which is not a positive threshold; write e.g. threshold: 0.05 for a test, 0.1 for a distance'],
    ['columns:\n  age: { skip: yes please }\n', 'drift.yaml:2: column "age" has skip "yes please", which is not true or false; write skip: true to leave the column out'],
    ['columns:\n  age: { skip: true, method: ks }\n', 'drift.yaml:2: column "age" is skipped but also has a method or threshold; remove one or the other'],
    ['columns:\n  age: ks\n', 'drift.yaml:2: column "age" is the text "ks", but it must be a mapping; write e.g. age: { method: ks, threshold: 0.01 } or age: { skip: true }'],
    ['columns:\n  age: { methd: ks }\n', /^drift\.yaml:2: column "age" has an unknown key "methd"/],
    ['drift_share: 2\ncolumns: {}\n', 'drift.yaml:1: drift_share is the number 2, which is not a share between 0 and 1; write the share of drifted columns that means dataset drift, e.g. drift_share: 0.5'],
    ['drift_share: 0.5\n', /^drift\.yaml:1: the drift config has no "columns" key/],
  ])('%j → one line naming file, line and fix', (text, message) => {
    expect(() => parseDriftConfig(text, 'drift.yaml')).toThrow(message);
  });
});
