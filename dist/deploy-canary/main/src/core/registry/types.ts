/**
 * The model registry's vocabulary: a model has numbered, immutable versions (assigned by the
 * registry, never reused) and movable aliases (`staging`, `production`) whose every move is kept in
 * an audit trail. Backends (file://, github, s3://, sagemaker://) implement `ModelRegistry`; the
 * first three do it through `IndexedRegistry` over a `RegistryStorage` (an index document with
 * compare-and-swap, and a place for each version's files).
 */
import type { ProfileDocument } from '../profile/profile.js';

/** A file of a version as the registry keeps it. */
export interface StoredFile {
  /**
   * The file's path inside the version: `model/<relative path>` for the model's files, and
   * `record.json`, `model-card.md`, `profile.json` for the registry's own.
   */
  path: string;
  sha256: string;
  size: number;
  /** Where the backend keeps it (a path, a release asset URL, an s3:// URI); opaque to core. */
  location: string;
}

/** A local file handed to the registry: its path inside the version and where it is on disk. */
export interface LocalFile {
  path: string;
  file: string;
  sha256: string;
  size: number;
}

/** Where a version came from. Every field is optional: the CLI knows less than a workflow run. */
export interface Lineage {
  gitSha?: string;
  repository?: string;
  ref?: string;
  runId?: string;
  runAttempt?: string;
  runUrl?: string;
  workflow?: string;
  actor?: string;
  /** The version the moved alias (else the latest version) pointed at when this one was registered. */
  parentVersion?: number;
  /** sha256 of the training data: the profile's sources, or the training record's data fingerprints. */
  dataFingerprint?: string;
}

/** The gate's result, when the metrics file is evaluate-gate's output. */
export interface GateResult {
  passed: boolean;
  verdict: string;
  /** What the candidate was compared with (a path, a model, `registry:…`). */
  baseline?: string;
  rules: Array<{ metric: string; rule: string; status: 'pass' | 'fail' | 'skipped' }>;
}

/** The model record (format `cd4ml-model-record`), stored as each version's `record.json`. */
export interface ModelRecord {
  format: typeof RECORD_FORMAT;
  formatVersion: typeof RECORD_VERSION;
  name: string;
  version: number;
  /** `registry:<name>@<version>`. */
  uri: string;
  createdAt: string;
  /** Identifies one registration: a re-run with the same key returns this version. */
  registrationKey: string;
  files: StoredFile[];
  metrics: Record<string, number>;
  gate?: GateResult;
  params: Record<string, unknown>;
  /** The data profile's summary; the profile itself is the version's `profile.json`. */
  profile?: { rows: number; columns: number; sha256: string };
  lineage: Lineage;
  /** Package versions (Node, Python …) as given; empty when none were. */
  environment: Record<string, string>;
  /** Aliases pointing at this version now (filled in when read; not stored). */
  aliases: string[];
  attestation?: { id: string; url?: string };
}

export const RECORD_FORMAT = 'cd4ml-model-record';
export const RECORD_VERSION = 1;

/** One line of `registry list`. */
export interface VersionSummary {
  version: number;
  createdAt: string;
  aliases: string[];
  gitSha?: string;
  runUrl?: string;
  metrics: Record<string, number>;
}

/** Who moved an alias, when, from which run and commit, and from which version. */
export interface AliasEvent {
  alias: string;
  version: number;
  /** The version the alias pointed at before; absent when it is new. */
  previous?: number;
  at: string;
  actor?: string;
  runUrl?: string;
  gitSha?: string;
  /** `register`, `promote`, `rollback` or a free text. */
  reason: string;
}

/** Who is acting, for the audit trail. */
export interface Actor {
  actor?: string;
  runUrl?: string;
  gitSha?: string;
}

/** Everything a registration needs; the registry assigns the version. */
export interface RegistrationRequest {
  name: string;
  /** The model's files, paths relative to the model (stored under `model/`). */
  files: LocalFile[];
  metrics: Record<string, number>;
  gate?: GateResult;
  params: Record<string, unknown>;
  /** The data profile (a `cd4ml-profile` document), stored as `profile.json`. */
  profile?: { text: string; document: ProfileDocument };
  lineage: Lineage;
  environment: Record<string, string>;
  /** Move this alias to the new version in the same index update. */
  alias?: string;
  /** The model card template (Markdown with `{{placeholders}}`), if any. */
  cardTemplate?: string;
  /** A provenance attestation of the model files, made before the registration. */
  attestation?: { id: string; url?: string };
  /** When the registration happens (injected for tests). */
  now: Date;
}

export interface RegistrationResult {
  record: ModelRecord;
  card: string;
  /** False when this registration had already happened (same run and content): nothing new was made. */
  created: boolean;
  /** The version `alias` pointed at before, when an alias was moved. */
  previousVersion?: number;
}

/** `name@7` or `name@production`. */
export type VersionSelector = { version: number } | { alias: string };

export interface ModelRegistry {
  /** The registry as its URI names it, for messages. */
  readonly description: string;
  register(request: RegistrationRequest): Promise<RegistrationResult>;
  /** Moves (or creates) `alias` to `version`; returns the version it pointed at before. */
  setAlias(name: string, alias: string, version: number, actor: Actor, reason: string, now: Date): Promise<{ previous?: number }>;
  /** The record of a version; an InputError naming what exists when there is no such version or alias. */
  resolve(name: string, selector: VersionSelector): Promise<ModelRecord>;
  list(name: string): Promise<VersionSummary[]>;
  history(name: string): Promise<AliasEvent[]>;
  models(): Promise<string[]>;
  /** The bytes of one file of a version, checked against its sha256. */
  readFile(record: ModelRecord, path: string): Promise<Uint8Array>;
  /** Downloads every file of a version under `directory`, each checked against its sha256; returns the paths written. */
  download(record: ModelRecord, directory: string): Promise<string[]>;
}

/** The index document of one model, as text, with the token its next write must quote. */
export interface IndexSnapshot {
  /** Undefined when the model has no index yet. */
  text: string | undefined;
  /** The compare-and-swap token (an ETag, a blob sha, a content hash); undefined when there is no index. */
  token: string | undefined;
}

/**
 * What an indexed backend provides: one index document per model, written only if nobody else
 * wrote it since it was read, and a place for each version's files.
 */
export interface RegistryStorage {
  readonly description: string;
  readIndex(name: string): Promise<IndexSnapshot>;
  /**
   * Writes the index if the stored one still has `token` (undefined: if there is none yet). Returns
   * false when another writer came first; the caller reads again and retries.
   */
  writeIndex(name: string, text: string, token: string | undefined): Promise<boolean>;
  /** The names of the models that have an index. */
  models(): Promise<string[]>;
  /**
   * Stores a version's files before the index names them. Re-storing the same version (a re-run
   * after an interruption) replaces what an earlier attempt left. Returns each file with its location.
   */
  putFiles(name: string, version: number, files: LocalFile[], context: PutContext): Promise<StoredFile[]>;
  /** Called once the index names the version (e.g. publishes its GitHub release); idempotent. */
  publish?(name: string, version: number, context: PutContext): Promise<void>;
  /** The bytes of a small file (record, card, profile). */
  readFile(file: StoredFile): Promise<Uint8Array>;
  /** Streams a file to `destination` (the caller checks its sha256). */
  downloadFile(file: StoredFile, destination: string): Promise<void>;
}

export interface PutContext {
  /** The model card: GitHub uses it as the release notes. */
  card: string;
  gitSha?: string;
}
