/**
 * The input variables the Actions runner would set for a step: every given input, and the default
 * of every input that was not given. `${{ github.token }}` is the one runner expression a local run
 * can answer (from GITHUB_TOKEN); other expression defaults stay unset.
 */
import { inputEnvName } from '../core/inputs/spec.js';
import type { ActionMetadata } from '../platform/github/action-metadata.js';

const GITHUB_TOKEN_EXPRESSION = /^\$\{\{\s*github\.token\s*\}\}$/;

export function runnerInputEnv(
  metadata: ActionMetadata,
  given: Readonly<Record<string, string>>,
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, spec] of Object.entries(metadata.inputs)) {
    const value = given[name] ?? spec.default ?? (GITHUB_TOKEN_EXPRESSION.test(spec.runnerDefault ?? '') ? env['GITHUB_TOKEN'] : undefined);
    if (value !== undefined) vars[inputEnvName(name)] = value;
  }
  return vars;
}

/** The environment without any INPUT_ variables, so a parent's inputs never leak into a step. */
export function withoutInputs(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('INPUT_')));
}
