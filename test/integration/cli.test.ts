/**
 * The `cd4ml` command, run as a user runs it: `bin/cd4ml.js` over the committed bundles. To try
 * changes to src/ before dist/ is rebuilt, build elsewhere (`npx tsx scripts/build.ts --out <dir>`) and
 * set CD4ML_TEST_DIST=<dir>/dist: the tests then run <dir>/dist/cli/index.js and the bundles beside it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ACTIONS } from '../../src/actions/catalog.js';
import { COMMANDS } from '../../src/cli/data-commands.js';
import { ROOT } from '../support/runner.js';

const CLI = process.env['CD4ML_TEST_DIST'] ? join(process.env['CD4ML_TEST_DIST'], 'cli/index.js') : join(ROOT, 'bin/cd4ml.js');
const CUSTOMERS = join(ROOT, 'examples/data/customers.csv');
const CUSTOMERS_BROKEN = join(ROOT, 'examples/data/customers-broken.csv');

function cd4ml(args: string[], cwd = ROOT) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('INPUT_') && !name.startsWith('GITHUB_') && name !== 'CD4ML_DEBUG'),
  );
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'cd4ml-cli-'));
}

describe('help', () => {
  test('--help lists every action and command with its description', () => {
    const run = cd4ml(['--help']);
    expect(run.code).toBe(0);
    for (const entry of [...ACTIONS, ...COMMANDS]) {
      expect(run.stdout).toMatch(new RegExp(`^  ${entry.id} +${entry.description.replace(/[.()]/g, '\\$&')}$`, 'm'));
    }
    expect(run.stdout).toContain('Commands:');
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
    [
      ['validate'],
      'error: unknown command "validate": expected an action (validate-data, train-on-gpu-runner, evaluate-gate, register-model, deploy-canary, check-drift) or demo, profile, infer-schema, serve, registry. See `cd4ml --help`.',
    ],
    [
      ['profil'],
      'error: unknown command "profil": expected an action (validate-data, train-on-gpu-runner, evaluate-gate, register-model, deploy-canary, check-drift) or demo, profile, infer-schema, serve, registry. Did you mean profile? See `cd4ml --help`.',
    ],
    [['validate-data', '--formt', 'csv'], 'error: cd4ml validate-data has no option --formt. Did you mean --format? See `cd4ml validate-data --help` for its inputs.'],
    [['validate-data', 'train.csv'], 'error: cd4ml validate-data takes options only (--name value), but got "train.csv".'],
    [['validate-data', '--data'], 'error: Option --data needs a value: expected one or more paths, globs or s3:// URIs, one per line.'],
    [
      ['validate-data', '--data', 'a.csv', 'b.csv'],
      'error: cd4ml validate-data takes options only (--name value), but got "b.csv". To give several values, repeat --data before each; to pass a glob, quote it so that the shell leaves it to cd4ml.',
    ],
    [['profile'], 'error: cd4ml profile needs --data: expected one or more paths, globs or s3:// URIs, one per line. See `cd4ml profile --help`.'],
    [['profile', '--data'], 'error: Option --data needs a value: expected one or more paths, globs or s3:// URIs, one per line.'],
    [['profile', '--data', 'a.csv', '--ouput', 'p.json'], 'error: cd4ml profile has no option --ouput. Did you mean --output? See `cd4ml profile --help` for its options.'],
    [['profile', '--data', 'a.csv', '--output'], 'error: Option --output needs a value: expected a file path to write.'],
    [['profile', '--data', 'a.csv', '--output', 'a.json', '--output', 'b.json'], 'error: Option --output was given twice ("a.json" and "b.json"); give it once.'],
    [
      ['profile', '--data', 'a.csv', '--schema', 's.yaml'],
      'error: cd4ml profile has no option --schema. See `cd4ml profile --help` for its options; --schema is an input of `cd4ml validate-data`.',
    ],
    [
      ['profile', '--data', 'a.csv', '--profile-output', 'p.json'],
      'error: cd4ml profile has no option --profile-output. See `cd4ml profile --help` for its options; here it is --output.',
    ],
    [['profile', 'a.csv'], 'error: cd4ml profile takes options only (--name value), but got "a.csv".'],
    [
      ['profile', '--data', 'part-1.csv', 'part-2.csv'],
      'error: cd4ml profile takes options only (--name value), but got "part-2.csv". To give several values, repeat --data before each; to pass a glob, quote it so that the shell leaves it to cd4ml.',
    ],
    [['infer-schema', '--data', 'a.csv'], 'error: cd4ml infer-schema needs --output: expected a file path to write. See `cd4ml infer-schema --help`.'],
    [['infer-schema', '--output', 's.yaml'], 'error: cd4ml infer-schema needs --data: expected one or more paths, globs or s3:// URIs, one per line. See `cd4ml infer-schema --help`.'],
    [['infer-schema', '--data', 'a.csv', '--output', 's.yaml', '--forse'], 'error: cd4ml infer-schema has no option --forse. Did you mean --force? See `cd4ml infer-schema --help` for its options.'],
    [
      ['infer-schema', '--data', 'a.csv', '--write-schema', 's.yaml'],
      'error: cd4ml infer-schema has no option --write-schema. See `cd4ml infer-schema --help` for its options; here it is --output.',
    ],
    [['infer-schema', '--data', 'a.csv', '--output', 's.yaml', '--force', 'maybe'], 'error: Option --force takes no value, or true or false, but got "maybe".'],
    [['infer-schema', '--data', 'a.csv', '--output', 'examples'], 'error: --output examples is a directory; give the path of a file in it.'],
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

  test('an action that fails before writing a report leaves no empty report file', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cd4ml-cli-'));
    const run = cd4ml(['evaluate-gate', '--model', join(ROOT, 'test/fixtures/models/logistic.onnx'), '--report-file', 'out/report.md'], cwd);
    expect(run.code).toBe(1);
    expect(run.stdout.trim()).toBe('error: evaluate-gate: Input "data" is required with "model": name the evaluation dataset the model is scored on.');
    expect(existsSync(join(cwd, 'out/report.md'))).toBe(false);
  });

  test('evaluate-gate on the example models: the verdict, short outputs printed, the long evaluation JSON to a file', () => {
    const cwd = scratch();
    const run = cd4ml(
      [
        'evaluate-gate',
        ...['--model', join(ROOT, 'examples/models/churn-v2.onnx'), '--baseline-model', join(ROOT, 'examples/models/churn-v1.onnx')],
        ...['--data', join(ROOT, 'examples/data/customers-2024-07.csv'), '--label', 'churned'],
        ...['--features', 'age,tenure_months,monthly_spend,support_tickets', '--thresholds', 'roc_auc>=-0.01@95%'],
      ],
      cwd,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  passed: true\n');
    const metricsLine = run.stdout.split('\n').find((line) => line.startsWith('  metrics: '));
    expect(metricsLine).toMatch(/^  metrics: \(\d{1,3}(,\d{3})* characters\) .+\/\.cd4ml\/evaluate-gate-metrics\.json$/);
    const evaluation = JSON.parse(readFileSync(join(cwd, '.cd4ml/evaluate-gate-metrics.json'), 'utf8')) as { passed: boolean; metrics: Array<{ name: string }> };
    expect(evaluation.passed).toBe(true);
    expect(evaluation.metrics[0]?.name).toBe('roc_auc');
    expect(readFileSync(join(cwd, '.cd4ml/evaluate-gate-report.md'), 'utf8')).toContain('### ✅ Model gate passed');
  });
});

describe('cd4ml profile', () => {
  test('--help', () => {
    const run = cd4ml(['profile', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `cd4ml profile: Profile a dataset and write its profile JSON, the drift reference (default .cd4ml/profile.json).

Usage: cd4ml profile --data <path|glob|s3://…> [--format <format>] [--output <profile.json>]

Runs validate-data with profile-output set to --output, no schema and fail-on never: it reads the
data, writes its profile and fails only when the data cannot be read. The profile is the reference
that check-drift compares recent data with.

Only the step's errors and warnings are shown; CD4ML_DEBUG=1 shows its whole log.

Options:
  --data (required; repeatable)
      The dataset: a file path, a glob of shards (e.g. \`data/part-*.csv\`), or an \`s3://bucket/key\`
      URI. Repeat the option to read several as one dataset.
      Expects one or more paths, globs or s3:// URIs, one per line.
  --format (optional; default: auto)
      File format; \`auto\` picks it from the file extension.
      Expects one of auto, csv, tsv, jsonl, parquet.
  --output (optional; default: .cd4ml/profile.json)
      Where to write the profile JSON. An existing file there is replaced.
      Expects a file path to write.
`,
    );
  });

  test('writes the profile to --output and prints where it went and what it holds', () => {
    const dir = scratch();
    const output = join(dir, 'out/customers.profile.json');
    const run = cd4ml(['profile', '--data', CUSTOMERS, '--output', output], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Wrote the profile to ${output}.\n5000 rows, 11 columns: 5 integer, 2 category, 1 date, 1 number, 1 string, 1 datetime.\n`);
    const profile = JSON.parse(readFileSync(output, 'utf8')) as { format: string; rows: number; columns: { name: string }[] };
    expect(profile.format).toBe('cd4ml-profile');
    expect(profile.rows).toBe(5000);
    expect(profile.columns).toHaveLength(11);
    expect(profile.columns[0]?.name).toBe('customer_id');
    // No report file and nothing else beside the profile.
    expect(existsSync(join(dir, '.cd4ml'))).toBe(false);
  });

  test('writes to .cd4ml/profile.json by default, relative paths from the working directory', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data/train.csv'), readFileSync(CUSTOMERS));
    const run = cd4ml(['profile', '--data=data/train.csv', '--format', 'csv'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Wrote the profile to .cd4ml/profile.json.');
    expect((JSON.parse(readFileSync(join(dir, '.cd4ml/profile.json'), 'utf8')) as { rows: number }).rows).toBe(5000);
  });

  test('several --data are one dataset', () => {
    const dir = scratch();
    const run = cd4ml(['profile', '--data', CUSTOMERS, '--data', join(ROOT, 'examples/data/customers-2024-07.csv'), '--output', 'p.json'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\n7000 rows, 11 columns: ');
  });

  test('data that cannot be read fails with the step’s error and writes nothing', () => {
    const dir = scratch();
    const run = cd4ml(['profile', '--data', 'missing.csv'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^error: validate-data: .*missing\.csv.*\n$/);
    expect(existsSync(join(dir, '.cd4ml/profile.json'))).toBe(false);
  });

  test('a bad --format is the step’s input error', () => {
    const run = cd4ml(['profile', '--data', CUSTOMERS, '--format', 'xml', '--output', join(scratch(), 'p.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('error: validate-data: Input "format" has an invalid value "xml": expected one of auto, csv, tsv, jsonl, parquet.\n');
  });
});

describe('cd4ml infer-schema', () => {
  test('--help', () => {
    const run = cd4ml(['infer-schema', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `cd4ml infer-schema: Infer a starting schema from a dataset and write it to --output as YAML, to review and commit.

Usage: cd4ml infer-schema --data <path|glob|s3://…> --output <schema.yaml> [--format <format>] [--force]

Runs validate-data with write-schema set to --output, no schema and fail-on never. The schema states
what this data was (each column's type, nulls, range and categories, and the table's size), not yet
what data must be: review and tighten it, commit it, then check data against it:

  cd4ml validate-data --data <path|glob|s3://…> --schema <schema.yaml>

Only the step's errors and warnings are shown; CD4ML_DEBUG=1 shows its whole log.

Options:
  --data (required; repeatable)
      The dataset: a file path, a glob of shards (e.g. \`data/part-*.csv\`), or an \`s3://bucket/key\`
      URI. Repeat the option to read several as one dataset.
      Expects one or more paths, globs or s3:// URIs, one per line.
  --format (optional; default: auto)
      File format; \`auto\` picks it from the file extension.
      Expects one of auto, csv, tsv, jsonl, parquet.
  --output (required)
      Where to write the schema (YAML), e.g. \`data/schema.yaml\`. There is no default: the schema is
      a file of the project, committed beside its data or code.
      Expects a file path to write.
  --force (optional)
      Replace --output if it exists. Without it an existing file is left alone and nothing runs.
`,
    );
  });

  test('writes a schema that the same data passes and the broken copy fails', () => {
    const dir = scratch();
    const schema = join(dir, 's.yaml');
    const run = cd4ml(['infer-schema', '--data', CUSTOMERS, '--output', schema], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `Wrote an inferred schema to ${schema} (11 columns, from 5000 rows).\n` +
        'Review it before committing: its rules state what this data was, not yet what data must be.\n',
    );
    expect(readFileSync(schema, 'utf8')).toMatch(/^columns:\n {2}customer_id: +\{ type: integer, nullable: false, /m);
    expect(existsSync(join(dir, '.cd4ml'))).toBe(false);

    const same = cd4ml(['validate-data', '--data', CUSTOMERS, '--schema', schema, '--report-file', join(dir, 'same.md')], dir);
    expect(same.code, same.stdout).toBe(0);
    expect(same.stdout).toContain('  valid: true\n  errors: 0\n');

    const broken = cd4ml(['validate-data', '--data', CUSTOMERS_BROKEN, '--schema', schema, '--report-file', join(dir, 'broken.md')], dir);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('error: validate-data: the data breaks its schema: ');
    expect(broken.stdout).toContain('  valid: false\n');
  });

  test('refuses to overwrite an existing file unless --force', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'schema.yaml'), '# hand-tuned\n');
    const refused = cd4ml(['infer-schema', '--data', CUSTOMERS, '--output', 'schema.yaml'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('error: schema.yaml already exists; pass --force to overwrite it.\n');
    expect(refused.stdout).toBe('');
    expect(readFileSync(join(dir, 'schema.yaml'), 'utf8')).toBe('# hand-tuned\n');

    const explicit = cd4ml(['infer-schema', '--data', CUSTOMERS, '--output', 'schema.yaml', '--force=false'], dir);
    expect(explicit.code).toBe(2);

    const forced = cd4ml(['infer-schema', '--force', '--data', CUSTOMERS, '--output', 'schema.yaml'], dir);
    expect(forced.code).toBe(0);
    expect(forced.stdout.split('\n')[0]).toBe('Wrote an inferred schema to schema.yaml (11 columns, from 5000 rows).');
    expect(readFileSync(join(dir, 'schema.yaml'), 'utf8')).toContain('columns:');
  });
});

describe('the model registry from the terminal', () => {
  test('register-model uses the local registry; list, show, promote, rollback and download work on it', async () => {
    const dir = scratch();
    const model = join(dir, 'model.onnx');
    writeFileSync(model, readFileSync(join(ROOT, 'examples/models/churn-v1.onnx')));
    const first = cd4ml(['register-model', '--name', 'churn', '--model', 'model.onnx', '--alias', 'production'], dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^  version: 1$/m);
    expect(existsSync(join(dir, '.cd4ml/registry/churn/index.json'))).toBe(true);
    writeFileSync(model, readFileSync(join(ROOT, 'examples/models/churn-v2.onnx')));
    expect(cd4ml(['register-model', '--name', 'churn', '--model', 'model.onnx'], dir).stdout).toMatch(/^  version: 2$/m);

    expect(cd4ml(['registry', 'list'], dir).stdout).toBe('churn\n');
    const listed = cd4ml(['registry', 'list', '--name', 'churn'], dir);
    expect(listed.stdout).toMatch(/^\| v1 +\| production +\|/m);
    expect(listed.stdout).toMatch(/^\| v2 +\| +\|/m);

    expect(cd4ml(['registry', 'promote', '--model', 'registry:churn@2', '--alias', 'production'], dir).stdout).toBe('churn@production → v2 (was v1)\n');
    expect(JSON.parse(cd4ml(['registry', 'show', '--model', 'registry:churn@production'], dir).stdout)).toMatchObject({ version: 2, aliases: ['production'] });
    expect(cd4ml(['registry', 'rollback', '--name', 'churn', '--alias', 'production'], dir).stdout).toBe('churn@production → v1 (was v2)\n');

    const download = cd4ml(['registry', 'download', '--model', 'registry:churn@production', '--output', 'out'], dir);
    expect(download.stdout).toBe('Downloaded registry:churn@1 to out: model/model.onnx, record.json\n');
    expect(readFileSync(join(dir, 'out/model/model.onnx'))).toEqual(readFileSync(join(ROOT, 'examples/models/churn-v1.onnx')));
  });

  test.each([
    [['registry'], 'error: cd4ml registry needs a command: expected one of list, show, promote, rollback, download. See `cd4ml --help`.'],
    [['registry', 'lst'], 'error: unknown registry command "lst": expected one of list, show, promote, rollback, download. See `cd4ml --help`.'],
    [['registry', 'show', '--model', 'churn@1'], 'error: --model: "churn@1" is not a registry reference; write registry:<name>@<version or alias>, e.g. registry:churn@production or registry:churn@7.'],
    [['registry', 'rollback', '--name', 'churn', '--alias', 'production'], /^error: file:\/\/.*\/\.cd4ml\/registry has no model named churn; it has no models yet; register one with register-model\.$/],
  ])('cd4ml %j', (args, message) => {
    const run = cd4ml(args, scratch());
    expect(run.code).toBe(2);
    if (typeof message === 'string') expect(run.stderr.trim()).toBe(message);
    else expect(run.stderr.trim()).toMatch(message);
  });
});

describe('cd4ml serve', () => {
  test('serves the live version of a local deployment until interrupted', async () => {
    const dir = scratch();
    const deployment = join(dir, '.cd4ml/deploy/churn');
    mkdirSync(deployment, { recursive: true });
    writeFileSync(join(deployment, 'v1.onnx'), readFileSync(join(ROOT, 'examples/models/churn-v1.onnx')));
    writeFileSync(join(deployment, 'state.json'), JSON.stringify({ live: { version: 1, modelPath: 'v1.onnx' }, updatedAt: '2026-11-22T10:00:00.000Z' }));
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('INPUT_') && !name.startsWith('GITHUB_')));
    const child = spawn(process.execPath, [CLI, 'serve', '--endpoint', 'churn', '--port', '0', '--features', 'age,tenure_months,monthly_spend,support_tickets'], { cwd: dir, env });
    const url = await new Promise<string>((done) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match !== null) done(match[1] as string);
      });
    });
    try {
      expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ status: 'ok', live: 1, candidate: null });
      const answer = (await (await fetch(`${url}/predict`, { method: 'POST', body: JSON.stringify({ rows: [{ age: 40, tenure_months: 3, monthly_spend: 80, support_tickets: 4 }] }) })).json()) as { version: number; predictions: unknown[] };
      expect(answer.version).toBe(1);
      expect(answer.predictions).toHaveLength(1);
      expect(await (await fetch(`${url}/metrics`)).text()).toMatch(/^cd4ml_requests_total\{version="1",outcome="ok"\} 1$/m);
    } finally {
      child.kill('SIGINT');
    }
    expect(await new Promise((done) => child.on('close', done))).toBe(0);
  });

  test('with nothing deployed it says how to deploy first', () => {
    const run = cd4ml(['serve', '--endpoint', 'churn'], scratch());
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^error: Nothing is deployed at .*\/\.cd4ml\/deploy\/churn yet; deploy a version first with cd4ml deploy-canary --model registry:<name>@<version> --endpoint churn\.$/);
  });
});
