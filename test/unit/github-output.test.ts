/** Action metadata emission, annotations within GitHub's limits, and the job summary size limit. */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { parse } from 'yaml';
import { ACTIONS } from '../../src/actions/catalog.js';
import { actionYaml } from '../../src/platform/github/action-metadata.js';
import { AnnotationBudget } from '../../src/platform/github/annotations.js';
import { STEP_SUMMARY_LIMIT_BYTES } from '../../src/platform/github/limits.js';
import { stepSummaryWriter } from '../../src/platform/github/summary.js';
import { recordingLogger } from '../support/logger.js';

describe('actionYaml', () => {
  test.each(ACTIONS.map((a) => [a.id, a] as const))('%s: action.yml states every input, required flag and default of the metadata', (_id, action) => {
    const document = parse(actionYaml(action)) as {
      inputs: Record<string, { description: string; required: boolean; default?: string }>;
      outputs: Record<string, { description: string }>;
      runs: { using: string; main: string; post?: string; 'post-if'?: string };
    };
    expect(Object.keys(document.inputs)).toEqual(Object.keys(action.inputs));
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect(document.inputs[name]).toEqual({
        description: spec.description,
        required: spec.required === true,
        ...(spec.default ?? spec.runnerDefault ? { default: spec.default ?? spec.runnerDefault } : {}),
      });
    }
    expect(Object.keys(document.outputs)).toEqual(Object.keys(action.outputs));
    const post = action.postIf === undefined ? {} : { post: `../../dist/${action.id}/index.js`, 'post-if': action.postIf };
    expect(document.runs).toEqual({ using: 'node24', main: `../../dist/${action.id}/index.js`, ...post });
  });

  test('every default is a value its own parser accepts', () => {
    for (const action of ACTIONS) {
      for (const [name, spec] of Object.entries(action.inputs)) {
        if (spec.default !== undefined) expect(() => spec.parser.parse(spec.default as string, name), `${action.id}.${name}`).not.toThrow();
      }
    }
  });
});

describe('AnnotationBudget', () => {
  let write: MockInstance;
  const lines = () => write.mock.calls.map((call) => String(call[0]).trimEnd());

  beforeEach(() => {
    write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => write.mockRestore());

  test('at most 10 warning annotations per step: 9 shown, then one note counting the rest', () => {
    const budget = new AnnotationBudget();
    for (let i = 1; i <= 15; i += 1) budget.annotate('warning', `row ${i} is odd`, { file: 'data/train.csv', line: i + 1 });
    budget.flush();
    const annotations = lines().filter((line) => line.startsWith('::warning'));
    expect(annotations).toHaveLength(10);
    expect(annotations[0]).toBe('::warning file=data/train.csv,line=2::row 1 is odd');
    expect(annotations[9]).toBe('::warning::6 more warning messages were not shown as annotations (GitHub shows 10 per step); they are in the step log.');
    expect(lines()).toContain('warning: data/train.csv:16: row 15 is odd');
  });

  test('errors keep one place for the step failure itself', () => {
    const budget = new AnnotationBudget();
    for (let i = 1; i <= 9; i += 1) budget.annotate('error', `e${i}`);
    budget.flush();
    expect(lines().filter((line) => line.startsWith('::error'))).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `::error::e${i + 1}`),
      '::error::1 more error message was not shown as annotations (GitHub shows 10 per step); they are in the step log.',
    ]);
  });

  test('under the limit nothing is added', () => {
    const budget = new AnnotationBudget();
    budget.annotate('notice', 'hello');
    budget.flush();
    expect(lines()).toEqual(['::notice::hello']);
  });
});

describe('stepSummaryWriter', () => {
  test('appends Markdown to the summary file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cd4ml-summary-')), 'summary.md');
    writeFileSync(path, '# Earlier step\n');
    expect(stepSummaryWriter(path, recordingLogger()).append('## Report')).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('# Earlier step\n## Report\n');
  });

  test('never grows the summary past 1 MiB; the full text goes to the log', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cd4ml-summary-')), 'summary.md');
    writeFileSync(path, 'x'.repeat(STEP_SUMMARY_LIMIT_BYTES - 2000));
    const logger = recordingLogger();
    const report = Array.from({ length: 500 }, (_, i) => `| row ${i} | ${'y'.repeat(20)} |`).join('\n');
    stepSummaryWriter(path, logger).append(report);
    expect(statSync(path).size).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT_BYTES);
    expect(readFileSync(path, 'utf8')).toContain('This report was trimmed to fit the 1 MiB limit of a job summary');
    expect(logger.messages('info')).toEqual([report]);
  });

  test('a full summary leaves the report in the log with a warning, and does not fail', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cd4ml-summary-')), 'summary.md');
    writeFileSync(path, 'x'.repeat(STEP_SUMMARY_LIMIT_BYTES - 5));
    const logger = recordingLogger();
    expect(stepSummaryWriter(path, logger).append('## Report')).toBe(false);
    expect(statSync(path).size).toBe(STEP_SUMMARY_LIMIT_BYTES - 5);
    expect(logger.messages('info')).toEqual(['## Report']);
    expect(logger.messages('warning')).toEqual(['The job summary is full (1 MiB per step), so this report is in the step log only.']);
  });

  test('without GITHUB_STEP_SUMMARY the report goes to the log with a warning', () => {
    const logger = recordingLogger();
    expect(stepSummaryWriter(undefined, logger).append('## Report')).toBe(false);
    expect(logger.messages('info')).toEqual(['## Report']);
    expect(logger.messages('warning')).toEqual(['GITHUB_STEP_SUMMARY is not set, so the report above went to the log instead of a job summary.']);
  });
});
