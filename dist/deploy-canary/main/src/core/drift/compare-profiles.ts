/**
 * A whole dataset's drift from two profiles: every shared column (or the listed ones) compared with
 * compareColumn, the config's per-column overrides and skips applied, and the dataset's verdict — the
 * share of compared columns that drifted against `drift-share`. Reading no data, it is what makes
 * comparing two stored profiles take milliseconds.
 */
import { InputError } from '../errors.js';
import { ColumnProfile } from '../profile/column-profile.js';
import type { ProfileDocument } from '../profile/profile.js';
import { type ColumnDrift, compareColumn } from './compare-column.js';
import type { ColumnOverride } from './config-file.js';
import { datasetDrift } from './methods.js';

export interface DatasetDrift {
  columns: ColumnDrift[];
  /** Columns compared (not skipped, and with a method that could run). */
  compared: number;
  drifted: string[];
  /** drifted / compared (0 when nothing was compared). */
  share: number;
  driftShare: number;
  datasetDrifted: boolean;
  /** Columns on one side only, for the report. */
  onlyInReference: string[];
  onlyInCurrent: string[];
}

export interface CompareOptions {
  /** Only these columns (each must be in both); default every shared column. */
  columns?: readonly string[];
  overrides?: readonly ColumnOverride[];
  driftShare: number;
}

function sides(document: ProfileDocument): Map<string, ProfileDocument['columns'][number]> {
  return new Map(document.columns.map((column) => [column.name, column]));
}

export function compareProfiles(reference: ProfileDocument, current: ProfileDocument, options: CompareOptions): DatasetDrift {
  const referenceColumns = sides(reference);
  const currentColumns = sides(current);
  const shared = reference.columns.map((column) => column.name).filter((name) => currentColumns.has(name));
  if (shared.length === 0) {
    const list = (names: string[]) => names.slice(0, 8).join(', ') + (names.length > 8 ? ', …' : '');
    throw new InputError(
      `The reference and the current data share no column (reference: ${list([...referenceColumns.keys()])}; current: ${list([...currentColumns.keys()])}): compare data with the same columns.`,
    );
  }
  for (const name of options.columns ?? []) {
    if (!referenceColumns.has(name) || !currentColumns.has(name)) {
      const where = referenceColumns.has(name) ? 'the current data' : currentColumns.has(name) ? 'the reference' : 'either side';
      throw new InputError(`Input "columns" names ${name}, which is not in ${where}; shared columns: ${shared.join(', ')}.`);
    }
  }
  for (const override of options.overrides ?? []) {
    if (!referenceColumns.has(override.column) && !currentColumns.has(override.column)) {
      throw new InputError(`The config names column ${override.column} (line ${override.line}), which is in neither the reference nor the current data.`);
    }
  }
  const chosen = options.columns ?? shared;
  const overrideOf = (name: string) => options.overrides?.find((override) => override.column === name);
  const columns: ColumnDrift[] = [];
  for (const name of chosen) {
    const override = overrideOf(name);
    if (override?.skip === true) continue;
    const referenceColumn = referenceColumns.get(name)!;
    const currentColumn = currentColumns.get(name)!;
    columns.push(
      compareColumn(
        name,
        { type: referenceColumn.type, profile: ColumnProfile.fromState(referenceColumn.state) },
        { type: currentColumn.type, profile: ColumnProfile.fromState(currentColumn.state) },
        { ...(override?.method === undefined ? {} : { method: override.method }), ...(override?.threshold === undefined ? {} : { threshold: override.threshold }) },
      ),
    );
  }
  return {
    ...datasetVerdict(columns, options.driftShare),
    onlyInReference: [...referenceColumns.keys()].filter((name) => !currentColumns.has(name)),
    onlyInCurrent: [...currentColumns.keys()].filter((name) => !referenceColumns.has(name)),
  };
}

/** The dataset's verdict from its compared columns: which drifted, their share, and drift by `driftShare`. */
export function datasetVerdict(columns: ColumnDrift[], driftShare: number): Omit<DatasetDrift, 'onlyInReference' | 'onlyInCurrent'> {
  const judged = columns.filter((column) => (column.method !== undefined && !Number.isNaN(column.score)) || column.drifted);
  const drifted = columns.filter((column) => column.drifted).map((column) => column.column);
  const share = judged.length === 0 ? 0 : drifted.length / judged.length;
  return { columns, compared: judged.length, drifted, share, driftShare, datasetDrifted: datasetDrift(drifted.length, judged.length, driftShare) };
}
