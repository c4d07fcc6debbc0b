/**
 * `npm run docs`: the reference page of every action, docs/actions/<name>.md, kept in step with its
 * actions/<name>/action.yml.
 *
 * A page is hand-written except for its generated regions, each between
 * `<!-- generated from action.yml: <region> -->` and `<!-- end generated -->`:
 *
 * - `description`: the action's description and its `uses:` line (and how it runs);
 * - `inputs`: a table of every input with its description, whether it is required and its default
 *   (runner defaults such as `${{ github.token }}` as action.yml writes them);
 * - `outputs`: a table of every output with its description.
 *
 * For each actions/<name>/action.yml the generator creates the page from a template when it is
 * missing, and otherwise rewrites only the generated regions, leaving every other line as it was.
 * The output depends on action.yml alone (inputs and outputs in action.yml's order), so a rerun
 * changes nothing. It also checks the pages' YAML examples: every input a step of this project's
 * actions gives in `with:` must be declared by that action, and every required input of a page's
 * action must appear in at least one of its steps.
 *
 *     npm run docs               write the pages
 *     npm run docs -- --check    write nothing; exit 1 naming the stale or missing pages
 *
 * Nothing here calls process.exit(): a failed check sets process.exitCode.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownTable } from 'markdown-table';
import { parse } from 'yaml';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ACTIONS_DIR = 'actions';
export const DOCS_DIR = 'docs/actions';
/** How a workflow refers to an action of this repository. */
export const OWN_ACTION = /^OWNER\/cd4ml-actions\/actions\/([a-z0-9-]+)@v1$/;

export const REGIONS = ['description', 'inputs', 'outputs'] as const;
export type Region = (typeof REGIONS)[number];
export type RenderedRegions = Record<Region, string>;

export const END_MARKER = '<!-- end generated -->';
export function startMarker(region: string): string {
  return `<!-- generated from action.yml: ${region} -->`;
}

export interface ActionInput {
  name: string;
  description: string;
  required: boolean;
  /** As written in action.yml, e.g. `auto`, `0.5` or `${{ github.token }}`; absent when there is none. */
  default?: string;
}

export interface ActionOutput {
  name: string;
  description: string;
}

/** What the pages show of an action.yml. */
export interface ActionDefinition {
  /** The directory name under actions/, e.g. `validate-data`. */
  id: string;
  name: string;
  description: string;
  inputs: ActionInput[];
  outputs: ActionOutput[];
  runs: { using: string; pre?: string; preIf?: string; post?: string; postIf?: string };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/** Reads the text of an action.yml; `id` is its directory's name. Throws naming the file on a malformed one. */
export function parseActionYaml(text: string, id: string): ActionDefinition {
  const where = `${ACTIONS_DIR}/${id}/action.yml`;
  const document: unknown = parse(text);
  if (!isRecord(document)) throw new Error(`${where} is not a mapping; expected an action's metadata (name, description, inputs, outputs, runs).`);
  const inputs: ActionInput[] = [];
  const rawInputs = document['inputs'] ?? {};
  if (!isRecord(rawInputs)) throw new Error(`${where}: inputs is not a mapping.`);
  for (const [name, spec] of Object.entries(rawInputs)) {
    const entry = isRecord(spec) ? spec : {};
    const input: ActionInput = {
      name,
      description: scalarText(entry['description'] ?? ''),
      required: entry['required'] === true || entry['required'] === 'true',
    };
    if (entry['default'] !== undefined && entry['default'] !== null) input.default = scalarText(entry['default']);
    inputs.push(input);
  }
  const outputs: ActionOutput[] = [];
  const rawOutputs = document['outputs'] ?? {};
  if (!isRecord(rawOutputs)) throw new Error(`${where}: outputs is not a mapping.`);
  for (const [name, spec] of Object.entries(rawOutputs)) {
    outputs.push({ name, description: scalarText((isRecord(spec) ? spec['description'] : undefined) ?? '') });
  }
  const runs = isRecord(document['runs']) ? document['runs'] : {};
  const optional = (key: string) => (typeof runs[key] === 'string' ? (runs[key] as string) : undefined);
  const pre = optional('pre');
  const preIf = optional('pre-if');
  const post = optional('post');
  const postIf = optional('post-if');
  return {
    id,
    name: scalarText(document['name'] ?? id),
    description: scalarText(document['description'] ?? ''),
    inputs,
    outputs,
    runs: {
      using: scalarText(runs['using'] ?? ''),
      ...(pre === undefined ? {} : { pre }),
      ...(preIf === undefined ? {} : { preIf }),
      ...(post === undefined ? {} : { post }),
      ...(postIf === undefined ? {} : { postIf }),
    },
  };
}

/** One table cell: line breaks flattened to spaces, `|` escaped (GitHub reads `\|` as `|`, inside code spans too). */
export function tableCell(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim().replace(/\|/g, '\\|');
}

/** `text` as a Markdown code span, with a fence longer than any run of backticks inside it. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function table(rows: string[][]): string {
  return markdownTable(rows, { alignDelimiters: false });
}

export function renderInputsTable(action: ActionDefinition): string {
  if (action.inputs.length === 0) return '_No inputs._';
  return table([
    ['Input', 'Description', 'Required', 'Default'],
    ...action.inputs.map((input) => [
      tableCell(codeSpan(input.name)),
      tableCell(input.description),
      input.required ? 'yes' : 'no',
      input.default === undefined ? '—' : tableCell(input.default === '' ? '`""`' : codeSpan(input.default)),
    ]),
  ]);
}

export function renderOutputsTable(action: ActionDefinition): string {
  if (action.outputs.length === 0) return '_No outputs._';
  return table([['Output', 'Description'], ...action.outputs.map((output) => [tableCell(codeSpan(output.name)), tableCell(output.description)])]);
}

export function usesLine(id: string): string {
  return `uses: OWNER/cd4ml-actions/actions/${id}@v1`;
}

export function renderDescription(action: ActionDefinition): string {
  const { runs } = action;
  const steps = [
    ...(runs.pre === undefined ? [] : [`a pre step${runs.preIf === undefined ? '' : ` (if ${codeSpan(runs.preIf)})`}`]),
    ...(runs.post === undefined ? [] : [`a post step${runs.postIf === undefined ? '' : ` (if ${codeSpan(runs.postIf)})`}`]),
  ];
  const how = `Runs on ${codeSpan(runs.using)}${steps.length === 0 ? '' : `, with ${steps.join(' and ')}`}.`;
  const description = action.description.replace(/\s*\r?\n\s*/g, ' ').trim();
  return `${description}\n\n${codeSpan(usesLine(action.id))}\n\n${how}`;
}

/** Every generated region's content, as the page must hold it (without the markers). */
export function renderRegions(action: ActionDefinition): RenderedRegions {
  return { description: renderDescription(action), inputs: renderInputsTable(action), outputs: renderOutputsTable(action) };
}

function block(region: Region, content: string): string {
  return `${startMarker(region)}\n${content}\n${END_MARKER}`;
}

const REGION_PATTERN = /<!-- generated from action\.yml: ([^\s>]+) -->\r?\n([\s\S]*?)\r?\n?<!-- end generated -->/g;

/** The generated regions a page holds, by name; throws on a region opened and never closed, or given twice. */
export function extractRegions(markdown: string, where = 'the page'): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of markdown.matchAll(REGION_PATTERN)) {
    const name = match[1]!;
    if (found.has(name)) throw new Error(`${where} has the generated region "${name}" twice; keep one.`);
    if ((match[2] ?? '').includes('<!-- generated from action.yml:')) {
      throw new Error(`${where}: the generated region "${name}" is not closed before the next one opens; add ${END_MARKER}.`);
    }
    found.set(name, match[2] ?? '');
  }
  const opened = markdown.split('<!-- generated from action.yml:').length - 1;
  if (opened !== found.size) throw new Error(`${where}: a generated region is not closed; end each with ${END_MARKER}.`);
  return found;
}

/** The regions of `markdown` that differ from what action.yml renders, or are missing. */
export function staleRegions(markdown: string, action: ActionDefinition, where?: string): Region[] {
  const found = extractRegions(markdown, where);
  const expected = renderRegions(action);
  return REGIONS.filter((region) => found.get(region) !== expected[region]);
}

/**
 * The page with its generated regions rewritten from action.yml; everything else is kept. Throws
 * when a region's markers are missing, naming the page and the markers to add.
 */
export function updateDoc(markdown: string, action: ActionDefinition, where = `${DOCS_DIR}/${action.id}.md`): string {
  const found = extractRegions(markdown, where);
  const missing = REGIONS.filter((region) => !found.has(region));
  if (missing.length > 0) {
    throw new Error(
      `${where} has no generated region ${missing.map((region) => `"${region}"`).join(', ')}; add ${missing.map((region) => `${startMarker(region)} … ${END_MARKER}`).join(' and ')} where it belongs.`,
    );
  }
  const unknown = [...found.keys()].filter((name) => !(REGIONS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`${where} has unknown generated regions (${unknown.join(', ')}); the regions are ${REGIONS.join(', ')}.`);
  const expected = renderRegions(action);
  return markdown.replace(REGION_PATTERN, (_whole, name: string) => block(name as Region, expected[name as Region]));
}

/** A new page: the generated regions, a skeleton example with the required inputs, and the sections to write. */
export function renderNewDoc(action: ActionDefinition): string {
  const regions = renderRegions(action);
  const required = action.inputs.filter((input) => input.required && input.default === undefined);
  const example = [
    `- uses: OWNER/cd4ml-actions/actions/${action.id}@v1`,
    ...(required.length === 0 ? [] : ['  with:', ...required.map((input) => `    ${input.name}: …`)]),
  ].join('\n');
  return [
    `# ${action.id}`,
    '',
    block('description', regions.description),
    '',
    '## Inputs',
    '',
    block('inputs', regions.inputs),
    '',
    '## Outputs',
    '',
    block('outputs', regions.outputs),
    '',
    '## Example',
    '',
    '```yaml',
    example,
    '```',
    '',
    '## Permissions',
    '',
    '```yaml',
    'permissions:',
    '  contents: read',
    '```',
    '',
    `The full story: [docs/${action.id}.md](../${action.id}.md).`,
    '',
  ].join('\n');
}

/** A step of the page's YAML examples that uses one of this project's actions. */
export interface ExampleStep {
  action: string;
  with: Record<string, unknown>;
  /** The 1-based line of the fence the step is in. */
  line: number;
}

/** The ```yaml (or ```yml) fences of a page, with the line each starts on. */
export function yamlFences(markdown: string): Array<{ line: number; text: string }> {
  const fences: Array<{ line: number; text: string }> = [];
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*ya?ml\s*$/.exec(lines[i]!);
    if (open === null) continue;
    const indent = open[1]!.length;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') break;
      body.push(line.slice(Math.min(indent, line.length - line.trimStart().length)));
    }
    fences.push({ line: i + 1, text: body.join('\n') });
    i = j;
  }
  return fences;
}

function collectSteps(value: unknown, line: number, into: ExampleStep[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectSteps(item, line, into);
    return;
  }
  if (!isRecord(value)) return;
  const match = typeof value['uses'] === 'string' ? OWN_ACTION.exec(value['uses']) : null;
  if (match !== null) into.push({ action: match[1]!, with: isRecord(value['with']) ? value['with'] : {}, line });
  for (const inner of Object.values(value)) collectSteps(inner, line, into);
}

/** Every step in the page's YAML fences that uses one of this project's actions; throws naming a fence that is not YAML. */
export function exampleSteps(markdown: string, where = 'the page'): ExampleStep[] {
  const steps: ExampleStep[] = [];
  for (const fence of yamlFences(markdown)) {
    let document: unknown;
    try {
      document = parse(fence.text);
    } catch (error) {
      throw new Error(`${where}:${fence.line}: the yaml example does not parse (${(error as Error).message.split('\n')[0]}).`);
    }
    collectSteps(document, fence.line, steps);
  }
  return steps;
}

/**
 * What is wrong with a page's examples: a step of an action that does not exist, an input no action
 * declares, no step of the page's own action, or a required input of it that no step gives.
 */
export function exampleProblems(markdown: string, action: ActionDefinition, actions: ReadonlyMap<string, ActionDefinition>, where = `${DOCS_DIR}/${action.id}.md`): string[] {
  const problems: string[] = [];
  let steps: ExampleStep[];
  try {
    steps = exampleSteps(markdown, where);
  } catch (error) {
    return [(error as Error).message];
  }
  for (const step of steps) {
    const used = actions.get(step.action);
    if (used === undefined) {
      problems.push(`${where}:${step.line}: the example uses ${step.action}, which is not an action of this repository.`);
      continue;
    }
    const declared = new Set(used.inputs.map((input) => input.name));
    for (const name of Object.keys(step.with)) {
      if (!declared.has(name)) problems.push(`${where}:${step.line}: ${step.action} has no input "${name}"; its inputs are ${[...declared].join(', ')}.`);
    }
  }
  const own = steps.filter((step) => step.action === action.id);
  if (own.length === 0) problems.push(`${where}: no yaml example uses ${usesLine(action.id).slice('uses: '.length)}.`);
  else {
    for (const input of action.inputs.filter((entry) => entry.required && entry.default === undefined)) {
      if (!own.some((step) => input.name in step.with)) problems.push(`${where}: the required input "${input.name}" of ${action.id} appears in no example.`);
    }
  }
  return problems;
}

/** Every action of the repository, by directory name in sorted order. */
export function loadActions(root: string = ROOT): ActionDefinition[] {
  const dir = join(root, ACTIONS_DIR);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'action.yml')))
    .map((entry) => entry.name)
    .sort()
    .map((id) => parseActionYaml(readFileSync(join(dir, id, 'action.yml'), 'utf8'), id));
}

export interface DocsResult {
  /** Pages written (write mode) or that would be (check mode), with why. */
  changed: Array<{ file: string; why: string }>;
  /** Problems no rewrite fixes: examples, markers, pages without an action. */
  problems: string[];
}

/** Writes (or, with `check`, only compares) every page; returns what changed and what is wrong. */
export function syncDocs(options: { root?: string; check: boolean }): DocsResult {
  const root = options.root ?? ROOT;
  const actions = loadActions(root);
  const byId = new Map(actions.map((action) => [action.id, action]));
  const result: DocsResult = { changed: [], problems: [] };
  const docsDir = join(root, DOCS_DIR);
  for (const action of actions) {
    const file = `${DOCS_DIR}/${action.id}.md`;
    const path = join(root, file);
    let next: string;
    if (!existsSync(path)) {
      next = renderNewDoc(action);
      result.changed.push({ file, why: 'missing' });
    } else {
      const current = readFileSync(path, 'utf8');
      try {
        next = updateDoc(current, action, file);
      } catch (error) {
        result.problems.push((error as Error).message);
        continue;
      }
      if (next !== current) result.changed.push({ file, why: `stale: ${staleRegions(current, action, file).join(', ')}` });
    }
    result.problems.push(...exampleProblems(next, action, byId, file));
    if (!options.check && (!existsSync(path) || readFileSync(path, 'utf8') !== next)) {
      mkdirSync(docsDir, { recursive: true });
      writeFileSync(path, next);
    }
  }
  if (existsSync(docsDir)) {
    for (const name of readdirSync(docsDir).filter((entry) => entry.endsWith('.md')).sort()) {
      const id = name.slice(0, -'.md'.length);
      if (!byId.has(id)) result.problems.push(`${DOCS_DIR}/${name} documents ${id}, but ${ACTIONS_DIR}/${id}/action.yml does not exist; remove the page or restore the action.`);
    }
  }
  return result;
}

export function main(argv: readonly string[]): number {
  const unknown = argv.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    console.error(`action-docs: unknown argument ${unknown.join(' ')}; the only option is --check.`);
    return 2;
  }
  const check = argv.includes('--check');
  const { changed, problems } = syncDocs({ check });
  for (const problem of problems) console.error(`action-docs: ${problem}`);
  if (check) {
    for (const { file, why } of changed) console.error(`action-docs: ${file} is ${why === 'missing' ? 'missing' : why}; run \`npm run docs\`.`);
    if (changed.length === 0 && problems.length === 0) console.log(`action-docs: every page under ${DOCS_DIR}/ matches its action.yml.`);
    return changed.length > 0 || problems.length > 0 ? 1 : 0;
  }
  for (const { file, why } of changed) console.log(`action-docs: wrote ${file} (${why === 'missing' ? 'new, from the template' : why.replace(/^stale: /, 'regenerated: ')}).`);
  if (changed.length === 0) console.log(`action-docs: every page under ${DOCS_DIR}/ was already current.`);
  return problems.length > 0 ? 1 : 0;
}

const invoked = process.argv[1];
if (invoked !== undefined && resolve(invoked) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
