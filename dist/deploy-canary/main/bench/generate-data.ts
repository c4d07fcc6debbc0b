/**
 * The benchmark's dataset: a seeded, mixed-type CSV (5,000,000 rows, 337 MB by default) written in one
 * streaming pass through a reused byte buffer, so the same seed and row count always give the same bytes.
 *
 * Columns (a header row, then one record per line, LF line ends):
 *   id           integer, unique: a permutation of 1..rows (not in file order)
 *   age          integer 18–90, roughly normal around 41
 *   income       number, lognormal (median about 4,200), 2 decimals
 *   score        number in [0, 1], 4 decimals
 *   country      category: 12 codes, skewed (US about a third); `XX` (about 0.5%) is outside the schema's
 *                allowed list, which its `mostly: 0.99` tolerates
 *   plan         category: free, basic, pro, team
 *   signup_date  date YYYY-MM-DD, 2018-01-01 … 2024-12-31
 *   email        string user<id>@<domain>
 *   note         free text, empty for about 97% of rows; some values are quoted (commas, `""` escapes),
 *                so RFC 4180 quoting is exercised
 *   churned      integer 0/1 (about 18% ones)
 * About 1% of the cells of every column but id (and note, which is mostly empty) are nulls: empty,
 * unquoted fields.
 *
 * `drift: true` (`--drift`) writes the drifted variant check-drift's benchmark compares with the
 * original (bench/drift.ts): the same columns, with age shifted up by 3 years, incomes about 12%
 * higher, scores skewed upwards, a different country and plan mix and more churn; it is meant to be
 * made with a different seed, and lives in its own file, `bench-drift-<rows>-<seed>.csv`.
 *
 * A marker file `<csv>.json` records the generator version, seed, row count, byte size (and `drift`
 * for the variant); run.ts reuses the CSV when the marker matches and the file still has that size.
 *
 * Usage: tsx bench/generate-data.ts [--rows N] [--seed S] [--dir DIR] [--drift] [--force]
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Bump when the bytes for a given seed and row count change, so stale files are regenerated. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_ROWS = 5_000_000;
export const DEFAULT_SEED = 20240301;

export const COLUMNS = ['id', 'age', 'income', 'score', 'country', 'plan', 'signup_date', 'email', 'note', 'churned'] as const;

export interface DatasetMarker {
  generator: number;
  seed: number;
  rows: number;
  bytes: number;
  columns: readonly string[];
  /** True for the drifted variant (absent for the original). */
  drift?: boolean;
  /** Seconds the generation took (informational). */
  seconds: number;
}

export interface Dataset {
  path: string;
  marker: DatasetMarker;
  /** false when an existing file with a matching marker was reused. */
  generated: boolean;
}

/** The work directory: $BENCH_DIR, else <os tmpdir>/cd4ml-bench. */
export function benchDir(): string {
  return resolve(process.env['BENCH_DIR'] ?? join(tmpdir(), 'cd4ml-bench'));
}

export function datasetPath(dir: string, rows: number, seed: number, drift = false): string {
  return join(dir, `bench-${drift ? 'drift-' : ''}${rows}-${seed}.csv`);
}

/**
 * sfc32, seeded through splitmix32: fast, good enough statistics for test data. The state lives in an
 * Int32Array so that no step allocates.
 */
export function prng(seed: number): () => number {
  let x = seed | 0;
  const splitmix = (): number => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return z ^ (z >>> 16);
  };
  const state = Int32Array.of(splitmix(), splitmix(), splitmix(), splitmix());
  const next = (): number => {
    const a = state[0] as number;
    const b = state[1] as number;
    const c = state[2] as number;
    const d = state[3] as number;
    const t = (((a + b) | 0) + d) | 0;
    state[3] = (d + 1) | 0;
    state[0] = b ^ (b >>> 9);
    state[1] = (c + (c << 3)) | 0;
    state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i += 1) next();
  return next;
}

/** ASCII text as bytes, copied into the output without making strings. */
const ascii = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

/** A skewed pick with one uniform draw: the values' bytes and their cumulative weights. */
function picker(entries: readonly (readonly [string, number])[]): { values: Uint8Array[]; bounds: Float64Array } {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  const bounds = new Float64Array(entries.length);
  let running = 0;
  entries.forEach(([, weight], i) => {
    running += weight / total;
    bounds[i] = running;
  });
  bounds[entries.length - 1] = 1;
  return { values: entries.map(([value]) => ascii(value)), bounds };
}

function pick(table: { values: Uint8Array[]; bounds: Float64Array }, u: number): Uint8Array {
  let i = 0;
  while (u >= (table.bounds[i] as number) && i < table.bounds.length - 1) i += 1;
  return table.values[i] as Uint8Array;
}

const COUNTRY = picker([
  ['US', 33],
  ['DE', 12],
  ['GB', 10],
  ['FR', 8],
  ['IN', 8],
  ['BR', 7],
  ['JP', 6],
  ['CA', 5],
  ['ES', 4],
  ['IT', 3.5],
  ['NL', 3],
  ['XX', 0.5],
]);

const PLAN = picker([
  ['free', 55],
  ['basic', 25],
  ['pro', 15],
  ['team', 5],
]);

/** The drifted variant's mixes: fewer US and more Indian and Brazilian customers; more paid plans. */
const DRIFTED_COUNTRY = picker([
  ['US', 24],
  ['DE', 12],
  ['GB', 9],
  ['FR', 8],
  ['IN', 15],
  ['BR', 11],
  ['JP', 6],
  ['CA', 5],
  ['ES', 4],
  ['IT', 3],
  ['NL', 2.5],
  ['XX', 0.5],
]);

const DRIFTED_PLAN = picker([
  ['free', 42],
  ['basic', 30],
  ['pro', 20],
  ['team', 8],
]);

const DOMAIN = picker([
  ['ex.com', 60],
  ['mail.io', 25],
  ['corp.net', 15],
]);

/** Note texts, CSV-encoded (quoted where RFC 4180 requires it). */
const NOTES = [
  'vip',
  'referral',
  'trial extended',
  'asked for invoice',
  'moved to annual billing',
  '"called support, resolved"',
  '"prefers email, not phone"',
  '"downgraded, then upgraded again"',
  '"said ""too expensive"", stayed"',
  '"migrated from legacy account, merged duplicates"',
].map(ascii);

const NULL_SHARE = 0.01;
const NOTE_SHARE = 0.03;
const DAY_MS = 86_400_000;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const DOT = 0x2e;
const ZERO = 0x30;
const USER = ascii('user');
const AT = 0x40;
const SCORE_ONE = ascii('1.0000');

/** Every date of the signup range, as 10 ASCII bytes each. */
function dateTable(): Uint8Array {
  const first = Date.UTC(2018, 0, 1);
  const last = Date.UTC(2024, 11, 31);
  const days = (last - first) / DAY_MS + 1;
  const table = new Uint8Array(days * 10);
  for (let day = 0; day < days; day += 1) table.set(ascii(new Date(first + day * DAY_MS).toISOString().slice(0, 10)), day * 10);
  return table;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Rows are made in blocks, each with its own PRNG stream, so the bytes do not depend on buffering. */
const BLOCK_ROWS = 65_536;
/** The longest row is well under this (ids have at most 9 digits, the longest note is 51 bytes). */
const MAX_ROW_BYTES = 256;

/** A byte buffer that rows are written into, flushed to a file descriptor when full. */
class Output {
  readonly buffer = Buffer.allocUnsafe(4 << 20);
  pos = 0;
  written = 0;
  constructor(private readonly fd: number) {}

  flush(): void {
    let offset = 0;
    while (offset < this.pos) offset += writeSync(this.fd, this.buffer, offset, this.pos - offset);
    this.written += this.pos;
    this.pos = 0;
  }

  bytes(value: Uint8Array): void {
    const buffer = this.buffer;
    let pos = this.pos;
    for (let i = 0; i < value.length; i += 1) buffer[pos++] = value[i] as number;
    this.pos = pos;
  }

  range(source: Uint8Array, start: number, length: number): void {
    const buffer = this.buffer;
    let pos = this.pos;
    for (let i = start; i < start + length; i += 1) buffer[pos++] = source[i] as number;
    this.pos = pos;
  }

  /** A non-negative integer below 2^31, in decimal. */
  uint(value: number): void {
    const digits =
      value < 100_000
        ? value < 100
          ? value < 10
            ? 1
            : 2
          : value < 1000
            ? 3
            : value < 10_000
              ? 4
              : 5
        : value < 10_000_000
          ? value < 1_000_000
            ? 6
            : 7
          : value < 100_000_000
            ? 8
            : value < 1_000_000_000
              ? 9
              : 10;
    let pos = this.pos + digits;
    this.pos = pos;
    do {
      const quotient = (value / 10) | 0;
      this.buffer[--pos] = ZERO + value - quotient * 10;
      value = quotient;
    } while (value > 0);
  }

  /** `value` as exactly `digits` decimal digits, zero-padded. */
  padded(value: number, digits: number): void {
    let pos = this.pos + digits;
    this.pos = pos;
    for (let i = 0; i < digits; i += 1) {
      const quotient = (value / 10) | 0;
      this.buffer[--pos] = ZERO + value - quotient * 10;
      value = quotient;
    }
  }

  byte(value: number): void {
    this.buffer[this.pos++] = value;
  }
}

export interface GenerateOptions {
  rows: number;
  seed: number;
  path: string;
  /** Write the drifted variant (see the file header). */
  drift?: boolean;
  /** Called every ~million rows with the rows written so far. */
  progress?: (rows: number) => void;
}

/** Writes the CSV to `<path>.partial`, renames it into place, then writes the marker. */
export function generate(options: GenerateOptions): DatasetMarker {
  const { rows, seed, path } = options;
  const drift = options.drift === true;
  const ageMean = drift ? 44 : 41;
  const incomeMu = drift ? 8.45 : 8.34;
  const countries = drift ? DRIFTED_COUNTRY : COUNTRY;
  const plans = drift ? DRIFTED_PLAN : PLAN;
  const churnShare = drift ? 0.22 : 0.18;
  // The id permutation multiplies i by about 0.62 * rows, which must stay an exact double.
  if (!Number.isSafeInteger(rows) || rows < 1 || rows > 100_000_000) throw new Error(`rows must be an integer in 1..100,000,000, got ${rows}`);
  const started = performance.now();
  const dates = dateTable();
  const dayCount = dates.length / 10;
  // id = (i * step + shift) mod rows + 1 is a permutation of 1..rows when gcd(step, rows) = 1; a step
  // near rows / golden ratio scatters neighbouring ids across the file.
  let step = Math.max(1, Math.floor(rows * 0.6180339887));
  while (gcd(step, rows) !== 1) step += 1;
  const shift = Math.floor(prng(seed)() * rows);

  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  const out = new Output(fd);
  const flushAt = out.buffer.length - MAX_ROW_BYTES;
  try {
    out.bytes(ascii(`${COLUMNS.join(',')}\n`));
    for (let start = 0; start < rows; start += BLOCK_ROWS) {
      const end = Math.min(rows, start + BLOCK_ROWS);
      const random = prng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(start / BLOCK_ROWS + 1, 0x85ebca6b)) >>> 0);
      for (let i = start; i < end; i += 1) {
        if (out.pos > flushAt) out.flush();
        const id = ((i * step + shift) % rows) + 1;
        // Box–Muller: two normals from two uniforms.
        const r = Math.sqrt(-2 * Math.log(1 - random()));
        const theta = 2 * Math.PI * random();

        const idAt = out.pos;
        out.uint(id);
        const idLength = out.pos - idAt;
        out.byte(COMMA);
        if (random() >= NULL_SHARE) out.uint(Math.min(90, Math.max(18, Math.round(ageMean + 14 * r * Math.cos(theta)))));
        out.byte(COMMA);
        if (random() >= NULL_SHARE) {
          const cents = Math.round(Math.exp(incomeMu + 0.6 * r * Math.sin(theta)) * 100);
          const whole = Math.floor(cents / 100);
          out.uint(whole);
          out.byte(DOT);
          out.padded(cents - whole * 100, 2);
        }
        out.byte(COMMA);
        if (random() >= NULL_SHARE) {
          const units = Math.floor((drift ? random() ** 0.85 : random()) * 10001);
          if (units === 10000) out.bytes(SCORE_ONE);
          else {
            out.byte(ZERO);
            out.byte(DOT);
            out.padded(units, 4);
          }
        }
        out.byte(COMMA);
        if (random() >= NULL_SHARE) out.bytes(pick(countries, random()));
        out.byte(COMMA);
        if (random() >= NULL_SHARE) out.bytes(pick(plans, random()));
        out.byte(COMMA);
        if (random() >= NULL_SHARE) out.range(dates, Math.floor(random() * dayCount) * 10, 10);
        out.byte(COMMA);
        if (random() >= NULL_SHARE) {
          out.bytes(USER);
          out.range(out.buffer, idAt, idLength);
          out.byte(AT);
          out.bytes(pick(DOMAIN, random()));
        }
        out.byte(COMMA);
        if (random() < NOTE_SHARE) out.bytes(NOTES[Math.floor(random() * NOTES.length)] as Uint8Array);
        out.byte(COMMA);
        if (random() >= NULL_SHARE) out.byte(random() < churnShare ? 0x31 : ZERO);
        out.byte(NEWLINE);
      }
      if (options.progress !== undefined && Math.floor(end / 1_000_000) > Math.floor(start / 1_000_000)) options.progress(end);
    }
    out.flush();
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  const marker: DatasetMarker = {
    generator: GENERATOR_VERSION,
    seed,
    rows,
    bytes: out.written,
    columns: COLUMNS,
    ...(drift ? { drift: true } : {}),
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
  writeFileSync(`${path}.json`, `${JSON.stringify(marker, null, 2)}\n`);
  return marker;
}

/** The marker of an existing CSV when it matches this generator, seed and row count and the file's size. */
export function existingDataset(path: string, rows: number, seed: number, drift = false): DatasetMarker | undefined {
  const markerPath = `${path}.json`;
  if (!existsSync(path) || !existsSync(markerPath)) return undefined;
  try {
    const marker = JSON.parse(readFileSync(markerPath, 'utf8')) as DatasetMarker;
    const matches =
      marker.generator === GENERATOR_VERSION &&
      marker.seed === seed &&
      marker.rows === rows &&
      (marker.drift === true) === drift &&
      statSync(path).size === marker.bytes &&
      JSON.stringify(marker.columns) === JSON.stringify(COLUMNS);
    return matches ? marker : undefined;
  } catch {
    return undefined;
  }
}

/** Reuses the dataset when its marker matches, else (re)generates it. */
export function ensureDataset(options: { rows: number; seed: number; dir: string; drift?: boolean; force?: boolean; progress?: (rows: number) => void }): Dataset {
  mkdirSync(options.dir, { recursive: true });
  const drift = options.drift === true;
  const path = datasetPath(options.dir, options.rows, options.seed, drift);
  const existing = options.force === true ? undefined : existingDataset(path, options.rows, options.seed, drift);
  if (existing !== undefined) return { path, marker: existing, generated: false };
  const marker = generate({ rows: options.rows, seed: options.seed, path, drift, ...(options.progress ? { progress: options.progress } : {}) });
  return { path, marker, generated: true };
}

/** `--name value` options as a map; bare `--flag` maps to 'true'. */
export function parseArgs(argv: readonly string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${JSON.stringify(arg)}`);
    const eq = arg.indexOf('=');
    if (eq !== -1) options.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (i + 1 < argv.length && !(argv[i + 1] as string).startsWith('--')) options.set(arg.slice(2), argv[(i += 1)] as string);
    else options.set(arg.slice(2), 'true');
  }
  return options;
}

/** A positive integer option; accepts 5000000, 5_000_000, 5e6, 200k and 5M. */
export function countOption(options: Map<string, string>, name: string, fallback: number): number {
  const text = options.get(name);
  if (text === undefined) return fallback;
  const match = /^([\d_.e+]+)([kKmM]?)$/.exec(text.trim());
  const scale = match?.[2] === '' ? 1 : /k/i.test(match?.[2] ?? '') ? 1e3 : 1e6;
  const value = match === null ? Number.NaN : Number((match[1] as string).replaceAll('_', '')) * scale;
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} needs a positive integer, got ${JSON.stringify(text)}`);
  return value;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const rows = countOption(options, 'rows', DEFAULT_ROWS);
  const seed = countOption(options, 'seed', DEFAULT_SEED);
  const dir = resolve(options.get('dir') ?? benchDir());
  const dataset = ensureDataset({
    rows,
    seed,
    dir,
    drift: options.has('drift'),
    force: options.has('force'),
    progress: (done) => process.stderr.write(`  ${done.toLocaleString('en-US')} rows\n`),
  });
  const mb = (dataset.marker.bytes / 1e6).toFixed(1);
  console.log(
    dataset.generated
      ? `wrote ${dataset.path}: ${rows.toLocaleString('en-US')} rows, ${mb} MB in ${dataset.marker.seconds} s`
      : `reusing ${dataset.path}: ${rows.toLocaleString('en-US')} rows, ${mb} MB`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
