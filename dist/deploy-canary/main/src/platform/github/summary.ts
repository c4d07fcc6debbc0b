/**
 * The job summary (`$GITHUB_STEP_SUMMARY`): every report is written here first, so it survives any
 * failure to comment. A step's summary over 1 MiB is not shown by GitHub, so the writer trims what it
 * appends to stay under the limit, with a notice pointing at the log.
 */
import { appendFileSync, existsSync, statSync } from 'node:fs';
import type { Logger } from '../../core/logger.js';
import { fitToLimit } from '../../core/report/fit.js';
import { STEP_SUMMARY_LIMIT_BYTES } from './limits.js';

export interface SummaryWriter {
  /** Appends Markdown; returns false when there is no summary file (outside a runner). */
  append(markdown: string): boolean;
}

export function stepSummaryWriter(path: string | undefined, logger: Logger): SummaryWriter {
  return {
    append(markdown) {
      if (path === undefined || path === '') {
        logger.info(markdown);
        logger.warning('GITHUB_STEP_SUMMARY is not set, so the report above went to the log instead of a job summary.');
        return false;
      }
      const used = existsSync(path) ? statSync(path).size : 0;
      const room = STEP_SUMMARY_LIMIT_BYTES - used;
      const notice =
        '> [!WARNING]\n> This report was trimmed to fit the 1 MiB limit of a job summary; the step log has it in full.';
      const entry = `${markdown}\n`;
      if (Buffer.byteLength(entry) <= room) {
        appendFileSync(path, entry);
        return true;
      }
      logger.info(markdown); // the full text stays in the log
      if (room < Buffer.byteLength(notice) + 64) {
        logger.warning('The job summary is full (1 MiB per step), so this report is in the step log only.');
        return false;
      }
      appendFileSync(path, fitToLimit(entry, room, notice, 'bytes').text);
      return true;
    },
  };
}
