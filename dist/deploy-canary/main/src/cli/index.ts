import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './main.js';

// The bundle lives at dist/cli/index.js; the action bundles beside it at dist/<action>/index.js.
process.exitCode = await runCli(process.argv.slice(2), {
  distDir: dirname(dirname(fileURLToPath(import.meta.url))),
  env: process.env,
  cwd: process.cwd(),
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
