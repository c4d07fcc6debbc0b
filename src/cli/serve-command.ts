/**
 * `cd4ml serve`: serves a local deployment over HTTP with onnxruntime-node — `POST /predict`,
 * `GET /health`, `GET /metrics` (Prometheus) — splitting traffic as the deployment's state.json
 * says, so deploy-canary's local rollouts (or `cd4ml deploy-canary --target local`) steer it live.
 * Runs until interrupted (Ctrl-C).
 */
import { resolve, join } from 'node:path';
import { existsSync } from 'node:fs';
import { InputError } from '../core/errors.js';
import { consoleLogger } from '../core/logger.js';
import { startModelServer } from '../core/deploy/local-server.js';
import { STATE_FILE } from '../core/deploy/local-state.js';
import { deploymentDirectory } from '../core/deploy/local-target.js';
import { LOCAL_DEPLOY_DIRECTORY } from '../actions/deploy-canary/local-rollout.js';
import type { CliCommand } from './data-commands.js';

export const serve: CliCommand = {
  id: 'serve',
  description: 'Serve a local deployment over HTTP (/predict, /health, /metrics), following its rollouts.',
  usage: 'cd4ml serve --endpoint <name> [--port 8080] [--features a,b,c]',
  about: [
    `Serves the versions deploy-canary put live at ${LOCAL_DEPLOY_DIRECTORY}/<endpoint>/ (the local target): POST /predict with {"rows": [{...}]} answers from the live version or, during a rollout, from the candidate for its share of requests; GET /health names them; GET /metrics gives request counts, latency and prediction histograms per version in Prometheus text format. A rollout or rollback takes effect on the next request.`,
  ],
  options: {
    endpoint: { description: 'The local deployment to serve (deploy-canary\'s endpoint input; default: the model name).', required: true, expected: 'a deployment name' },
    port: { description: 'Port to listen on (0: any free port).', default: '8080', expected: 'a port number' },
    host: { description: 'Address to listen on.', default: '127.0.0.1', expected: 'an address' },
    features: { description: 'The columns a [N, F] model takes, in order, comma-separated.', expected: 'column names' },
  },
  async run(values, cli) {
    const port = Number(values['port'] ?? '8080');
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`--port ${values['port']} is not a port number; give 0 to 65535.`);
    const directory = deploymentDirectory(resolve(cli.cwd, LOCAL_DEPLOY_DIRECTORY), values['endpoint'] as string);
    if (!existsSync(join(directory, STATE_FILE))) {
      throw new InputError(`Nothing is deployed at ${directory} yet; deploy a version first with cd4ml deploy-canary --model registry:<name>@<version> --endpoint ${values['endpoint']}.`);
    }
    const features = values['features']?.split(',').map((name) => name.trim()).filter((name) => name !== '');
    const server = await startModelServer({ directory, port, host: values['host'] ?? '127.0.0.1', features, logger: consoleLogger() });
    cli.out(`Serving ${directory} at ${server.url} (POST /predict, GET /health, GET /metrics); Ctrl-C stops.`);
    await new Promise<void>((done) => {
      const stop = () => done();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
};
