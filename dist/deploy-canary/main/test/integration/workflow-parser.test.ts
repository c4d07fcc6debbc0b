/**
 * Every action.yml and every workflow (templates and the project's own CI) parsed by GitHub's own
 * parser, @actions/workflow-parser, with no errors; every action declares node24 and points at a
 * bundle that exists.
 */
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ACTIONS } from '../../src/actions/catalog.js';
import { ROOT } from '../support/runner.js';

const actionFiles = ACTIONS.map((action) => `actions/${action.id}/action.yml`);

function yamlFilesIn(dir: string): string[] {
  const full = join(ROOT, dir);
  return existsSync(full) ? readdirSync(full).filter((f) => /\.ya?ml$/.test(f)).map((f) => `${dir}/${f}`) : [];
}

describe('actions', () => {
  test('the actions/ directory holds exactly the catalogued actions', () => {
    expect(readdirSync(join(ROOT, 'actions')).sort()).toEqual(ACTIONS.map((a) => a.id).sort());
  });

  test.each(actionFiles)('%s parses without errors, runs on node24 and points at a bundle that exists', (file) => {
    const content = readFileSync(join(ROOT, file), 'utf8');
    const result = parseAction({ name: file, content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(result.value).toBeDefined();
    const action = convertActionTemplate(result.context, result.value!);
    expect(action.runs).toMatchObject({ using: 'node24' });
    const main = (action.runs as { main: string }).main;
    expect(existsSync(resolve(ROOT, file, '..', main))).toBe(true);
    expect(action.author).toBe('cd4ml-actions');
    expect(action.branding?.icon).toBeTruthy();
    expect(action.branding?.color).toBeTruthy();
    for (const input of action.inputs ?? []) expect(input.description, input.id).toBeTruthy();
    for (const output of action.outputs ?? []) expect(output.description, output.id).toBeTruthy();
  });

  test('the parser rejects a broken action.yml, so the test above can fail', () => {
    const content = 'name: x\ndescription: y\nruns:\n  using: node99\n  main: index.js\n';
    const result = parseAction({ name: 'broken.yml', content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().length).toBeGreaterThan(0);
  });
});

describe('workflows', () => {
  const workflows = [...yamlFilesIn('workflows-templates'), ...yamlFilesIn('.github/workflows')];

  test('there is at least one workflow to check', () => {
    expect(workflows.length).toBeGreaterThan(0);
  });

  test.each(workflows)('%s parses without errors', (file) => {
    const content = readFileSync(join(ROOT, file), 'utf8');
    const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });

  test('the parser rejects a broken workflow', () => {
    const content = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n';
    const result = parseWorkflow({ name: 'broken.yml', content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().length).toBeGreaterThan(0);
  });
});
