/** The Logger for code running inside an action: the runner's log, groups and annotations. */
import * as core from '@actions/core';
import type { Logger } from '../../core/logger.js';
import type { AnnotationBudget } from './annotations.js';

export function actionsLogger(annotations: AnnotationBudget): Logger {
  return {
    debug: (message) => core.debug(message),
    info: (message) => core.info(message),
    warning: (message, at) => annotations.annotate('warning', message, at),
    error: (message, at) => annotations.annotate('error', message, at),
    group: (title, work) => core.group(title, work),
  };
}
