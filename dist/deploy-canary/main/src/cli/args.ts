/**
 * Command-line arguments of `cd4ml <action>`: exactly the action's inputs as `--name value` or
 * `--name=value` (a bare `--name` for a boolean input means true; a list input may repeat), plus the
 * CLI's own `--report-file` and `--help`. The CLI's own commands (`cd4ml profile`, …) parse their
 * options by the same rules, with the same errors.
 */
import { InputError } from '../core/errors.js';
import type { ActionMetadata } from '../platform/github/action-metadata.js';

export interface ActionArgs {
  inputs: Record<string, string>;
  reportFile?: string;
  help: boolean;
}

/** What the parser needs to know of one option. */
export interface OptionSyntax {
  /** What a valid value looks like; named when the value is missing. */
  expected: string;
  /** A bare `--name` means true. */
  flag?: boolean;
  /** `--name a --name b` gives the value "a\nb". */
  repeatable?: boolean;
}

export interface CommandSyntax {
  /** The word after `cd4ml`: an action id or a command name. */
  command: string;
  options: Readonly<Record<string, OptionSyntax>>;
  /** What `--help` lists: "inputs" for an action, "options" for a command. */
  listed: 'inputs' | 'options';
  /** Extra words for an unknown option, e.g. which other command takes it; undefined for none. */
  elsewhere?: (option: string) => string | undefined;
}

export interface ParsedArgs {
  /** The given options by name; a repeated option's values joined by newlines. */
  values: Record<string, string>;
  help: boolean;
}

/** Levenshtein distance, O(a·b): small option names only. */
export function distance(a: string, b: string): number {
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

/** The names within two edits of `word`, for a "Did you mean" hint. */
export function nearNames(word: string, names: readonly string[]): string[] {
  return names.filter((name) => distance(name, word) <= 2);
}

function unknownOption(option: string, syntax: CommandSyntax): InputError {
  const near = nearNames(option, [...Object.keys(syntax.options), 'help']).map((name) => `--${name}`);
  const hint = near.length > 0 ? ` Did you mean ${near.join(' or ')}?` : '';
  const elsewhere = syntax.elsewhere?.(option);
  const see = `See \`cd4ml ${syntax.command} --help\` for its ${syntax.listed}${elsewhere === undefined ? '' : `; ${elsewhere}`}.`;
  return new InputError(`cd4ml ${syntax.command} has no option --${option}.${hint} ${see}`);
}

export function parseArgs(syntax: CommandSyntax, argv: readonly string[]): ParsedArgs {
  const result: ParsedArgs = { values: {}, help: false };
  /** The option whose value came just before, when it may repeat: a stray word after it is likely a shell-expanded glob. */
  let repeatable: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === '-h' || arg === '--help') {
      result.help = true;
      repeatable = undefined;
      continue;
    }
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (match === null) {
      const hint =
        repeatable === undefined
          ? ''
          : ` To give several values, repeat --${repeatable} before each; to pass a glob, quote it so that the shell leaves it to cd4ml.`;
      throw new InputError(`cd4ml ${syntax.command} takes options only (--name value), but got ${JSON.stringify(arg)}.${hint}`);
    }
    const name = match[1] as string;
    const option = Object.hasOwn(syntax.options, name) ? syntax.options[name] : undefined;
    if (option === undefined) throw unknownOption(name, syntax);
    let value = match[2];
    if (value === undefined) {
      const next = argv[index + 1];
      if (option.flag === true && (next === undefined || next.startsWith('--'))) value = 'true';
      else if (next === undefined) throw new InputError(`Option --${name} needs a value: expected ${option.expected}.`);
      else {
        value = next;
        index += 1;
      }
    }
    const earlier = result.values[name];
    if (earlier !== undefined && option.repeatable !== true) {
      throw new InputError(`Option --${name} was given twice (${JSON.stringify(earlier)} and ${JSON.stringify(value)}); give it once.`);
    }
    result.values[name] = earlier === undefined ? value : `${earlier}\n${value}`;
    repeatable = option.repeatable === true ? name : undefined;
  }
  return result;
}

/** The syntax of `cd4ml <action>`: the action's inputs and `--report-file`. */
export function actionSyntax(metadata: ActionMetadata): CommandSyntax {
  const options: Record<string, OptionSyntax> = {};
  for (const [name, spec] of Object.entries(metadata.inputs)) {
    options[name] = { expected: spec.parser.expected, flag: spec.parser.flag === true, repeatable: spec.parser.repeatable === true };
  }
  options['report-file'] = { expected: 'a file path' };
  return { command: metadata.id, options, listed: 'inputs' };
}

export function parseActionArgs(metadata: ActionMetadata, argv: readonly string[]): ActionArgs {
  const { values, help } = parseArgs(actionSyntax(metadata), argv);
  const { 'report-file': reportFile, ...inputs } = values;
  return reportFile === undefined ? { inputs, help } : { inputs, reportFile, help };
}
