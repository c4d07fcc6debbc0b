/**
 * The check-drift config (YAML): per-column method and threshold overrides, columns to skip, and the
 * dataset's drift share. Every mistake is one `file:line:` message.
 *
 * ```yaml
 * drift_share: 0.3
 * columns:
 *   age:         { method: ks, threshold: 0.01 }
 *   country:     { method: psi, threshold: 0.2 }
 *   customer_id: { skip: true }
 * ```
 */
import { closest, didYouMean } from '../inputs/did-you-mean.js';
import { describe, loadYamlFile, YamlReader, type Entry } from '../inputs/yaml-reader.js';
import { DRIFT_METHODS, type DriftMethod, METHOD_INFO } from './methods.js';

export interface ColumnOverride {
  column: string;
  method?: DriftMethod;
  threshold?: number;
  skip?: boolean;
  /** The line of the column in the config, for messages. */
  line: number;
}

export interface DriftConfig {
  file: string;
  columns: ColumnOverride[];
  driftShare?: number;
}

const TOP_KEYS = ['columns', 'drift_share', 'version', '$schema'] as const;
const COLUMN_KEYS = ['method', 'threshold', 'skip'] as const;

function readColumn(reader: YamlReader, entry: Entry): ColumnOverride {
  const subject = `column "${entry.name}"`;
  const override: ColumnOverride = { column: entry.name, line: entry.line };
  const { value } = entry;
  if (value.kind !== 'map') {
    throw reader.fail(value.line, `${subject} is ${describe(value)}, but it must be a mapping`, `write e.g. ${entry.name}: { method: ks, threshold: 0.01 } or ${entry.name}: { skip: true }`);
  }
  const keys = reader.knownEntries(value.node, value.line, COLUMN_KEYS, subject, (key) => `${subject} has an unknown key "${key}"`);
  const method = keys.get('method');
  if (method !== undefined) {
    const given = method.value;
    if (given.kind !== 'string' || !(DRIFT_METHODS as readonly string[]).includes(given.value)) {
      const near = given.kind === 'string' ? closest(given.value, DRIFT_METHODS) : undefined;
      throw reader.fail(method.line, `${subject} has method ${given.text === '' ? 'without a value' : given.text}, which is not a drift method`, `use one of ${DRIFT_METHODS.join(', ')}${didYouMean(near)}`);
    }
    override.method = given.value as DriftMethod;
  }
  const threshold = keys.get('threshold');
  if (threshold !== undefined) {
    const given = threshold.value;
    const score = override.method === undefined ? undefined : METHOD_INFO[override.method].score;
    const valid = given.kind === 'number' && given.value > 0 && (score !== 'p_value' || given.value < 1);
    if (!valid) {
      const range = score === 'p_value' ? 'a p-value threshold between 0 and 1 (both excluded)' : 'a positive threshold';
      throw reader.fail(threshold.line, `${subject} has threshold ${given.text === '' ? 'without a value' : given.text}, which is not ${range}`, 'write e.g. threshold: 0.05 for a test, 0.1 for a distance');
    }
    override.threshold = given.value;
  }
  const skip = keys.get('skip');
  if (skip !== undefined) {
    if (skip.value.kind !== 'boolean') throw reader.fail(skip.line, `${subject} has skip ${skip.value.text}, which is not true or false`, 'write skip: true to leave the column out');
    override.skip = skip.value.value;
    if (override.skip && (override.method !== undefined || override.threshold !== undefined)) {
      throw reader.fail(skip.line, `${subject} is skipped but also has a method or threshold`, 'remove one or the other');
    }
  }
  return override;
}

export function parseDriftConfig(text: string, file: string): DriftConfig {
  const reader = new YamlReader(text, file, 'age');
  const { keys, main } = reader.topLevel({
    noun: 'drift config',
    keys: TOP_KEYS,
    main: 'columns',
    item: 'column',
    emptyFix: 'list per-column overrides under a top-level "columns:" mapping, e.g. columns: { age: { method: ks } }',
    missingFix: 'add a top-level "columns:" mapping, e.g. columns: { age: { method: ks, threshold: 0.01 } }',
    mainFix: 'write each column on its own line as "name: { method: ks }"',
  });
  const config: DriftConfig = { file, columns: reader.entries(main.node, main.line, '"columns"').map((entry) => readColumn(reader, entry)) };
  const share = keys.get('drift_share');
  if (share !== undefined) {
    const given = share.value;
    if (given.kind !== 'number' || !(given.value > 0 && given.value <= 1)) {
      throw reader.fail(share.line, `drift_share is ${given.kind === 'null' ? 'without a value' : describe(given)}, which is not a share between 0 and 1`, 'write the share of drifted columns that means dataset drift, e.g. drift_share: 0.5');
    }
    config.driftShare = given.value;
  }
  return config;
}

export function loadDriftConfig(path: string, cwd: string): Promise<DriftConfig> {
  return loadYamlFile(path, cwd, 'config', parseDriftConfig);
}
