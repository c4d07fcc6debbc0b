/**
 * The GitHub reporting layer against the fake REST API, over real HTTP with the real Octokit client
 * (retry and throttling plugins included). Every request is checked against GitHub's OpenAPI
 * description; each test ends by asserting there was no violation.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { createGitHubClient, type GitHubClient } from '../../src/platform/github/client.js';
import { createCompletedCheck, type CheckAnnotation } from '../../src/platform/github/checks.js';
import { stickyMarker, upsertStickyComment } from '../../src/platform/github/comments.js';
import { dispatchWorkflow } from '../../src/platform/github/dispatch.js';
import { closeStickyIssue, upsertStickyIssue } from '../../src/platform/github/issues.js';
import { COMMENT_BODY_LIMIT } from '../../src/platform/github/limits.js';
import { publishReport } from '../../src/platform/github/publish.js';
import { setCommitStatus } from '../../src/platform/github/statuses.js';
import { stepSummaryWriter } from '../../src/platform/github/summary.js';
import { writeOrWarn } from '../../src/platform/github/write-access.js';
import { ACTIONS_BOT, useFakeGitHub } from '../support/fake-github.js';
import { recordingLogger } from '../support/logger.js';

const repo = { owner: 'Codertocat', repo: 'Hello-World' };
const PR = 2;

const fake = useFakeGitHub({
  perTest: true,
  token: 'bot-token',
  tokens: { 'pat-token': { login: 'octocat', type: 'User' }, 'fork-token': { ...ACTIONS_BOT, readOnly: true } },
});
let logger: ReturnType<typeof recordingLogger>;

function client(token: string): GitHubClient {
  return createGitHubClient(token, { apiUrl: fake().url, logger, retries: 0, throttle: false });
}

beforeEach(() => {
  logger = recordingLogger();
});

const comment = (body: string) => ({ action: 'evaluate-gate', key: 'churn', body });

describe('sticky comment', () => {
  test('a second run updates the first comment instead of adding one', async () => {
    const first = await upsertStickyComment(client('bot-token'), repo, PR, comment('run 1'), logger);
    const second = await upsertStickyComment(client('bot-token'), repo, PR, comment('run 2'), logger);

    expect(first.created).toBe(true);
    expect(second).toMatchObject({ id: first.id, created: false });
    expect(fake().comments).toHaveLength(1);
    expect(fake().comments[0]?.body).toBe(`${stickyMarker('evaluate-gate', 'churn')}\nrun 2`);
    expect(fake().comments[0]?.login).toBe('github-actions[bot]');
    expect(fake().requests.map((r) => r.operationId)).toEqual([
      'graphql/viewer',
      'issues/list-comments',
      'issues/create-comment',
      'graphql/viewer',
      'issues/list-comments',
      'issues/update-comment',
    ]);
  });

  test('finds its comment on the third page of a PR with 250 comments', async () => {
    for (let i = 0; i < 230; i += 1) fake().seedComment(PR, i % 2 === 0 ? 'alice' : 'bob', `comment ${i}`);
    const ours = fake().seedComment(PR, 'github-actions[bot]', `${stickyMarker('evaluate-gate', 'churn')}\nold report`);
    for (let i = 0; i < 19; i += 1) fake().seedComment(PR, 'alice', `later ${i}`);

    const posted = await upsertStickyComment(client('bot-token'), repo, PR, comment('new report'), logger);

    expect(posted).toMatchObject({ id: ours.id, created: false });
    expect(fake().comments).toHaveLength(250);
    expect(ours.body).toContain('new report');
    const pages = fake().requests.filter((r) => r.operationId === 'issues/list-comments').map((r) => r.query['page'] ?? '1');
    expect(pages).toEqual(['1', '2', '3']);
  });

  test('a foreign comment carrying the same marker is left alone', async () => {
    const marker = stickyMarker('evaluate-gate', 'churn');
    const foreign = fake().seedComment(PR, 'mallory', `${marker}\nall metrics improved, merge away`);

    const posted = await upsertStickyComment(client('bot-token'), repo, PR, comment('the real report'), logger);

    expect(posted.created).toBe(true);
    expect(foreign.body).toBe(`${marker}\nall metrics improved, merge away`);
    expect(fake().comments.map((c) => c.login)).toEqual(['mallory', 'github-actions[bot]']);
  });

  test('comments by a personal access token are matched by the user login', async () => {
    const own = fake().seedComment(PR, 'octocat', `${stickyMarker('evaluate-gate', 'churn')}\nbefore`);
    fake().seedComment(PR, 'github-actions[bot]', `${stickyMarker('evaluate-gate', 'churn')}\nthe bot's`);

    const posted = await upsertStickyComment(client('pat-token'), repo, PR, comment('after'), logger);

    expect(posted.id).toBe(own.id);
    expect(own.body).toContain('after');
  });

  test('without GraphQL the account comes from REST GET /user', async () => {
    fake().graphqlDown = true;
    const own = fake().seedComment(PR, 'octocat', `${stickyMarker('evaluate-gate', 'churn')}\nbefore`);
    const posted = await upsertStickyComment(client('pat-token'), repo, PR, comment('after'), logger);
    expect(posted.id).toBe(own.id);
    expect(fake().requests.map((r) => r.operationId).slice(0, 1)).toEqual(['users/get-authenticated']);
  });

  test('a key cannot end the hidden HTML comment early', () => {
    expect(stickyMarker('evaluate-gate', 'a --> <b>x</b>')).toBe('<!-- cd4ml:evaluate-gate:a______b_x_/b_ -->');
  });

  test('different keys keep different comments', async () => {
    await upsertStickyComment(client('bot-token'), repo, PR, { action: 'evaluate-gate', key: 'churn', body: 'a' }, logger);
    await upsertStickyComment(client('bot-token'), repo, PR, { action: 'evaluate-gate', key: 'fraud', body: 'b' }, logger);
    expect(fake().comments).toHaveLength(2);
  });

  test('a body over 65,536 characters is trimmed with a notice linking the job summary', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `| metric_${i} | 0.${String(i).padStart(4, '0')} |`);
    const body = ['## Report', '| metric | value |', '|---|---|', ...rows].join('\n');
    expect(body.length).toBeGreaterThan(COMMENT_BODY_LIMIT);

    const posted = await upsertStickyComment(
      client('bot-token'),
      repo,
      PR,
      { ...comment(body), fullReportUrl: 'https://github.com/o/r/actions/runs/7' },
      logger,
    );

    const stored = fake().comments[0]?.body ?? '';
    expect(posted.trimmed).toBe(true);
    expect(stored.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT);
    expect(stored.length).toBeGreaterThan(COMMENT_BODY_LIMIT - 400);
    expect(stored.startsWith(stickyMarker('evaluate-gate', 'churn'))).toBe(true);
    expect(stored).toContain('The full report is in the [job summary](https://github.com/o/r/actions/runs/7).');
    // The cut falls between table rows, never inside one.
    const lastRow = stored.split('\n').filter((line) => line.startsWith('| metric_')).at(-1);
    expect(lastRow).toMatch(/^\| metric_\d+ \| 0\.\d{4} \|$/);
    expect(logger.messages('warning')).toEqual(["The evaluate-gate comment was trimmed to GitHub's comment size limit."]);
  });

  test('a read-only token (PR from a fork) degrades to a warning, not a failure', async () => {
    const result = await writeOrWarn(
      'post the evaluate-gate comment',
      'pull-requests',
      () => upsertStickyComment(client('fork-token'), repo, PR, comment('report'), logger),
      logger,
    );

    expect(result).toBeUndefined();
    expect(fake().comments).toEqual([]);
    expect(logger.messages('warning')).toEqual([
      'Could not post the evaluate-gate comment: GitHub refused the write (403: Resource not accessible by integration - https://docs.github.com/rest). ' +
        'The report is in the job summary. A pull request from a fork gets a read-only token; otherwise grant the job `pull-requests: write`.',
    ]);
  });

  test('errors other than 403 still fail', async () => {
    await expect(
      writeOrWarn('post', 'pull-requests', () => upsertStickyComment(client('unknown-token'), repo, PR, comment('x'), logger), logger),
    ).rejects.toThrow('Cannot tell which account the GitHub token acts as (GraphQL: Bad credentials; REST: Bad credentials); check the github-token input.');
    expect(fake().comments).toEqual([]);
  });
});

describe('sticky issues', () => {
  const issue = (body: string) => ({ action: 'check-drift', key: 'churn', title: 'Data drift: churn', body, labels: ['cd4ml-drift'] });

  test('opens one issue, updates it on the next run, and closes it with a note when the condition is gone', async () => {
    const opened = await upsertStickyIssue(client('bot-token'), repo, issue('3 of 8 columns drifted'), logger);
    const updated = await upsertStickyIssue(client('bot-token'), repo, issue('5 of 8 columns drifted'), logger);
    expect(opened.created).toBe(true);
    expect(updated).toEqual({ ...opened, created: false });
    expect(fake().issues).toHaveLength(1);
    expect(fake().issues[0]).toMatchObject({ title: 'Data drift: churn', labels: ['cd4ml-drift'], state: 'open', login: 'github-actions[bot]' });
    expect(fake().issues[0]?.body).toBe(`${stickyMarker('check-drift', 'churn')}\n5 of 8 columns drifted`);

    const closed = await closeStickyIssue(client('bot-token'), repo, issue(''), 'No drift in the run of 2026-11-22: closing.', logger);
    expect(closed?.number).toBe(opened.number);
    expect(fake().issues[0]).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(fake().comments.filter((c) => c.issueNumber === opened.number).map((c) => c.body)).toEqual(['No drift in the run of 2026-11-22: closing.']);
    expect(await closeStickyIssue(client('bot-token'), repo, issue(''), 'again', logger)).toBeUndefined();
    // Drift again after it was closed: a new issue, the closed one stays closed.
    const reopened = await upsertStickyIssue(client('bot-token'), repo, issue('drift again'), logger);
    expect(reopened.created).toBe(true);
    expect(reopened.number).not.toBe(opened.number);
  });

  test("ignores another author's issue with the marker, a pull request, and an issue without the label", async () => {
    const marker = stickyMarker('check-drift', 'churn');
    fake().seedIssue({ title: 'copied', body: `${marker}\nby hand`, login: 'alice', labels: ['cd4ml-drift'] });
    fake().seedIssue({ title: 'a PR', body: `${marker}\n`, login: 'github-actions[bot]', labels: ['cd4ml-drift'], pullRequest: true });
    fake().seedIssue({ title: 'unlabelled', body: `${marker}\n`, login: 'github-actions[bot]', labels: [] });
    const posted = await upsertStickyIssue(client('bot-token'), repo, issue('report'), logger);
    expect(posted.created).toBe(true);
    expect(fake().issues.map((i) => i.body.endsWith('report'))).toEqual([false, false, false, true]);
    const list = fake().requests.find((r) => r.operationId === 'issues/list-for-repo');
    expect(list?.query).toEqual({ state: 'open', per_page: '100', labels: 'cd4ml-drift' });
  });
});

describe('workflow dispatch', () => {
  test('sends the workflow file, ref and string inputs GitHub expects', async () => {
    await dispatchWorkflow(client('bot-token'), repo, { workflow: 'retrain.yml', ref: 'main', inputs: { report: 'drift.json', summary: '3 columns drifted' } });
    expect(fake().dispatches).toEqual([{ workflow: 'retrain.yml', ref: 'main', inputs: { report: 'drift.json', summary: '3 columns drifted' } }]);
    expect(fake().requests.at(-1)).toMatchObject({ method: 'POST', path: '/repos/Codertocat/Hello-World/actions/workflows/retrain.yml/dispatches' });
  });
});

describe('retries', () => {
  test('a 502 from GitHub is retried and the comment still lands', async () => {
    fake().failNext('issues/list-comments', 502);
    const retrying = createGitHubClient('bot-token', { apiUrl: fake().url, logger, retries: 2, throttle: false });
    const posted = await upsertStickyComment(retrying, repo, PR, comment('report'), logger);
    expect(posted.created).toBe(true);
    expect(fake().requests.filter((r) => r.operationId === 'issues/list-comments')).toHaveLength(2);
  });

  test('a 422 is not retried', async () => {
    fake().failNext('issues/create-comment', 422);
    const retrying = createGitHubClient('bot-token', { apiUrl: fake().url, logger, retries: 2, throttle: false });
    await expect(upsertStickyComment(retrying, repo, PR, comment('report'), logger)).rejects.toThrow('injected 422');
    expect(fake().requests.filter((r) => r.operationId === 'issues/create-comment')).toHaveLength(1);
  });
});

describe('check runs', () => {
  const annotations = (count: number): CheckAnnotation[] =>
    Array.from({ length: count }, (_, i) => ({ path: 'data/train.csv', startLine: i + 2, level: 'failure', message: `row ${i + 2} breaks age >= 18` }));

  test('120 annotations go in batches of 50: one create and two updates', async () => {
    const created = await createCompletedCheck(client('bot-token'), repo, {
      name: 'cd4ml/evaluate-gate',
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      conclusion: 'failure',
      title: 'Gate failed: roc_auc regressed',
      summary: '## Gate failed',
      annotations: annotations(120),
    });

    expect(created.annotationRequests).toBe(3);
    const sent = fake().requests.map((r) => [r.operationId, ((r.body as { output: { annotations: unknown[] } }).output.annotations ?? []).length]);
    expect(sent).toEqual([
      ['checks/create', 50],
      ['checks/update', 50],
      ['checks/update', 20],
    ]);
    expect(fake().checkRuns[0]).toMatchObject({ conclusion: 'failure', summary: '## Gate failed' });
    expect(fake().checkRuns[0]?.annotations).toHaveLength(120);
  });

  test('a check without annotations is one request', async () => {
    await createCompletedCheck(client('bot-token'), repo, { name: 'c', headSha: 'abc', conclusion: 'success', title: 't', summary: 's' });
    expect(fake().requests.map((r) => r.operationId)).toEqual(['checks/create']);
  });
});

describe('commit statuses', () => {
  test('a long description is shortened to 140 characters', async () => {
    await setCommitStatus(client('bot-token'), repo, {
      sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      state: 'failure',
      context: 'cd4ml/validate-data',
      description: 'x'.repeat(200),
      targetUrl: 'https://github.com/o/r/actions/runs/7',
    });
    const description = String(fake().statuses[0]?.['description']);
    expect(description).toHaveLength(140);
    expect(description.endsWith('…')).toBe(true);
  });
});

describe('the fake checks requests against the OpenAPI description', () => {
  test.each([
    ['an unknown route', 'GET', '/repos/o/r/no-such-thing', undefined, 'GET /repos/o/r/no-such-thing: no such route'],
    ['a wrong method', 'DELETE', '/repos/o/r/check-runs', undefined, 'does not accept DELETE'],
    ['a missing required body field', 'POST', '/repos/o/r/issues/2/comments', {}, "must have required property 'body'"],
    ['a wrong enum value', 'POST', '/repos/o/r/statuses/abc', { state: 'green' }, 'must be equal to one of the allowed values'],
    ['a non-integer path parameter', 'GET', '/repos/o/r/issues/two/comments', undefined, 'issue_number=two is not an integer'],
  ])('%s is rejected', async (_name, method, path, body, violation) => {
    const response = await fetch(`${fake().url}${path}`, {
      method,
      headers: { authorization: 'token bot-token', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status).toBe(400);
    expect(fake().violations).toHaveLength(1);
    expect(fake().violations[0]).toContain(violation);
    fake().violations.length = 0; // expected here; afterEach checks nothing else went wrong
  });
});

describe('publishReport', () => {
  const run = (fromFork: boolean) => ({
    serverUrl: 'https://github.com',
    apiUrl: fake().url,
    repository: repo,
    runUrl: 'https://github.com/Codertocat/Hello-World/actions/runs/7',
    pullRequest: { number: PR, headSha: 'ec26c3e', baseSha: 'f95f852', fromFork },
  });

  function summaryFile(): { path: string; read: () => string } {
    const path = join(mkdtempSync(join(tmpdir(), 'cd4ml-publish-')), 'summary.md');
    writeFileSync(path, '');
    return { path, read: () => readFileSync(path, 'utf8') };
  }

  test('on a pull request the report goes to the summary and the sticky comment', async () => {
    const summary = summaryFile();
    const published = await publishReport(
      { action: 'validate-data', key: 'train', markdown: '## 3 checks failed' },
      { run: run(false), summary: stepSummaryWriter(summary.path, logger), logger, comment: true, token: 'bot-token', client: client('bot-token') },
    );
    expect(published).toMatchObject({ inSummary: true, comment: { created: true } });
    expect(summary.read()).toBe('## 3 checks failed\n');
    expect(fake().comments[0]?.body).toBe(`${stickyMarker('validate-data', 'train')}\n## 3 checks failed`);
  });

  test('a fork’s read-only token degrades to the summary with a warning, and does not throw', async () => {
    const summary = summaryFile();
    const published = await publishReport(
      { action: 'validate-data', key: 'train', markdown: '## 3 checks failed' },
      { run: run(true), summary: stepSummaryWriter(summary.path, logger), logger, comment: true, token: 'fork-token', client: client('fork-token') },
    );
    expect(published).toEqual({ inSummary: true });
    expect(summary.read()).toBe('## 3 checks failed\n');
    expect(fake().comments).toEqual([]);
    expect(logger.messages('warning')).toHaveLength(1);
    expect(logger.messages('warning')[0]).toMatch(/^Could not post the validate-data comment on pull request #2: GitHub refused the write \(403: Resource not accessible by integration/);
  });

  test('with comment off, nothing is sent to GitHub', async () => {
    const summary = summaryFile();
    await publishReport(
      { action: 'validate-data', key: 'train', markdown: 'x' },
      { run: run(false), summary: stepSummaryWriter(summary.path, logger), logger, comment: false, token: 'bot-token', client: client('bot-token') },
    );
    expect(fake().requests).toEqual([]);
  });
});
