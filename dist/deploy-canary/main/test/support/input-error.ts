/** The message of the InputError a call throws. */
import { expect } from 'vitest';
import { InputError } from '../../src/core/errors.js';

/** Runs `run` and returns the message of the InputError it throws; fails the test when it throws something else or nothing. */
export function inputErrorMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an error');
}
