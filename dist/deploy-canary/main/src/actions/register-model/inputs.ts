import { boolean, existingFile, jsonFile, text } from '../../core/inputs/parsers.js';
import { defineInputs } from '../../core/inputs/spec.js';
import { githubToken } from '../common-inputs.js';

export const inputs = defineInputs({
  name: { description: 'Model name in the registry.', required: true, parser: text('a model name') },
  model: { description: 'Model artifact(s) to register: a file, a directory or a glob.', parser: text('a path or glob') },
  metrics: { description: 'Metrics JSON stored with the version.', parser: jsonFile() },
  profile: { description: 'Data profile JSON (from validate-data) stored as the drift reference.', parser: jsonFile() },
  params: { description: 'Training params JSON or a training-record.json from train-on-gpu-runner.', parser: jsonFile() },
  registry: {
    description: 'Registry URI: `github` (releases + an index branch), `file://<dir>`, `s3://bucket/prefix` or `sagemaker://<model-package-group>`.',
    default: 'github',
    parser: text('github, file://…, s3://… or sagemaker://…'),
  },
  alias: { description: 'Move this alias (e.g. `staging`) to the new version.', parser: text('an alias name') },
  promote: { description: 'Move `alias` to `<version>` or `@<alias>` without registering anything.', parser: text('a version number or @alias') },
  'model-card-template': { description: 'Markdown template for the model card.', parser: existingFile() },
  attest: { description: 'Create a build provenance attestation for the artifacts.', default: 'false', parser: boolean() },
  'github-token': githubToken,
});
