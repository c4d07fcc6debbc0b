/**
 * Strict parsers for action inputs and CLI flags. Each turns the raw text into a typed value or throws
 * an InputError that names the input, quotes the bad value and says what is expected. No parser
 * substitutes a default or clamps a value: defaults live only in the action metadata.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { InputError } from '../errors.js';

export interface InputParser<T> {
  /** What a valid value looks like, e.g. "an integer from 1 to 100". Shown in errors and --help. */
  readonly expected: string;
  /** Set for booleans: the CLI accepts a bare `--name` as true. */
  readonly flag?: true;
  /** Set for lists: the CLI accepts `--name a --name b`. */
  readonly repeatable?: true;
  parse(raw: string, name: string): T;
}

/** A file input that was read and parsed, with the path it came from (for annotations and reports). */
export interface LoadedFile<T> {
  path: string;
  value: T;
}

export function invalidInput(name: string, raw: string, expected: string, hint?: string): InputError {
  const fix = hint === undefined ? '' : ` ${hint}`;
  return new InputError(`Input "${name}" has an invalid value ${JSON.stringify(raw)}: expected ${expected}.${fix}`);
}

/** Any non-empty text, used as given. */
export function text(expected = 'a non-empty text'): InputParser<string> {
  return { expected, parse: (raw) => raw };
}

const TRUE_WORDS = ['true', 'True', 'TRUE'];
const FALSE_WORDS = ['false', 'False', 'FALSE'];

/** YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them. */
export function boolean(): InputParser<boolean> {
  const expected = 'true or false';
  return {
    expected,
    flag: true,
    parse(raw, name) {
      if (TRUE_WORDS.includes(raw)) return true;
      if (FALSE_WORDS.includes(raw)) return false;
      throw invalidInput(name, raw, expected);
    },
  };
}

export interface Bounds {
  min?: number;
  max?: number;
}

function boundsText(bounds: Bounds): string {
  const { min, max } = bounds;
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return '';
}

function checkBounds(value: number, raw: string, name: string, bounds: Bounds, expected: string): number {
  if ((bounds.min !== undefined && value < bounds.min) || (bounds.max !== undefined && value > bounds.max)) {
    throw invalidInput(name, raw, expected);
  }
  return value;
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A whole number in decimal notation, within optional inclusive bounds. */
export function integer(bounds: Bounds = {}): InputParser<number> {
  const expected = `an integer${boundsText(bounds)}`;
  return {
    expected,
    parse(raw, name) {
      const value = Number(raw);
      if (!INTEGER.test(raw) || !Number.isSafeInteger(value)) throw invalidInput(name, raw, expected);
      return checkBounds(value, raw, name, bounds, expected);
    },
  };
}

/** A finite decimal number (no NaN, Infinity or hex), within optional inclusive bounds. */
export function number(bounds: Bounds = {}): InputParser<number> {
  const expected = `a number${boundsText(bounds)}`;
  return {
    expected,
    parse(raw, name) {
      const value = Number(raw);
      if (!DECIMAL.test(raw) || !Number.isFinite(value)) throw invalidInput(name, raw, expected);
      return checkBounds(value, raw, name, bounds, expected);
    },
  };
}

/** Exactly one of the given words (case-sensitive, as YAML keys in workflows are). */
export function oneOf<const T extends string>(values: readonly T[]): InputParser<T> {
  const expected = `one of ${values.join(', ')}`;
  return {
    expected,
    parse(raw, name) {
      if ((values as readonly string[]).includes(raw)) return raw as T;
      const near = values.find((value) => value.toLowerCase() === raw.toLowerCase());
      throw invalidInput(name, raw, expected, near === undefined ? undefined : `Did you mean "${near}"?`);
    },
  };
}

/**
 * Items separated by newlines or commas (a YAML block scalar or `a, b, c`), trimmed, empty items
 * dropped, each checked by `item`. `plural` names the items for messages, e.g. "column names".
 * Items that may contain commas themselves (regexes, shell words) are split on newlines only.
 */
export function list<T>(item: InputParser<T>, plural: string, split: 'commas-or-newlines' | 'newlines' = 'commas-or-newlines'): InputParser<T[]> {
  const separator = split === 'newlines' ? /\n/ : /[\n,]/;
  const expected = `one or more ${plural}, ${split === 'newlines' ? 'one per line' : 'separated by commas or newlines'}`;
  return {
    expected,
    repeatable: true,
    parse(raw, name) {
      const items = raw
        .split(separator)
        .map((part) => part.trim())
        .filter((part) => part !== '');
      if (items.length === 0) throw invalidInput(name, raw, expected);
      return items.map((part) => item.parse(part, name));
    },
  };
}

/** An inline JSON object (e.g. training params); arrays, strings and numbers are refused. */
export function jsonObject(): InputParser<Record<string, unknown>> {
  const expected = 'a JSON object such as {"lr": 0.1}';
  return {
    expected,
    parse(raw, name) {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        throw invalidInput(name, raw, expected, `The JSON parser said: ${(error as Error).message}.`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidInput(name, raw, expected);
      return value as Record<string, unknown>;
    },
  };
}

function requireFile(raw: string, name: string): string {
  const path = resolve(raw);
  if (!existsSync(path)) {
    throw new InputError(
      `Input "${name}" names a file that does not exist: ${JSON.stringify(raw)} (looked for ${path}); paths are relative to the working directory.`,
    );
  }
  if (!statSync(path).isFile()) {
    throw new InputError(`Input "${name}" must name a file, but ${JSON.stringify(raw)} is a directory.`);
  }
  return path;
}

/** A path to an existing regular file, returned as given (relative paths stay relative). */
export function existingFile(): InputParser<string> {
  return {
    expected: 'the path of an existing file',
    parse(raw, name) {
      requireFile(raw, name);
      return raw;
    },
  };
}

/** A path that may not exist yet (an output file); checked only for being non-empty. */
export function outputPath(): InputParser<string> {
  return text('a file path to write');
}

/** A JSON file, read and parsed when the inputs are read, so a broken file fails before any work. */
export function jsonFile(): InputParser<LoadedFile<unknown>> {
  return {
    expected: 'the path of a JSON file',
    parse(raw, name) {
      const content = readFileSync(requireFile(raw, name), 'utf8');
      try {
        return { path: raw, value: JSON.parse(content) as unknown };
      } catch (error) {
        throw new InputError(`Input "${name}": ${raw} is not valid JSON: ${(error as Error).message}.`);
      }
    },
  };
}

/** A YAML (or JSON, which is YAML) file, read and parsed when the inputs are read. */
export function yamlFile(): InputParser<LoadedFile<unknown>> {
  return {
    expected: 'the path of a YAML or JSON file',
    parse(raw, name) {
      const content = readFileSync(requireFile(raw, name), 'utf8');
      try {
        return { path: raw, value: parseYaml(content) as unknown };
      } catch (error) {
        if (error instanceof YAMLParseError) {
          const where = error.linePos?.[0];
          const at = where === undefined ? '' : ` at line ${where.line}, column ${where.col}`;
          const reason = (error.message.split('\n')[0] as string).replace(/ at line \d+, column \d+:?$/, '');
          throw new InputError(`Input "${name}": ${raw} is not valid YAML${at}: ${reason}.`);
        }
        throw error;
      }
    },
  };
}
