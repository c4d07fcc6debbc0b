/**
 * Traffic for a local rollout: the `replay` requests sent to the model server one request per line,
 * in a loop, while the rollout bakes, so every step is judged on real requests. Stopped by stop(),
 * which resolves once the request in flight has finished.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';

export async function readReplayLines(path: string): Promise<string[]> {
  const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new InputError(`Input "replay": ${path} has no requests; give JSON Lines, one row object or {"rows": [...]} per line.`);
  return lines;
}

export function startReplayTraffic(url: string, lines: readonly string[]): { stop(): Promise<number> } {
  let running = true;
  let sent = 0;
  const loop = (async () => {
    for (let index = 0; running; index = (index + 1) % lines.length) {
      const line = lines[index] as string;
      const body = line.trimStart().startsWith('{"rows"') ? line : `{"rows": [${line}]}`;
      await fetch(`${url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
        (response) => response.arrayBuffer(),
        () => undefined,
      );
      sent += 1;
      // Yield so that the rollout's timers run between requests.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return sent;
    },
  };
}
