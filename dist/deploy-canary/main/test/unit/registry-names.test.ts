/** Registry URIs, references and names as users write them, and the messages for the wrong ones. */
import { describe, expect, test } from 'vitest';
import { checkModelName, parseReference, parseSelector } from '../../src/core/registry/names.js';
import { parseRegistryUri } from '../../src/core/registry/uri.js';

const CWD = '/work/repo';

describe('registry URIs', () => {
  test.each([
    ['github', { kind: 'github', branch: 'cd4ml-registry' }],
    ['github://acme/models', { kind: 'github', repository: { owner: 'acme', repo: 'models' }, branch: 'cd4ml-registry' }],
    ['github://acme/models?branch=registry', { kind: 'github', repository: { owner: 'acme', repo: 'models' }, branch: 'registry' }],
    ['file:///srv/registry', { kind: 'file', directory: '/srv/registry' }],
    ['file://.cd4ml/registry', { kind: 'file', directory: '/work/repo/.cd4ml/registry' }],
    ['file:models', { kind: 'file', directory: '/work/repo/models' }],
    ['s3://ml-models/registry/churn-team/', { kind: 's3', bucket: 'ml-models', prefix: 'registry/churn-team' }],
    ['s3://ml-models', { kind: 's3', bucket: 'ml-models', prefix: '' }],
    ['sagemaker://churn', { kind: 'sagemaker', group: 'churn' }],
    ['sagemaker://', { kind: 'sagemaker' }],
    ['sagemaker://churn?artifacts=s3://ml-models/sm&region=eu-west-1', { kind: 'sagemaker', group: 'churn', artifacts: { bucket: 'ml-models', prefix: 'sm' }, region: 'eu-west-1' }],
  ])('%s', (uri, expected) => {
    expect(parseRegistryUri(uri, 'Input "registry"', CWD)).toEqual(expected);
  });

  test.each([
    ['ftp://host/x', 'Input "registry": "ftp://host/x" has the unknown scheme ftp:; use github, github://<owner>/<repo>, file://<directory>, s3://<bucket>/<prefix> or sagemaker://<model-package-group>.'],
    ['.cd4ml/registry', 'Input "registry": ".cd4ml/registry" names no registry; use github, github://<owner>/<repo>, file://<directory>, s3://<bucket>/<prefix> or sagemaker://<model-package-group> (a local directory is file://.cd4ml/registry).'],
    ['github://acme', 'Input "registry": "github://acme" must name one repository as github://<owner>/<repo>, or be plain github for this repository.'],
    ['s3://ml-models/x?versioned=1', 'Input "registry": "s3://ml-models/x?versioned=1" has the unknown option versioned= (it takes none).'],
    ['sagemaker://churn?artifacts=gs://b/p', 'Input "registry": artifacts=gs://b/p must be an s3://<bucket>/<prefix> URI.'],
    ['file:', 'Input "registry": "file:" names no directory; write file://<directory>, e.g. file://.cd4ml/registry.'],
  ])('%s is refused', (uri, message) => {
    expect(() => parseRegistryUri(uri, 'Input "registry"', CWD)).toThrow(message);
  });
});

describe('references and selectors', () => {
  test.each([
    ['registry:churn@production', { name: 'churn', selector: { alias: 'production' } }],
    ['registry:churn@7', { name: 'churn', selector: { version: 7 } }],
    ['registry:churn-model.v2@v12', { name: 'churn-model.v2', selector: { version: 12 } }],
  ])('%s', (text, expected) => {
    expect(parseReference(text, 'Input "baseline-model"')).toEqual(expected);
  });

  test.each([
    ['registry:churn', 'Input "m": "registry:churn" is not a registry reference; write registry:<name>@<version or alias>, e.g. registry:churn@production or registry:churn@7.'],
    ['registry:churn@0', 'Input "m": "0" is not a version; versions are whole numbers from 1.'],
    ['registry:churn@prod/eu', 'Input "m": "prod/eu" is not a valid alias; use letters, digits, "-", "_" and "." starting with a letter (at most 63 characters), e.g. production.'],
    ['registry:../etc@1', 'Input "m": "../etc" is not a valid model name; use letters, digits, "-", "_" and "." (starting with a letter or digit, at most 63 characters), e.g. churn-model.'],
  ])('%s is refused', (text, message) => {
    expect(() => parseReference(text, 'Input "m"')).toThrow(message);
  });

  test('@alias and bare words are aliases, numbers are versions', () => {
    expect(parseSelector('@staging', 'x')).toEqual({ alias: 'staging' });
    expect(parseSelector('staging', 'x')).toEqual({ alias: 'staging' });
    expect(parseSelector('v3', 'x')).toEqual({ version: 3 });
    expect(() => checkModelName('a'.repeat(64), 'Input "name"')).toThrow(/is not a valid model name/);
  });
});
