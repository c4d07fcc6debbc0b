import { describe, expect, test } from 'vitest';
import { boolean, integer, oneOf, text } from '../../src/core/inputs/parsers.js';
import { defineInputs, envInputSource, inputEnvName, readInputs } from '../../src/core/inputs/spec.js';

const specs = defineInputs({
  data: { description: 'd', required: true, parser: text() },
  format: { description: 'f', default: 'auto', parser: oneOf(['auto', 'csv'] as const) },
  'max-examples': { description: 'm', default: '5', parser: integer({ min: 0 }) },
  comment: { description: 'c', parser: boolean() },
  'github-token': { description: 't', runnerDefault: '${{ github.token }}', parser: text() },
});

describe('readInputs', () => {
  test('given values are parsed, defaults fill the gaps, runner-only defaults stay unset', () => {
    const values = readInputs(specs, envInputSource({ INPUT_DATA: ' train.csv ', 'INPUT_MAX-EXAMPLES': '' }));
    expect(values).toEqual({ data: 'train.csv', format: 'auto', 'max-examples': 5, comment: undefined, 'github-token': undefined });
  });

  test('a missing required input says how to set it', () => {
    expect(() => readInputs(specs, () => undefined)).toThrow(
      'Input "data" is required but was not given: expected a non-empty text. Set it under `with:` in the workflow step, or pass --data to the cd4ml command.',
    );
  });

  test('all problems are reported at once, in one line', () => {
    const source = envInputSource({ INPUT_FORMAT: 'xml', INPUT_COMMENT: 'yes' });
    let message = '';
    try {
      readInputs(specs, source);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      '3 inputs are invalid: Input "data" is required but was not given: expected a non-empty text. Set it under `with:` in the workflow step, or pass --data to the cd4ml command. ' +
        'Input "format" has an invalid value "xml": expected one of auto, csv. Input "comment" has an invalid value "yes": expected true or false.',
    );
    expect(message).not.toContain('\n');
  });
});

test.each([
  ['data', 'INPUT_DATA'],
  ['github-token', 'INPUT_GITHUB-TOKEN'],
  ['my input', 'INPUT_MY_INPUT'],
])('input %j is read from %s, as the runner names it', (name, variable) => expect(inputEnvName(name)).toBe(variable));
