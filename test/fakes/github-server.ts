/**
 * A fake GitHub REST API on loopback for tests. Every request is checked against GitHub's OpenAPI
 * description first; a request that does not match is answered 400 and recorded in `violations`, so
 * a test that ends with violations fails. The routes the project uses are implemented over an
 * in-memory state with GitHub's behaviours that matter here: pagination with Link headers, tokens
 * bound to accounts, and 403 "Resource not accessible by integration" for read-only tokens.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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
  /** Send `body` (a string) as is rather than as JSON. */
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
}) => Handled;

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly comments: IssueComment[] = [];
  readonly checkRuns: CheckRun[] = [];
  readonly statuses: Array<Record<string, unknown>> = [];
  readonly issues: FakeIssue[] = [];
  readonly dispatches: Array<{ workflow: string; ref: string; inputs: Record<string, unknown> }> = [];
  /** Repository files by `<ref>:<path>`, served by the contents API. */
  readonly files = new Map<string, string>();
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
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((error) => (error ? reject(error) : resolve())));
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
      const content = this.files.get(`${ref}:${path}`);
      if (content === undefined) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content', status: '404' } };
      if (/application\/vnd\.github(?:\.v3)?\.raw/.test(accept)) {
        return { status: 200, body: content, raw: true, headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' } };
      }
      const name = path.split('/').pop();
      const encoded = Buffer.from(content).toString('base64');
      return { status: 200, body: { type: 'file', encoding: 'base64', size: content.length, name, path, content: encoded, sha: 'f'.repeat(40) } };
    },
    'repos/create-commit-status': ({ params, body }) => {
      const status = { id: this.nextId++, sha: params['sha'], ...body };
      this.statuses.push(status);
      return { status: 201, body: status };
    },
  };

  private async readBody(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }

  private send(res: ServerResponse, { status, body, headers = {}, raw = false }: Handled): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(raw ? String(body) : JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const body = await this.readBody(req);
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
      operation = this.validator.check(method, url.pathname, url.searchParams, body);
    } catch (error) {
      this.violations.push((error as Error).message);
      this.send(res, { status: 400, body: { message: `fake GitHub: ${(error as Error).message}` } });
      return;
    }
    this.requests.push({ method, path: url.pathname, operationId: operation.operationId, query: Object.fromEntries(url.searchParams), body });
    const fault = this.faults.find((f) => f.operationId === operation.operationId && f.times > 0);
    if (fault !== undefined) {
      fault.times -= 1;
      this.send(res, { status: fault.status, body: { message: `injected ${fault.status}` } });
      return;
    }
    const handler = this.handlers[operation.operationId];
    if (handler === undefined) {
      this.violations.push(`${method} ${operation.template}: valid, but not implemented by the fake`);
      this.send(res, { status: 501, body: { message: 'not implemented by the fake' } });
      return;
    }
    if (method !== 'GET' && account.readOnly === true) {
      this.send(res, {
        status: 403,
        body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' },
      });
      return;
    }
    this.send(res, handler({ params: operation.params, query: url.searchParams, body: (body ?? {}) as Record<string, unknown>, account, url, accept: req.headers.accept ?? '' }));
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
