import { describe, expect, test } from 'vitest';
import { formatApart, formatDelta, formatInterval, formatPercent, formatValue } from '../../src/core/report/numbers.js';

describe('formatValue', () => {
  test.each([
    [0.83124, '0.8312'],
    [0.8, '0.8'],
    [0.842, '0.842'],
    [12.345678, '12.35'],
    [123.456, '123.5'],
    [1234.56, '1234.6'],
    [123456.78, '123456.8'],
    [5, '5'],
    [1234, '1234'],
    [0.0001234, '0.0001234'],
    [0.000012, '1.2e-5'],
    [0.0000123456, '1.235e-5'],
    [0.000099996, '1e-4'],
    [2.5e9, '2.5e9'],
    [9.99996, '10'],
    [0.99996, '1'],
    [0, '0'],
    [-0, '0'],
    [-0.05, '\u22120.05'],
    [-1234.56, '\u22121234.6'],
    [Number.NaN, 'n/a'],
    [Number.POSITIVE_INFINITY, '∞'],
    [Number.NEGATIVE_INFINITY, '\u2212∞'],
  ])('%s → %s', (x, expected) => {
    expect(formatValue(x)).toBe(expected);
  });

  test('more significant digits on request', () => {
    expect(formatValue(0.799996, 6)).toBe('0.799996');
    expect(formatValue(1234.5678, 6)).toBe('1234.57');
  });
});

describe('formatDelta', () => {
  test.each([
    [0.0123, '+0.0123'],
    [-0.031, '\u22120.031'],
    [-0.0453219, '\u22120.04532'],
    [12.345678, '+12.35'],
    [0.000012, '+1.2e-5'],
    [0, '±0'],
    [-0, '±0'],
    [Number.NaN, 'n/a'],
    [Number.POSITIVE_INFINITY, '+∞'],
  ])('%s → %s', (x, expected) => {
    expect(formatDelta(x)).toBe(expected);
  });
});

describe('formatPercent', () => {
  test.each([
    [0.0312, '+3.12%'],
    [-0.5, '\u221250%'],
    [0.0006, '+0.06%'],
    [0.123456, '+12.3%'],
    [1.23456, '+123%'],
    [12.345, '+1235%'],
    [-0.000123, '\u22120.0123%'],
    [1e-9, '+1e-7%'],
    [0, '±0%'],
    [Number.NaN, 'n/a'],
  ])('%s → %s', (x, expected) => {
    expect(formatPercent(x)).toBe(expected);
  });

  test('unsigned and with more digits', () => {
    expect(formatPercent(0.0619354, { signed: false })).toBe('6.19%');
    expect(formatPercent(-0.0619354, { signed: false })).toBe('\u22126.19%');
    expect(formatPercent(0, { signed: false })).toBe('0%');
    expect(formatPercent(0.0619354, { digits: 5 })).toBe('+6.1935%');
  });
});

describe('formatInterval and formatApart', () => {
  test.each([
    [[-0.045, -0.018], '[\u22120.045, \u22120.018]'],
    [[0.8123, 0.8567], '[0.8123, 0.8567]'],
    [[Number.NaN, 0.5], '[n/a, 0.5]'],
    // Ends that would read the same at 4 digits get as many more as they need.
    [[0.831214, 0.831236], '[0.83121, 0.83124]'],
    [[0.5, 0.5], '[0.5, 0.5]'],
  ] as const)('%j → %s', (interval, expected) => {
    expect(formatInterval(interval)).toBe(expected);
  });

  test('an interval of changes, signed', () => {
    expect(formatInterval([-0.01, 0.02], formatDelta)).toBe('[\u22120.01, +0.02]');
  });

  test.each([
    [0.79996, 0.8, ['0.79996', '0.8']],
    [0.842, 0.8, ['0.842', '0.8']],
    [0.1 + 0.2, 0.3, ['0.30000000000000004', '0.3']],
    [0.3, 0.3, ['0.3', '0.3']],
  ])('formatApart(%s, %s)', (a, b, expected) => {
    expect(formatApart(a, b)).toEqual(expected);
  });
});
