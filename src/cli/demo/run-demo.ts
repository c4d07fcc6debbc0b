/**
 * Runs the demo scenario step by step through the committed bundles, in a temporary workspace with
 * a file:// registry and the local deploy target, and no GitHub API: what a step would have posted
 * (the pull request comment, the drift issue, the job summaries) is written to the output folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { metadata as evaluateGate } from '../../actions/evaluate-gate/metadata.js';
import { findAction } from '../../actions/catalog.js';
import { driftIssueText } from '../../actions/check-drift/on-drift.js';
import { EnvironmentError } from '../../core/errors.js';
import { consoleLogger } from '../../core/logger.js';
import { stickyBody } from '../../platform/github/comments.js';
import { stickyIssueBody } from '../../platform/github/issues.js';
import { LOCAL_REGISTRY } from '../registry-commands.js';
import type { CliEnvironment } from '../run-bundle.js';
import { runStep, type StepResult } from '../run-step.js';
import { prepareOutputFolder, writeOutput } from './output-folder.js';
import { DEMO_FEATURES, DEMO_MODEL, demoScenario } from './scenario.js';
import type { DemoStep } from './types.js';
import { verdictOf } from './verdicts.js';

export interface DemoOptions {
  /** The output folder, resolved, and as the user gave it. */
  out: string;
  outShown: string;
  /** Keep the workspace (registry, deployment, trained models) after a successful run. */
  keep: boolean;
}

/** Variables a step must not inherit: the demo never talks to GitHub or a runner's services. */
const HOST_VARIABLE = /^(GITHUB_|ACTIONS_|RUNNER_)|^CD4ML_REGISTRY$/;

interface Written {
  path: string;
  what: string;
}

/**
 * The workspace reaches the examples through a link named `examples`, so the reports name
 * `examples/data/customers.csv` as a repository would; where no link can be made, the full path.
 */
function linkExamples(work: string, examples: string): string {
  try {
    symlinkSync(examples, join(work, 'examples'), 'dir');
    return 'examples';
  } catch {
    return examples;
  }
}

function stepEnvironment(cli: CliEnvironment, work: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const name of Object.keys(cli.env)) if (HOST_VARIABLE.test(name)) env[name] = undefined;
  env['RUNNER_TEMP'] = join(work, 'runner-temp');
  return env;
}

/** The pull request comment or drift issue the step would have posted, as posted. */
function posted(step: DemoStep, result: StepResult, out: string): Written | undefined {
  const report = result.outputs['report'];
  if (report === undefined || !existsSync(report)) return undefined;
  const markdown = readFileSync(report, 'utf8').trimEnd();
  if (step.comment !== undefined) {
    const key = step.inputs['check-name'] ?? evaluateGate.inputs['check-name'].default ?? 'cd4ml/evaluate-gate';
    const body = stickyBody({ action: 'evaluate-gate', key, body: markdown }).body;
    return { path: writeOutput(out, step.comment.file, body), what: `the comment pull request #${step.comment.pullRequest} gets` };
  }
  if (step.issue !== undefined && result.outputs['drifted'] === 'true') {
    const reference = step.inputs['reference'] as string;
    const issue = driftIssueText(markdown, reference, undefined);
    return { path: writeOutput(out, step.issue, stickyIssueBody({ action: 'check-drift', key: reference, body: issue.body }, consoleLogger())), what: `the issue "${issue.title}"` };
  }
  return undefined;
}

export async function runDemo(options: DemoOptions, cli: CliEnvironment): Promise<number> {
  const started = Date.now();
  const examples = join(dirname(cli.distDir), 'examples');
  if (!existsSync(join(examples, 'data', 'customers.csv'))) {
    throw new EnvironmentError(`cd4ml demo needs the example data in ${examples}; run it from a checkout of cd4ml-actions.`);
  }
  prepareOutputFolder(options.out, options.outShown);
  const work = mkdtempSync(join(tmpdir(), 'cd4ml-demo-'));
  const registry = LOCAL_REGISTRY;
  const env = stepEnvironment(cli, work);
  mkdirSync(env['RUNNER_TEMP'] as string, { recursive: true });
  const written: Written[] = [];
  // Paths under the current folder as relative ones; others in full.
  const shown = (path: string) => {
    const inside = relative(cli.cwd, path);
    return inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? path : inside;
  };

  cli.out(`cd4ml demo: the CD4ML loop on the example churn data, each step run by its action's bundle.`);
  cli.out(`Workspace ${work}: registry ${registry}, deploy target local. No GitHub API: what would be posted goes to ${options.outShown}/.`);
  let index = 0;
  for (const stage of demoScenario({ examples: linkExamples(work, examples), registry })) {
    cli.out(`\n${stage.title}  [${stage.workflow}]`);
    for (const step of stage.steps) {
      index += 1;
      const action = findAction(step.action);
      if (action === undefined) throw new Error(`the demo names an unknown action ${step.action}`);
      const lines: string[] = [];
      const stepStarted = Date.now();
      const result = await runStep(action, step.inputs, { ...cli, cwd: work, out: (text) => lines.push(text) }, { env, annotationsOnly: true });
      const errors = lines.filter((line) => line.startsWith('error: ')).map((line) => line.slice('error: '.length));
      const verdict = verdictOf(step, result, errors);
      const mark = !verdict.expected ? '✗' : result.code === 0 ? '✔' : '✘';
      const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
      cli.out(`  ${mark} ${step.action.padEnd(20)} ${verdict.text} [${seconds} s]`);
      if (verdict.detail !== undefined) cli.out(`${' '.repeat(25)}${verdict.detail}`);
      if (result.summary.trim() !== '') {
        const path = writeOutput(options.out, join('summaries', `${String(index).padStart(2, '0')}-${step.action}.md`), result.summary);
        if (!written.some((file) => file.path === dirname(path))) written.unshift({ path: dirname(path), what: "every step's job summary" });
      }
      const file = posted(step, result, options.out);
      if (file !== undefined) written.push(file);
      if (!verdict.expected) {
        for (const line of lines) cli.err(`      ${line}`);
        cli.err(`\nThe demo stopped at step ${index} (${step.action}): that is not what it expects. The workspace is kept for a look: ${work}`);
        return 1;
      }
    }
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  cli.out(`\nDone in ${seconds} s; every step ended as expected. What the workflows would have posted:`);
  const width = Math.max(...written.map((file) => shown(file.path).length));
  for (const file of written) cli.out(`  ${shown(file.path).padEnd(width)}  ${file.what}`);
  if (options.keep) {
    cli.out(`\nThe workspace is kept: ${work}`);
    const cd4ml = `node ${join(dirname(cli.distDir), 'bin', 'cd4ml.js')}`;
    cli.out(`  cd ${work}`);
    cli.out(`  ${cd4ml} registry list --name ${DEMO_MODEL}     # ${registry} is the CLI's default registry`);
    cli.out(`  ${cd4ml} serve --endpoint ${DEMO_MODEL} --features ${DEMO_FEATURES.replaceAll(' ', '')}`);
  } else {
    rmSync(work, { recursive: true, force: true });
  }
  return 0;
}
