/**
 * Workflow-command annotations (`::error file=…,line=…::`) within GitHub's limit of 10 per level per
 * step: past it GitHub drops them silently. The first ones are annotated, the rest go to the log as
 * plain lines, and one closing annotation per level says how many were not shown.
 */
import * as core from '@actions/core';
import type { SourcePosition } from '../../core/logger.js';
import { ANNOTATIONS_PER_STEP_PER_LEVEL } from './limits.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

const EMIT: Record<AnnotationLevel, (message: string, properties: core.AnnotationProperties) => void> = {
  error: core.error,
  warning: core.warning,
  notice: core.notice,
};

function properties(at: SourcePosition | undefined, title: string | undefined): core.AnnotationProperties {
  const props: core.AnnotationProperties = {};
  if (title !== undefined) props.title = title;
  if (at !== undefined) {
    props.file = at.file;
    if (at.line !== undefined) props.startLine = at.line;
    if (at.column !== undefined) props.startColumn = at.column;
  }
  return props;
}

export class AnnotationBudget {
  private readonly used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  private readonly dropped: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };

  /**
   * @param reserved per level, annotations kept back: one for the "not shown" note, and for errors
   *   one more for the step's failure message.
   */
  constructor(
    private readonly perLevel = ANNOTATIONS_PER_STEP_PER_LEVEL,
    private readonly reserved: Record<AnnotationLevel, number> = { error: 2, warning: 1, notice: 1 },
  ) {}

  annotate(level: AnnotationLevel, message: string, at?: SourcePosition, title?: string): void {
    if (this.used[level] < this.perLevel - this.reserved[level]) {
      this.used[level] += 1;
      EMIT[level](message, properties(at, title));
      return;
    }
    this.dropped[level] += 1;
    const where = at === undefined ? '' : `${at.file}${at.line === undefined ? '' : `:${at.line}`}: `;
    core.info(`${level}: ${where}${message}`);
  }

  /** Emits one note per level whose annotations were cut, naming how many. */
  flush(): void {
    for (const level of Object.keys(this.dropped) as AnnotationLevel[]) {
      const count = this.dropped[level];
      if (count === 0) continue;
      EMIT[level](
        `${count} more ${level} message${count === 1 ? ' was' : 's were'} not shown as annotations (GitHub shows ${this.perLevel} per step); they are in the step log.`,
        {},
      );
      this.dropped[level] = 0;
    }
  }
}
