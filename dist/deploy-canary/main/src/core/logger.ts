/**
 * Where core code reports progress. Actions pass one backed by @actions/core, the CLI and tests pass
 * their own, so core code never depends on the Actions runtime.
 */
export interface SourcePosition {
  /** Path relative to the repository root, as GitHub annotations expect. */
  file: string;
  line?: number;
  column?: number;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  /** A problem worth a reviewer's attention; `at` points an annotation at a file and line. */
  warning(message: string, at?: SourcePosition): void;
  /** A problem that fails the step's verdict (the step itself fails through the action runtime). */
  error(message: string, at?: SourcePosition): void;
  /** Runs `work` inside a collapsible log group. */
  group<T>(title: string, work: () => Promise<T>): Promise<T>;
}

function located(message: string, at?: SourcePosition): string {
  if (at === undefined) return message;
  const line = at.line === undefined ? '' : `:${at.line}${at.column === undefined ? '' : `:${at.column}`}`;
  return `${at.file}${line}: ${message}`;
}

/** A logger for plain terminals: info to stdout, warnings and errors to stderr, debug when asked. */
export function consoleLogger(options: { debug?: boolean } = {}): Logger {
  return {
    debug: (message) => {
      if (options.debug === true) process.stderr.write(`debug: ${message}\n`);
    },
    info: (message) => process.stdout.write(`${message}\n`),
    warning: (message, at) => process.stderr.write(`warning: ${located(message, at)}\n`),
    error: (message, at) => process.stderr.write(`error: ${located(message, at)}\n`),
    group: async (title, work) => {
      process.stdout.write(`${title}\n`);
      return work();
    },
  };
}
