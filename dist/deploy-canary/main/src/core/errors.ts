/**
 * The project's small error set. Every failure a user can act on is one of these; anything else is a
 * bug, reported with its stack trace in the step log.
 *
 * - InputError: an action input, CLI flag or input file is wrong. The message names the input, the bad
 *   value and what is expected.
 * - CheckFailedError: the domain says no (invalid data, a failing gate, drift with `on-drift: fail`).
 *   The work itself succeeded; its verdict fails the step.
 * - ServiceError: a remote service (GitHub, S3, SageMaker) refused or failed after retries.
 * - EnvironmentError: the machine lacks what the step needs (a GPU, a native binary, a tool).
 * - NotImplementedError: a declared feature that does not exist yet. It fails, it never pretends.
 */
export type ErrorKind = 'input' | 'check-failed' | 'service' | 'environment' | 'not-implemented';

export abstract class Cd4mlError extends Error {
  abstract readonly kind: ErrorKind;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class InputError extends Cd4mlError {
  readonly kind = 'input';
}

export class CheckFailedError extends Cd4mlError {
  readonly kind = 'check-failed';
}

export class ServiceError extends Cd4mlError {
  readonly kind = 'service';
}

export class EnvironmentError extends Cd4mlError {
  readonly kind = 'environment';
}

export class NotImplementedError extends Cd4mlError {
  readonly kind = 'not-implemented';

  constructor(what: string) {
    super(`${what} is not implemented yet in this version of cd4ml-actions; nothing was done.`);
  }
}

/** True for the errors whose message is written for the user; false for bugs. */
export function isCd4mlError(error: unknown): error is Cd4mlError {
  return error instanceof Cd4mlError;
}

/** One line for the log: the message of a known error, or the type and message of an unexpected one. */
export function describeError(error: unknown): string {
  if (isCd4mlError(error)) return error.message;
  if (error instanceof Error) return `Unexpected ${error.name}: ${error.message}`;
  return `Unexpected failure: ${String(error)}`;
}
