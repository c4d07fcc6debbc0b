/**
 * Build provenance for registered model files: a SLSA provenance attestation signed through
 * Sigstore with the job's OIDC identity and stored by GitHub (@actions/attest), so anyone can check
 * with `gh attestation verify` that a model file came from this workflow run.
 */
import { attestProvenance } from '@actions/attest';
import { EnvironmentError, ServiceError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { RunContext } from './context.js';

export interface AttestationLink {
  id: string;
  url?: string;
}

export async function attestFiles(
  subjects: ReadonlyArray<{ name: string; sha256: string }>,
  options: { token: string | undefined; run: RunContext; logger: Logger; env?: NodeJS.ProcessEnv },
): Promise<AttestationLink> {
  const env = options.env ?? process.env;
  if ((env['ACTIONS_ID_TOKEN_REQUEST_URL'] ?? '') === '') {
    throw new EnvironmentError(
      'attest: true needs the job\'s OIDC token, which this run does not have: give the job `permissions: { id-token: write, attestations: write, contents: write }`, or set attest: false.',
    );
  }
  if (options.token === undefined) throw new EnvironmentError('attest: true needs the github-token input to store the attestation.');
  let attestation;
  try {
    attestation = await attestProvenance({ subjects: subjects.map((subject) => ({ name: subject.name, digest: { sha256: subject.sha256 } })), token: options.token });
  } catch (error) {
    throw new ServiceError(`Creating the provenance attestation failed (${(error as Error).message}); check that the job has \`id-token: write\` and \`attestations: write\` permissions.`, { cause: error });
  }
  const id = attestation.attestationID ?? attestation.tlogID;
  if (id === undefined) throw new ServiceError('The provenance attestation was signed but GitHub returned no attestation id; try again.');
  const repository = options.run.repository;
  options.logger.info(`Attested the provenance of ${subjects.length} file(s): attestation ${id}.`);
  return {
    id,
    ...(attestation.attestationID === undefined || repository === undefined ? {} : { url: `${options.run.serverUrl}/${repository.owner}/${repository.repo}/attestations/${attestation.attestationID}` }),
  };
}
