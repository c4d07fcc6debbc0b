/** The `cd4ml` command line that reruns an evaluation locally with the same inputs. */
import type { InputSpec } from '../../core/inputs/spec.js';
import { inputs as specs } from './inputs.js';

function quote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

/** `values` in input order; undefined values and values equal to the input's default are left out. */
export function reproduceCommand(values: ReadonlyArray<readonly [keyof typeof specs, string | undefined]>): string {
  const parts = ['node bin/cd4ml.js evaluate-gate'];
  for (const [name, value] of values) {
    const spec: InputSpec<unknown> = specs[name];
    if (value !== undefined && value !== spec.default) parts.push(`--${name} ${quote(value)}`);
  }
  return parts.join(' \\\n  ');
}
