/**
 * A starting schema from a profile, for a person to review and commit: each column's type, whether it
 * had nulls, its observed range, its values when there are few, and uniqueness when it was observed
 * exactly. It describes the data as it is; tighten or loosen the rules to say what it must be.
 */
import { stringify } from 'yaml';
import type { ColumnProfileDocument, ProfileDocument } from '../profile/profile.js';

/** Values listed as `allowed` when a category column has at most this many. */
export const INFER_ALLOWED_MAX = 50;

function scalar(value: string | number | boolean): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function columnRules(column: ColumnProfileDocument, rows: number): [string, string | number | boolean | (string | number)[]][] {
  const rules: [string, string | number | boolean | (string | number)[]][] = [];
  if (column.type === 'empty') return [['nullable', true]];
  rules.push(['type', column.type]);
  if (column.nulls === 0) rules.push(['nullable', false]);
  else rules.push(['max_null_fraction', Math.min(1, Math.ceil((column.nulls / rows) * 200) / 100)]); // twice the observed share, rounded up to 1%
  const s = column.summary;
  const temporal = column.state.temporal;
  if (column.type === 'datetime' && temporal !== null) {
    // As UTC ISO 8601 (whatever offset or separator the data used), the form schema bounds take.
    rules.push(['min', new Date(temporal.minMs).toISOString()], ['max', new Date(temporal.maxMs).toISOString()]);
  } else if ((column.type === 'integer' || column.type === 'number' || column.type === 'date') && s.min !== undefined && s.max !== undefined) {
    rules.push(['min', s.min], ['max', s.max]);
  }
  const categories = column.state.categories;
  // Counted numbers stand for every spelling of their value (007 and 7); allowed compares text, so
  // a category with numeric-looking values gets no allowed list rather than a wrong one.
  if (column.type === 'category' && categories !== null && categories.length <= INFER_ALLOWED_MAX && categories.every(([value]) => typeof value === 'string')) {
    rules.push(['allowed', categories.map(([value]) => value).sort((a, b) => (String(a) < String(b) ? -1 : 1))]);
  }
  if ((column.type === 'integer' || column.type === 'string') && column.nulls === 0 && column.distinct.exact && column.distinct.value === column.count && column.count > 1) {
    rules.push(['unique', true]);
  }
  return rules;
}

/** The schema as YAML text (flow mappings, one column per line). */
export function inferSchema(profile: ProfileDocument, options: { jsonSchemaPath?: string } = {}): string {
  const width = Math.max(...profile.columns.map((column) => scalar(column.name).length));
  const lines = [
    ...(options.jsonSchemaPath === undefined ? [] : [`# yaml-language-server: $schema=${options.jsonSchemaPath}`]),
    `# Inferred by cd4ml from ${profile.sources.map((source) => source.name).join(', ')} (${profile.rows} rows).`,
    '# Review every rule: it states what the data was, not yet what it must be.',
    'columns:',
  ];
  for (const column of profile.columns) {
    const name = `${scalar(column.name)}:`.padEnd(width + 1);
    const rules = columnRules(column, profile.rows)
      .map(([key, value]) => `${key}: ${Array.isArray(value) ? `[${value.map(scalar).join(', ')}]` : scalar(value)}`)
      .join(', ');
    lines.push(`  ${name} { ${rules} }`);
  }
  lines.push('table:', `  rows: { min: ${Math.max(1, Math.floor(profile.rows / 2))} }`, '  columns: { extra: warn, missing: error }', '');
  return lines.join('\n');
}
