/**
 * Who a token acts as, in the form REST returns in `comment.user.login`. REST `GET /user` refuses
 * installation tokens such as the workflow's GITHUB_TOKEN ("Resource not accessible by
 * integration"); GraphQL's `viewer` answers for user and installation tokens alike. GraphQL may name
 * a bot without the `[bot]` suffix that REST uses, so the suffix is added for bots when missing.
 */
import type { Logger } from '../../core/logger.js';
import type { GitHubClient } from './client.js';

/** The login the workflow's own GITHUB_TOKEN writes comments as. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

interface ViewerResponse {
  viewer: { login: string; __typename: string };
}

export async function tokenLogin(client: GitHubClient, logger: Logger): Promise<string> {
  try {
    const { viewer } = await client.graphql<ViewerResponse>('query { viewer { login __typename } }');
    const isBot = viewer.__typename === 'Bot';
    return isBot && !viewer.login.endsWith('[bot]') ? `${viewer.login}[bot]` : viewer.login;
  } catch (error) {
    logger.warning(
      `Could not tell which account the token acts as (${(error as Error).message}); assuming ${ACTIONS_BOT_LOGIN}, the workflow token's account.`,
    );
    return ACTIONS_BOT_LOGIN;
  }
}
