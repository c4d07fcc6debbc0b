/** The pause between polls of the SageMaker waits (training, deploy, shadow test), cut short by cancellation. */
import { sleep as defaultSleep } from '../../core/retry.js';

/** Waits `ms`; resolves early when `signal` aborts. The default timer is cleared then, so nothing keeps the process up. */
export function pause(ms: number, signal: AbortSignal | undefined, sleep: ((ms: number) => Promise<void>) | undefined): Promise<void> {
  if (signal === undefined) return (sleep ?? defaultSleep)(ms);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const done = (): void => {
      signal.removeEventListener('abort', done);
      if (timer !== undefined) clearTimeout(timer);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    if (sleep === undefined) timer = setTimeout(done, ms);
    else
      sleep(ms).then(done, (error: unknown) => {
        signal.removeEventListener('abort', done);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
  });
}

/** A pause for the waits: an `abortable` one resolves early when `signal` aborts, the others run out. */
export function pauser(signal: AbortSignal | undefined, sleep: ((ms: number) => Promise<void>) | undefined): (ms: number, abortable: boolean) => Promise<void> {
  return (ms, abortable) => pause(ms, abortable ? signal : undefined, sleep);
}
