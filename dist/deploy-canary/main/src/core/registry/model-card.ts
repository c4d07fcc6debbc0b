/**
 * The model card of a version (Markdown): what it is, how good it is and on what data, where it
 * came from, how it was trained and on what software, and what it is for. Stored with the version
 * (`model-card.md`), used as the GitHub release notes and shown in the job summary.
 *
 * The optional template is the card's "Intended use" section, written by the team once: Markdown in
 * which `{{name}}`, `{{version}}`, `{{uri}}`, `{{created}}`, `{{git_sha}}` and `{{metric:<name>}}` are
 * replaced. An unknown placeholder is an error naming the template's line, so a typo never reaches
 * a published card.
 */
import { markdownTable } from 'markdown-table';
import { InputError } from '../errors.js';
import type { ProfileDocument } from '../profile/profile.js';
import { cell } from '../report/markdown.js';
import { formatValue } from '../report/numbers.js';
import type { ModelRecord } from './types.js';

export interface CardOptions {
  profile?: ProfileDocument;
  /** The template's text and its name for messages. */
  template?: { text: string; origin: string };
  /** The registry's URI, shown in the card. */
  registry: string;
}

const MAX_PROFILE_COLUMNS = 25;
const MAX_PARAMS = 50;

export function renderModelCard(record: ModelRecord, options: CardOptions): string {
  const sections = [
    header(record, options.registry),
    metricsSection(record),
    profileSection(record, options.profile),
    lineageSection(record),
    paramsSection(record),
    environmentSection(record),
    options.template === undefined ? '' : `## Intended use\n\n${fillTemplate(options.template.text, options.template.origin, record).trim()}`,
    filesSection(record),
  ];
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

function header(record: ModelRecord, registry: string): string {
  const from = record.lineage.gitSha === undefined ? '' : ` from commit \`${record.lineage.gitSha.slice(0, 12)}\``;
  const run = record.lineage.runUrl === undefined ? '' : ` in [this run](${record.lineage.runUrl})`;
  const by = record.lineage.actor === undefined ? '' : ` by @${record.lineage.actor}`;
  return [
    `# ${record.name} v${record.version}`,
    '',
    `\`${record.uri}\` in \`${registry}\`, registered ${record.createdAt}${from}${run}${by}.`,
  ].join('\n');
}

function metricsSection(record: ModelRecord): string {
  const names = Object.keys(record.metrics).sort();
  if (names.length === 0) return '## Metrics\n\nNo metrics were registered with this version.';
  const gate = record.gate;
  const rulesOf = (metric: string) => gate?.rules.filter((rule) => rule.metric === metric) ?? [];
  const rows = names.map((name) => {
    const value = formatValue(record.metrics[name] as number);
    if (gate === undefined) return [`\`${cell(name)}\``, value];
    const rules = rulesOf(name);
    return [
      `\`${cell(name)}\``,
      value,
      rules.map((rule) => cell(rule.rule)).join('; ') || '—',
      rules.length === 0 ? '—' : rules.map((rule) => STATUS[rule.status]).join(' '),
    ];
  });
  const head = gate === undefined ? ['Metric', 'Value'] : ['Metric', 'Value', 'Gate rule', 'Result'];
  const verdict =
    gate === undefined
      ? ''
      : `\n\n**Gate: ${gate.passed ? 'passed' : 'failed'}** — ${gate.verdict}${gate.baseline === undefined ? '' : ` (baseline: \`${gate.baseline}\`)`}`;
  return `## Metrics\n\n${markdownTable([head, ...rows], { align: head.map((_, i) => (i === 1 ? 'r' : 'l')) })}${verdict}`;
}

const STATUS = { pass: '✅ pass', fail: '❌ fail', skipped: '➖ skipped' } as const;

function profileSection(record: ModelRecord, profile: ProfileDocument | undefined): string {
  if (record.profile === undefined) return '## Data\n\nNo data profile was registered, so check-drift cannot use this version as its reference.';
  const lead = `${record.profile.rows.toLocaleString('en-US')} rows, ${record.profile.columns} columns (profile sha256 \`${record.profile.sha256.slice(0, 12)}\`, the drift reference of this version).`;
  if (profile === undefined) return `## Data\n\n${lead}`;
  const shown = profile.columns.slice(0, MAX_PROFILE_COLUMNS);
  const rows = shown.map((column) => {
    const total = column.count + column.nulls;
    const nulls = total === 0 ? '—' : `${((100 * column.nulls) / total).toFixed(1)}%`;
    return [`\`${cell(column.name)}\``, column.type, nulls, cell(describeColumn(column.summary))];
  });
  const more = profile.columns.length > shown.length ? `\n\n… and ${profile.columns.length - shown.length} more columns in \`profile.json\`.` : '';
  return `## Data\n\n${lead}\n\n${markdownTable([['Column', 'Type', 'Nulls', 'Summary'], ...rows])}${more}`;
}

function describeColumn(summary: ProfileDocument['columns'][number]['summary']): string {
  if (summary.mean !== undefined) {
    const range = typeof summary.min === 'number' && typeof summary.max === 'number' ? `, range ${formatValue(summary.min)} to ${formatValue(summary.max)}` : '';
    return `mean ${formatValue(summary.mean)}${summary.std === undefined ? '' : ` ± ${formatValue(summary.std)}`}${range}`;
  }
  if (summary.true_fraction !== undefined) return `${(100 * summary.true_fraction).toFixed(1)}% true`;
  if (summary.top !== undefined && summary.top.values.length > 0) {
    return `top: ${summary.top.values
      .slice(0, 3)
      .map(([value, count]) => `${value} (${count.toLocaleString('en-US')})`)
      .join(', ')}`;
  }
  return '';
}

function lineageSection(record: ModelRecord): string {
  const lineage = record.lineage;
  const rows: string[][] = [];
  const add = (label: string, value: string | undefined) => {
    if (value !== undefined) rows.push([label, value]);
  };
  add('Git commit', lineage.gitSha === undefined ? undefined : `\`${lineage.gitSha}\``);
  add('Repository', lineage.repository);
  add('Ref', lineage.ref === undefined ? undefined : `\`${cell(lineage.ref)}\``);
  add('Workflow run', lineage.runUrl === undefined ? lineage.runId : `[${lineage.runId ?? 'run'}](${lineage.runUrl})`);
  add('Parent version', lineage.parentVersion === undefined ? undefined : `v${lineage.parentVersion}`);
  add('Data fingerprint', lineage.dataFingerprint === undefined ? undefined : `\`${lineage.dataFingerprint}\``);
  add('Provenance', record.attestation === undefined ? undefined : record.attestation.url === undefined ? `attestation ${record.attestation.id}` : `[attestation ${record.attestation.id}](${record.attestation.url})`);
  add('Registration key', `\`${record.registrationKey}\``);
  return `## Lineage\n\n${markdownTable([['', ''], ...rows])}`;
}

function paramsSection(record: ModelRecord): string {
  const entries = Object.entries(record.params);
  if (entries.length === 0) return '';
  const rows = entries.slice(0, MAX_PARAMS).map(([key, value]) => [`\`${cell(key)}\``, `\`${cell(JSON.stringify(value) ?? 'null')}\``]);
  const more = entries.length > MAX_PARAMS ? `\n\n… and ${entries.length - MAX_PARAMS} more in \`record.json\`.` : '';
  return `## Parameters\n\n${markdownTable([['Parameter', 'Value'], ...rows])}${more}`;
}

function environmentSection(record: ModelRecord): string {
  const entries = Object.entries(record.environment).sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.length === 0) return '';
  return `## Environment\n\n${markdownTable([['Package', 'Version'], ...entries.map(([name, version]) => [cell(name), `\`${cell(version)}\``])])}`;
}

function filesSection(record: ModelRecord): string {
  const rows = record.files.map((file) => [`\`${cell(file.path)}\``, file.size.toLocaleString('en-US'), `\`${file.sha256}\``]);
  return `## Files\n\n${markdownTable([['File', 'Bytes', 'sha256'], ...rows], { align: ['l', 'r', 'l'] })}`;
}

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

/** The template with its placeholders filled; an unknown one is an InputError naming its line. */
export function fillTemplate(text: string, origin: string, record: ModelRecord): string {
  return text
    .split('\n')
    .map((line, index) =>
      line.replace(PLACEHOLDER, (_match, key: string) => {
        const value = placeholder(key, record);
        if (value === undefined) throw unknownPlaceholder(origin, index + 1, key);
        return value;
      }),
    )
    .join('\n');
}

/**
 * Checks a template before anything is registered: every placeholder must be known, and every
 * `{{metric:<name>}}` must name one of `metrics`.
 */
export function checkTemplate(text: string, origin: string, metrics: readonly string[]): void {
  for (const [index, line] of text.split('\n').entries()) {
    for (const match of line.matchAll(PLACEHOLDER)) {
      const key = match[1] as string;
      const known = FIXED_PLACEHOLDERS.includes(key) || (key.startsWith('metric:') && metrics.includes(key.slice('metric:'.length)));
      if (!known) throw unknownPlaceholder(origin, index + 1, key);
    }
  }
}

const FIXED_PLACEHOLDERS = ['name', 'version', 'uri', 'created', 'git_sha'];

function unknownPlaceholder(origin: string, line: number, key: string): InputError {
  return new InputError(
    `${origin}:${line}: unknown placeholder {{${key}}}; use {{name}}, {{version}}, {{uri}}, {{created}}, {{git_sha}} or {{metric:<name>}} with a registered metric.`,
  );
}

function placeholder(key: string, record: ModelRecord): string | undefined {
  switch (key) {
    case 'name':
      return record.name;
    case 'version':
      return String(record.version);
    case 'uri':
      return record.uri;
    case 'created':
      return record.createdAt;
    case 'git_sha':
      return record.lineage.gitSha ?? 'unknown';
  }
  if (key.startsWith('metric:')) {
    const value = record.metrics[key.slice('metric:'.length)];
    return value === undefined ? undefined : formatValue(value);
  }
  return undefined;
}
