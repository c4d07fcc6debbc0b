/**
 * Input specifications: the one place that states an input's description, whether it is required,
 * its default and its parser. Action metadata (action.yml), the CLI's --help and the parsing at run
 * time are all derived from these.
 */
import { InputError } from '../errors.js';
import type { InputParser } from './parsers.js';

export interface InputSpec<T> {
  description: string;
  /** The step fails when a required input is missing or empty. */
  required?: boolean;
  /** The value used when the input is not given; parsed like a given value. */
  default?: string;
  /**
   * A default that only the Actions runner can evaluate, e.g. `${{ github.token }}`. It is written
   * to action.yml; outside the runner the input is simply absent.
   */
  runnerDefault?: string;
  deprecationMessage?: string;
  parser: InputParser<T>;
}

export type InputSpecs = Record<string, InputSpec<unknown>>;

type ValueOf<S> = S extends InputSpec<infer T> ? T : never;
type IsAlwaysSet<S> = S extends { required: true } ? true : S extends { default: string } ? true : false;

/** The parsed inputs: required and defaulted inputs are always set, the others may be undefined. */
export type InputValues<S extends InputSpecs> = {
  [K in keyof S]: IsAlwaysSet<S[K]> extends true ? ValueOf<S[K]> : ValueOf<S[K]> | undefined;
};

/** Reads one raw input by its name; undefined or '' means "not given". */
export type InputSource = (name: string) => string | undefined;

/** The environment variable the runner sets for an input: INPUT_ + upper case, spaces to `_`. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Inputs as the Actions runner passes them: `INPUT_<NAME>` variables, trimmed like @actions/core. */
export function envInputSource(env: NodeJS.ProcessEnv): InputSource {
  return (name) => env[inputEnvName(name)]?.trim();
}

/** Keeps the literal types of a spec object while checking it is one. */
export function defineInputs<const S extends InputSpecs>(specs: S): S {
  return specs;
}

function readOne(name: string, spec: InputSpec<unknown>, source: InputSource): unknown {
  const given = source(name);
  const raw = given === undefined || given === '' ? spec.default : given;
  if (raw === undefined) {
    if (spec.required === true) {
      throw new InputError(
        `Input "${name}" is required but was not given: expected ${spec.parser.expected}. Set it under \`with:\` in the workflow step, or pass --${name} to the cd4ml command.`,
      );
    }
    return undefined;
  }
  return spec.parser.parse(raw, name);
}

/**
 * Parses every input of a spec. All inputs are checked, so one run reports every problem; the error
 * is still one line.
 */
export function readInputs<S extends InputSpecs>(specs: S, source: InputSource): InputValues<S> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    try {
      values[name] = readOne(name, spec, source);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length === 1) throw new InputError(problems[0] as string);
  if (problems.length > 1) throw new InputError(`${problems.length} inputs are invalid: ${problems.join(' ')}`);
  return values as InputValues<S>;
}
