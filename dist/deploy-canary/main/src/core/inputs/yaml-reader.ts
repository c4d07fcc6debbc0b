/**
 * What the schema and gate policy parsers share. They walk the YAML node tree rather than plain
 * values, so they know each node's line, report duplicate keys themselves, and see numbers and
 * booleans as they were written. Every mistake is an InputError of one line,
 * `<file>:<line>: <what is wrong>; <how to fix>`.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { InputError } from '../errors.js';
import { closest, oneOfHint } from './did-you-mean.js';

/** A node's value as the parser needs it: its kind, the value, how it was written, and its line. */
export type Value =
  | { kind: 'string'; value: string; text: string; line: number }
  | { kind: 'number'; value: number; text: string; line: number }
  | { kind: 'boolean'; value: boolean; text: string; line: number }
  /** `text` is empty when nothing was written (`key:`), else `null` or `~`. */
  | { kind: 'null'; text: string; line: number }
  | { kind: 'map'; node: YAMLMap; text: string; line: number }
  | { kind: 'list'; node: YAMLSeq; text: string; line: number };

export interface Entry {
  name: string;
  /** The line of the key. */
  line: number;
  value: Value;
}

/** How a key given twice is worded: what is wrong and how to fix it. */
export type Twice = (name: string, firstLine: number) => [string, string];

/** The top level of a file: a mapping of known keys (version and $schema among them) with a mapping of rules under `main`. */
export interface TopLevel<K extends string> {
  /** What the file is, in messages: "schema", "policy". */
  noun: string;
  /** The known top-level keys, `version` and `$schema` included. */
  keys: readonly K[];
  /** The key every file needs, a mapping of names to rules, e.g. "columns". */
  main: K;
  /** What `main` names, e.g. "column". */
  item: string;
  /** How to fix an empty file. */
  emptyFix: string;
  /** How to fix a file without `main`. */
  missingFix: string;
  /** How to fix a `main` that is not a mapping. */
  mainFix: string;
}

/** The value in words, for "but it is …" messages. */
export function describe(value: Value): string {
  switch (value.kind) {
    case 'map':
      return 'a mapping';
    case 'list':
      return 'a list';
    case 'null':
      return 'empty';
    case 'string':
      return `the text ${value.text}`;
    case 'number':
      return `the number ${value.text}`;
    case 'boolean':
      return `the boolean ${value.text}`;
  }
}

/** A value as the user wrote it, in flow style, for "write …" hints. */
export function plain(value: Value): string {
  return value.kind === 'string' ? value.value : value.text;
}

export class YamlReader {
  private readonly lines = new LineCounter();
  private readonly doc: Document;

  /**
   * Parses `text`, a single YAML document. `file` is the path used in messages; `keyExample` is the
   * plain name suggested when a key is a mapping or a list. Throws an InputError for a syntax error.
   */
  constructor(
    text: string,
    readonly file: string,
    private readonly keyExample: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: false });
    const syntax = this.doc.errors[0];
    if (syntax !== undefined) {
      const { line, col } = this.lines.linePos(syntax.pos[0]);
      const reason = (syntax.message.split('\n')[0] ?? '').replace(/\.$/, '');
      if (syntax.code === 'MULTIPLE_DOCS') {
        throw new InputError(`${file}:${line}: the file holds more than one YAML document; keep a single document (remove the "---" separator)`);
      }
      throw new InputError(`${file}:${line}: the file is not valid YAML at column ${col} (${reason}); fix the syntax there`);
    }
  }

  /**
   * Reads the top level laid out as `layout` says: its entries by key, with version (only 1) and
   * $schema (text) checked, and the mapping under `main`.
   */
  topLevel<K extends string>(layout: TopLevel<K>): { keys: Map<K, Entry>; main: Extract<Value, { kind: 'map' }> } {
    const { noun, main } = layout;
    const top = this.value(this.doc.contents, 1);
    if (top.kind === 'null') throw this.fail(top.line, `the ${noun} file is empty`, layout.emptyFix);
    if (top.kind !== 'map') {
      throw this.fail(top.line, `the ${noun} is ${describe(top)}, but it must be a mapping with a "${main}" key`, `start the file with "${main}:" and list the ${main} under it`);
    }
    const keys = this.knownEntries(top.node, top.line, layout.keys, `the ${noun}`, (name) => `unknown top-level key "${name}"`);

    const version = keys.get('version' as K);
    if (version !== undefined && !(version.value.kind === 'number' && version.value.value === 1)) {
      const what = version.value.kind === 'null' ? `the ${noun} has version without a value` : `the ${noun} has version ${version.value.text}, which is not a supported version`;
      throw this.fail(version.line, what, 'write version: 1 or leave it out');
    }
    const $schema = keys.get('$schema' as K);
    if ($schema !== undefined && $schema.value.kind !== 'string') {
      throw this.fail($schema.line, `"$schema" is ${describe($schema.value)}, which is not a URL`, 'write the URL of the JSON Schema in quotes, or remove it');
    }

    const entry = keys.get(main);
    if (entry === undefined) throw this.fail(top.line, `the ${noun} has no "${main}" key`, layout.missingFix);
    const { value } = entry;
    if (value.kind !== 'map') {
      throw this.fail(value.kind === 'null' ? entry.line : value.line, `"${main}" is ${describe(value)}, but it must be a mapping of ${layout.item} names to rules`, layout.mainFix);
    }
    return { keys, main: value };
  }

  fail(line: number, what: string, fix: string): InputError {
    return new InputError(`${this.file}:${line}: ${what}; ${fix}`);
  }

  lineOf(node: unknown, fallback: number): number {
    const range = (node as { range?: readonly number[] | null } | null)?.range;
    const start = range?.[0];
    return start === undefined ? fallback : this.lines.linePos(start).line;
  }

  /** Resolves aliases and classifies the node. `fallback` is the line used for a missing node (e.g. `key:` with nothing after it). */
  value(node: unknown, fallback: number): Value {
    const line = this.lineOf(node, fallback);
    let target = node;
    if (isAlias(node)) {
      target = node.resolve(this.doc);
      if (target === undefined) throw this.fail(line, `the alias *${node.source} refers to no anchor`, `define &${node.source} before it`);
    }
    if (target === null || target === undefined) return { kind: 'null', text: '', line };
    if (isMap(target)) return { kind: 'map', node: target, text: 'a mapping', line };
    if (isSeq(target)) return { kind: 'list', node: target, text: 'a list', line };
    if (isScalar(target)) {
      const raw = target.value;
      const source = target.source ?? String(raw);
      if (typeof raw === 'string') return { kind: 'string', value: raw, text: JSON.stringify(raw), line };
      if (typeof raw === 'number') return { kind: 'number', value: raw, text: source, line };
      if (typeof raw === 'boolean') return { kind: 'boolean', value: raw, text: source, line };
      if (raw === null || raw === undefined) return { kind: 'null', text: source, line };
      // Anything else (a YAML 1.1 timestamp, a custom tag) is taken as the text it was written as.
      return { kind: 'string', value: source, text: JSON.stringify(source), line };
    }
    return { kind: 'string', value: String(target), text: JSON.stringify(String(target)), line };
  }

  /**
   * The mapping's entries in order; a key given twice is refused at the repeat, worded by `twice`,
   * or, given the mapping's name, as `<subject> has "<key>" twice (first on line <n>); keep only one`.
   */
  entries(map: YAMLMap, mapLine: number, twice: string | Twice): Entry[] {
    const seen = new Map<string, number>();
    const entries: Entry[] = [];
    for (const pair of map.items) {
      const key = this.value(pair.key, this.lineOf(pair.value, mapLine));
      if (key.kind === 'map' || key.kind === 'list') {
        throw this.fail(key.line, `a key is ${describe(key)}`, `write a plain name such as "${this.keyExample}" as the key`);
      }
      const name = plain(key);
      const first = seen.get(name);
      if (first !== undefined) {
        const [what, fix] = typeof twice === 'string' ? [`${twice} has "${name}" twice (first on line ${first})`, 'keep only one'] : twice(name, first);
        throw this.fail(key.line, what, fix);
      }
      seen.set(name, key.line);
      entries.push({ name, line: key.line, value: this.value(pair.value, key.line) });
    }
    return entries;
  }

  /** Entries of a mapping whose keys must come from `known`. */
  knownEntries<K extends string>(map: YAMLMap, mapLine: number, known: readonly K[], subject: string, unknown: (name: string) => string): Map<K, Entry> {
    const result = new Map<K, Entry>();
    for (const entry of this.entries(map, mapLine, subject)) {
      if (!(known as readonly string[]).includes(entry.name)) {
        throw this.fail(entry.line, unknown(entry.name), oneOfHint(known, closest(entry.name, known)));
      }
      result.set(entry.name as K, entry);
    }
    return result;
  }
}

/**
 * Reads the file at `path` (relative to `cwd`) and parses it with `parse`, which gets the text and the
 * path relative to `cwd`, with forward slashes, as GitHub annotations expect. `what` names the file
 * in messages (`schema`, `policy`).
 */
export async function loadYamlFile<T>(path: string, cwd: string, what: string, parse: (text: string, file: string) => T): Promise<T> {
  const absolute = resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${what}: no such file: ${path}`);
    if (code === 'EISDIR') throw new InputError(`${what}: ${path} is a directory; name the ${what} file itself`);
    throw new InputError(`${what}: cannot read ${path} (${code ?? (error as Error).message}); check the path and its permissions`);
  }
  return parse(text, relative(cwd, absolute).split(sep).join('/'));
}
