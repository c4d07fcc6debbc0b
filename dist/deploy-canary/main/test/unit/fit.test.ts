import { describe, expect, test } from 'vitest';
import { fitToLimit } from '../../src/core/report/fit.js';

const NOTICE = '> trimmed';

describe('fitToLimit', () => {
  test('text within the limit is returned unchanged', () => {
    expect(fitToLimit('abc\ndef', 7, NOTICE)).toEqual({ text: 'abc\ndef', trimmed: false });
  });

  test('the cut falls at a line break and the notice follows', () => {
    const text = ['line one', 'line two', 'line three', 'line four'].join('\n');
    const { text: fitted, trimmed } = fitToLimit(text, 32, NOTICE);
    expect(trimmed).toBe(true);
    expect(fitted).toBe('line one\nline two\n\n> trimmed\n');
    expect(fitted.length).toBeLessThanOrEqual(32);
  });

  test('an open code fence is closed', () => {
    const text = ['# Log', '```text', ...Array.from({ length: 50 }, (_, i) => `step ${i}`), '```', 'end'].join('\n');
    const { text: fitted } = fitToLimit(text, 120, NOTICE);
    const lines = fitted.split('\n');
    expect(lines.filter((line) => line === '```').length).toBe(1); // the closer added
    expect(lines.indexOf('```')).toBeGreaterThan(lines.indexOf('```text'));
    expect(fitted.length).toBeLessThanOrEqual(120);
    expect(fitted.endsWith('\n\n> trimmed\n')).toBe(true);
  });

  test('a surrogate pair is never split', () => {
    const text = `${'x'.repeat(10)}${'😀'.repeat(20)}`; // no line break to cut at
    const { text: fitted } = fitToLimit(text, 25, NOTICE);
    expect(fitted).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(fitted.length).toBeLessThanOrEqual(25);
  });

  test('in bytes, multi-byte characters count by their UTF-8 size', () => {
    const text = Array.from({ length: 100 }, () => 'äöü').join('\n'); // 6 bytes + newline per line
    const { text: fitted, trimmed } = fitToLimit(text, 100, NOTICE, 'bytes');
    expect(trimmed).toBe(true);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(100);
    expect(fitted).not.toContain('\uFFFD');
    expect(fitted.split('\n').filter((line) => line === 'äöü').length).toBe(12);
  });

  test('a limit too small for the notice is an error, not a silent overflow', () => {
    expect(() => fitToLimit('x'.repeat(100), 5, NOTICE)).toThrow('The limit 5 leaves no room for the trim notice.');
  });
});
