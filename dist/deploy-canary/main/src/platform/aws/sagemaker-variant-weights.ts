/**
 * Competing models on one endpoint: the traffic weights of its production variants, set with
 * UpdateEndpointWeightsAndCapacities (DesiredWeightsAndCapacities [{VariantName, DesiredWeight}]).
 * Each variant takes weight / (sum of weights) of the requests. SageMaker sets the endpoint Updating,
 * then InService with the new weights; this call does not wait for that.
 *
 * IAM: sagemaker:UpdateEndpointWeightsAndCapacities on the endpoint.
 */
import { type SageMakerClient, UpdateEndpointWeightsAndCapacitiesCommand } from '@aws-sdk/client-sagemaker';
import { InputError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { RESOURCE_NAME } from './sagemaker-deploy-request.js';
import { deployError } from './sagemaker-deploy-errors.js';
import { sagemakerClient } from './sagemaker-client.js';

export interface VariantWeightOptions {
  region?: string;
  logger?: Logger;
  /** A client to use instead of one from the factory (it is not destroyed). */
  client?: SageMakerClient;
}

/** Sets the traffic weight of each named variant of `endpoint`; returns the endpoint's ARN. */
export async function setVariantWeights(endpoint: string, weights: Record<string, number>, options: VariantWeightOptions = {}): Promise<string | undefined> {
  if (!RESOURCE_NAME.test(endpoint)) {
    throw new InputError(`endpoint: "${endpoint}" is not a SageMaker endpoint name; expected 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit.`);
  }
  const entries = Object.entries(weights);
  if (entries.length === 0) throw new InputError(`weights: no variants given for endpoint ${endpoint}; expected a weight for at least one production variant.`);
  if (entries.length > 10) throw new InputError(`weights: ${entries.length} variants; SageMaker updates at most 10 variants of an endpoint at once.`);
  for (const [variant, weight] of entries) {
    if (!RESOURCE_NAME.test(variant)) {
      throw new InputError(`weights: "${variant}" is not a SageMaker variant name; expected 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit.`);
    }
    if (!Number.isFinite(weight) || weight < 0) throw new InputError(`weights: ${variant} has weight ${weight}; expected a number of at least 0.`);
  }
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  if (total === 0) throw new InputError(`weights: every variant's weight is 0; at least one variant must have a weight above 0 to take traffic.`);

  const client = options.client ?? sagemakerClient(options.region === undefined ? {} : { region: options.region });
  try {
    const output = await client.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: endpoint,
        DesiredWeightsAndCapacities: entries.map(([VariantName, DesiredWeight]) => ({ VariantName, DesiredWeight })),
      }),
    );
    const shares = entries.map(([variant, weight]) => `${variant} ${weight} (${Math.round((weight / total) * 1000) / 10}%)`).join(', ');
    options.logger?.info(`endpoint ${endpoint}: asked SageMaker for the variant weights ${shares}; the endpoint is Updating until they apply`);
    return output.EndpointArn;
  } catch (error) {
    throw deployError(error, { endpoint, what: 'cannot set the variant weights', operation: 'UpdateEndpointWeightsAndCapacities' });
  } finally {
    if (options.client === undefined) client.destroy();
  }
}
