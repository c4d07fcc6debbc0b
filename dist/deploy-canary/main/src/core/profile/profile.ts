/**
 * The profile document (docs/profile.md): per-column statistics of a dataset, readable (`summary`)
 * and mergeable (`state`). It is the drift reference stored with each model, and the profiles of
 * shards merge into the profile of the whole (mergeProfiles).
 */
import { InputError } from '../errors.js';
import type { ColumnType } from '../schema/types.js';
import type { CategoryCount } from './category-table.js';
import { ColumnProfile, type ColumnState } from './column-profile.js';
import { KllSketch } from './kll-sketch.js';

export const PROFILE_FORMAT = 'cd4ml-profile';
export const PROFILE_VERSION = 1;
export const QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99] as const;
export const HISTOGRAM_BINS = 20;
export const TOP_VALUES = 10;
/** A text column with at most this many distinct values (and at least 4 rows per value) reads as a category. */
export const CATEGORY_MAX_DISTINCT = 50;

/** What a column holds: a schema type, or `empty` when every value is null. */
export type ProfiledType = ColumnType | 'empty';

export interface ColumnSummary {
  min?: number | string;
  max?: number | string;
  mean?: number;
  /** Sample standard deviation and variance (n − 1), as pandas' std() and var(). */
  std?: number;
  variance?: number;
  /** Keys are the probabilities, e.g. "0.5"; values within `rank_error` of the true quantile's rank. */
  quantiles?: Record<string, number>;
  /** Equal-width bins over [min, max]; `exact` when counted from exact value counts, else from the sketch. */
  histogram?: { edges: number[]; counts: number[]; exact: boolean };
  /** The most frequent values and the count of all the others. */
  top?: { values: CategoryCount[]; other: number };
  length?: { min: number; max: number; mean: number };
  true_fraction?: number;
}

export interface ColumnProfileDocument {
  name: string;
  type: ProfiledType;
  /** Non-null values (empty strings included), null values, empty strings. */
  count: number;
  nulls: number;
  empty: number;
  distinct: { value: number; exact: boolean };
  summary: ColumnSummary;
  state: ColumnState;
}

export interface ProfileDocument {
  format: typeof PROFILE_FORMAT;
  version: typeof PROFILE_VERSION;
  rows: number;
  sources: { name: string; rows: number; bytes: number }[];
  /** The normalised rank error of every quantile (KLL, k = 200, about 99% confidence). */
  rank_error: number;
  columns: ColumnProfileDocument[];
}

export function inferType(profile: ColumnProfile, distinct: { value: number; exact: boolean }): ProfiledType {
  const state = profile.toKinds();
  const values = profile.count;
  if (values === 0) return 'empty';
  if (state.integer === values) return 'integer';
  if (state.integer + state.number === values) return 'number';
  if (state.boolean === values) return 'boolean';
  if (state.date === values) return 'date';
  if (state.date + state.datetime === values) return 'datetime';
  if (distinct.exact && distinct.value <= CATEGORY_MAX_DISTINCT && distinct.value * 4 <= values) return 'category';
  return 'string';
}

function histogram(profile: ColumnProfile, categories: CategoryCount[] | null): NonNullable<ColumnSummary['histogram']> {
  const { min, max } = profile;
  const n = profile.numericCount;
  const bins = min === max ? 1 : HISTOGRAM_BINS;
  const width = (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width));
  const counts = new Array<number>(bins).fill(0);
  const numeric = categories?.filter((entry): entry is [number, number] => typeof entry[0] === 'number');
  if (numeric !== undefined && numeric.reduce((sum, [, count]) => sum + count, 0) === n) {
    for (const [value, count] of numeric) {
      const bin = width === 0 ? 0 : Math.min(bins - 1, Math.floor((value - min) / width));
      counts[bin] = counts[bin]! + count;
    }
    return { edges, counts, exact: true };
  }
  // From the sketch: cumulative counts at the inner edges, rounded, so the bins sum to n.
  const inner = edges.slice(1, -1);
  const cdf = profile.cdf(inner);
  let previous = 0;
  for (let i = 0; i < bins; i += 1) {
    const cumulative = i === bins - 1 ? n : Math.round(cdf[i]! * n);
    counts[i] = Math.max(0, cumulative - previous);
    previous = Math.max(previous, cumulative);
  }
  return { edges, counts, exact: false };
}

export function summarize(name: string, profile: ColumnProfile): ColumnProfileDocument {
  const state = profile.toState();
  const distinct = profile.distinct;
  const type = inferType(profile, distinct);
  const summary: ColumnSummary = {};
  if (profile.numericCount > 0) {
    summary.min = profile.min;
    summary.max = profile.max;
    summary.mean = profile.mean;
    const variance = profile.variance;
    if (!Number.isNaN(variance)) {
      summary.variance = variance;
      summary.std = Math.sqrt(variance);
    }
    const values = profile.quantiles(QUANTILES);
    summary.quantiles = Object.fromEntries(QUANTILES.map((q, i) => [String(q), values[i]!]));
    summary.histogram = histogram(profile, state.categories);
  } else if (state.temporal !== null) {
    summary.min = state.temporal.min;
    summary.max = state.temporal.max;
  }
  if (state.categories !== null && (type === 'category' || type === 'boolean' || distinct.value <= CATEGORY_MAX_DISTINCT)) {
    const values = state.categories.slice(0, TOP_VALUES);
    const shown = values.reduce((sum, [, count]) => sum + count, 0);
    summary.top = { values, other: profile.count - shown };
  }
  if (state.length !== null) summary.length = { min: state.length.min, max: state.length.max, mean: state.length.sum / state.length.count };
  if (state.kinds.boolean > 0) summary.true_fraction = state.trues / state.kinds.boolean;
  return { name, type, count: profile.count, nulls: profile.nulls, empty: profile.empty, distinct, summary, state };
}

export function profileDocument(rows: number, sources: ProfileDocument['sources'], columns: readonly [string, ColumnProfile][]): ProfileDocument {
  return {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    rows,
    sources,
    rank_error: KllSketch.rankError(200),
    columns: columns.map(([name, profile]) => summarize(name, profile)),
  };
}

/** Reads a profile document, checking the format and version; `file` names it in errors. */
export function parseProfile(value: unknown, file: string): ProfileDocument {
  const document = value as Partial<ProfileDocument> | null;
  if (document === null || typeof document !== 'object' || document.format !== PROFILE_FORMAT) {
    throw new InputError(`${file}: not a cd4ml profile (expected "format": "${PROFILE_FORMAT}"); write one with validate-data's profile-output.`);
  }
  if (document.version !== PROFILE_VERSION) {
    throw new InputError(`${file}: profile version ${JSON.stringify(document.version)} is not supported; this version of cd4ml-actions reads version ${PROFILE_VERSION}.`);
  }
  if (!Array.isArray(document.columns) || typeof document.rows !== 'number') {
    throw new InputError(`${file}: the profile has no "columns" list or "rows" count; regenerate it with validate-data's profile-output.`);
  }
  return document as ProfileDocument;
}

/**
 * Merges the profiles of shards into the profile of the whole: columns by name (a column missing from a
 * shard is null in all its rows), counts and moments exactly, quantiles within the sketch's rank error.
 */
export function mergeProfiles(documents: readonly ProfileDocument[]): ProfileDocument {
  const merged = new Map<string, ColumnProfile>();
  let rows = 0;
  const sources: ProfileDocument['sources'] = [];
  for (const document of documents) {
    const present = new Set<string>();
    for (const column of document.columns) {
      present.add(column.name);
      let profile = merged.get(column.name);
      if (profile === undefined) {
        profile = new ColumnProfile();
        profile.addNulls(rows);
        merged.set(column.name, profile);
      }
      profile.merge(ColumnProfile.fromState(column.state));
    }
    for (const [name, profile] of merged) if (!present.has(name)) profile.addNulls(document.rows);
    rows += document.rows;
    sources.push(...document.sources);
  }
  return profileDocument(rows, sources, [...merged]);
}

