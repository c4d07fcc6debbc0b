/** `cd4ml demo`: the whole CD4ML loop on the example data, in about half a minute. */
import { resolve } from 'node:path';
import { InputError } from '../../core/errors.js';
import type { CliCommand } from '../data-commands.js';
import { runDemo } from './run-demo.js';

export const DEFAULT_DEMO_OUT = '.cd4ml/demo';

export const demo: CliCommand = {
  id: 'demo',
  description: 'Run the whole CD4ML loop on the example data: validate, train, gate, register, canary, rollback, drift.',
  usage: 'cd4ml demo [--out <folder>] [--keep]',
  about: [
    'Runs the workflow templates\' steps locally, each through its action\'s bundle, on the example churn data: ' +
      'three pull requests (a first model that becomes production; a better-trained candidate compared with it, released ' +
      'through a canary; a broken export the canary rolls back) and a scheduled drift check. The registry is a file:// ' +
      'folder in a temporary workspace and the deploy target is local; nothing talks to GitHub.',
    'Each step prints its verdict in a line. The pull request comments, the drift issue and every job summary the ' +
      'workflows would have posted are written as Markdown to --out. The command exits 1 when a step does not end as ' +
      'the demo expects.',
  ],
  options: {
    out: {
      description: 'Folder for the reports; emptied first when an earlier demo wrote it, refused when it holds anything else.',
      default: DEFAULT_DEMO_OUT,
      expected: 'a folder path',
    },
    keep: {
      description: 'Keep the temporary workspace (registry, local deployment, trained models) and print how to look at it.',
      expected: 'true or false',
      flag: true,
    },
  },
  async run(values, cli) {
    const keep = values['keep'] ?? 'false';
    if (keep !== 'true' && keep !== 'false') throw new InputError(`Option --keep takes no value, or true or false, but got ${JSON.stringify(keep)}.`);
    const outShown = values['out'] ?? DEFAULT_DEMO_OUT;
    return runDemo({ out: resolve(cli.cwd, outShown), outShown, keep: keep === 'true' }, cli);
  },
};
