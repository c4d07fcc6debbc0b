/**
 * The `registry` input: which backend holds the models.
 *
 * - `file://<dir>` (or `file:<dir>`): a directory; relative paths resolve from the working directory.
 * - `github` or `github://<owner>/<repo>`: GitHub Releases plus an index branch (`?branch=` to rename
 *   it from `cd4ml-registry`); plain `github` is the repository the workflow runs in.
 * - `s3://<bucket>/<prefix>`: objects in S3 (or an S3-compatible server).
 * - `sagemaker://<model-package-group>` (or `sagemaker://` for a group named as the model), with
 *   `?artifacts=s3://bucket/prefix` where the artifacts and metric reports go, and optionally
 *   `&region=` and `&image=` (the inference image recorded in the package).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';

export const DEFAULT_REGISTRY_BRANCH = 'cd4ml-registry';

export type RegistryLocation =
  | { kind: 'file'; directory: string }
  | { kind: 'github'; repository?: { owner: string; repo: string }; branch: string }
  | { kind: 's3'; bucket: string; prefix: string }
  | { kind: 'sagemaker'; group?: string; artifacts?: { bucket: string; prefix: string }; region?: string; image?: string };

const EXPECTED = 'github, github://<owner>/<repo>, file://<directory>, s3://<bucket>/<prefix> or sagemaker://<model-package-group>';

/** Parses a registry URI; `what` names the input in messages; `cwd` resolves relative file paths. */
export function parseRegistryUri(text: string, what: string, cwd: string): RegistryLocation {
  const uri = text.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]?.toLowerCase();
  if (uri === 'github') return { kind: 'github', branch: DEFAULT_REGISTRY_BRANCH };
  if (scheme === 'file') return { kind: 'file', directory: fileDirectory(uri, what, cwd) };
  if (scheme === undefined && uri !== '' && !uri.includes('://')) {
    throw new InputError(`${what}: "${text}" names no registry; use ${EXPECTED} (a local directory is file://${uri}).`);
  }
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new InputError(`${what}: "${text}" is not a registry URI; use ${EXPECTED}.`);
  }
  const options = url.searchParams;
  if (scheme === 'github') {
    const parts = `${url.host}${url.pathname}`.split('/').filter((part) => part !== '');
    if (parts.length !== 2) throw new InputError(`${what}: "${text}" must name one repository as github://<owner>/<repo>, or be plain github for this repository.`);
    checkOptions(options, ['branch'], what, text);
    return { kind: 'github', repository: { owner: parts[0] as string, repo: parts[1] as string }, branch: options.get('branch') ?? DEFAULT_REGISTRY_BRANCH };
  }
  if (scheme === 's3') {
    checkOptions(options, [], what, text);
    if (url.host.length < 3) throw new InputError(`${what}: "${text}" has no bucket; write s3://<bucket>/<prefix>.`);
    return { kind: 's3', bucket: url.host, prefix: url.pathname.replace(/^\/+|\/+$/g, '') };
  }
  if (scheme === 'sagemaker') {
    checkOptions(options, ['artifacts', 'region', 'image'], what, text);
    const group = `${url.host}${url.pathname}`.replace(/\/+$/, '');
    const artifacts = options.get('artifacts') ?? undefined;
    let bucket: { bucket: string; prefix: string } | undefined;
    if (artifacts !== undefined) {
      if (!artifacts.startsWith('s3://')) throw new InputError(`${what}: artifacts=${artifacts} must be an s3://<bucket>/<prefix> URI.`);
      const parsed = parseRegistryUri(artifacts, `${what} (artifacts=)`, cwd);
      if (parsed.kind !== 's3') throw new InputError(`${what}: artifacts=${artifacts} must be an s3://<bucket>/<prefix> URI.`);
      bucket = { bucket: parsed.bucket, prefix: parsed.prefix };
    }
    return {
      kind: 'sagemaker',
      ...(group === '' ? {} : { group }),
      ...(bucket === undefined ? {} : { artifacts: bucket }),
      ...(options.get('region') === null ? {} : { region: options.get('region') as string }),
      ...(options.get('image') === null ? {} : { image: options.get('image') as string }),
    };
  }
  throw new InputError(`${what}: "${text}" has the unknown scheme ${scheme}:; use ${EXPECTED}.`);
}

function fileDirectory(uri: string, what: string, cwd: string): string {
  if (/^file:\/\/[^/]/.test(uri) && !uri.startsWith('file://./') && !uri.startsWith('file://..')) {
    // file://relative/dir is a common way to write a relative path; file://host/… is not used here.
    return resolve(cwd, uri.slice('file://'.length));
  }
  if (uri.startsWith('file:///')) {
    try {
      return fileURLToPath(uri);
    } catch (error) {
      throw new InputError(`${what}: "${uri}" is not a file URI (${(error as Error).message}); write file:///absolute/dir or file://relative/dir.`);
    }
  }
  const path = uri.replace(/^file:(\/\/)?/, '');
  if (path === '') throw new InputError(`${what}: "${uri}" names no directory; write file://<directory>, e.g. file://.cd4ml/registry.`);
  return resolve(cwd, path);
}

function checkOptions(options: URLSearchParams, allowed: string[], what: string, text: string): void {
  for (const key of options.keys()) {
    if (!allowed.includes(key)) {
      const known = allowed.length === 0 ? 'it takes none' : `known: ${allowed.join(', ')}`;
      throw new InputError(`${what}: "${text}" has the unknown option ${key}= (${known}).`);
    }
  }
}

/** The URI as written back in messages and records. */
export function describeLocation(location: RegistryLocation): string {
  switch (location.kind) {
    case 'file':
      return `file://${location.directory}`;
    case 'github':
      return location.repository === undefined ? 'github' : `github://${location.repository.owner}/${location.repository.repo}`;
    case 's3':
      return `s3://${location.bucket}/${location.prefix}`;
    case 'sagemaker':
      return `sagemaker://${location.group ?? ''}`;
  }
}
