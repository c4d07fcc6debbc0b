/**
 * Reading a file of the repository at a commit through the contents API, as raw bytes (the raw media
 * type has no 1 MB limit, unlike the JSON form's base64 `content`).
 */
import { ServiceError } from '../../core/errors.js';
import type { GitHubClient } from './client.js';
import type { RepositoryRef } from './context.js';

/** The text of `path` at `ref`, or undefined when the file does not exist there (404). */
export async function readFileAtRef(client: GitHubClient, repo: RepositoryRef, path: string, ref: string): Promise<string | undefined> {
  try {
    const response = await client.rest.repos.getContent({ ...repo, path, ref, mediaType: { format: 'raw' } });
    const data: unknown = response.data;
    if (typeof data === 'string') return data;
    if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
    throw new ServiceError(`GitHub answered the contents of ${path} at ${ref} with a ${Array.isArray(data) ? 'directory listing' : 'non-file'}: name a file.`);
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return undefined;
    throw error;
  }
}
