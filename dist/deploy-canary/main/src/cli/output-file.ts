/**
 * Reading `$GITHUB_OUTPUT` the way the runner does: `name=value` lines and multi-line
 * `name<<DELIMITER` … `DELIMITER` blocks (what @actions/core writes).
 */
export function parseOutputFile(content: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = content.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as string;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc !== null) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const end = lines.indexOf(delimiter, index + 1);
      if (end === -1) throw new Error(`GITHUB_OUTPUT: the value of "${name}" is not closed by its delimiter ${delimiter}.`);
      outputs[name] = lines.slice(index + 1, end).join('\n');
      index = end;
      continue;
    }
    const equals = line.indexOf('=');
    if (equals <= 0) throw new Error(`GITHUB_OUTPUT: cannot read line ${index + 1}: ${JSON.stringify(line)}.`);
    outputs[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return outputs;
}
