import type { Logger, SourcePosition } from '../../src/core/logger.js';

export interface RecordedLog {
  level: 'debug' | 'info' | 'warning' | 'error';
  message: string;
  at?: SourcePosition;
}

/** A Logger that keeps every message, for assertions. */
export function recordingLogger(): Logger & { records: RecordedLog[]; messages(level: RecordedLog['level']): string[] } {
  const records: RecordedLog[] = [];
  const push = (level: RecordedLog['level']) => (message: string, at?: SourcePosition) => {
    records.push(at === undefined ? { level, message } : { level, message, at });
  };
  return {
    records,
    messages: (level) => records.filter((r) => r.level === level).map((r) => r.message),
    debug: push('debug'),
    info: push('info'),
    warning: push('warning'),
    error: push('error'),
    group: async (_title, work) => work(),
  };
}
