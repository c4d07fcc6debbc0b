/**
 * A fake GitHub REST API on loopback for tests. Every request is checked against GitHub's OpenAPI
 * description first; a request that does not match is answered 400 and recorded in `violations`, so
 * a test that ends with violations fails. The routes the project uses are implemented over an
 * in-memory state with GitHub's behaviours that matter here: pagination with Link headers, tokens
 * bound to accounts, and 403 "Resource not accessible by integration" for read-only tokens.
 *
 * For the model registry it also keeps a small Git database and releases:
 * - branches (`refs`), commits, trees and blobs with real git blob shas (sha1 of `blob <len>\0…`);
 *   a branch's files live in `files` under `<branch>:<path>`, as seeded files do under their ref;
 * - the contents API with compare-and-swap as GitHub answers it: a stale `sha` is 409 "<path> does
 *   not match <sha>", a missing one on an existing file 422 "\"sha\" wasn't supplied.", a missing
 *   branch 404 "Branch <name> not found"; files over 1 MB come without content (encoding "none");
 * - releases (`releases`) and their assets: drafts listed only to accounts with push access and
 *   never by tag, newest first with Link pagination, a duplicate asset name 422 already_exists,
 *   asset names renamed as GitHub does, the upload body kept as raw bytes, and asset downloads
 *   (Accept: application/octet-stream) answered 302 to a separate storage origin that, like S3's
 *   signed URLs, refuses requests that still carry the API token.
 *
 * Deployments (`deployments`) with their statuses: a ref that is a sha or a branch (else 422 "No ref
 * found"), GitHub's check of required status contexts (409 when one is not `success`; all contexts
 * on the commit when `required_contexts` is omitted), status descriptions of at most 140 characters,
 * and `auto_inactive` marking earlier successful deployments to the environment inactive. Lists are
 * newest first.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenApiValidator, type MatchedOperation } from './openapi-validator.js';

export interface Account {
  login: string;
  type: 'User' | 'Bot';
  /** A read-only token: writes get 403, as a fork PR's GITHUB_TOKEN. */
  readOnly?: boolean;
}

export interface IssueComment {
  id: number;
  issueNumber: number;
  body: string;
  login: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  login: string;
  labels: string[];
  state: 'open' | 'closed';
  stateReason?: string;
  /** A pull request (GitHub lists them among issues). */
  pullRequest?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  operationId: string;
  query: Record<string, string>;
  body: unknown;
  /** The status the fake answered with. */
  status?: number;
}

export interface FakeReleaseAsset {
  id: number;
  name: string;
  label: string;
  contentType: string;
  data: Buffer;
  uploader: string;
  createdAt: string;
}

export interface FakeRelease {
  id: number;
  /** `owner/repo`. */
  repository: string;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  makeLatest: string;
  author: string;
  createdAt: string;
  publishedAt: string | null;
  /** GitHub names a draft's page `untagged-<hex>` until it is published. */
  untagged: string;
  assets: FakeReleaseAsset[];
}

export interface FakeDeploymentStatus {
  id: number;
  state: string;
  description: string;
  environment: string;
  logUrl: string;
  environmentUrl: string;
  creator: string;
  createdAt: string;
}

export interface FakeDeployment {
  id: number;
  /** `owner/repo`. */
  repository: string;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  environment: string;
  description: string | null;
  transient: boolean;
  production: boolean;
  creator: string;
  createdAt: string;
  /** In the order they were created. */
  statuses: FakeDeploymentStatus[];
}

interface FakeCommit {
  tree: string;
  parents: string[];
  message: string;
}

/** Release bodies: GitHub refuses more than 125000 characters. */
const RELEASE_BODY_LIMIT = 125_000;
/** The contents API's JSON form carries content up to 1 MB, and serves nothing above 100 MB. */
const CONTENT_INLINE_LIMIT = 1024 * 1024;
const CONTENT_LIMIT = 100 * 1024 * 1024;
/** Operations whose request body is the raw bytes of a file rather than JSON. */
const BINARY_OPERATIONS = new Set(['repos/upload-release-asset']);
const BINARY_ROUTE = /^\/repos\/[^/]+\/[^/]+\/releases\/\d+\/assets$/;

/** The git blob sha of `content`: sha1 of `blob <byte length>\0<bytes>`. */
export function gitBlobSha(content: string | Buffer): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Base64 as GitHub sends it in JSON: wrapped every 60 characters. */
function wrappedBase64(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,60}/g) ?? []).map((line) => `${line}\n`).join('');
}

/** GitHub renames asset names with special characters and leading or trailing periods (approximated). */
function normalizeAssetName(name: string): string {
  return name.replace(/[^A-Za-z0-9._+-]/g, '.').replace(/^\.+|\.+$/g, '');
}

export interface CheckRun {
  id: number;
  name: string;
  headSha: string;
  conclusion: string | undefined;
  summary: string;
  annotations: unknown[];
}

interface Handled {
  status: number;
  body: unknown;
  /** Send `body` (a string or bytes) as is rather than as JSON. */
  raw?: boolean;
  headers?: Record<string, string>;
}

type Handler = (request: {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  account: Account;
  url: URL;
  /** The request's Accept header. */
  accept: string;
  /** The body's bytes, for the operations that take a file (an asset upload). */
  raw: Buffer | undefined;
  headers: IncomingHttpHeaders;
}) => Handled;

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly comments: IssueComment[] = [];
  readonly checkRuns: CheckRun[] = [];
  readonly statuses: Array<Record<string, unknown>> = [];
  readonly issues: FakeIssue[] = [];
  readonly dispatches: Array<{ workflow: string; ref: string; inputs: Record<string, unknown> }> = [];
  /** Repository files by `<ref>:<path>`, served by the contents API; branches written through the API too. */
  readonly files = new Map<string, string>();
  /** Releases of every repository, drafts included, in the order they were made. */
  readonly releases: FakeRelease[] = [];
  /** Deployments of every repository, in the order they were made, each with its statuses. */
  readonly deployments: FakeDeployment[] = [];
  /** Branch and tag heads (`refs/heads/<branch>`, `refs/tags/<tag>`) → commit sha. */
  readonly refs = new Map<string, string>();
  readonly commits = new Map<string, FakeCommit>();
  /** Requests the storage origin of release assets received (path and whether they carried a token). */
  readonly storageRequests: Array<{ path: string; authorization: boolean }> = [];
  /** Repositories (`owner/repo`) that answer 404 to everything, as one the token cannot see. */
  readonly hiddenRepositories = new Set<string>();
  /** The branch the contents API writes to when a request names none. */
  defaultBranch = 'main';
  private readonly blobs = new Map<string, Buffer>();
  /** Trees, flattened: path → blob sha. */
  private readonly trees = new Map<string, Map<string, string>>();
  private storage: Server | undefined;
  private readonly storageSecret = randomBytes(16).toString('hex');
  storageUrl = '';
  private readonly tokens = new Map<string, Account>();
  private readonly validator = new OpenApiValidator();
  private server: Server | undefined;
  private nextId = 1000;
  /** Answer GraphQL with 502, as a server without GraphQL would fail it. */
  graphqlDown = false;
  private readonly faults: Array<{ operationId: string; status: number; times: number }> = [];
  url = '';

  /** The next `times` calls of an operation are answered with `status` (e.g. a 502 from a proxy). */
  failNext(operationId: string, status: number, times = 1): void {
    this.faults.push({ operationId, status, times });
  }

  addToken(token: string, account: Account): void {
    this.tokens.set(token, account);
  }

  /** Seeds a comment as if `login` had written it. */
  seedComment(issueNumber: number, login: string, body: string): IssueComment {
    const comment = { id: this.nextId++, issueNumber, body, login };
    this.comments.push(comment);
    return comment;
  }

  /** Seeds an issue as if `login` had opened it; numbers continue from the comments' counter. */
  seedIssue(issue: Omit<FakeIssue, 'number' | 'state'> & { state?: FakeIssue['state'] }): FakeIssue {
    const seeded: FakeIssue = { state: 'open', ...issue, number: this.nextId++ };
    this.issues.push(seeded);
    return seeded;
  }

  private issueJson(issue: FakeIssue) {
    return {
      id: issue.number,
      node_id: `I_${issue.number}`,
      number: issue.number,
      url: `${this.url}/repos/o/r/issues/${issue.number}`,
      html_url: `https://github.com/o/r/issues/${issue.number}`,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      state_reason: issue.stateReason ?? null,
      labels: issue.labels.map((name) => ({ name })),
      user: { login: issue.login, id: 1, type: issue.login.endsWith('[bot]') ? 'Bot' : 'User' },
      ...(issue.pullRequest === true ? { pull_request: { url: `${this.url}/repos/o/r/pulls/${issue.number}` } } : {}),
    };
  }

  /** Seeds a repository file at a commit, for the contents API. */
  seedFile(ref: string, path: string, content: string): void {
    this.files.set(`${ref}:${path}`, content);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    // Release assets are served from another origin, as GitHub redirects downloads to its object storage.
    this.storage = createServer((req, res) => this.serveStoredAsset(req, res));
    await new Promise<void>((resolve) => this.storage?.listen(0, '127.0.0.1', resolve));
    this.storageUrl = `http://127.0.0.1:${(this.storage.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((error) => (error ? reject(error) : resolve())));
    await new Promise<void>((resolve, reject) => this.storage?.close((error) => (error ? reject(error) : resolve())));
  }

  private commentJson(comment: IssueComment) {
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${this.url}/repos/o/r/issues/comments/${comment.id}`,
      html_url: `https://github.com/o/r/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
      body: comment.body,
      user: { login: comment.login, id: 1, type: comment.login.endsWith('[bot]') ? 'Bot' : 'User' },
      created_at: '2026-11-01T00:00:00Z',
      updated_at: '2026-11-01T00:00:00Z',
    };
  }

  private readonly handlers: Record<string, Handler> = {
    'users/get-authenticated': ({ account }) =>
      account.type === 'Bot'
        ? { status: 403, body: { message: 'Resource not accessible by integration' } }
        : { status: 200, body: { login: account.login, id: 1, type: 'User' } },
    'issues/list-comments': ({ params, query, url }) => {
      const all = this.comments.filter((c) => c.issueNumber === Number(params['issue_number']));
      const perPage = Math.min(100, Number(query.get('per_page') ?? 30)); // GitHub caps pages at 100
      const page = Number(query.get('page') ?? 1);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const links: string[] = [];
      const pageUrl = (n: number) => {
        const next = new URL(url.href.replace(url.origin, this.url));
        next.searchParams.set('page', String(n));
        next.searchParams.set('per_page', String(perPage));
        return next.href;
      };
      if (page < last) links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(last)}>; rel="last"`);
      return {
        status: 200,
        body: all.slice((page - 1) * perPage, page * perPage).map((c) => this.commentJson(c)),
        headers: links.length > 0 ? { link: links.join(', ') } : {},
      };
    },
    'issues/create-comment': ({ params, body, account }) => {
      const comment = this.seedComment(Number(params['issue_number']), account.login, String(body['body']));
      return { status: 201, body: this.commentJson(comment) };
    },
    'issues/update-comment': ({ params, body }) => {
      const comment = this.comments.find((c) => c.id === Number(params['comment_id']));
      if (comment === undefined) return { status: 404, body: { message: 'Not Found' } };
      comment.body = String(body['body']);
      return { status: 200, body: this.commentJson(comment) };
    },
    'checks/create': ({ body }) => {
      const output = (body['output'] ?? {}) as { summary?: string; annotations?: unknown[] };
      const run: CheckRun = {
        id: this.nextId++,
        name: String(body['name']),
        headSha: String(body['head_sha']),
        conclusion: body['conclusion'] as string | undefined,
        summary: output.summary ?? '',
        annotations: [...(output.annotations ?? [])],
      };
      this.checkRuns.push(run);
      return { status: 201, body: { id: run.id, url: `${this.url}/repos/o/r/check-runs/${run.id}`, html_url: `https://github.com/o/r/runs/${run.id}` } };
    },
    'checks/update': ({ params, body }) => {
      const run = this.checkRuns.find((r) => r.id === Number(params['check_run_id']));
      if (run === undefined) return { status: 404, body: { message: 'Not Found' } };
      const output = (body['output'] ?? {}) as { summary?: string; annotations?: unknown[] };
      run.annotations.push(...(output.annotations ?? []));
      return { status: 200, body: { id: run.id, url: `${this.url}/repos/o/r/check-runs/${run.id}`, html_url: `https://github.com/o/r/runs/${run.id}` } };
    },
    'issues/list-for-repo': ({ query }) => {
      const state = query.get('state') ?? 'open';
      const labels = (query.get('labels') ?? '').split(',').filter((label) => label !== '');
      const perPage = Math.min(100, Number(query.get('per_page') ?? 30));
      const page = Number(query.get('page') ?? 1);
      const matching = this.issues.filter((issue) => (state === 'all' || issue.state === state) && labels.every((label) => issue.labels.includes(label)));
      return { status: 200, body: matching.slice((page - 1) * perPage, page * perPage).map((issue) => this.issueJson(issue)) };
    },
    'issues/create': ({ body, account }) => {
      const issue = this.seedIssue({ title: String(body['title']), body: String(body['body'] ?? ''), login: account.login, labels: ((body['labels'] ?? []) as string[]).map(String) });
      return { status: 201, body: this.issueJson(issue) };
    },
    'issues/update': ({ params, body }) => {
      const issue = this.issues.find((item) => item.number === Number(params['issue_number']));
      if (issue === undefined) return { status: 404, body: { message: 'Not Found' } };
      if (typeof body['title'] === 'string') issue.title = body['title'];
      if (typeof body['body'] === 'string') issue.body = body['body'];
      if (body['state'] === 'open' || body['state'] === 'closed') issue.state = body['state'];
      if (typeof body['state_reason'] === 'string') issue.stateReason = body['state_reason'];
      return { status: 200, body: this.issueJson(issue) };
    },
    'actions/create-workflow-dispatch': ({ params, body }) => {
      this.dispatches.push({ workflow: String(params['workflow_id']), ref: String(body['ref']), inputs: (body['inputs'] ?? {}) as Record<string, unknown> });
      return { status: 204, body: '', raw: true };
    },
    'repos/get-content': ({ params, query, accept }) => {
      const ref = query.get('ref') ?? 'HEAD';
      const path = String(params['path']);
      const repository = `${params['owner']}/${params['repo']}`;
      const content = this.files.get(`${ref}:${path}`);
      const documentation = 'https://docs.github.com/rest/repos/contents#get-repository-content';
      if (content === undefined) {
        const listing = this.directory(ref, path);
        if (listing.length > 0) return { status: 200, body: listing.map((entry) => this.contentEntry(repository, ref, entry.path, entry.type, entry.content)) };
        if (!this.refKnown(ref)) return { status: 404, body: { message: `No commit found for the ref ${ref}`, documentation_url: documentation, status: '404' } };
        return { status: 404, body: { message: 'Not Found', documentation_url: documentation, status: '404' } };
      }
      if (/application\/vnd\.github(?:\.v3)?\.raw/.test(accept)) {
        return { status: 200, body: content, raw: true, headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' } };
      }
      const bytes = Buffer.from(content, 'utf8');
      if (bytes.length > CONTENT_LIMIT) {
        return { status: 403, body: { message: 'This API returns blobs up to 100 MB in size.', errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }], documentation_url: documentation, status: '403' } };
      }
      return { status: 200, body: this.contentEntry(repository, ref, path, 'file', content, true) };
    },
    'repos/create-or-update-file-contents': ({ params, body }) => {
      const path = String(params['path']);
      const repository = `${params['owner']}/${params['repo']}`;
      const branch = typeof body['branch'] === 'string' ? body['branch'] : this.defaultBranch;
      const documentation = 'https://docs.github.com/rest/repos/contents#create-or-update-file-contents';
      // GitHub checks the branch before the sha.
      if (!this.branchExists(branch)) return { status: 404, body: { message: `Branch ${branch} not found`, documentation_url: documentation, status: '404' } };
      const key = `${branch}:${path}`;
      const existing = this.files.get(key);
      const sha = typeof body['sha'] === 'string' ? body['sha'] : undefined;
      if (existing !== undefined) {
        if (sha === undefined) return { status: 422, body: { message: 'Invalid request.\n\n"sha" wasn\'t supplied.', documentation_url: documentation, status: '422' } };
        if (sha !== gitBlobSha(existing)) return { status: 409, body: { message: `${path} does not match ${sha}`, documentation_url: documentation, status: '409' } };
      }
      const encoded = String(body['content']);
      if (!/^[A-Za-z0-9+/=\s]*$/.test(encoded)) return { status: 422, body: { message: 'content is not valid Base64', documentation_url: documentation, status: '422' } };
      const parent = this.headOf(branch);
      const bytes = Buffer.from(encoded, 'base64');
      this.files.set(key, bytes.toString('utf8'));
      this.blobs.set(gitBlobSha(bytes), bytes);
      const commit = this.commitBranch(branch, String(body['message']), parent === undefined ? [] : [parent]);
      return { status: existing === undefined ? 201 : 200, body: { content: this.contentEntry(repository, branch, path, 'file', bytes.toString('utf8')), commit: this.commitJson(repository, commit) } };
    },
    'git/get-blob': ({ params, accept }) => {
      const sha = String(params['file_sha']);
      const bytes = this.blob(sha);
      if (bytes === undefined) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/git/blobs#get-a-blob', status: '404' } };
      if (/application\/vnd\.github(?:\.v3)?\.raw/.test(accept)) {
        return { status: 200, body: bytes, raw: true, headers: { 'content-type': 'application/vnd.github.raw' } };
      }
      const repository = `${params['owner']}/${params['repo']}`;
      return { status: 200, body: { sha, node_id: `B_${sha.slice(0, 12)}`, size: bytes.length, url: `${this.url}/repos/${repository}/git/blobs/${sha}`, content: wrappedBase64(bytes), encoding: 'base64' } };
    },
    'git/get-ref': ({ params }) => {
      const ref = `refs/${String(params['ref'])}`;
      const branch = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
      if (branch !== undefined) this.headOf(branch);
      const sha = this.refs.get(ref);
      if (sha === undefined) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/git/refs#get-a-reference', status: '404' } };
      return { status: 200, body: this.refJson(`${params['owner']}/${params['repo']}`, ref, sha) };
    },
    'git/create-ref': ({ params, body }) => {
      const ref = String(body['ref']);
      const sha = String(body['sha']);
      const documentation = 'https://docs.github.com/rest/git/refs#create-a-reference';
      if (!/^refs\/[^/]+\/.+/.test(ref)) return { status: 422, body: { message: `${ref} is not a valid ref name.`, documentation_url: documentation, status: '422' } };
      const branch = /^refs\/heads\/(.+)$/.exec(ref)?.[1];
      if (this.refs.has(ref) || (branch !== undefined && this.branchExists(branch))) {
        return { status: 422, body: { message: 'Reference already exists', documentation_url: documentation, status: '422' } };
      }
      const commit = this.commits.get(sha);
      if (commit === undefined) return { status: 422, body: { message: 'Object does not exist', documentation_url: documentation, status: '422' } };
      this.refs.set(ref, sha);
      if (branch !== undefined) {
        for (const [path, blobSha] of this.trees.get(commit.tree) ?? []) this.files.set(`${branch}:${path}`, (this.blobs.get(blobSha) ?? Buffer.alloc(0)).toString('utf8'));
      }
      return { status: 201, body: this.refJson(`${params['owner']}/${params['repo']}`, ref, sha) };
    },
    'git/create-tree': ({ params, body }) => {
      const documentation = 'https://docs.github.com/rest/git/trees#create-a-tree';
      const base = typeof body['base_tree'] === 'string' ? this.trees.get(body['base_tree']) : new Map<string, string>();
      if (base === undefined) return { status: 422, body: { message: 'Invalid tree info', documentation_url: documentation, status: '422' } };
      const entries = new Map(base);
      for (const entry of (body['tree'] ?? []) as Array<{ path?: string; mode?: string; type?: string; sha?: string | null; content?: string }>) {
        const path = String(entry.path);
        if (entry.type !== 'blob') return { status: 422, body: { message: 'Invalid tree info', documentation_url: documentation, status: '422' } };
        if (entry.content !== undefined) {
          const bytes = Buffer.from(entry.content, 'utf8');
          const sha = gitBlobSha(bytes);
          this.blobs.set(sha, bytes);
          entries.set(path, sha);
        } else if (entry.sha === null) {
          entries.delete(path);
        } else if (typeof entry.sha === 'string' && this.blob(entry.sha) !== undefined) {
          entries.set(path, entry.sha);
        } else {
          return { status: 422, body: { message: 'Invalid tree info', documentation_url: documentation, status: '422' } };
        }
      }
      const sha = this.storeTree(entries);
      return { status: 201, body: { sha, url: `${this.url}/repos/${params['owner']}/${params['repo']}/git/trees/${sha}`, tree: this.treeEntries(`${params['owner']}/${params['repo']}`, entries, true), truncated: false } };
    },
    'git/create-commit': ({ params, body }) => {
      const documentation = 'https://docs.github.com/rest/git/commits#create-a-commit';
      const tree = String(body['tree']);
      if (!this.trees.has(tree)) return { status: 422, body: { message: 'Tree SHA does not exist', documentation_url: documentation, status: '422' } };
      const parents = ((body['parents'] ?? []) as unknown[]).map(String);
      if (parents.some((parent) => !this.commits.has(parent))) return { status: 422, body: { message: 'Parent SHA does not exist or is not a commit object', documentation_url: documentation, status: '422' } };
      const sha = this.storeCommit({ tree, parents, message: String(body['message']) });
      return { status: 201, body: this.commitJson(`${params['owner']}/${params['repo']}`, sha) };
    },
    'git/get-tree': ({ params, query }) => {
      const repository = `${params['owner']}/${params['repo']}`;
      const name = String(params['tree_sha']);
      const recursive = query.get('recursive') !== null;
      let entries = this.trees.get(name) ?? this.trees.get(this.commits.get(name)?.tree ?? '');
      if (entries === undefined && this.branchExists(name)) entries = this.branchTree(name);
      if (entries === undefined) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/git/trees#get-a-tree', status: '404' } };
      return { status: 200, body: { sha: this.storeTree(entries), url: `${this.url}/repos/${repository}/git/trees/${name}`, tree: this.treeEntries(repository, entries, recursive), truncated: false } };
    },
    'repos/get': ({ params, account }) => {
      const repository = `${params['owner']}/${params['repo']}`;
      return {
        status: 200,
        body: {
          id: 1,
          node_id: 'R_1',
          name: params['repo'],
          full_name: repository,
          private: false,
          owner: { login: params['owner'], id: 1, type: 'User' },
          html_url: `https://github.com/${repository}`,
          url: `${this.url}/repos/${repository}`,
          default_branch: this.defaultBranch,
          permissions: { admin: false, maintain: false, push: account.readOnly !== true, triage: account.readOnly !== true, pull: true },
        },
      };
    },
    'repos/create-release': ({ params, body, account }) => {
      const repository = `${params['owner']}/${params['repo']}`;
      const tag = String(body['tag_name']);
      const draft = body['draft'] === true;
      const target = typeof body['target_commitish'] === 'string' ? body['target_commitish'] : this.defaultBranch;
      const invalid = this.releaseInvalid(repository, { tag, draft, body: body['body'], target });
      if (invalid !== undefined) return invalid;
      const now = new Date().toISOString();
      const release: FakeRelease = {
        id: this.nextId++,
        repository,
        tagName: tag,
        targetCommitish: target,
        name: typeof body['name'] === 'string' ? body['name'] : null,
        body: typeof body['body'] === 'string' ? body['body'] : null,
        draft,
        prerelease: body['prerelease'] === true,
        makeLatest: typeof body['make_latest'] === 'string' ? body['make_latest'] : 'true',
        author: account.login,
        createdAt: now,
        publishedAt: draft ? null : now,
        untagged: `untagged-${randomBytes(10).toString('hex')}`,
        assets: [],
      };
      this.releases.push(release);
      if (!draft) this.tagRelease(release);
      return { status: 201, body: this.releaseJson(release) };
    },
    'repos/list-releases': ({ params, query, url, account }) => {
      const repository = `${params['owner']}/${params['repo']}`;
      const visible = this.releases.filter((release) => release.repository === repository && (!release.draft || account.readOnly !== true)).sort((a, b) => b.id - a.id);
      return this.page(visible, query, url, (release) => this.releaseJson(release));
    },
    'repos/get-release': ({ params, account }) => {
      const release = this.release(params, account);
      return release === undefined ? this.releaseNotFound('releases#get-a-release') : { status: 200, body: this.releaseJson(release) };
    },
    'repos/get-release-by-tag': ({ params }) => {
      // Drafts have no tag yet: GitHub finds only published releases by tag.
      const release = this.releases.find((item) => item.repository === `${params['owner']}/${params['repo']}` && !item.draft && item.tagName === params['tag']);
      return release === undefined ? this.releaseNotFound('releases#get-a-release-by-tag-name') : { status: 200, body: this.releaseJson(release) };
    },
    'repos/update-release': ({ params, body, account }) => {
      const release = this.release(params, account);
      if (release === undefined) return this.releaseNotFound('releases#update-a-release');
      const tag = typeof body['tag_name'] === 'string' ? body['tag_name'] : release.tagName;
      const draft = typeof body['draft'] === 'boolean' ? body['draft'] : release.draft;
      const target = typeof body['target_commitish'] === 'string' ? body['target_commitish'] : release.targetCommitish;
      const invalid = this.releaseInvalid(release.repository, { tag, draft, body: body['body'], target, self: release.id });
      if (invalid !== undefined) return invalid;
      release.tagName = tag;
      release.targetCommitish = target;
      if (typeof body['name'] === 'string') release.name = body['name'];
      if (typeof body['body'] === 'string') release.body = body['body'];
      if (typeof body['prerelease'] === 'boolean') release.prerelease = body['prerelease'];
      if (typeof body['make_latest'] === 'string') release.makeLatest = body['make_latest'];
      if (release.draft && !draft) {
        release.draft = false;
        release.publishedAt = new Date().toISOString();
        this.tagRelease(release);
      }
      return { status: 200, body: this.releaseJson(release) };
    },
    'repos/delete-release': ({ params, account }) => {
      const release = this.release(params, account);
      if (release === undefined) return this.releaseNotFound('releases#delete-a-release');
      this.releases.splice(this.releases.indexOf(release), 1);
      return { status: 204, body: '', raw: true };
    },
    'repos/list-release-assets': ({ params, query, url, account }) => {
      const release = this.release(params, account);
      if (release === undefined) return this.releaseNotFound('assets#list-release-assets');
      return this.page(release.assets, query, url, (asset) => this.assetJson(release, asset));
    },
    'repos/upload-release-asset': ({ params, query, raw, headers, account }) => {
      const release = this.release(params, account);
      const documentation = 'https://docs.github.com/rest/releases/assets#upload-a-release-asset';
      if (release === undefined) return this.releaseNotFound('assets#upload-a-release-asset');
      const requested = query.get('name');
      if (requested === null || requested === '') {
        return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'ReleaseAsset', code: 'missing_field', field: 'name' }], documentation_url: documentation, status: '422' } };
      }
      const contentType = headers['content-type'];
      if (contentType === undefined) return { status: 422, body: { message: 'Bad Content-Type header value', documentation_url: documentation, status: '422' } };
      const name = normalizeAssetName(requested);
      if (release.assets.some((asset) => asset.name === name)) {
        return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }], documentation_url: documentation, status: '422' } };
      }
      const asset: FakeReleaseAsset = { id: this.nextId++, name, label: query.get('label') ?? '', contentType, data: raw ?? Buffer.alloc(0), uploader: account.login, createdAt: new Date().toISOString() };
      release.assets.push(asset);
      return { status: 201, body: this.assetJson(release, asset) };
    },
    'repos/get-release-asset': ({ params, accept, account }) => {
      const found = this.asset(params, account);
      if (found === undefined) return this.releaseNotFound('assets#get-a-release-asset');
      if (accept.includes('application/octet-stream')) {
        const location = `${this.storageUrl}/release-assets/${found.asset.id}?sig=${this.signature(found.asset.id)}`;
        return { status: 302, body: '', raw: true, headers: { location, 'content-type': 'text/html;charset=utf-8' } };
      }
      return { status: 200, body: this.assetJson(found.release, found.asset) };
    },
    'repos/delete-release-asset': ({ params, account }) => {
      const found = this.asset(params, account);
      if (found === undefined) return this.releaseNotFound('assets#delete-a-release-asset');
      found.release.assets.splice(found.release.assets.indexOf(found.asset), 1);
      return { status: 204, body: '', raw: true };
    },
    'repos/create-commit-status': ({ params, body }) => {
      const status = { id: this.nextId++, sha: params['sha'], ...body };
      this.statuses.push(status);
      return { status: 201, body: status };
    },
    'repos/create-deployment': ({ params, body, account }) => {
      const repository = `${params['owner']}/${params['repo']}`;
      const documentation = 'https://docs.github.com/rest/deployments/deployments#create-a-deployment';
      const ref = String(body['ref']);
      const sha = /^[0-9a-f]{40}$/.test(ref) ? ref : this.branchExists(ref) ? this.headOf(ref) : this.refs.get(`refs/tags/${ref}`);
      if (sha === undefined) return { status: 422, body: { message: `No ref found for: ${ref}`, documentation_url: documentation, status: '422' } };
      // GitHub requires the listed contexts (every context on the commit when the list is omitted) to be `success`.
      const latest = new Map<string, unknown>();
      for (const status of this.statuses) if (status['sha'] === sha) latest.set(String(status['context'] ?? 'default'), status['state']);
      const required = Array.isArray(body['required_contexts']) ? (body['required_contexts'] as unknown[]).map(String) : [...latest.keys()];
      const failing = required.filter((context) => latest.get(context) !== 'success');
      if (failing.length > 0) {
        return {
          status: 409,
          body: { message: `Conflict: Commit status checks failed for ${ref}.`, errors: [{ contexts: failing.map((context) => ({ context, state: latest.get(context) ?? 'missing' })), resource: 'Deployment', field: 'required_contexts', code: 'invalid' }], documentation_url: documentation, status: '409' },
        };
      }
      const environment = typeof body['environment'] === 'string' ? body['environment'] : 'production';
      let payload: unknown = body['payload'] ?? {};
      // A string payload is JSON text: GitHub stores (and answers) the object it holds.
      try {
        if (typeof payload === 'string') payload = payload === '' ? {} : (JSON.parse(payload) as unknown);
      } catch {
        return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Deployment', code: 'invalid', field: 'payload' }], documentation_url: documentation, status: '422' } };
      }
      const deployment: FakeDeployment = {
        id: this.nextId++,
        repository,
        sha,
        ref,
        task: typeof body['task'] === 'string' ? body['task'] : 'deploy',
        payload,
        environment,
        description: typeof body['description'] === 'string' ? body['description'] : null,
        transient: body['transient_environment'] === true,
        production: typeof body['production_environment'] === 'boolean' ? body['production_environment'] : environment === 'production',
        creator: account.login,
        createdAt: new Date().toISOString(),
        statuses: [],
      };
      this.deployments.push(deployment);
      return { status: 201, body: this.deploymentJson(deployment) };
    },
    'repos/list-deployments': ({ params, query, url }) => {
      const repository = `${params['owner']}/${params['repo']}`;
      const filters = (['sha', 'ref', 'task', 'environment'] as const).map((name) => [name, query.get(name)] as const);
      const matching = this.deployments
        .filter((deployment) => deployment.repository === repository && filters.every(([name, value]) => value === null || deployment[name] === value))
        .sort((a, b) => b.id - a.id);
      return this.page(matching, query, url, (deployment) => this.deploymentJson(deployment));
    },
    'repos/create-deployment-status': ({ params, body, account }) => {
      const deployment = this.deployment(params);
      const documentation = 'https://docs.github.com/rest/deployments/statuses#create-a-deployment-status';
      if (deployment === undefined) return { status: 404, body: { message: 'Not Found', documentation_url: documentation, status: '404' } };
      const description = typeof body['description'] === 'string' ? body['description'] : '';
      // The description's documented maximum; the fake refuses longer ones rather than guess how GitHub cuts them.
      if (description.length > 140) {
        return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'DeploymentStatus', code: 'custom', field: 'description', message: 'description is too long (maximum is 140 characters)' }], documentation_url: documentation, status: '422' } };
      }
      const logUrl = typeof body['log_url'] === 'string' ? body['log_url'] : typeof body['target_url'] === 'string' ? body['target_url'] : '';
      const previous = deployment.statuses.at(-1);
      const status = this.addDeploymentStatus(deployment, {
        state: String(body['state']),
        description,
        environment: typeof body['environment'] === 'string' ? body['environment'] : (previous?.environment ?? deployment.environment),
        logUrl,
        environmentUrl: typeof body['environment_url'] === 'string' ? body['environment_url'] : '',
        creator: account.login,
      });
      if (status.state === 'success' && body['auto_inactive'] !== false) {
        // Earlier non-transient, non-production deployments to the environment whose state is `success`.
        for (const other of this.deployments) {
          if (other === deployment || other.id > deployment.id || other.repository !== deployment.repository || other.environment !== deployment.environment) continue;
          if (other.transient || other.production || other.statuses.at(-1)?.state !== 'success') continue;
          this.addDeploymentStatus(other, { state: 'inactive', description: '', environment: other.environment, logUrl: '', environmentUrl: '', creator: account.login });
        }
      }
      return { status: 201, body: this.deploymentStatusJson(deployment, status) };
    },
    'repos/list-deployment-statuses': ({ params, query, url }) => {
      const deployment = this.deployment(params);
      if (deployment === undefined) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/deployments/statuses#list-deployment-statuses', status: '404' } };
      return this.page([...deployment.statuses].reverse(), query, url, (status) => this.deploymentStatusJson(deployment, status));
    },
  };

  // --- Deployments ---------------------------------------------------------------------------

  private deployment(params: Record<string, string>): FakeDeployment | undefined {
    return this.deployments.find((item) => item.id === Number(params['deployment_id']) && item.repository === `${params['owner']}/${params['repo']}`);
  }

  private addDeploymentStatus(deployment: FakeDeployment, status: Omit<FakeDeploymentStatus, 'id' | 'createdAt'>): FakeDeploymentStatus {
    const added: FakeDeploymentStatus = { ...status, id: this.nextId++, createdAt: new Date().toISOString() };
    deployment.statuses.push(added);
    return added;
  }

  private deploymentJson(deployment: FakeDeployment) {
    const api = `${this.url}/repos/${deployment.repository}`;
    return {
      url: `${api}/deployments/${deployment.id}`,
      id: deployment.id,
      node_id: `DE_${deployment.id}`,
      sha: deployment.sha,
      ref: deployment.ref,
      task: deployment.task,
      payload: deployment.payload,
      original_environment: deployment.environment,
      environment: deployment.environment,
      description: deployment.description,
      creator: this.user(deployment.creator),
      created_at: deployment.createdAt,
      updated_at: deployment.statuses.at(-1)?.createdAt ?? deployment.createdAt,
      statuses_url: `${api}/deployments/${deployment.id}/statuses`,
      repository_url: api,
      transient_environment: deployment.transient,
      production_environment: deployment.production,
      performed_via_github_app: null,
    };
  }

  private deploymentStatusJson(deployment: FakeDeployment, status: FakeDeploymentStatus) {
    const api = `${this.url}/repos/${deployment.repository}`;
    return {
      url: `${api}/deployments/${deployment.id}/statuses/${status.id}`,
      id: status.id,
      node_id: `DES_${status.id}`,
      state: status.state,
      creator: this.user(status.creator),
      description: status.description,
      environment: status.environment,
      target_url: status.logUrl,
      created_at: status.createdAt,
      updated_at: status.createdAt,
      deployment_url: `${api}/deployments/${deployment.id}`,
      repository_url: api,
      environment_url: status.environmentUrl,
      log_url: status.logUrl,
      performed_via_github_app: null,
    };
  }

  // --- Git database and contents -------------------------------------------------------------

  private hasFilesUnder(ref: string): boolean {
    for (const key of this.files.keys()) if (key.startsWith(`${ref}:`)) return true;
    return false;
  }

  /** A branch exists once created through the API, or when files were seeded under its name. */
  private branchExists(branch: string): boolean {
    return this.refs.has(`refs/heads/${branch}`) || this.hasFilesUnder(branch);
  }

  /** Whether `ref` names something a commit can be found for: a branch, a tag, a commit sha, HEAD. */
  private refKnown(ref: string): boolean {
    return ref === 'HEAD' || /^[0-9a-f]{40}$/.test(ref) || this.branchExists(ref) || this.refs.has(`refs/tags/${ref}`);
  }

  /** The branch's head commit; a branch that only has seeded files gets a first commit of them. */
  private headOf(branch: string): string | undefined {
    const ref = `refs/heads/${branch}`;
    if (!this.refs.has(ref) && this.hasFilesUnder(branch)) this.commitBranch(branch, 'seeded files', []);
    return this.refs.get(ref);
  }

  /** The branch's files as a flattened tree (path → blob sha). */
  private branchTree(branch: string): Map<string, string> {
    const entries = new Map<string, string>();
    for (const [key, content] of this.files) {
      if (!key.startsWith(`${branch}:`)) continue;
      const bytes = Buffer.from(content, 'utf8');
      const sha = gitBlobSha(bytes);
      this.blobs.set(sha, bytes);
      entries.set(key.slice(branch.length + 1), sha);
    }
    return entries;
  }

  /** Commits the branch's current files and moves the branch to the commit. */
  private commitBranch(branch: string, message: string, parents: string[]): string {
    const sha = this.storeCommit({ tree: this.storeTree(this.branchTree(branch)), parents, message });
    this.refs.set(`refs/heads/${branch}`, sha);
    return sha;
  }

  private storeTree(entries: Map<string, string>): string {
    const listing = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const sha = createHash('sha1').update(`tree ${JSON.stringify(listing)}`).digest('hex');
    this.trees.set(sha, new Map(listing));
    return sha;
  }

  private storeCommit(commit: FakeCommit): string {
    const sha = createHash('sha1').update(`commit ${JSON.stringify(commit)} ${this.nextId++}`).digest('hex');
    this.commits.set(sha, commit);
    return sha;
  }

  /** A blob by sha: one written through the API, or the content of a seeded file. */
  private blob(sha: string): Buffer | undefined {
    const known = this.blobs.get(sha);
    if (known !== undefined) return known;
    for (const content of this.files.values()) if (gitBlobSha(content) === sha) return Buffer.from(content, 'utf8');
    return undefined;
  }

  /** The entries directly under directory `path` at `ref` (`''` is the root). */
  private directory(ref: string, path: string): Array<{ path: string; type: 'file' | 'dir'; content?: string }> {
    const prefix = `${ref}:${path === '' ? '' : `${path}/`}`;
    const entries = new Map<string, { path: string; type: 'file' | 'dir'; content?: string }>();
    for (const [key, content] of this.files) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      const [head, ...tail] = rest.split('/');
      const child = `${path === '' ? '' : `${path}/`}${head}`;
      entries.set(child, tail.length === 0 ? { path: child, type: 'file', content } : { path: child, type: 'dir' });
    }
    return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** A contents API entry; with `inline`, a file's content as GitHub sends it (none above 1 MB). */
  private contentEntry(repository: string, ref: string, path: string, type: 'file' | 'dir', content?: string, inline = false) {
    const bytes = Buffer.from(content ?? '', 'utf8');
    const sha = type === 'file' ? gitBlobSha(bytes) : this.storeTree(this.subtree(ref, path));
    const self = `${this.url}/repos/${repository}/contents/${path}?ref=${ref}`;
    const git = `${this.url}/repos/${repository}/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`;
    const html = `https://github.com/${repository}/${type === 'file' ? 'blob' : 'tree'}/${ref}/${path}`;
    const entry = {
      type,
      size: type === 'file' ? bytes.length : 0,
      name: path.split('/').pop(),
      path,
      sha,
      url: self,
      git_url: git,
      html_url: html,
      download_url: type === 'file' ? `https://raw.githubusercontent.com/${repository}/${ref}/${path}` : null,
      _links: { self, git, html },
    };
    if (!inline) return entry;
    const large = bytes.length > CONTENT_INLINE_LIMIT;
    return { ...entry, encoding: large ? 'none' : 'base64', content: large ? '' : wrappedBase64(bytes) };
  }

  private subtree(ref: string, path: string): Map<string, string> {
    const entries = new Map<string, string>();
    for (const [file, sha] of this.branchTree(ref)) if (file.startsWith(`${path}/`)) entries.set(file.slice(path.length + 1), sha);
    return entries;
  }

  /** A tree's entries as the trees API lists them: the top level, or every blob and directory. */
  private treeEntries(repository: string, entries: Map<string, string>, recursive: boolean) {
    const listed = new Map<string, { path: string; mode: string; type: 'blob' | 'tree'; sha: string; size?: number; url: string }>();
    for (const [path, sha] of entries) {
      const parts = path.split('/');
      for (let depth = 1; depth < parts.length; depth += 1) {
        const directory = parts.slice(0, depth).join('/');
        if (!recursive && depth > 1) break;
        if (!listed.has(directory)) {
          const inner = new Map([...entries].filter(([file]) => file.startsWith(`${directory}/`)).map(([file, blob]) => [file.slice(directory.length + 1), blob]));
          const treeSha = this.storeTree(inner);
          listed.set(directory, { path: directory, mode: '040000', type: 'tree', sha: treeSha, url: `${this.url}/repos/${repository}/git/trees/${treeSha}` });
        }
      }
      if (recursive || parts.length === 1) {
        listed.set(path, { path, mode: '100644', type: 'blob', sha, size: this.blob(sha)?.length ?? 0, url: `${this.url}/repos/${repository}/git/blobs/${sha}` });
      }
    }
    return [...listed.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  private refJson(repository: string, ref: string, sha: string) {
    return { ref, node_id: `REF_${sha.slice(0, 8)}`, url: `${this.url}/repos/${repository}/git/${ref}`, object: { sha, type: 'commit', url: `${this.url}/repos/${repository}/git/commits/${sha}` } };
  }

  private commitJson(repository: string, sha: string) {
    const commit = this.commits.get(sha) as FakeCommit;
    const person = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com', date: new Date().toISOString() };
    return {
      sha,
      node_id: `C_${sha.slice(0, 12)}`,
      url: `${this.url}/repos/${repository}/git/commits/${sha}`,
      html_url: `https://github.com/${repository}/commit/${sha}`,
      author: person,
      committer: person,
      message: commit.message,
      tree: { sha: commit.tree, url: `${this.url}/repos/${repository}/git/trees/${commit.tree}` },
      parents: commit.parents.map((parent) => ({ sha: parent, url: `${this.url}/repos/${repository}/git/commits/${parent}`, html_url: `https://github.com/${repository}/commit/${parent}` })),
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    };
  }

  // --- Releases ------------------------------------------------------------------------------

  /** One page of `items` with GitHub's Link header (per_page capped at 100). */
  private page<T>(items: T[], query: URLSearchParams, url: URL, json: (item: T) => unknown): Handled {
    const perPage = Math.min(100, Number(query.get('per_page') ?? 30));
    const page = Number(query.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const pageUrl = (n: number) => {
      const next = new URL(url.href.replace(url.origin, this.url));
      next.searchParams.set('page', String(n));
      next.searchParams.set('per_page', String(perPage));
      return next.href;
    };
    const links = page < last ? [`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(last)}>; rel="last"`] : [];
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage).map(json), headers: links.length > 0 ? { link: links.join(', ') } : {} };
  }

  /** A release by id, as the account sees it: drafts only with push access. */
  private release(params: Record<string, string>, account: Account): FakeRelease | undefined {
    return this.releases.find((item) => item.id === Number(params['release_id']) && item.repository === `${params['owner']}/${params['repo']}` && (!item.draft || account.readOnly !== true));
  }

  private asset(params: Record<string, string>, account: Account): { release: FakeRelease; asset: FakeReleaseAsset } | undefined {
    for (const release of this.releases) {
      if (release.repository !== `${params['owner']}/${params['repo']}` || (release.draft && account.readOnly === true)) continue;
      const asset = release.assets.find((item) => item.id === Number(params['asset_id']));
      if (asset !== undefined) return { release, asset };
    }
    return undefined;
  }

  private releaseNotFound(page: string): Handled {
    return { status: 404, body: { message: 'Not Found', documentation_url: `https://docs.github.com/rest/releases/${page}`, status: '404' } };
  }

  /** GitHub's validation of a release: body length, one published release per tag, an existing target. */
  private releaseInvalid(repository: string, release: { tag: string; draft: boolean; body: unknown; target: string; self?: number }): Handled | undefined {
    const failed = (error: Record<string, string>): Handled => ({
      status: 422,
      body: { message: 'Validation Failed', errors: [{ resource: 'Release', ...error }], documentation_url: 'https://docs.github.com/rest/releases/releases#create-a-release', status: '422' },
    });
    if (typeof release.body === 'string' && release.body.length > RELEASE_BODY_LIMIT) {
      return failed({ code: 'custom', field: 'body', message: `body is too long (maximum is ${RELEASE_BODY_LIMIT} characters)` });
    }
    if (!release.draft && this.releases.some((other) => other.repository === repository && other.id !== release.self && !other.draft && other.tagName === release.tag)) {
      return failed({ code: 'already_exists', field: 'tag_name' });
    }
    if (!this.refKnown(release.target) && release.target !== this.defaultBranch) return failed({ code: 'invalid', field: 'target_commitish' });
    return undefined;
  }

  /** Publishing creates the tag at the target, unless it exists already. */
  private tagRelease(release: FakeRelease): void {
    const ref = `refs/tags/${release.tagName}`;
    if (this.refs.has(ref)) return;
    const target = this.headOf(release.targetCommitish) ?? release.targetCommitish;
    this.refs.set(ref, target);
  }

  private user(login: string) {
    return { login, id: 1, node_id: 'U_1', type: login.endsWith('[bot]') ? 'Bot' : 'User', site_admin: false };
  }

  private releaseJson(release: FakeRelease) {
    const api = `${this.url}/repos/${release.repository}`;
    const tag = release.draft ? release.untagged : release.tagName;
    return {
      url: `${api}/releases/${release.id}`,
      html_url: `https://github.com/${release.repository}/releases/tag/${tag}`,
      assets_url: `${api}/releases/${release.id}/assets`,
      upload_url: `${api}/releases/${release.id}/assets{?name,label}`,
      tarball_url: release.draft ? null : `${api}/tarball/${release.tagName}`,
      zipball_url: release.draft ? null : `${api}/zipball/${release.tagName}`,
      id: release.id,
      node_id: `RE_${release.id}`,
      tag_name: release.tagName,
      target_commitish: release.targetCommitish,
      name: release.name,
      body: release.body,
      draft: release.draft,
      prerelease: release.prerelease,
      immutable: false,
      created_at: release.createdAt,
      published_at: release.publishedAt,
      author: this.user(release.author),
      assets: release.assets.map((asset) => this.assetJson(release, asset)),
    };
  }

  private assetJson(release: FakeRelease, asset: FakeReleaseAsset) {
    const tag = release.draft ? release.untagged : release.tagName;
    return {
      url: `${this.url}/repos/${release.repository}/releases/assets/${asset.id}`,
      browser_download_url: `https://github.com/${release.repository}/releases/download/${tag}/${asset.name}`,
      id: asset.id,
      node_id: `RA_${asset.id}`,
      name: asset.name,
      label: asset.label,
      state: 'uploaded',
      content_type: asset.contentType,
      size: asset.data.length,
      digest: `sha256:${createHash('sha256').update(asset.data).digest('hex')}`,
      download_count: 0,
      created_at: asset.createdAt,
      updated_at: asset.createdAt,
      uploader: this.user(asset.uploader),
    };
  }

  private signature(assetId: number): string {
    return createHash('sha256').update(`${this.storageSecret}:${assetId}`).digest('hex');
  }

  /**
   * The storage origin behind asset downloads: serves an asset for a valid signature, and, as S3
   * does for a signed URL, refuses a request that also carries an Authorization header.
   */
  private serveStoredAsset(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.storageUrl);
    this.storageRequests.push({ path: url.pathname, authorization: req.headers.authorization !== undefined });
    const id = Number(/^\/release-assets\/(\d+)$/.exec(url.pathname)?.[1]);
    const asset = this.releases.flatMap((release) => release.assets).find((item) => item.id === id);
    const refuse = (status: number, code: string, message: string) => {
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
    };
    if (req.headers.authorization !== undefined) return refuse(400, 'InvalidArgument', 'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified');
    if (asset === undefined || url.searchParams.get('sig') !== this.signature(id)) return refuse(403, 'AccessDenied', 'Request has expired or the signature does not match');
    res.writeHead(200, { 'content-type': asset.contentType, 'content-length': String(asset.data.length) });
    res.end(asset.data);
  }

  private async readBytes(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /**
   * The request body: the raw bytes for an asset upload (whatever the file's content type), JSON
   * otherwise. A body that is not JSON where GitHub expects JSON is a violation.
   */
  private parseBody(req: IncomingMessage, bytes: Buffer, binary: boolean): { json: unknown; raw: Buffer | undefined } {
    if (bytes.length === 0) return { json: undefined, raw: binary ? bytes : undefined };
    if (binary) return { json: undefined, raw: bytes };
    const type = req.headers['content-type'] ?? '';
    if (type !== '' && !/[/+]json\b/.test(type)) throw new Error(`${req.method} ${req.url}: a ${type} body where GitHub expects JSON`);
    try {
      return { json: JSON.parse(bytes.toString('utf8')) as unknown, raw: undefined };
    } catch (error) {
      throw new Error(`${req.method} ${req.url}: the body is not JSON (${(error as Error).message})`);
    }
  }

  private send(res: ServerResponse, { status, body, headers = {}, raw = false }: Handled): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(raw ? (Buffer.isBuffer(body) ? body : String(body)) : JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const binary = method === 'POST' && BINARY_ROUTE.test(url.pathname);
    let body: unknown;
    let raw: Buffer | undefined;
    try {
      ({ json: body, raw } = this.parseBody(req, await this.readBytes(req), binary));
    } catch (error) {
      this.violations.push((error as Error).message);
      this.send(res, { status: 400, body: { message: `fake GitHub: ${(error as Error).message}` } });
      return;
    }
    const token = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const account = token === undefined ? undefined : this.tokens.get(token);
    if (account === undefined) {
      this.send(res, { status: 401, body: { message: 'Bad credentials' } });
      return;
    }
    if (url.pathname === '/graphql') {
      if (this.graphqlDown) {
        this.send(res, { status: 502, body: { message: 'GraphQL unavailable' } });
        return;
      }
      this.graphql(res, body, account, method);
      return;
    }
    let operation: MatchedOperation;
    try {
      // An upload's body is bytes: the validator checks it is there, and JSON schemas do not apply.
      operation = this.validator.check(method, url.pathname, url.searchParams, body ?? raw);
      if (binary !== BINARY_OPERATIONS.has(operation.operationId)) throw new Error(`${method} ${operation.template}: the fake took the body as ${binary ? 'bytes' : 'JSON'}`);
    } catch (error) {
      this.violations.push((error as Error).message);
      this.send(res, { status: 400, body: { message: `fake GitHub: ${(error as Error).message}` } });
      return;
    }
    const recorded: RecordedRequest = { method, path: url.pathname, operationId: operation.operationId, query: Object.fromEntries(url.searchParams), body: body ?? raw };
    this.requests.push(recorded);
    const answer = (handled: Handled) => {
      recorded.status = handled.status;
      this.send(res, handled);
    };
    const fault = this.faults.find((f) => f.operationId === operation.operationId && f.times > 0);
    if (fault !== undefined) {
      fault.times -= 1;
      answer({ status: fault.status, body: { message: `injected ${fault.status}` } });
      return;
    }
    const handler = this.handlers[operation.operationId];
    if (handler === undefined) {
      this.violations.push(`${method} ${operation.template}: valid, but not implemented by the fake`);
      answer({ status: 501, body: { message: 'not implemented by the fake' } });
      return;
    }
    if (operation.params['owner'] !== undefined && this.hiddenRepositories.has(`${operation.params['owner']}/${operation.params['repo']}`)) {
      answer({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } });
      return;
    }
    if (method !== 'GET' && account.readOnly === true) {
      answer({
        status: 403,
        body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' },
      });
      return;
    }
    answer(handler({ params: operation.params, query: url.searchParams, body: (body ?? {}) as Record<string, unknown>, account, url, accept: req.headers.accept ?? '', raw, headers: req.headers }));
  }

  /** GraphQL is not in the REST description: only the viewer query the project sends is known. */
  private graphql(res: ServerResponse, body: unknown, account: Account, method: string): void {
    const query = (body as { query?: unknown } | undefined)?.query;
    if (method !== 'POST' || typeof query !== 'string' || !/viewer\s*\{\s*login\s+__typename\s*\}/.test(query)) {
      this.violations.push(`graphql: unexpected ${method} ${JSON.stringify(body)}`);
      this.send(res, { status: 400, body: { message: 'fake GitHub: unexpected GraphQL request' } });
      return;
    }
    this.requests.push({ method, path: '/graphql', operationId: 'graphql/viewer', query: {}, body });
    // GraphQL names bots without the [bot] suffix that REST uses.
    const login = account.type === 'Bot' ? account.login.replace(/\[bot\]$/, '') : account.login;
    this.send(res, { status: 200, body: { data: { viewer: { login, __typename: account.type } } } });
  }
}
