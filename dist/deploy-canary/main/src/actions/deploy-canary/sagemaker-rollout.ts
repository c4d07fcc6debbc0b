/** The sagemaker target: the registry version's model archive in S3 deployed behind the endpoint's guardrails. */
import { InputError } from '../../core/errors.js';
import type { InputValues } from '../../core/inputs/spec.js';
import type { Logger } from '../../core/logger.js';
import type { RolloutPlan, RolloutResult } from '../../core/deploy/types.js';
import type { ModelRecord } from '../../core/registry/types.js';
import { deployToSageMaker } from '../../platform/aws/sagemaker-deploy.js';
import type { inputs as specs } from './inputs.js';
import { pollInterval } from '../../platform/aws/sagemaker-client.js';

export async function sagemakerRollout(options: {
  inputs: InputValues<typeof specs>;
  record: ModelRecord;
  endpoint: string;
  plan: RolloutPlan;
  signal: AbortSignal;
  logger: Logger;
}): Promise<{ result: RolloutResult; previous: number | undefined; target: string; endpointConfig: string; replayMarkdown?: string }> {
  const { inputs, record, endpoint, plan, signal, logger } = options;
  const archives = record.files.filter((file) => file.path.startsWith('model/') && file.path.endsWith('.tar.gz') && file.location.startsWith('s3://'));
  if (archives.length !== 1) {
    throw new InputError(
      `${record.uri} has ${archives.length === 0 ? 'no' : 'several'} model archive (model/*.tar.gz) in S3; the sagemaker target deploys one, so register the model as a .tar.gz in an s3:// or sagemaker:// registry.`,
    );
  }
  const required = (value: string | undefined, name: string): string => {
    if (value === undefined) throw new InputError(`The sagemaker target needs the "${name}" input.`);
    return value;
  };
  const deployed = await deployToSageMaker({
    endpoint,
    modelName: record.name,
    version: record.version,
    modelDataUrl: archives[0]!.location,
    image: required(inputs.image, 'image'),
    instanceType: required(inputs['instance-type'], 'instance-type'),
    instanceCount: inputs['instance-count'],
    roleArn: required(inputs['role-arn'], 'role-arn'),
    plan,
    alarms: inputs.alarms ?? [],
    ...(inputs.region === undefined ? {} : { region: inputs.region }),
    ...pollInterval(process.env),
    signal,
    logger,
  });
  const live = deployed.status === 'promoted' ? record.version : undefined;
  return {
    result: { status: deployed.status, summary: deployed.summary, steps: [], liveVersion: live },
    previous: undefined,
    target: `the SageMaker endpoint ${endpoint} (${deployed.previousConfig ?? 'new'} → ${deployed.endpointConfig})`,
    endpointConfig: deployed.liveConfig ?? deployed.endpointConfig,
  };
}
