/**
 * The github registry storage against the fake GitHub REST API, over real HTTP with the real Octokit
 * client: the index on its orphan branch with the contents API's compare-and-swap, the versions'
 * files as release assets (drafts until published), downloads through the 302 to object storage, and
 * the shared registry contract over `IndexedRegistry`. Every request is checked against GitHub's
 * OpenAPI description; each test ends by asserting there was no violation.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { InputError, ServiceError } from '../../src/core/errors.js';
import { IndexedRegistry } from '../../src/core/registry/indexed-registry.js';
import type { LocalFile, RegistryStorage } from '../../src/core/registry/types.js';
import { createGitHubClient, type GitHubClient } from '../../src/platform/github/client.js';
import { assetName, BRANCH_README, createGitHubRegistryStorage, RELEASE_BODY_LIMIT } from '../../src/platform/github/registry-storage.js';
import { registryContract } from '../contract/registry-contract.js';
import { gitBlobSha } from '../fakes/github-server.js';
import { ACTIONS_BOT, useFakeGitHub } from '../support/fake-github.js';
import { recordingLogger } from '../support/logger.js';
import { rejection } from '../support/readers.js';

const repo = { owner: 'Codertocat', repo: 'Hello-World' };
const BRANCH = 'cd4ml-registry';
const SHA = 'c'.repeat(40);

const fake = useFakeGitHub({ perTest: true, token: 'bot-token', tokens: { 'fork-token': { ...ACTIONS_BOT, readOnly: true } } });
let logger: ReturnType<typeof recordingLogger>;
let scratch: string;

function client(token = 'bot-token'): GitHubClient {
  return createGitHubClient(token, { apiUrl: fake().url, logger, retries: 0, throttle: false });
}

function storage(options: { token?: string; branch?: string; defaultBranch?: string; client?: GitHubClient } = {}): RegistryStorage {
  return createGitHubRegistryStorage({
    client: options.client ?? client(options.token),
    repository: repo,
    ...(options.branch === undefined ? {} : { branch: options.branch }),
    ...(options.defaultBranch === undefined ? {} : { defaultBranch: options.defaultBranch }),
    logger,
  });
}

async function localFile(path: string, content: string | Buffer): Promise<LocalFile> {
  const file = join(scratch, `${createHash('sha256').update(path).update(content).digest('hex').slice(0, 12)}-${path.replaceAll('/', '_')}`);
  await writeFile(file, content);
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return { path, file, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}

/** The value, failing the test when it is missing. */
function defined<T>(value: T | undefined): T {
  expect(value).toBeDefined();
  return value as T;
}

const operations = () => fake().requests.map((request) => request.operationId);
const index = (name: string, nextVersion = 1) => `${JSON.stringify({ format: 'cd4ml-registry-index', name, nextVersion })}\n`;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'cd4ml-github-registry-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

beforeEach(() => {
  logger = recordingLogger();
});

describe('the index on the registry branch', () => {
  test('the first write makes the branch as an orphan commit with a README, then writes the index', async () => {
    const github = storage();

    expect(github.description).toBe('github://Codertocat/Hello-World');
    expect(await github.readIndex('churn')).toEqual({ text: undefined, token: undefined });
    expect(await github.writeIndex('churn', index('churn'), undefined)).toBe(true);

    expect(operations()).toEqual([
      'repos/get-content',
      'repos/create-or-update-file-contents',
      'git/get-ref',
      'git/create-tree',
      'git/create-commit',
      'git/create-ref',
      'repos/create-or-update-file-contents',
    ]);
    const head = fake().refs.get(`refs/heads/${BRANCH}`) as string;
    const root = fake().commits.get(head)?.parents[0] as string;
    expect(fake().commits.get(root)?.parents).toEqual([]);
    expect(fake().files.get(`${BRANCH}:README.md`)).toBe(BRANCH_README);
    expect(fake().files.get(`${BRANCH}:churn/index.json`)).toBe(index('churn'));
    const put = fake().requests.at(-1)?.body as Record<string, unknown>;
    expect(put).toMatchObject({ branch: BRANCH, message: 'registry: churn index' });
    expect(put).not.toHaveProperty('sha');
    expect(await github.readIndex('churn')).toEqual({ text: index('churn'), token: gitBlobSha(index('churn')) });
    expect(logger.messages('info')).toEqual([expect.stringMatching(/^Created the registry branch cd4ml-registry in Codertocat\/Hello-World: an orphan branch/)]);
  });

  test('a second model goes on the existing branch; the branch named in the URI is used', async () => {
    const github = storage({ branch: 'models/registry' });
    expect(github.description).toBe('github://Codertocat/Hello-World?branch=models/registry');
    await github.writeIndex('churn', index('churn'), undefined);
    fake().requests.length = 0;

    expect(await github.writeIndex('fraud', index('fraud'), undefined)).toBe(true);

    expect(operations()).toEqual(['repos/create-or-update-file-contents']);
    expect(fake().files.get('models/registry:fraud/index.json')).toBe(index('fraud'));
    expect(await github.models()).toEqual(['churn', 'fraud']);
  });

  test('a concurrent creator of the branch (422 Reference already exists) is no failure', async () => {
    const first = client();
    const other = storage();
    let raced = false;
    first.hook.before('request', async (options) => {
      if (options.method === 'POST' && options.url === '/repos/{owner}/{repo}/git/refs' && !raced) {
        raced = true;
        expect(await other.writeIndex('fraud', index('fraud'), undefined)).toBe(true);
      }
    });

    expect(await storage({ client: first }).writeIndex('churn', index('churn'), undefined)).toBe(true);

    expect(raced).toBe(true);
    expect(operations().filter((id) => id === 'git/create-ref')).toHaveLength(2);
    expect(fake().files.get(`${BRANCH}:churn/index.json`)).toBe(index('churn'));
    expect(fake().files.get(`${BRANCH}:fraud/index.json`)).toBe(index('fraud'));
  });

  test('compare-and-swap: a stale token or a missing one loses (false), once, without retries', async () => {
    const github = storage();
    await github.writeIndex('churn', index('churn', 1), undefined);
    const first = await github.readIndex('churn');
    expect(await github.writeIndex('churn', index('churn', 2), first.token)).toBe(true);
    fake().requests.length = 0;

    expect(await github.writeIndex('churn', index('churn', 3), first.token)).toBe(false); // 409 does not match
    expect(await github.writeIndex('churn', index('churn', 3), undefined)).toBe(false); // 422 "sha" wasn't supplied

    expect(operations()).toEqual(['repos/create-or-update-file-contents', 'repos/create-or-update-file-contents']);
    expect(await github.readIndex('churn')).toEqual({ text: index('churn', 2), token: gitBlobSha(index('churn', 2)) });
  });

  test('concurrent read-modify-write cycles meet GitHub conflicts (404, 409, 422) and lose no update', async () => {
    const github = storage();
    const increment = async () => {
      for (;;) {
        const { text, token } = await github.readIndex('counter');
        const count = text === undefined ? 0 : (JSON.parse(text) as { count: number }).count;
        if (await github.writeIndex('counter', JSON.stringify({ count: count + 1 }), token)) return;
      }
    };

    await Promise.all(Array.from({ length: 12 }, increment));

    expect(JSON.parse((await github.readIndex('counter')).text ?? '{}')).toEqual({ count: 12 });
    const statuses = fake().requests.filter((request) => request.operationId === 'repos/create-or-update-file-contents').map((request) => request.status);
    expect(statuses.filter((status) => status === 200 || status === 201)).toHaveLength(12);
    expect(new Set(statuses.filter((status) => status !== 200 && status !== 201))).toEqual(new Set([404, 409, 422]));
    expect(operations().filter((id) => id === 'git/create-ref').length).toBeGreaterThanOrEqual(1);
  });

  test('a branch moved under the write (409) or a gateway error (502) is a lost race: read again', async () => {
    const github = storage();
    await github.writeIndex('churn', index('churn'), undefined);
    const { token } = await github.readIndex('churn');

    fake().failNext('repos/create-or-update-file-contents', 409);
    expect(await github.writeIndex('churn', index('churn', 2), token)).toBe(false);
    fake().failNext('repos/create-or-update-file-contents', 502);
    expect(await github.writeIndex('churn', index('churn', 2), token)).toBe(false);
    expect(logger.messages('warning')).toEqual([expect.stringMatching(/^Writing the registry index churn\/index\.json to cd4ml-registry failed \(502: injected 502\); reading it again/)]);
    expect(await github.writeIndex('churn', index('churn', 2), token)).toBe(true);
  });

  test('an index over 1 MB, which the contents API sends without content, is read from its blob', async () => {
    const github = storage();
    const big = `${JSON.stringify({ format: 'cd4ml-registry-index', name: 'churn', history: 'x'.repeat(1_200_000) })}\n`;
    await github.writeIndex('churn', big, undefined);
    fake().requests.length = 0;

    const snapshot = await github.readIndex('churn');

    expect(snapshot.text).toBe(big);
    expect(snapshot.token).toBe(gitBlobSha(big));
    expect(operations()).toEqual(['repos/get-content', 'git/get-blob']);
  });

  test('models() lists the directories with an index: none before the branch exists', async () => {
    const github = storage();
    expect(await github.models()).toEqual([]);
    expect(operations()).toEqual(['git/get-ref', 'repos/get']);

    await github.writeIndex('fraud', index('fraud'), undefined);
    await github.writeIndex('churn', index('churn'), undefined);
    fake().seedFile(BRANCH, 'notes/todo.md', 'not a model');

    expect(await github.models()).toEqual(['churn', 'fraud']);
  });

  test('a repository the token cannot see is an input error naming the repository', async () => {
    fake().hiddenRepositories.add('Codertocat/Hello-World');
    const github = storage();

    const listing = await rejection(github.models());
    expect(listing).toBeInstanceOf(InputError);
    expect(listing.message).toMatch(/^Could not list the models in github:\/\/Codertocat\/Hello-World: GitHub answered 404: Not Found\. Check that the registry names an existing repository/);

    const writing = await rejection(github.writeIndex('churn', index('churn'), undefined));
    expect(writing).toBeInstanceOf(InputError);
    expect(writing.message).toMatch(/^Could not create the registry branch cd4ml-registry in github:\/\/Codertocat\/Hello-World: GitHub answered 404/);
  });

  test('a read-only token (a fork pull request) can read but not write: the error names contents: write', async () => {
    await storage().writeIndex('churn', index('churn'), undefined);
    const readOnly = storage({ token: 'fork-token' });

    expect((await readOnly.readIndex('churn')).text).toBe(index('churn'));
    const error = await rejection(readOnly.writeIndex('churn', index('churn', 2), gitBlobSha(index('churn'))));

    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe(
      'Could not write the registry index churn/index.json to branch cd4ml-registry in github://Codertocat/Hello-World: GitHub answered 403: Resource not accessible by integration. ' +
        'The token needs `contents: write` on Codertocat/Hello-World (add `permissions: contents: write` to the job); a pull request from a fork gets a read-only token and cannot register models.',
    );
  });
});

describe('version files as release assets', () => {
  test('putFiles makes a draft release and uploads each file under a flat asset name', async () => {
    const github = storage();
    const weights = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
    const files = [await localFile('model/model.onnx', weights), await localFile('model/vocab/labels.txt', 'yes\nno\n')];

    const stored = await github.putFiles('churn', 3, files, { card: '# churn v3', gitSha: SHA });

    expect(fake().releases).toHaveLength(1);
    const release = fake().releases[0];
    expect(release).toMatchObject({ tagName: 'model/churn/v3', name: 'churn v3', body: '# churn v3', draft: true, targetCommitish: SHA, makeLatest: 'false' });
    expect(release?.assets.map((asset) => [asset.name, asset.contentType, asset.data])).toEqual([
      ['model__model.onnx', 'application/octet-stream', weights],
      ['model__vocab__labels.txt', 'application/octet-stream', Buffer.from('yes\nno\n')],
    ]);
    expect(stored).toEqual([
      { path: 'model/model.onnx', sha256: files[0]?.sha256, size: 7, location: `${fake().url}/repos/Codertocat/Hello-World/releases/assets/${release?.assets[0]?.id}` },
      { path: 'model/vocab/labels.txt', sha256: files[1]?.sha256, size: 7, location: `${fake().url}/repos/Codertocat/Hello-World/releases/assets/${release?.assets[1]?.id}` },
    ]);
    const upload = fake().requests.find((request) => request.operationId === 'repos/upload-release-asset');
    expect(upload?.query).toEqual({ name: 'model__model.onnx' });
  });

  test('readFile and downloadFile follow the 302 to storage, without sending the token there', async () => {
    const github = storage();
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31) % 256));
    const [model, card] = await github.putFiles('churn', 1, [await localFile('model/model.onnx', bytes), await localFile('model-card.md', '# churn v1\n')], { card: '' });

    expect(Buffer.from(await github.readFile(defined(card)))).toEqual(Buffer.from('# churn v1\n'));
    const target = join(await mkdtemp(join(scratch, 'download-')), 'nested', 'model.onnx');
    await github.downloadFile(defined(model), target);

    expect(await readFile(target)).toEqual(bytes);
    expect(await readdir(join(target, '..'))).toEqual(['model.onnx']); // no temporary file left behind
    expect(fake().storageRequests).toHaveLength(2);
    expect(fake().storageRequests.every((request) => !request.authorization)).toBe(true);
  });

  test('a re-run of the same version reuses its draft and replaces the same-named assets', async () => {
    const first = storage();
    await first.putFiles('churn', 1, [await localFile('model/model.onnx', 'attempt 1'), await localFile('profile.json', '{}')], { card: '' });
    const before = fake().releases[0]?.assets.map((asset) => asset.id) ?? [];

    // A new process: nothing cached, the draft is found by listing (drafts are not found by tag).
    const rerun = storage();
    const stored = await rerun.putFiles('churn', 1, [await localFile('model/model.onnx', 'attempt 2')], { card: '# churn v1', gitSha: SHA });

    expect(fake().releases).toHaveLength(1);
    const release = fake().releases[0];
    // The notes wait for publish(); only the target commit changes on the draft.
    expect(release).toMatchObject({ draft: true, body: null, targetCommitish: SHA });
    expect(release?.assets.map((asset) => [asset.name, asset.data.toString()])).toEqual([
      ['profile.json', '{}'],
      ['model__model.onnx', 'attempt 2'],
    ]);
    expect(release?.assets[1]?.id).not.toBe(before[0]);
    expect(Buffer.from(await rerun.readFile(defined(stored[0]))).toString()).toBe('attempt 2');
    expect(operations().filter((id) => id === 'repos/delete-release-asset')).toHaveLength(1);
  });

  test('the draft is found on a later page of the releases', async () => {
    await storage().putFiles('churn', 1, [await localFile('model/model.onnx', 'w')], { card: '' });
    const other = client();
    for (let i = 0; i < 120; i += 1) await other.rest.repos.createRelease({ ...repo, tag_name: `app-v${i}`, target_commitish: SHA });
    fake().requests.length = 0;

    await storage().putFiles('churn', 1, [await localFile('model/model.onnx', 'w2')], { card: '' });

    expect(fake().releases.filter((release) => release.tagName === 'model/churn/v1')).toHaveLength(1);
    expect(fake().requests.filter((request) => request.operationId === 'repos/list-releases').map((request) => request.query['page'] ?? '1')).toEqual(['1', '2']);
  });

  test('publish makes the draft public, not as the latest release, and is idempotent', async () => {
    const github = storage();
    await github.putFiles('churn', 2, [await localFile('model/model.onnx', 'w')], { card: '', gitSha: SHA });

    await github.publish?.('churn', 2, { card: '# churn v2\n\nthe card', gitSha: SHA });
    await github.publish?.('churn', 2, { card: '# churn v2\n\nthe card', gitSha: SHA });

    expect(fake().releases[0]).toMatchObject({ draft: false, body: '# churn v2\n\nthe card', makeLatest: 'false' });
    expect(fake().refs.get('refs/tags/model/churn/v2')).toBe(SHA);
    expect(operations().filter((id) => id === 'repos/update-release')).toHaveLength(1);
    expect(logger.messages('info').at(-1)).toBe('Published the release model/churn/v2: https://github.com/Codertocat/Hello-World/releases/tag/model/churn/v2');
  });

  test('files are not replaced in a release that is already published', async () => {
    const github = storage();
    await github.putFiles('churn', 1, [await localFile('model/model.onnx', 'w')], { card: '' });
    await github.publish?.('churn', 1, { card: '# churn v1' });

    const error = await rejection(storage().putFiles('churn', 1, [await localFile('model/model.onnx', 'other')], { card: '' }));

    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toMatch(/the release model\/churn\/v1 is already published, but the registry index does not name churn v1 .*nothing was replaced/);
    expect(fake().releases[0]?.assets[0]?.data.toString()).toBe('w');
  });

  test("a card over GitHub's 125000-character limit is trimmed in the release notes with a note", async () => {
    const card = `# churn v1\n\n${'| metric | 0.5 |\n'.repeat(10_000)}`;
    expect(card.length).toBeGreaterThan(RELEASE_BODY_LIMIT);
    const github = storage();
    await github.putFiles('churn', 1, [await localFile('model-card.md', card)], { card });
    await github.publish?.('churn', 1, { card });

    const body = fake().releases[0]?.body ?? '';
    expect(body.length).toBeLessThanOrEqual(RELEASE_BODY_LIMIT);
    expect(body.startsWith('# churn v1\n')).toBe(true);
    expect(body).toContain('the release\'s `model-card.md` asset has it in full');
  });

  test('a failed upload (502) is retried with a fresh stream', async () => {
    const github = storage();
    fake().failNext('repos/upload-release-asset', 502);

    const [stored] = await github.putFiles('churn', 1, [await localFile('model/model.onnx', 'weights')], { card: '' });

    expect(Buffer.from(await github.readFile(defined(stored))).toString()).toBe('weights');
    expect(fake().releases[0]?.assets).toHaveLength(1);
    expect(logger.messages('warning')).toEqual([expect.stringMatching(/^Uploading model\/model\.onnx to the release model\/churn\/v1 failed \(502: injected 502\); trying again\.$/)]);
  });

  test('a target commit GitHub does not know leaves the release on the default branch, with a warning', async () => {
    const github = storage({ defaultBranch: 'trunk-that-was-renamed' });

    await github.putFiles('churn', 1, [await localFile('model/model.onnx', 'w')], { card: '' });

    expect(fake().releases[0]).toMatchObject({ draft: true, targetCommitish: 'main' });
    expect(logger.messages('warning')).toEqual([expect.stringMatching(/^GitHub does not know trunk-that-was-renamed in Codertocat\/Hello-World/)]);
  });

  test('a read-only token cannot store files: the error names contents: write', async () => {
    const error = await rejection(storage({ token: 'fork-token' }).putFiles('churn', 1, [await localFile('model/model.onnx', 'w')], { card: '' }));

    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toMatch(/^Could not create the draft release model\/churn\/v1 in github:\/\/Codertocat\/Hello-World: GitHub answered 403: Resource not accessible by integration\. The token needs `contents: write`/);
  });

  test("readers without push access see a version's files once its release is published", async () => {
    const github = storage();
    const [stored] = await github.putFiles('churn', 1, [await localFile('model/model.onnx', 'w')], { card: '' });
    const reader = storage({ token: 'fork-token' });

    expect((await rejection(reader.readFile(defined(stored)))).message).toMatch(/or the release is still a draft .* and the token lacks push access/);
    await github.publish?.('churn', 1, { card: '# churn v1' });
    expect(Buffer.from(await reader.readFile(defined(stored))).toString()).toBe('w');
  });

  test('a deleted asset is reported as such', async () => {
    const github = storage();
    const [stored] = await github.putFiles('churn', 1, [await localFile('model/model.onnx', 'w')], { card: '' });
    fake().releases[0]?.assets.splice(0, 1);

    const error = await rejection(github.readFile(defined(stored)));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toMatch(/the release asset of model\/model\.onnx \(.*\/releases\/assets\/\d+\) is not there \(GitHub answered 404\)/);
  });
});

describe('the fake keeps uploads as bytes and nothing else', () => {
  test('bytes sent where GitHub expects JSON are a violation; an upload of a JSON file stays bytes', async () => {
    const github = client();
    const { data: release } = await github.rest.repos.createRelease({ ...repo, tag_name: 'v1', draft: true });

    const refused = await rejection(github.request({ method: 'POST', url: `${fake().url}/repos/Codertocat/Hello-World/releases`, headers: { 'content-type': 'text/plain' }, data: 'tag_name=v2' }));
    expect(refused).toMatchObject({ status: 400 });
    expect(fake().violations).toEqual(['POST /repos/Codertocat/Hello-World/releases: a text/plain body where GitHub expects JSON']);
    fake().violations.length = 0;

    await github.request({ method: 'POST', url: release.upload_url.replace('{?name,label}', '?name=metrics.json'), headers: { 'content-type': 'application/json' }, data: Buffer.from('{"not": "parsed"}') });
    expect(fake().releases[0]?.assets[0]).toMatchObject({ name: 'metrics.json', contentType: 'application/json', data: Buffer.from('{"not": "parsed"}') });
    const duplicate = await rejection(github.request({ method: 'POST', url: release.upload_url.replace('{?name,label}', '?name=metrics.json'), headers: { 'content-type': 'application/json' }, data: Buffer.from('{}') }));
    expect(duplicate).toMatchObject({ status: 422, response: { data: { errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }] } } });
  });
});

describe('asset names', () => {
  test.each([
    ['record.json', 'record.json'],
    ['model/model.onnx', 'model__model.onnx'],
    ['model/sub/a.onnx', 'model__sub__a.onnx'],
    ['model/pytorch_model-00001-of-00002.bin', 'model__pytorch_model-00001-of-00002.bin'],
    ['model/.config', 'model__.config'],
    ['model/my weights.bin', '_model__my_20weights.bin'],
    ['model/a__b', '_model__a_5F_5Fb'],
    ['model/_private', '_model___5Fprivate'],
    ['model/x_/y', '_model__x_5F__y'],
    ['.hidden', '_.hidden'],
    ['model/ends.', '_model__ends_2E'],
    ['model/é.txt', '_model___C3_A9.txt'],
  ])('%s → %s', (path, name) => {
    expect(assetName(path)).toBe(name);
  });

  test('different paths never share a name, and every name is one GitHub keeps as it is', () => {
    const paths = ['a/b', 'a__b', 'a_/b', 'a/_b', 'a_b', 'a/b_', 'a_/_b', 'a//b', 'a/./b', '_a', 'a.', 'a_2E', 'a.b', 'a%2Fb', 'a b', 'a_20b', 'é', '_C3_A9'];
    const names = paths.map(assetName);
    expect(new Set(names).size).toBe(paths.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*[A-Za-z0-9_-]$|^[A-Za-z0-9_-]$/);
  });
});

registryContract('github', async () => {
  const github = storage({ client: createGitHubClient('bot-token', { apiUrl: fake().url, logger, retries: 0, throttle: false }) });
  return { registry: new IndexedRegistry(github, { logger }), storage: github };
});
