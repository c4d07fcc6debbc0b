/**
 * Who a token acts as, in the form REST returns in `comment.user.login`. REST `GET /user` refuses
 * installation tokens such as the workflow's GITHUB_TOKEN ("Resource not accessible by
 * integration"); GraphQL's `viewer` answers for user and installation tokens alike, so it is asked
 * first and REST only when GraphQL is unavailable. GraphQL may name a bot without the `[bot]`
 * suffix that REST uses, so the suffix is added for bots when missing. Nothing is guessed: a token
 * whose account cannot be told fails, because matching the wrong account would edit someone
 * else's comment or pile up duplicates.
 */
import { ServiceError } from '../../core/errors.js';
import type { GitHubClient } from './client.js';

interface ViewerResponse {
  viewer: { login: string; __typename: string };
}

export async function tokenLogin(client: GitHubClient): Promise<string> {
  let graphqlFailure: unknown;
  try {
    const { viewer } = await client.graphql<ViewerResponse>('query { viewer { login __typename } }');
    const isBot = viewer.__typename === 'Bot';
    return isBot && !viewer.login.endsWith('[bot]') ? `${viewer.login}[bot]` : viewer.login;
  } catch (error) {
    graphqlFailure = error;
  }
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    throw new ServiceError(
      `Cannot tell which account the GitHub token acts as (GraphQL: ${(graphqlFailure as Error).message}; REST: ${(error as Error).message}); check the github-token input.`,
      { cause: error },
    );
  }
}
