import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readRunContext } from '../../src/platform/github/context.js';
import { forkPullRequestEvent, pullRequestEvent } from '../support/events.js';

function eventFile(payload: object): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cd4ml-event-')), 'event.json');
  writeFileSync(path, JSON.stringify(payload));
  return path;
}

const baseEnv = {
  GITHUB_REPOSITORY: 'Codertocat/Hello-World',
  GITHUB_SHA: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_API_URL: 'https://ghe.example.com/api/v3',
  GITHUB_SERVER_URL: 'https://ghe.example.com',
};

describe('readRunContext', () => {
  test('a real pull_request payload gives the PR, its SHAs, the run URL, the ref and the default branch', () => {
    const context = readRunContext({ ...baseEnv, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF_NAME: '2/merge', GITHUB_EVENT_PATH: eventFile(pullRequestEvent()) });
    expect(context).toEqual({
      refName: '2/merge',
      defaultBranch: 'master',
      runId: '42',
      runAttempt: '2',
      serverUrl: 'https://ghe.example.com',
      apiUrl: 'https://ghe.example.com/api/v3',
      repository: { owner: 'Codertocat', repo: 'Hello-World' },
      sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      eventName: 'pull_request',
      runUrl: 'https://ghe.example.com/Codertocat/Hello-World/actions/runs/42/attempts/2',
      pullRequest: {
        number: 2,
        headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
        baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
        fromFork: false,
      },
    });
  });

  test('a PR whose head is another repository is from a fork', () => {
    const context = readRunContext({ ...baseEnv, GITHUB_EVENT_PATH: eventFile(forkPullRequestEvent()) });
    expect(context.pullRequest?.fromFork).toBe(true);
  });

  test('outside a runner only the public defaults are known', () => {
    expect(readRunContext({})).toEqual({ serverUrl: 'https://github.com', apiUrl: 'https://api.github.com' });
  });

  test('an unreadable payload is a one-line error', () => {
    expect(() => readRunContext({ GITHUB_EVENT_PATH: '/nonexistent/event.json' })).toThrow(
      /^Cannot read the event payload at GITHUB_EVENT_PATH=\/nonexistent\/event\.json: ENOENT.*\.$/,
    );
  });
});
