/** The `cd4ml` command, run as a user runs it: `bin/cd4ml.js` over the committed bundles. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ACTIONS } from '../../src/actions/catalog.js';
import { ROOT } from '../support/runner.js';

function cd4ml(args: string[], cwd = ROOT) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('INPUT_') && !name.startsWith('GITHUB_')));
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/cd4ml.js'), ...args], { cwd, env, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('help', () => {
  test('--help lists every action with its description', () => {
    const run = cd4ml(['--help']);
    expect(run.code).toBe(0);
    for (const action of ACTIONS) expect(run.stdout).toMatch(new RegExp(`^  ${action.id} +${action.description.replace(/[.()]/g, '\\$&')}$`, 'm'));
  });

  test('no arguments prints usage to stderr and exits 2', () => {
    const run = cd4ml([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: cd4ml <action>');
  });

  test.each(ACTIONS.map((a) => [a.id, a] as const))('%s --help lists every input and output from its metadata', (id, action) => {
    const run = cd4ml([id, '--help']);
    expect(run.code).toBe(0);
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect(run.stdout).toContain(`--${name} (${spec.required === true ? 'required' : 'optional'}`);
      expect(run.stdout).toContain(`Expects ${spec.parser.expected}`.split(' ').slice(0, 3).join(' '));
    }
    for (const name of Object.keys(action.outputs)) expect(run.stdout).toMatch(new RegExp(`^  ${name}$`, 'm'));
  });

  test('validate-data --help states defaults', () => {
    const run = cd4ml(['validate-data', '--help']);
    expect(run.stdout).toContain('--format (optional; default: auto)');
    expect(run.stdout).toContain('Expects one of auto, csv, tsv, jsonl, parquet.');
    expect(run.stdout).toContain('--github-token (optional; default in workflows: ${{ github.token }})');
  });
});

describe('usage errors exit 2 with one line', () => {
  test.each([
    [['validate'], 'error: unknown action "validate": expected one of validate-data, train-on-gpu-runner, evaluate-gate, register-model, deploy-canary, check-drift. See `cd4ml --help`.'],
    [['validate-data', '--formt', 'csv'], 'error: cd4ml validate-data has no option --formt. Did you mean --format? See `cd4ml validate-data --help` for its inputs.'],
    [['validate-data', 'train.csv'], 'error: cd4ml validate-data takes options only (--name value), but got "train.csv".'],
    [['validate-data', '--data'], 'error: Option --data needs a value: expected one or more paths, globs or s3:// URIs, one per line.'],
  ])('cd4ml %j', (args, message) => {
    const run = cd4ml(args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(message);
  });
});

describe('running an action', () => {
  test('an invalid input fails the action with its one-line reason, in terminal form', () => {
    const run = cd4ml(['validate-data', '--data', 'train.csv', '--format=xml']);
    expect(run.code).toBe(1);
    expect(run.stdout.trim()).toBe('error: validate-data: Input "format" has an invalid value "xml": expected one of auto, csv, tsv, jsonl, parquet.');
  });

  test('a bare boolean flag means true and reaches the action', () => {
    const run = cd4ml(['train-on-gpu-runner', '--run', 'true', '--require-gpu', '--spot', 'maybe']);
    expect(run.stdout.trim()).toBe('error: train-on-gpu-runner: Input "spot" has an invalid value "maybe": expected true or false.');
  });

  test('the action runs with the same parsing as in a workflow and leaves no empty report', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cd4ml-cli-'));
    const run = cd4ml(['evaluate-gate', '--model', join(ROOT, 'test/fixtures/models/logistic.onnx'), '--report-file', 'out/report.md'], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('inputs features; outputs probability.');
    expect(run.stdout).toContain('error: evaluate-gate: Metric evaluation and gating (evaluate-gate) is not implemented yet');
    expect(existsSync(join(cwd, 'out/report.md'))).toBe(false);
  });
});
