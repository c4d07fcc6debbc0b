import { describe, expect, test } from 'vitest';
import { mermaidXyChart, textHistogram } from '../../src/core/report/charts.js';

describe('mermaidXyChart', () => {
  test('bars for the reference, a line for the current data, quoted labels, a y axis from 0', () => {
    const chart = mermaidXyChart({
      title: 'age',
      labels: ['18–30', '30–45', '"45+"'],
      yLabel: 'share of rows',
      bars: { name: 'reference', values: [0.25, 0.5, 0.25] },
      line: { name: 'current', values: [0.1, 0.4, 0.5] },
    });
    expect(chart).toBe(
      [
        '```mermaid',
        'xychart-beta',
        '  title "age (bars: reference, line: current)"',
        `  x-axis ["18–30", "30–45", "'45+'"]`,
        '  y-axis "share of rows" 0 --> 0.525',
        '  bar [0.25, 0.5, 0.25]',
        '  line [0.1, 0.4, 0.5]',
        '```',
      ].join('\n'),
    );
  });
});

describe('textHistogram', () => {
  test.each([
    [[0, 1, 2, 4, 8], '▁▂▃▅█'],
    [[0, 0], '▁▁'],
    [[5], '█'],
  ])('%j → %s', (values, expected) => {
    expect(textHistogram(values)).toBe(expected);
  });
});
