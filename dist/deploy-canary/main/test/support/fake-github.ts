/** The fake GitHub API's lifecycle for a test file or a describe block: started, stopped, checked. */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { type Account, FakeGitHub } from '../fakes/github-server.js';

/** The account a workflow's GITHUB_TOKEN acts as. */
export const ACTIONS_BOT: Account = { login: 'github-actions[bot]', type: 'Bot' };

/** The token runBundle gives the bundles (runner.ts). */
export const BUNDLE_TOKEN = 'ghs_test_token';

export interface FakeGitHubOptions {
  /** A fresh fake for every test (beforeEach/afterEach) instead of one for the scope (beforeAll/afterAll). */
  perTest?: boolean;
  /** The token of github-actions[bot]; BUNDLE_TOKEN unless given. */
  token?: string;
  /** More tokens and the accounts they act as. */
  tokens?: Record<string, Account>;
  /** More checks once the fake has stopped, before the check that no request broke GitHub's OpenAPI description. */
  verify?: (fake: FakeGitHub) => void;
}

/**
 * Registers hooks in the current scope (the file, or the describe block it is called in) that start
 * a fake GitHub API with the bot's token (and `tokens`), then stop it and expect no OpenAPI
 * violations. Returns the running fake; call it inside tests and hooks, not while tests are collected.
 */
export function useFakeGitHub(options: FakeGitHubOptions = {}): () => FakeGitHub {
  let fake: FakeGitHub | undefined;
  const [before, after] = options.perTest === true ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    fake = new FakeGitHub();
    fake.addToken(options.token ?? BUNDLE_TOKEN, ACTIONS_BOT);
    for (const [token, account] of Object.entries(options.tokens ?? {})) fake.addToken(token, account);
    await fake.start();
  });
  after(async () => {
    const stopping = fake;
    fake = undefined;
    if (stopping === undefined) return;
    await stopping.stop();
    options.verify?.(stopping);
    expect(stopping.violations).toEqual([]);
  });
  function running(): FakeGitHub {
    if (fake === undefined) throw new Error('the fake GitHub API runs only inside the tests of the scope that called useFakeGitHub');
    return fake;
  }
  return running;
}
