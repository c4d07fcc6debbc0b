/**
 * A registry version's files as the assets of a GitHub release: version N of model `<name>` is the
 * release tagged `model/<name>/vN`, named `<name> vN`, its notes the model card. It stays a draft
 * (no tag, hidden from readers without push access) until the index names the version; then
 * `publish` makes it public, never as the repository's "latest" release.
 *
 * Asset names cannot hold `/`, so a file's path inside the version maps to a flat name (see
 * `assetName`); the path itself is kept in the index, and a file is found again by its asset's API
 * URL, never by name. Downloads ask for `application/octet-stream`: GitHub answers 302 to its object
 * storage and fetch follows, dropping the token on the way (the storage's signed URL needs none).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { InputError, ServiceError } from '../../core/errors.js';
import type { LocalFile, PutContext, StoredFile } from '../../core/registry/types.js';
import { fitToLimit } from '../../core/report/fit.js';
import { backoffDelay, sleep } from '../../core/retry.js';
import { gitHubFailure, messageOf, statusOf, validationErrors, type RegistryTarget } from './registry-branch.js';

/** Release notes: GitHub refuses bodies over 125000 characters. */
export const RELEASE_BODY_LIMIT = 125_000;

/** Tries of one asset upload (a gateway error or a dropped connection is retried). */
const UPLOAD_ATTEMPTS = 3;

export function releaseTag(name: string, version: number): string {
  return `model/${name}/v${version}`;
}

/** Characters an asset name keeps as they are (GitHub renames others, and leading or trailing dots). */
const KEPT = /^[A-Za-z0-9.-]$/;
/** A path segment that maps readably: kept characters and single inner underscores. */
const READABLE_SEGMENT = /^(?!_)(?!.*__)(?!.*_$)[A-Za-z0-9._-]+$/;

/**
 * The release asset name of a file's path inside the version: deterministic, different for
 * different paths, and made only of characters GitHub keeps (letters, digits, `.`, `-`, `_`).
 *
 * - A path whose segments use only letters, digits, `.`, `-` and `_` (no segment starting or ending
 *   with `_`, none holding `__`, the path neither starting nor ending with `.`) joins its segments
 *   with `__`: `model/sub/a.onnx` → `model__sub__a.onnx`, `record.json` → `record.json`. Every `__`
 *   in such a name is a `/`, so two paths never share a name.
 * - Any other path is escaped, behind a leading `_` that no name of the first kind has: letters,
 *   digits, `.` and `-` stay, `/` becomes `__`, every other UTF-8 byte `_XX` (upper-case hex, `_`
 *   itself `_5F`), and a final `.` `_2E`: `model/my weights.bin` → `_model__my_20weights.bin`.
 *   The escapes form a prefix code, so this too is one-to-one.
 */
export function assetName(path: string): string {
  const segments = path.split('/');
  if (segments.every((segment) => READABLE_SEGMENT.test(segment)) && !path.startsWith('.') && !path.endsWith('.')) return segments.join('__');
  let escaped = '_';
  for (const byte of Buffer.from(path, 'utf8')) {
    const char = String.fromCharCode(byte);
    escaped += char === '/' ? '__' : byte < 0x80 && KEPT.test(char) ? char : `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return escaped.endsWith('.') ? `${escaped.slice(0, -1)}_2E` : escaped;
}

/** The release notes: the card, trimmed to GitHub's limit with a pointer to the full card. */
export function releaseBody(card: string): string {
  return fitToLimit(card, RELEASE_BODY_LIMIT, "> [!NOTE]\n> The model card was trimmed to GitHub's size limit for release notes; the release's `model-card.md` asset has it in full.").text;
}

interface Release {
  id: number;
  tag_name: string;
  draft: boolean;
  body?: string | null | undefined;
  target_commitish: string;
  upload_url: string;
  html_url: string;
}

interface Asset {
  id: number;
  name: string;
  url: string;
  size: number;
}

export interface ReleaseAssets {
  putFiles(name: string, version: number, files: LocalFile[], context: PutContext): Promise<StoredFile[]>;
  publish(name: string, version: number, context: PutContext): Promise<void>;
  readFile(file: StoredFile): Promise<Uint8Array>;
  downloadFile(file: StoredFile, destination: string): Promise<void>;
}

export function releaseAssets(target: RegistryTarget, options: { defaultBranch?: string }): ReleaseAssets {
  const { client, repository: repo, logger, description } = target;
  const failure = (error: unknown, what: string, access: 'read' | 'write') => gitHubFailure(error, target, what, access);
  /** Releases this process made or found, by tag: the list endpoint may lag behind a create. */
  const known = new Map<string, Release>();

  /** The release with `tag`, draft or not: drafts are listed (to push access) but not found by tag. */
  async function findRelease(tag: string): Promise<Release | undefined> {
    const cached = known.get(tag);
    try {
      if (cached !== undefined) {
        const { data } = await client.rest.repos.getRelease({ ...repo, release_id: cached.id }).catch((error: unknown) => {
          if (statusOf(error) === 404) return { data: undefined };
          throw error;
        });
        if (data !== undefined && data.tag_name === tag) return remember(data);
        known.delete(tag);
      }
      for await (const page of client.paginate.iterator(client.rest.repos.listReleases, { ...repo, per_page: 100 })) {
        const found = page.data.find((release) => release.tag_name === tag);
        if (found !== undefined) return remember(found);
      }
      return undefined;
    } catch (error) {
      throw failure(error, `look up the release ${tag}`, 'read');
    }
  }

  function remember(release: Release): Release {
    known.set(release.tag_name, release);
    return release;
  }

  /** The draft release of a version: the one an earlier attempt made, or a new one. */
  async function draftFor(name: string, version: number, context: PutContext): Promise<Release> {
    const tag = releaseTag(name, version);
    const body = releaseBody(context.card);
    const existing = await findRelease(tag);
    if (existing !== undefined) {
      if (!existing.draft) {
        throw new ServiceError(
          `${description}: the release ${tag} is already published, but the registry index does not name ${name} v${version} (the index was restored or edited by hand); nothing was replaced. Delete that release and its tag, or restore the index, then run again.`,
        );
      }
      // The notes are set when the release is published, so storing more files costs no extra write.
      const changes = {
        ...(context.gitSha !== undefined && existing.target_commitish !== context.gitSha ? { target_commitish: context.gitSha } : {}),
      };
      if (Object.keys(changes).length === 0) return existing;
      try {
        const { data } = await client.rest.repos.updateRelease({ ...repo, release_id: existing.id, ...changes });
        return remember(data);
      } catch (error) {
        throw failure(error, `update the draft release ${tag}`, 'write');
      }
    }
    const commitish = context.gitSha ?? options.defaultBranch;
    const create = async (withTarget: boolean) =>
      (
        await client.rest.repos.createRelease({
          ...repo,
          tag_name: tag,
          name: `${name} v${version}`,
          draft: true,
          make_latest: 'false',
          ...(body === '' ? {} : { body }),
          ...(withTarget && commitish !== undefined ? { target_commitish: commitish } : {}),
        })
      ).data;
    try {
      try {
        return remember(await create(true));
      } catch (error) {
        const unknownTarget = statusOf(error) === 422 && validationErrors(error).some((item) => item.includes('target_commitish'));
        if (!unknownTarget || commitish === undefined) throw error;
        logger.warning(`GitHub does not know ${commitish} in ${repo.owner}/${repo.repo} (a commit that was not pushed?); the release ${tag} will be tagged on the default branch when it is published.`);
        return remember(await create(false));
      }
    } catch (error) {
      throw failure(error, `create the draft release ${tag}`, 'write');
    }
  }

  async function listAssets(release: Release): Promise<Asset[]> {
    try {
      return await client.paginate(client.rest.repos.listReleaseAssets, { ...repo, release_id: release.id, per_page: 100 });
    } catch (error) {
      throw failure(error, `list the assets of the release ${release.tag_name}`, 'read');
    }
  }

  async function deleteAsset(release: Release, asset: Asset): Promise<void> {
    try {
      await client.rest.repos.deleteReleaseAsset({ ...repo, asset_id: asset.id });
    } catch (error) {
      if (statusOf(error) === 404) return; // gone already
      throw failure(error, `replace the asset ${asset.name} of the release ${release.tag_name}`, 'write');
    }
  }

  /** Uploads one file under `name`, replacing an asset of that name; retries a failed transfer. */
  async function upload(release: Release, name: string, file: LocalFile, existing: Asset[]): Promise<Asset> {
    try {
      await stat(file.file);
    } catch (error) {
      throw new InputError(`Cannot read ${file.file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}) to store it as ${file.path}; check that the file exists.`);
    }
    for (const stale of existing.filter((asset) => asset.name === name)) await deleteAsset(release, stale);
    // upload_url is a URI template (`…/assets{?name,label}`): the name goes in the query.
    const url = new URL(release.upload_url.replace(/\{[^}]*\}/g, ''));
    url.searchParams.set('name', name);
    for (let attempt = 0; ; attempt += 1) {
      try {
        const { data } = await client.request({
          method: 'POST',
          url: url.href,
          headers: { 'content-type': 'application/octet-stream', 'content-length': file.size },
          data: createReadStream(file.file),
          // A stream cannot be sent twice: this loop retries with a fresh one.
          request: { retries: 0 },
        });
        const asset = data as Asset;
        if (asset.size !== file.size) {
          throw new ServiceError(`${description}: GitHub kept ${asset.size} bytes of ${file.path} (${file.size} sent) in the release ${release.tag_name}; run again to upload it anew.`);
        }
        if (asset.name !== name) logger.warning(`GitHub renamed the asset ${name} of ${file.path} to ${asset.name}; a re-run will not replace it by name.`);
        return asset;
      } catch (error) {
        const status = statusOf(error);
        // A failed transfer can leave a partial asset that holds the name (422 already_exists).
        const leftover = status === 422 && validationErrors(error).some((item) => item.includes('already_exists'));
        if (attempt + 1 >= UPLOAD_ATTEMPTS || status === undefined || (status < 500 && !leftover)) {
          throw failure(error, `upload ${file.path} to the release ${release.tag_name}`, 'write');
        }
        logger.warning(`Uploading ${file.path} to the release ${release.tag_name} failed (${status}: ${messageOf(error)}); trying again.`);
        await sleep(backoffDelay(attempt, { baseMs: 1000, maxMs: 8000 }));
        for (const stale of (await listAssets(release)).filter((asset) => asset.name === name)) await deleteAsset(release, stale);
      }
    }
  }

  /** The asset id in a StoredFile's location (`…/repos/<owner>/<repo>/releases/assets/<id>`). */
  function assetId(file: StoredFile): number {
    const id = /\/releases\/assets\/(\d+)\/?(?:[?#]|$)/.exec(file.location)?.[1];
    if (id === undefined) {
      throw new ServiceError(`${description}: the location of ${file.path}, ${file.location}, is not a GitHub release asset URL; the index was edited by hand or written by another backend.`);
    }
    return Number(id);
  }

  /** GET the asset's bytes; `stream` leaves the body unread for the caller. */
  async function fetchAsset(file: StoredFile, stream: boolean): Promise<unknown> {
    try {
      const response = await client.rest.repos.getReleaseAsset({
        ...repo,
        asset_id: assetId(file),
        headers: { accept: 'application/octet-stream' },
        ...(stream ? { request: { parseSuccessResponseBody: false } } : {}),
      });
      return response.data as unknown;
    } catch (error) {
      if (statusOf(error) === 404) {
        throw new ServiceError(
          `${description}: the release asset of ${file.path} (${file.location}) is not there (GitHub answered 404): the asset or its release was deleted, or the release is still a draft (a registration interrupted before publishing; re-run it) and the token lacks push access to see drafts.`,
        );
      }
      throw failure(error, `download ${file.path}`, 'read');
    }
  }

  return {
    async putFiles(name, version, files, context) {
      const paths = new Set<string>();
      for (const file of files) {
        if (paths.has(file.path)) throw new InputError(`${name} v${version}: the file ${file.path} was given twice; name each file once.`);
        paths.add(file.path);
      }
      const release = await draftFor(name, version, context);
      const existing = await listAssets(release);
      const stored: StoredFile[] = [];
      for (const file of files) {
        const asset = await upload(release, assetName(file.path), file, existing);
        stored.push({ path: file.path, sha256: file.sha256, size: file.size, location: asset.url });
      }
      logger.info(`Stored ${files.length} file${files.length === 1 ? '' : 's'} of ${name} v${version} in the draft release ${release.tag_name}.`);
      return stored;
    },

    async publish(name, version, context) {
      const tag = releaseTag(name, version);
      const release = await findRelease(tag);
      if (release === undefined) {
        throw new ServiceError(`${description}: the release ${tag} of ${name} v${version} is gone (deleted by hand?), so its files cannot be served; register the model again as a new version.`);
      }
      if (!release.draft) return;
      const body = releaseBody(context.card);
      try {
        // make_latest false: a model release must not take the repository's "Latest" badge from the software.
        const { data } = await client.rest.repos.updateRelease({ ...repo, release_id: release.id, draft: false, make_latest: 'false', ...(body === '' ? {} : { body }) });
        remember(data);
        logger.info(`Published the release ${tag}: ${data.html_url}`);
      } catch (error) {
        if (statusOf(error) === 422 && validationErrors(error).some((item) => item.includes('tag_name') && item.includes('already_exists'))) {
          throw new ServiceError(`${description}: cannot publish ${tag}: another published release already has that tag. Delete it (it is not the registry's), then run again.`);
        }
        throw failure(error, `publish the release ${tag}`, 'write');
      }
    },

    async readFile(file) {
      const data = await fetchAsset(file, false);
      if (data instanceof ArrayBuffer) return new Uint8Array(data);
      if (typeof data === 'string') return Buffer.from(data, 'utf8');
      throw new ServiceError(`${description}: GitHub answered the download of ${file.path} with a description instead of its bytes; run again.`);
    },

    async downloadFile(file, destination) {
      const body = await fetchAsset(file, true);
      if (typeof (body as { getReader?: unknown } | null)?.getReader !== 'function') {
        throw new ServiceError(`${description}: GitHub answered the download of ${file.path} without a body; run again.`);
      }
      const temporary = join(dirname(destination), `.${basename(destination)}.${randomBytes(4).toString('hex')}.download`);
      try {
        await mkdir(dirname(destination), { recursive: true });
        await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), createWriteStream(temporary));
        await rename(temporary, destination);
      } catch (error) {
        await rm(temporary, { force: true });
        const local = error as NodeJS.ErrnoException;
        if (local.syscall !== undefined) throw new InputError(`Cannot write ${destination} (${local.code ?? local.message}); check that the directory is writable and the disk has room.`);
        throw new ServiceError(`${description}: downloading ${file.path} was interrupted (${(error as Error).message}); run again.`);
      }
    },
  };
}
