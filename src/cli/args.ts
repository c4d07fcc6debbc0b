/**
 * Command-line arguments of `cd4ml <action>`: exactly the action's inputs as `--name value` or
 * `--name=value` (a bare `--name` for a boolean input means true; a list input may repeat), plus the
 * CLI's own `--report-file` and `--help`.
 */
import { InputError } from '../core/errors.js';
import type { ActionMetadata } from '../platform/github/action-metadata.js';

export interface ActionArgs {
  inputs: Record<string, string>;
  reportFile?: string;
  help: boolean;
}

const CLI_OPTIONS = ['report-file', 'help'];

/** Levenshtein distance, O(a·b): small option names only. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

function unknownOption(option: string, metadata: ActionMetadata): InputError {
  const known = [...Object.keys(metadata.inputs), ...CLI_OPTIONS];
  const near = known.filter((name) => distance(name, option) <= 2).map((name) => `--${name}`);
  const hint = near.length > 0 ? ` Did you mean ${near.join(' or ')}?` : '';
  return new InputError(`cd4ml ${metadata.id} has no option --${option}.${hint} See \`cd4ml ${metadata.id} --help\` for its inputs.`);
}

export function parseActionArgs(metadata: ActionMetadata, argv: readonly string[]): ActionArgs {
  const result: ActionArgs = { inputs: {}, help: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === '-h' || arg === '--help') {
      result.help = true;
      continue;
    }
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (match === null) {
      throw new InputError(`cd4ml ${metadata.id} takes options only (--name value), but got ${JSON.stringify(arg)}.`);
    }
    const name = match[1] as string;
    const spec = metadata.inputs[name];
    if (spec === undefined && name !== 'report-file') throw unknownOption(name, metadata);
    let value = match[2];
    if (value === undefined) {
      const next = argv[index + 1];
      if (spec?.parser.flag === true && (next === undefined || next.startsWith('--'))) value = 'true';
      else if (next === undefined) throw new InputError(`Option --${name} needs a value: expected ${spec?.parser.expected ?? 'a file path'}.`);
      else {
        value = next;
        index += 1;
      }
    }
    if (name === 'report-file') result.reportFile = value;
    else {
      const earlier = result.inputs[name];
      if (earlier !== undefined && spec?.parser.repeatable !== true) {
        throw new InputError(`Option --${name} was given twice (${JSON.stringify(earlier)} and ${JSON.stringify(value)}); give it once.`);
      }
      result.inputs[name] = earlier === undefined ? value : `${earlier}\n${value}`;
    }
  }
  return result;
}
