import { runScanningAction } from '../scan-entry.js';

await runScanningAction(import.meta.url, async () => ({ ...(await import('./metadata.js')), ...(await import('./main.js')) }));
