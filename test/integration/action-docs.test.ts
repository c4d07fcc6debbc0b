/**
 * The action reference pages, docs/actions/<name>.md (written by scripts/action-docs.ts, `npm run
 * docs`): every action has its page, each page's generated regions are what its action.yml renders
 * today, the check notices an action.yml that changed, and the pages' examples give only inputs the
 * actions declare, every required one included, in workflows that GitHub's own parser accepts.
 */
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  type ActionDefinition,
  codeSpan,
  END_MARKER,
  exampleProblems,
  exampleSteps,
  extractRegions,
  parseActionYaml,
  REGIONS,
  renderNewDoc,
  renderRegions,
  startMarker,
  staleRegions,
  syncDocs,
  tableCell,
  updateDoc,
  yamlFences,
} from '../../scripts/action-docs.js';

const ROOT = resolve(import.meta.dirname, '../..');
const STALE = 'is stale: run `npm run docs` and commit docs/actions/';

const ACTION_IDS = readdirSync(join(ROOT, 'actions'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, 'actions', entry.name, 'action.yml')))
  .map((entry) => entry.name)
  .sort();

function actionYaml(id: string): string {
  return readFileSync(join(ROOT, 'actions', id, 'action.yml'), 'utf8');
}

function action(id: string): ActionDefinition {
  return parseActionYaml(actionYaml(id), id);
}

function page(id: string): string {
  return readFileSync(join(ROOT, 'docs', 'actions', `${id}.md`), 'utf8');
}

const ACTIONS = new Map(ACTION_IDS.map((id) => [id, action(id)]));

/** action.yml with one more input, as a later change to inputs.ts would write it. */
function withExtraInput(id: string): ActionDefinition {
  const document = parse(actionYaml(id)) as { inputs: Record<string, unknown> };
  document.inputs['sample-rows'] = { description: 'Rows to read, e.g. `a|b`;\nthen stop.', required: false, default: '100' };
  return parseActionYaml(stringify(document), id);
}

describe('action reference pages', () => {
  test('every action has its page, and every page under docs/actions/ documents an action', () => {
    expect(ACTION_IDS).toEqual(expect.arrayContaining(['check-drift', 'deploy-canary', 'evaluate-gate', 'register-model', 'train-on-gpu-runner', 'validate-data']));
    for (const id of ACTION_IDS) expect(existsSync(join(ROOT, 'docs', 'actions', `${id}.md`)), `docs/actions/${id}.md is missing: run \`npm run docs\``).toBe(true);
    const pages = readdirSync(join(ROOT, 'docs', 'actions')).filter((name) => name.endsWith('.md'));
    expect(pages.map((name) => name.slice(0, -3)).sort()).toEqual(ACTION_IDS);
  });

  test.each(ACTION_IDS)('docs/actions/%s.md: the generated regions are what action.yml renders', (id) => {
    const markdown = page(id);
    const found = extractRegions(markdown, `docs/actions/${id}.md`);
    const expected = renderRegions(action(id));
    for (const region of REGIONS) {
      expect(found.get(region), `the "${region}" region of docs/actions/${id}.md ${STALE}${id}.md`).toBe(expected[region]);
    }
    expect(updateDoc(markdown, action(id)), `docs/actions/${id}.md ${STALE}${id}.md`).toBe(markdown);
  });

  test.each(ACTION_IDS)('docs/actions/%s.md: every input and output of action.yml has its row, defaults as written', (id) => {
    const { inputs } = renderRegions(action(id));
    const yaml = parse(actionYaml(id)) as { inputs?: Record<string, { default?: unknown }>; outputs?: Record<string, unknown> };
    for (const [name, spec] of Object.entries(yaml.inputs ?? {})) {
      expect(inputs).toContain(`| \`${name}\` |`);
      if (spec.default !== undefined) expect(inputs).toContain(`| ${codeSpan(String(spec.default)).replace(/\|/g, '\\|')} |`);
    }
    for (const name of Object.keys(yaml.outputs ?? {})) expect(renderRegions(action(id)).outputs).toContain(`| \`${name}\` |`);
    if ('github-token' in (yaml.inputs ?? {})) expect(inputs).toMatch(/\| `\$\{\{ github\.token \}\}` \|$/m);
  });

  test('an input added to action.yml makes the page stale, and regenerating keeps every hand-written line', () => {
    const id = 'validate-data';
    const markdown = page(id);
    const changed = withExtraInput(id);
    expect(staleRegions(markdown, action(id))).toEqual([]);
    expect(staleRegions(markdown, changed)).toEqual(['inputs']);

    const regenerated = updateDoc(markdown, changed);
    expect(regenerated).not.toBe(markdown);
    expect(regenerated).toContain('| `sample-rows` | Rows to read, e.g. `a\\|b`; then stop. | no | `100` |');
    expect(staleRegions(regenerated, changed)).toEqual([]);
    const outsideRegions = (text: string) => text.replace(/<!-- generated from action\.yml: [a-z]+ -->[\s\S]*?<!-- end generated -->/g, '<region>');
    expect(outsideRegions(regenerated)).toBe(outsideRegions(markdown));
  });

  describe('on a copy of the repository', () => {
    let root: string | undefined;
    afterEach(() => {
      if (root !== undefined) rmSync(root, { recursive: true, force: true });
      root = undefined;
    });

    function copy(): string {
      root = mkdtempSync(join(tmpdir(), 'cd4ml-action-docs-'));
      cpSync(join(ROOT, 'actions'), join(root, 'actions'), { recursive: true });
      cpSync(join(ROOT, 'docs', 'actions'), join(root, 'docs', 'actions'), { recursive: true });
      return root;
    }

    test('the check names the stale page and writes nothing; a run rewrites it, and the check passes again', () => {
      const dir = copy();
      expect(syncDocs({ root: dir, check: true })).toEqual({ changed: [], problems: [] });

      const file = join(dir, 'actions', 'check-drift', 'action.yml');
      const document = parse(readFileSync(file, 'utf8')) as { inputs: Record<string, unknown> };
      document.inputs['window-days'] = { description: 'Days of recent data to compare.', required: false, default: '7' };
      writeFileSync(file, stringify(document));
      const before = readFileSync(join(dir, 'docs', 'actions', 'check-drift.md'), 'utf8');

      const checked = syncDocs({ root: dir, check: true });
      expect(checked.changed).toEqual([{ file: 'docs/actions/check-drift.md', why: 'stale: inputs' }]);
      expect(readFileSync(join(dir, 'docs', 'actions', 'check-drift.md'), 'utf8')).toBe(before);

      const written = syncDocs({ root: dir, check: false });
      expect(written.changed.map((entry) => entry.file)).toEqual(['docs/actions/check-drift.md']);
      expect(readFileSync(join(dir, 'docs', 'actions', 'check-drift.md'), 'utf8')).toContain('| `window-days` | Days of recent data to compare. | no | `7` |');
      expect(syncDocs({ root: dir, check: true })).toEqual({ changed: [], problems: [] });
    });

    test('a new action gets a page from the template whose example passes the check; a page without an action is reported', () => {
      const dir = copy();
      cpSync(join(dir, 'actions', 'validate-data'), join(dir, 'actions', 'profile-data'), { recursive: true });
      writeFileSync(join(dir, 'docs', 'actions', 'retired.md'), '# retired\n');
      expect(syncDocs({ root: dir, check: true }).changed).toEqual([{ file: 'docs/actions/profile-data.md', why: 'missing' }]);
      expect(existsSync(join(dir, 'docs', 'actions', 'profile-data.md'))).toBe(false);

      const written = syncDocs({ root: dir, check: false });
      expect(written.problems).toEqual([expect.stringMatching(/^docs\/actions\/retired\.md documents retired, but actions\/retired\/action\.yml does not exist/)]);
      const created = readFileSync(join(dir, 'docs', 'actions', 'profile-data.md'), 'utf8');
      expect(created).toBe(renderNewDoc(parseActionYaml(readFileSync(join(dir, 'actions', 'profile-data', 'action.yml'), 'utf8'), 'profile-data')));
      expect(created).toContain('    data: …');
    });

    test('a page whose markers were removed is reported, not rewritten', () => {
      const dir = copy();
      const file = join(dir, 'docs', 'actions', 'deploy-canary.md');
      const broken = readFileSync(file, 'utf8').replace(startMarker('outputs'), '').replace(/<!-- end generated -->\s*$/m, '');
      writeFileSync(file, broken);
      const result = syncDocs({ root: dir, check: false });
      expect(result.problems.join('\n')).toMatch(/docs\/actions\/deploy-canary\.md/);
      expect(readFileSync(file, 'utf8')).toBe(broken);
    });
  });

  test.each(ACTION_IDS)('docs/actions/%s.md: the examples give only declared inputs, every required one at least once', (id) => {
    const markdown = page(id);
    const steps = exampleSteps(markdown, `docs/actions/${id}.md`);
    const own = steps.filter((step) => step.action === id);
    expect(own.length, `docs/actions/${id}.md has no yaml example that uses ${id}`).toBeGreaterThan(0);
    for (const step of steps) {
      const declared = ACTIONS.get(step.action)?.inputs.map((input) => input.name);
      expect(declared, `docs/actions/${id}.md:${step.line} uses ${step.action}, which is not an action here`).toBeDefined();
      for (const name of Object.keys(step.with)) expect(declared, `docs/actions/${id}.md:${step.line}: ${step.action} has no input "${name}"`).toContain(name);
    }
    for (const input of action(id).inputs.filter((entry) => entry.required && entry.default === undefined)) {
      expect(own.some((step) => input.name in step.with), `no example in docs/actions/${id}.md gives the required input "${input.name}"`).toBe(true);
    }
    expect(exampleProblems(markdown, action(id), ACTIONS)).toEqual([]);
  });

  test('the example check catches an undeclared input, a missing required one, and YAML that does not parse', () => {
    const markdown = [
      '```yaml',
      '- uses: OWNER/cd4ml-actions/actions/validate-data@v1',
      '  with:',
      '    schema: data/schema.yaml',
      '    sample: 10',
      '```',
      '',
    ].join('\n');
    expect(exampleSteps(markdown)).toEqual([{ action: 'validate-data', with: { schema: 'data/schema.yaml', sample: 10 }, line: 1 }]);
    expect(exampleProblems(markdown, action('validate-data'), ACTIONS, 'page.md')).toEqual([
      expect.stringMatching(/^page\.md:1: validate-data has no input "sample"/),
      'page.md: the required input "data" of validate-data appears in no example.',
    ]);
    expect(exampleProblems('```yaml\nrun: echo "a: b"\n  x\n```\n', action('validate-data'), ACTIONS, 'page.md')).toEqual([
      expect.stringMatching(/^page\.md:1: the yaml example does not parse/),
    ]);
  });

  test.each(ACTION_IDS)('docs/actions/%s.md: every whole workflow among the examples parses with GitHub\'s workflow parser', (id) => {
    const workflows = yamlFences(page(id)).filter((fence) => {
      const document = parse(fence.text) as unknown;
      return typeof document === 'object' && document !== null && 'jobs' in document;
    });
    expect(workflows.length, `docs/actions/${id}.md shows no whole workflow`).toBeGreaterThan(0);
    for (const fence of workflows) {
      const result = parseWorkflow({ name: `docs/actions/${id}.md:${fence.line}`, content: fence.text }, new NoOperationTraceWriter());
      expect(result.context.errors.getErrors().map((error) => error.message), `docs/actions/${id}.md:${fence.line}`).toEqual([]);
    }
  });

  test('table cells: line breaks flattened, pipes escaped; code spans fenced past the backticks inside', () => {
    expect(tableCell('a | b\n  c')).toBe('a \\| b c');
    expect(codeSpan('${{ github.token }}')).toBe('`${{ github.token }}`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(`${startMarker('inputs')}…${END_MARKER}`).toBe('<!-- generated from action.yml: inputs -->…<!-- end generated -->');
  });
});
