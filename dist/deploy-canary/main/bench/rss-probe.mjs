/**
 * Preloaded with `node --import <absolute path of this file>` into a benchmarked process: on exit it
 * writes the process's peak resident set size, process.resourceUsage().maxRSS (KiB, the whole
 * process, worker threads and native threads included), to the file named by CD4ML_BENCH_RSS_FILE.
 * A second line, `cpu <user µs> <system µs>`, gives the process's CPU time, so a busy machine shows
 * up as wall time well above CPU time. Without that variable it does nothing. Worker threads inherit
 * `--import`; only the main thread writes, as it exits last.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.CD4ML_BENCH_RSS_FILE;
if (file && isMainThread) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      writeFileSync(file, `${usage.maxRSS}\ncpu ${usage.userCPUTime} ${usage.systemCPUTime}\n`);
    } catch {
      // The measurement is best effort; never change the measured process's exit.
    }
  });
}
