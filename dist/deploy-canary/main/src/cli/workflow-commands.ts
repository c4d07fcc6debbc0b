/**
 * A step's stdout carries workflow commands (`::error file=a.csv,line=3::…`, `::group::…`) that the
 * runner turns into annotations and log groups. In a terminal they are rewritten into plain lines.
 */
/** Reverses @actions/core's escaping of a workflow command's message. */
export function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

function location(properties: string | undefined): string {
  if (properties === undefined) return '';
  const props = new Map<string, string>();
  for (const pair of properties.split(',')) {
    const equals = pair.indexOf('=');
    if (equals > 0) props.set(pair.slice(0, equals), unescapeProperty(pair.slice(equals + 1)));
  }
  const file = props.get('file');
  if (file === undefined) return '';
  const line = props.get('line');
  return `${file}${line === undefined ? '' : `:${line}`}: `;
}

/** The terminal form of one stdout line, or undefined for lines to hide (debug unless verbose). */
export function renderCommandLine(line: string, verbose: boolean): string | undefined {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (match === null) return line;
  const [, command, properties, data = ''] = match;
  switch (command) {
    case 'error':
    case 'warning':
    case 'notice':
      return `${command}: ${location(properties)}${unescapeData(data)}`;
    case 'group':
      return `── ${unescapeData(data)}`;
    case 'endgroup':
      return undefined;
    case 'debug':
      return verbose ? `debug: ${unescapeData(data)}` : undefined;
    default:
      return undefined; // add-mask, set-output and others mean nothing in a terminal
  }
}
