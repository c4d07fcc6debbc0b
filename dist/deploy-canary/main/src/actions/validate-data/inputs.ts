import { existingFile, integer, list, oneOf, outputPath, text } from '../../core/inputs/parsers.js';
import { defineInputs } from '../../core/inputs/spec.js';
import { commentInput, DATA_FORMATS, githubToken } from '../common-inputs.js';

export const FAIL_ON = ['error', 'warning', 'never'] as const;

export const inputs = defineInputs({
  data: {
    description: 'Dataset to validate: a file path, a glob of shards (e.g. `data/part-*.csv`), or an `s3://bucket/key` URI. Several may be listed, one per line.',
    required: true,
    parser: list(text('a path, glob or s3:// URI'), 'paths, globs or s3:// URIs', 'newlines'),
  },
  format: {
    description: 'File format; `auto` picks it from the file extension.',
    default: 'auto',
    parser: oneOf(DATA_FORMATS),
  },
  schema: {
    description: 'Schema file (YAML or JSON) with column and table rules. Without it, only the profile is computed.',
    parser: existingFile(),
  },
  'write-schema': {
    description: 'Infer a starting schema from the data and write it to this path, for review and commit.',
    parser: outputPath(),
  },
  'profile-output': {
    description: 'Where to write the data profile JSON (mergeable statistics; the drift reference).',
    parser: outputPath(),
  },
  'fail-on': {
    description: 'Which findings fail the step: `error` (rule violations), `warning` (also warnings), or `never` (report only).',
    default: 'error',
    parser: oneOf(FAIL_ON),
  },
  'max-examples': {
    description: 'Bad values shown per failed check, with their row numbers.',
    default: '5',
    parser: integer({ min: 0, max: 1000 }),
  },
  comment: commentInput('false', 'the validation result'),
  'github-token': githubToken,
});

