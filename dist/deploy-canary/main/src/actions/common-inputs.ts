/** Inputs several actions share, declared once so their wording and parsing agree. */
import { boolean, text } from '../core/inputs/parsers.js';
import type { InputSpec } from '../core/inputs/spec.js';

/** The data formats the readers take; `auto` picks one from the file extension. */
export const DATA_FORMATS = ['auto', 'csv', 'tsv', 'jsonl', 'parquet'] as const;

export const githubToken: InputSpec<string> = {
  description:
    'Token for the GitHub API (comments, check runs, statuses). The workflow token is enough; on pull requests from forks it is read-only and the report goes to the job summary only.',
  runnerDefault: '${{ github.token }}',
  parser: text('a GitHub token'),
};

export function commentInput(defaultValue: 'true' | 'false', what: string): InputSpec<boolean> & { default: string } {
  return {
    description: `Post ${what} as a sticky pull request comment (updated in place on every run). Ignored outside pull requests.`,
    default: defaultValue,
    parser: boolean(),
  };
}
