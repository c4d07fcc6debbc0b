/** Real webhook payloads from @octokit/webhooks-examples, and variants derived from them. */
import { createRequire } from 'node:module';

interface WebhookExamples {
  name: string;
  examples: Array<Record<string, unknown> & { action?: string }>;
}

const require = createRequire(import.meta.url);
const all = require('@octokit/webhooks-examples') as WebhookExamples[];

/** A `pull_request` `opened` payload (Codertocat/Hello-World PR #2), as GitHub sent it. */
export function pullRequestEvent(): Record<string, unknown> {
  const examples = all.find((event) => event.name === 'pull_request')?.examples ?? [];
  const opened = examples.find((example) => example.action === 'opened');
  if (opened === undefined) throw new Error('no pull_request opened example');
  return structuredClone(opened);
}

/** The same PR opened from a fork: its head repository is another owner's copy. */
export function forkPullRequestEvent(): Record<string, unknown> {
  const event = pullRequestEvent() as { pull_request: { head: { repo: Record<string, unknown> } } };
  const repo = event.pull_request.head.repo;
  repo['full_name'] = 'forker/Hello-World';
  repo['fork'] = true;
  repo['owner'] = { ...(repo['owner'] as object), login: 'forker' };
  return event as unknown as Record<string, unknown>;
}
