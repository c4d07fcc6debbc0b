/** The pieces the CLI shares with the test harness: GITHUB_OUTPUT, workflow commands, runner env. */
import * as core from '@actions/core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { findAction } from '../../src/actions/catalog.js';
import { parseActionArgs } from '../../src/cli/args.js';
import { parseOutputFile } from '../../src/cli/output-file.js';
import { runnerInputEnv, withoutInputs } from '../../src/cli/runner-env.js';
import { renderCommandLine } from '../../src/cli/workflow-commands.js';

describe('parseOutputFile', () => {
  const saved = process.env['GITHUB_OUTPUT'];
  afterEach(() => {
    if (saved === undefined) delete process.env['GITHUB_OUTPUT'];
    else process.env['GITHUB_OUTPUT'] = saved;
  });

  test('reads back exactly what @actions/core wrote, multi-line values included', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cd4ml-out-')), 'output');
    writeFileSync(file, '');
    process.env['GITHUB_OUTPUT'] = file;
    core.setOutput('valid', false);
    core.setOutput('drifted-columns', ['age', 'income']);
    core.setOutput('report', '## Report\n\n| a | b |\n|---|---|');
    expect(parseOutputFile(readFileSync(file, 'utf8'))).toEqual({
      valid: 'false',
      'drifted-columns': '["age","income"]',
      report: '## Report\n\n| a | b |\n|---|---|',
    });
  });

  test('reads the simple name=value form', () => {
    expect(parseOutputFile('a=1\nb=x=y\n')).toEqual({ a: '1', b: 'x=y' });
  });

  test('an unclosed multi-line value is an error', () => {
    expect(() => parseOutputFile('report<<EOF_1\nline\n')).toThrow('GITHUB_OUTPUT: the value of "report" is not closed by its delimiter EOF_1.');
  });
});

describe('renderCommandLine', () => {
  test.each([
    ['::error::validate-data: bad%0Asecond line', 'error: validate-data: bad\nsecond line'],
    ['::warning file=data/train.csv,line=12::age below 18', 'warning: data/train.csv:12: age below 18'],
    ['::notice file=a%2Cb.csv::x', 'notice: a,b.csv: x'],
    ['::group::Profiling', '── Profiling'],
    ['plain text', 'plain text'],
  ])('%j → %j', (line, rendered) => expect(renderCommandLine(line, false)).toBe(rendered));

  test.each(['::endgroup::', '::debug::details', '::add-mask::secret'])('%j is hidden', (line) => {
    expect(renderCommandLine(line, false)).toBeUndefined();
  });

  test('debug lines show when verbose', () => expect(renderCommandLine('::debug::x', true)).toBe('debug: x'));
});

describe('runnerInputEnv', () => {
  const action = findAction('validate-data')!;

  test('given inputs and the metadata defaults, as the runner sets them', () => {
    expect(runnerInputEnv(action, { data: 'train.csv', format: 'csv' }, { GITHUB_TOKEN: 'ghp_x' })).toEqual({
      INPUT_DATA: 'train.csv',
      INPUT_FORMAT: 'csv',
      'INPUT_FAIL-ON': 'error',
      'INPUT_MAX-EXAMPLES': '5',
      INPUT_COMMENT: 'false',
      'INPUT_GITHUB-TOKEN': 'ghp_x',
    });
  });

  test('without GITHUB_TOKEN the token input stays unset', () => {
    expect(runnerInputEnv(action, {}, {})).not.toHaveProperty('INPUT_GITHUB-TOKEN');
  });

  test('a parent step’s INPUT_ variables never leak into the child', () => {
    expect(withoutInputs({ INPUT_DATA: 'x', PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });
});

describe('parseActionArgs', () => {
  const action = findAction('train-on-gpu-runner')!;

  test('--name value, --name=value, bare booleans and repeated list inputs', () => {
    expect(parseActionArgs(action, ['--run', 'python train.py', '--seed=7', '--require-gpu', '--data', 'a.csv', '--data', 'b.csv'])).toEqual({
      inputs: { run: 'python train.py', seed: '7', 'require-gpu': 'true', data: 'a.csv\nb.csv' },
      help: false,
    });
  });

  test('a boolean followed by a value takes it', () => {
    expect(parseActionArgs(action, ['--require-gpu', 'false']).inputs).toEqual({ 'require-gpu': 'false' });
  });

  test('an input that is not a list may not repeat', () => {
    expect(() => parseActionArgs(action, ['--run', 'a', '--run', 'b'])).toThrow('Option --run was given twice ("a" and "b"); give it once.');
  });

  test('--report-file is the CLI’s own option', () => {
    expect(parseActionArgs(action, ['--report-file', 'r.md'])).toEqual({ inputs: {}, reportFile: 'r.md', help: false });
  });
});
