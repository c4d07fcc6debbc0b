/** The `cd4ml` command line that reruns an evaluation locally with the same inputs. */

function quote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

/** `values` in input order; undefined and default values are left out. */
export function reproduceCommand(values: ReadonlyArray<readonly [string, string | undefined]>): string {
  const parts = ['node bin/cd4ml.js evaluate-gate'];
  for (const [name, value] of values) if (value !== undefined) parts.push(`--${name} ${quote(value)}`);
  return parts.join(' \\\n  ');
}
