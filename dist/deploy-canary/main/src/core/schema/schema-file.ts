/**
 * Reads a dataset's schema file (YAML, or JSON, which is YAML) into a DataSchema. The format is
 * documented in docs/schema.md and published for editors as schemas/data-schema.json.
 *
 * Every mistake is an InputError of one line, `<file>:<line>: <what is wrong>; <how to fix>`, with the
 * line of the offending key or value, so the user (or a GitHub annotation) can go straight to it.
 * The parser walks the YAML node tree rather than plain values (src/core/inputs/yaml-reader.ts), so
 * it knows each node's line, reports duplicate keys itself, and sees numbers and booleans as they
 * were written.
 */
import { InputError } from '../errors.js';
import { closest, didYouMean, oneOfHint } from '../inputs/did-you-mean.js';
import { describe, loadYamlFile, plain, YamlReader, type Entry } from '../inputs/yaml-reader.js';
import type { SourcePosition } from '../logger.js';
import {
  COLUMN_TYPES,
  EXTRA_COLUMN_POLICIES,
  MISSING_COLUMN_POLICIES,
  type ColumnRules,
  type ColumnType,
  type DataSchema,
  type TableRules,
} from './types.js';

/** Top-level keys; `$schema` lets a JSON file name its JSON Schema for editors. */
const TOP_LEVEL_KEYS = ['columns', 'table', 'version', '$schema'] as const;

/** Column rule keys as written in the file (snake_case). */
export const RULE_KEYS = [
  'type',
  'nullable',
  'max_null_fraction',
  'min',
  'max',
  'exclusive_min',
  'exclusive_max',
  'allowed',
  'pattern',
  'unique',
  'min_length',
  'max_length',
  'mostly',
  'severity',
] as const;
type RuleKey = (typeof RULE_KEYS)[number];

const SEVERITIES = ['error', 'warning'] as const;
const TABLE_KEYS = ['rows', 'columns', 'key'] as const;
const ROWS_KEYS = ['min', 'max'] as const;
const TABLE_COLUMNS_KEYS = ['extra', 'missing'] as const;

const BOUNDED_TYPES: readonly ColumnType[] = ['integer', 'number', 'date', 'datetime'];
const NUMERIC_TYPES: readonly ColumnType[] = ['integer', 'number'];
const TEXT_TYPES: readonly ColumnType[] = ['string', 'category'];

/**
 * The types a rule applies to; rules not listed apply to every type. `allowed` compares values as
 * text, which is exact for text, whole numbers and booleans but not for decimals or timestamps
 * (`1.50` and `1.5`), so number, date and datetime columns use bounds instead.
 */
export const RULE_TYPES: Partial<Record<RuleKey, readonly ColumnType[]>> = {
  min: BOUNDED_TYPES,
  max: BOUNDED_TYPES,
  exclusive_min: BOUNDED_TYPES,
  exclusive_max: BOUNDED_TYPES,
  allowed: ['string', 'category', 'integer', 'boolean'],
  pattern: TEXT_TYPES,
  min_length: TEXT_TYPES,
  max_length: TEXT_TYPES,
};

const BOUND_KEYS = ['min', 'max', 'exclusive_min', 'exclusive_max'] as const;

/** Common names for the column types, for did-you-mean hints. */
const TYPE_ALIASES: Readonly<Record<string, ColumnType>> = {
  int: 'integer',
  long: 'integer',
  float: 'number',
  double: 'number',
  decimal: 'number',
  numeric: 'number',
  str: 'string',
  text: 'string',
  bool: 'boolean',
  timestamp: 'datetime',
  time: 'datetime',
  categorical: 'category',
  enum: 'category',
};

/**
 * ISO 8601 calendar date, optionally with a time and a UTC offset. The same expression is in
 * schemas/data-schema.json; the parser also checks the day exists in its month.
 */
export const ISO_DATE_TIME =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d+)?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?$/;

/** Milliseconds since the epoch for ISO 8601 text (a time without an offset is read as UTC), or undefined. */
export function isoTime(text: string): number | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone = 'Z'] = match;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years below 100 as 19xx.
  date.setUTCFullYear(Number(year), Number(month), 0);
  if (Number(day) > date.getUTCDate()) return undefined;
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hour), Number(minute), Number(second), 0);
  let time = date.getTime() + (fraction === '' ? 0 : Number(`0${fraction}`) * 1000);
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    time -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  return time;
}

class SchemaReader extends YamlReader {
  constructor(text: string, file: string) {
    super(text, file, 'age');
  }

  position(line: number): SourcePosition {
    return { file: this.file, line };
  }
}

/**
 * Parses a schema file's text. `file` is the path used in messages and positions.
 * Throws an InputError naming the file and line for any mistake.
 */
export function parseSchema(text: string, file: string): DataSchema {
  const reader = new SchemaReader(text, file);
  const positions = new Map<string, SourcePosition>();

  const { keys, main: columnsValue } = reader.topLevel({
    noun: 'schema',
    keys: TOP_LEVEL_KEYS,
    main: 'columns',
    item: 'column',
    emptyFix: 'declare the columns under a top-level "columns:" mapping, e.g. columns: { id: { type: integer } }',
    missingFix: 'add a top-level "columns:" mapping of column names to their rules',
    mainFix: 'write each column on its own line as "name: { type: string }" (or "name: {}" for no rules)',
  });
  const columns = new Map<string, ColumnRules>();
  const columnEntries = reader.entries(columnsValue.node, columnsValue.line, (name, firstLine) => [
    `column "${name}" is declared twice (first on line ${firstLine})`,
    'remove or rename one of them',
  ]);
  for (const entry of columnEntries) {
    if (entry.name === '') throw reader.fail(entry.line, 'a column has an empty name', 'write the column name as it appears in the data');
    positions.set(`columns.${entry.name}`, reader.position(entry.line));
    columns.set(entry.name, readColumn(reader, entry, positions));
  }

  const tableEntry = keys.get('table');
  const table = tableEntry === undefined ? {} : readTable(reader, tableEntry, columns, positions);
  return { file, columns, table, positions };
}

function readColumn(reader: SchemaReader, column: Entry, positions: Map<string, SourcePosition>): ColumnRules {
  const { name, value } = column;
  const subject = `column "${name}"`;
  if (value.kind === 'null') return {};
  if (value.kind !== 'map') {
    const asType = value.kind === 'string' && (COLUMN_TYPES as readonly string[]).includes(value.value) ? value.value : 'string';
    throw reader.fail(value.line, `${subject} is ${describe(value)}, but a column must be a mapping of rules`, `write it as ${name}: { type: ${asType} } (or ${name}: {} for no rules)`);
  }
  const rules = reader.knownEntries(value.node, value.line, RULE_KEYS, subject, (rule) => `${subject} has an unknown rule "${rule}"`);
  for (const [rule, entry] of rules) positions.set(`columns.${name}.${rule}`, reader.position(entry.line));

  const result: ColumnRules = {};
  const typeEntry = rules.get('type');
  let type: ColumnType | undefined;
  if (typeEntry !== undefined) {
    const given = typeEntry.value;
    if (given.kind !== 'string' || !(COLUMN_TYPES as readonly string[]).includes(given.value)) {
      const near = given.kind === 'string' ? (TYPE_ALIASES[given.value.toLowerCase()] ?? closest(given.value, COLUMN_TYPES)) : undefined;
      throw reader.fail(typeEntry.line, `${subject} has type ${given.text}, which is not a column type`, oneOfHint(COLUMN_TYPES, near));
    }
    type = given.value as ColumnType;
    result.type = type;
  }

  for (const [rule, entry] of rules) {
    const applies = RULE_TYPES[rule];
    if (applies !== undefined && type !== undefined && !applies.includes(type)) {
      throw reader.fail(entry.line, `${subject} has ${rule}, which does not apply to type ${type}`, `remove it or change the type (${rule} applies to ${applies.join(', ')})`);
    }
    if (type === undefined && (BOUND_KEYS as readonly string[]).includes(rule)) {
      throw reader.fail(entry.line, `${subject} has ${rule} but no type`, `add a type (${BOUNDED_TYPES.join(', ')}) so the bound can be compared`);
    }
    readRule(reader, subject, rule, entry, type, result);
  }

  checkBoundOrder(reader, subject, rules, type, result);
  const minLength = rules.get('min_length');
  if (minLength !== undefined && result.minLength !== undefined && result.maxLength !== undefined && result.minLength > result.maxLength) {
    throw reader.fail(
      minLength.line,
      `${subject} has min_length ${result.minLength} greater than max_length ${result.maxLength}, so no value can pass`,
      'swap them or correct one',
    );
  }
  return result;
}

function readRule(reader: SchemaReader, subject: string, rule: RuleKey, entry: Entry, type: ColumnType | undefined, result: ColumnRules): void {
  const { value, line } = entry;
  const bad = (expected: string, fix: string): InputError =>
    value.kind === 'null'
      ? reader.fail(line, `${subject} has ${rule} without a value`, fix)
      : reader.fail(line, `${subject} has ${rule} ${value.text}, which is not ${expected}`, fix);
  const percentHint = (): string =>
    value.kind === 'number' && value.value > 1 && value.value <= 100 ? ` (for ${value.text}% write ${Number((value.value / 100).toPrecision(12))})` : '';

  switch (rule) {
    case 'type':
      return;
    case 'nullable':
    case 'unique': {
      if (value.kind !== 'boolean') throw bad('true or false', `write ${rule}: true or ${rule}: false`);
      result[rule] = value.value;
      return;
    }
    case 'max_null_fraction': {
      if (value.kind !== 'number' || !(value.value >= 0 && value.value <= 1)) {
        throw bad('a fraction from 0 to 1', `write the largest share of null rows as a fraction, e.g. max_null_fraction: 0.02 for 2%${percentHint()}`);
      }
      result.maxNullFraction = value.value;
      return;
    }
    case 'mostly': {
      if (value.kind !== 'number' || !(value.value > 0 && value.value <= 1)) {
        throw bad('a fraction above 0 and at most 1', `write the share of non-null rows that must pass, e.g. mostly: 0.99${percentHint()}`);
      }
      result.mostly = value.value;
      return;
    }
    case 'min':
    case 'max':
    case 'exclusive_min':
    case 'exclusive_max': {
      const field = ({ min: 'min', max: 'max', exclusive_min: 'exclusiveMin', exclusive_max: 'exclusiveMax' } as const)[rule];
      if (type !== undefined && NUMERIC_TYPES.includes(type)) {
        if (value.kind !== 'number' || !Number.isFinite(value.value)) {
          const unquoted = value.kind === 'string' && value.value.trim() !== '' && Number.isFinite(Number(value.value)) ? `remove the quotes: ${rule}: ${value.value}` : `write a number, e.g. ${rule}: 0`;
          throw bad('a number', unquoted);
        }
        result[field] = value.value;
      } else {
        const text = value.kind === 'string' ? value.value : undefined;
        if (text === undefined || isoTime(text) === undefined) {
          throw bad('an ISO 8601 date or datetime', `write it like ${rule}: 2024-01-31 or ${rule}: 2024-01-31T12:00:00Z`);
        }
        result[field] = text;
      }
      return;
    }
    case 'allowed': {
      result.allowed = readAllowed(reader, subject, entry, type);
      return;
    }
    case 'pattern': {
      if (value.kind !== 'string') throw bad('text', value.kind === 'null' ? "write the regular expression in single quotes, e.g. pattern: '^[A-Z]+$'" : `quote it: pattern: '${value.text}'`);
      try {
        new RegExp(value.value, 'u');
      } catch (error) {
        throw reader.fail(
          line,
          `${subject} has a pattern that is not a valid regular expression (${(error as Error).message})`,
          'fix it in JavaScript regular expression syntax (compiled with the u flag); in YAML, single-quote the pattern so backslashes stay as written',
        );
      }
      result.pattern = value.value;
      return;
    }
    case 'min_length':
    case 'max_length': {
      if (value.kind !== 'number' || !Number.isSafeInteger(value.value) || value.value < 0) {
        throw bad('a non-negative whole number', `write a number of characters, e.g. ${rule}: ${rule === 'min_length' ? 1 : 255}`);
      }
      result[rule === 'min_length' ? 'minLength' : 'maxLength'] = value.value;
      return;
    }
    case 'severity': {
      if (value.kind !== 'string' || !(SEVERITIES as readonly string[]).includes(value.value)) {
        throw bad('a severity', oneOfHint(SEVERITIES, value.kind === 'string' ? closest(value.value, SEVERITIES) : undefined));
      }
      result.severity = value.value as (typeof SEVERITIES)[number];
      return;
    }
  }
}

function readAllowed(reader: SchemaReader, subject: string, entry: Entry, type: ColumnType | undefined): string[] {
  const { value, line } = entry;
  if (value.kind !== 'list') {
    const example = value.kind === 'null' || value.kind === 'map' ? 'A, B' : plain(value);
    throw reader.fail(line, `${subject} has allowed ${value.kind === 'null' ? 'without a value' : `${value.text}, which is not a list`}`, `write a list, e.g. allowed: [${example}]`);
  }
  if (value.node.items.length === 0) {
    throw reader.fail(line, `${subject} has an empty allowed list`, 'list at least one value, or remove allowed');
  }
  const seen = new Set<string>();
  const allowed: string[] = [];
  for (const node of value.node.items) {
    const item = reader.value(node, value.line);
    const nulls = 'remove it (whether nulls are allowed is set by nullable and max_null_fraction)';
    let textValue: string;
    if (item.kind === 'null') {
      throw reader.fail(item.line, `${subject} lists null under allowed`, nulls);
    } else if (item.kind === 'map' || item.kind === 'list') {
      throw reader.fail(item.line, `${subject} lists ${describe(item)} under allowed`, 'list plain values, e.g. allowed: [A, B]');
    } else if (type === 'integer') {
      if (item.kind !== 'number' || !Number.isSafeInteger(item.value)) {
        throw reader.fail(item.line, `${subject} lists ${item.text} under allowed, which is not an integer`, 'list whole numbers without quotes, e.g. allowed: [1, 2, 3]');
      }
      textValue = String(item.value);
    } else if (type === 'boolean') {
      if (item.kind !== 'boolean') {
        throw reader.fail(item.line, `${subject} lists ${item.text} under allowed, which is not true or false`, 'list booleans, e.g. allowed: [true]');
      }
      textValue = String(item.value);
    } else {
      textValue = plain(item);
    }
    if (seen.has(textValue)) {
      throw reader.fail(item.line, `${subject} lists ${JSON.stringify(textValue)} twice under allowed`, 'remove the repeat');
    }
    seen.add(textValue);
    allowed.push(textValue);
  }
  return allowed;
}

function checkBoundOrder(reader: SchemaReader, subject: string, rules: ReadonlyMap<RuleKey, Entry>, type: ColumnType | undefined, result: ColumnRules): void {
  for (const [inclusive, exclusive] of [
    ['min', 'exclusive_min'],
    ['max', 'exclusive_max'],
  ] as const) {
    const a = rules.get(inclusive);
    const b = rules.get(exclusive);
    if (a !== undefined && b !== undefined) {
      throw reader.fail(Math.max(a.line, b.line), `${subject} has both ${inclusive} and ${exclusive}`, 'keep only one of them');
    }
  }
  const lowKey = result.min !== undefined ? 'min' : 'exclusive_min';
  const highKey = result.max !== undefined ? 'max' : 'exclusive_max';
  const low = result.min ?? result.exclusiveMin;
  const high = result.max ?? result.exclusiveMax;
  if (low === undefined || high === undefined) return;
  const numeric = type !== undefined && NUMERIC_TYPES.includes(type);
  const lowValue = numeric ? (low as number) : (isoTime(low as string) as number);
  const highValue = numeric ? (high as number) : (isoTime(high as string) as number);
  const strict = lowKey === 'exclusive_min' || highKey === 'exclusive_max';
  if (lowValue < highValue || (lowValue === highValue && !strict)) return;
  const relation = lowValue === highValue ? 'equal to' : 'greater than';
  const line = (rules.get(lowKey) as Entry).line;
  const fix = relation === 'equal to' ? `make ${lowKey} smaller than ${highKey}` : 'swap them or correct one';
  throw reader.fail(line, `${subject} has ${lowKey} ${String(low)} ${relation} ${highKey} ${String(high)}, so no value can pass`, fix);
}

function readTable(reader: SchemaReader, entry: Entry, columns: ReadonlyMap<string, ColumnRules>, positions: Map<string, SourcePosition>): TableRules {
  positions.set('table', reader.position(entry.line));
  const { value } = entry;
  if (value.kind !== 'map') {
    throw reader.fail(entry.line, `"table" is ${describe(value)}, but it must be a mapping`, 'give it rows, columns or key, e.g. table: { rows: { min: 1 } }, or remove it');
  }
  const table: TableRules = {};
  const keys = reader.knownEntries(value.node, value.line, TABLE_KEYS, 'table', (name) => `table has an unknown key "${name}"`);
  for (const [key, item] of keys) positions.set(`table.${key}`, reader.position(item.line));

  const rows = keys.get('rows');
  if (rows !== undefined) table.rows = readRows(reader, rows);
  const columnPolicy = keys.get('columns');
  if (columnPolicy !== undefined) table.columns = readColumnPolicy(reader, columnPolicy);
  const key = keys.get('key');
  if (key !== undefined) table.key = readKey(reader, key, columns);
  return table;
}

function readRows(reader: SchemaReader, entry: Entry): NonNullable<TableRules['rows']> {
  const { value } = entry;
  if (value.kind !== 'map') {
    throw reader.fail(entry.line, `table.rows is ${describe(value)}, but it must be a mapping`, 'write the bounds on the row count, e.g. rows: { min: 1000 }');
  }
  const bounds = reader.knownEntries(value.node, value.line, ROWS_KEYS, 'table.rows', (name) => `table.rows has an unknown key "${name}"`);
  const rows: { min?: number; max?: number } = {};
  for (const [key, item] of bounds) {
    if (item.value.kind !== 'number' || !Number.isSafeInteger(item.value.value) || item.value.value < 0) {
      const what = item.value.kind === 'null' ? `table.rows has ${key} without a value` : `table.rows has ${key} ${item.value.text}, which is not a non-negative whole number`;
      throw reader.fail(item.line, what, `write a row count, e.g. ${key}: 1000`);
    }
    rows[key] = item.value.value;
  }
  if (rows.min !== undefined && rows.max !== undefined && rows.min > rows.max) {
    throw reader.fail((bounds.get('min') as Entry).line, `table.rows has min ${rows.min} greater than max ${rows.max}, so no table can pass`, 'swap them or correct one');
  }
  return rows;
}

function readColumnPolicy(reader: SchemaReader, entry: Entry): NonNullable<TableRules['columns']> {
  const { value } = entry;
  if (value.kind !== 'map') {
    throw reader.fail(entry.line, `table.columns is ${describe(value)}, but it must be a mapping`, 'write the policies, e.g. columns: { extra: warn, missing: error }');
  }
  const keys = reader.knownEntries(value.node, value.line, TABLE_COLUMNS_KEYS, 'table.columns', (name) => `table.columns has an unknown key "${name}"`);
  const policy: NonNullable<TableRules['columns']> = {};
  const read = <T extends string>(key: 'extra' | 'missing', allowed: readonly T[]): T | undefined => {
    const item = keys.get(key);
    if (item === undefined) return undefined;
    const given = item.value;
    if (given.kind !== 'string' || !(allowed as readonly string[]).includes(given.value)) {
      const what = given.kind === 'null' ? `table.columns has ${key} without a value` : `table.columns has ${key} ${given.text}, which is not a policy for ${key} columns`;
      throw reader.fail(item.line, what, oneOfHint(allowed, given.kind === 'string' ? closest(given.value, allowed) : undefined));
    }
    return given.value as T;
  };
  const extra = read('extra', EXTRA_COLUMN_POLICIES);
  if (extra !== undefined) policy.extra = extra;
  const missing = read('missing', MISSING_COLUMN_POLICIES);
  if (missing !== undefined) policy.missing = missing;
  return policy;
}

function readKey(reader: SchemaReader, entry: Entry, columns: ReadonlyMap<string, ColumnRules>): string[] {
  const { value } = entry;
  if (value.kind !== 'list') {
    const example = value.kind === 'string' || value.kind === 'number' ? plain(value) : 'id';
    throw reader.fail(entry.line, `table.key is ${describe(value)}, but it must be a list of column names`, `write it as a list, e.g. key: [${example}]`);
  }
  if (value.node.items.length === 0) {
    throw reader.fail(entry.line, 'table.key is an empty list', 'list the columns whose combined value must be unique, e.g. key: [id], or remove key');
  }
  const declared = [...columns.keys()];
  const key: string[] = [];
  for (const node of value.node.items) {
    const item = reader.value(node, value.line);
    if (item.kind !== 'string') {
      const fix = item.kind === 'number' || item.kind === 'boolean' ? `quote the column name: "${item.text}"` : 'list column names, e.g. key: [id]';
      throw reader.fail(item.line, `table.key lists ${describe(item)}, which is not a column name`, fix);
    }
    if (!columns.has(item.value)) {
      const near = closest(item.value, declared);
      throw reader.fail(
        item.line,
        `table.key names column ${item.text}, which is not declared under columns`,
        `declare it under columns or correct the name${didYouMean(near)}`,
      );
    }
    if (key.includes(item.value)) throw reader.fail(item.line, `table.key lists ${item.text} twice`, 'remove the repeat');
    key.push(item.value);
  }
  return key;
}

/**
 * Reads and parses the schema file at `path` (relative to `cwd`). The schema's `file` is the path
 * relative to `cwd`, with forward slashes, as GitHub annotations expect.
 */
export function loadSchema(path: string, cwd: string): Promise<DataSchema> {
  return loadYamlFile(path, cwd, 'schema', parseSchema);
}
