/**
 * The DuckDB contender of the benchmark (bench/run.ts): profile a CSV with one exact aggregate query
 * over read_csv, about the work of validate-data's profile, on DuckDB's default thread count.
 *
 * Per column: count, nulls, min, max, approx_count_distinct; numeric columns: avg, stddev_samp and
 * exact quantile_cont at 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99; category columns (--categories):
 * the value counts, with histogram() in the same query.
 *
 * Usage: tsx bench/peers/duckdb-profile.ts FILE [--types name:TYPE,...] [--categories a,b]
 *          [--profile-output PATH]
 * --types gives read_csv its column types (what a schema declares); without it DuckDB sniffs them.
 *
 * Prints one JSON line on stdout: DuckDB version, threads, rows and seconds (inside this process).
 * Peak RSS is measured by bench/rss-probe.mjs, preloaded by the harness.
 */
import { writeFileSync } from 'node:fs';

const started = performance.now();
const { DuckDBInstance } = await import('@duckdb/node-api');
const imported = performance.now();

const QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*)$/;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
}

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const quoteText = (text: string): string => `'${text.replaceAll("'", "''")}'`;

const args = process.argv.slice(2);
const file = args[0];
if (file === undefined || file.startsWith('--')) {
  console.error('usage: duckdb-profile.ts FILE [--types name:TYPE,...] [--categories a,b] [--profile-output PATH]');
  process.exit(2);
}
const types = (option(args, 'types') ?? '')
  .split(',')
  .filter((entry) => entry !== '')
  .map((entry) => entry.split(':') as [string, string]);
const categories = new Set((option(args, 'categories') ?? '').split(',').filter((name) => name !== ''));
const profileOutput = option(args, 'profile-output');

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const scalar = async (sql: string): Promise<string> => String((await connection.runAndReadAll(sql)).getRows()[0]?.[0]);
const version = await scalar('SELECT version()');
const threads = Number(await scalar("SELECT current_setting('threads')"));

const columnsOption = types.length === 0 ? '' : `, columns={${types.map(([name, type]) => `${quoteText(name)}: ${quoteText(type)}`).join(', ')}}`;
const source = `read_csv(${quoteText(file)}, header=true${columnsOption})`;

// The column names and types (sniffed, or as given), to pick each column's aggregates.
const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJson();
const columns = described.map((row) => ({ name: String(row['column_name']), type: String(row['column_type']) }));

const selects: string[] = ['count(*) AS "rows"'];
columns.forEach(({ name, type }, i) => {
  const c = quoteIdent(name);
  selects.push(`count(${c}) AS c${i}_count`, `count(*) - count(${c}) AS c${i}_nulls`, `min(${c}) AS c${i}_min`, `max(${c}) AS c${i}_max`);
  selects.push(`approx_count_distinct(${c}) AS c${i}_distinct`);
  if (NUMERIC.test(type)) {
    selects.push(`avg(${c}) AS c${i}_mean`, `stddev_samp(${c}) AS c${i}_std`, `quantile_cont(${c}, [${QUANTILES.join(', ')}]) AS c${i}_quantiles`);
  }
  if (categories.has(name)) selects.push(`histogram(${c}) AS c${i}_values`);
});
const described_at = performance.now();
const [row] = (await connection.runAndReadAll(`SELECT ${selects.join(',\n  ')} FROM ${source}`)).getRowObjectsJson();
const queried = performance.now();
if (row === undefined) throw new Error('the aggregate query returned no row');

const profile = {
  rows: Number(row['rows']),
  columns: Object.fromEntries(
    columns.map(({ name, type }, i) => {
      const fields = Object.entries(row).filter(([key]) => key.startsWith(`c${i}_`));
      return [name, { type, ...Object.fromEntries(fields.map(([key, value]) => [key.slice(`c${i}_`.length), value])) }];
    }),
  ),
};
if (profileOutput !== undefined) writeFileSync(profileOutput, `${JSON.stringify(profile, null, 1)}\n`);

const seconds = (ms: number): number => Math.round(ms) / 1000;
console.log(
  JSON.stringify({
    contender: 'duckdb',
    duckdb: version,
    threads,
    rows: profile.rows,
    import_s: seconds(imported - started),
    describe_s: seconds(described_at - imported),
    query_s: seconds(queried - described_at),
    total_s: seconds(queried - started),
  }),
);
connection.closeSync();
instance.closeSync();
