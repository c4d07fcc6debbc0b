/**
 * The inputs every SageMaker request needs — the role SageMaker assumes, the instance type and count —
 * checked the same way for training jobs and endpoints, each with a one-line error naming the input
 * and what it expects. `who` names the caller in the message: `the sagemaker backend` (training) or
 * `the sagemaker target` (deploys).
 */
import { InputError } from '../../core/errors.js';

/** An IAM role ARN, as SageMaker's RoleArn pattern has it. */
export const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-/]+$/;
const INSTANCE_TYPE = /^ml\.[a-z0-9-]+\.[a-z0-9-]+$/;

/** The trimmed value, or an InputError saying what `who` needs there. */
export function requiredInput(value: string | undefined, input: string, expected: string, who: string): string {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') throw new InputError(`${input}: ${who} needs ${expected}; set ${input}.`);
  return trimmed;
}

/** The role-arn input: required, and an IAM role ARN. `expected` says what the role is for. */
export function roleArnInput(value: string | undefined, expected: string, who: string): string {
  const roleArn = requiredInput(value, 'role-arn', expected, who);
  if (!ROLE_ARN.test(roleArn)) {
    throw new InputError(`role-arn: "${roleArn}" is not an IAM role ARN; expected arn:aws:iam::<12-digit account id>:role/<name>, the execution role SageMaker assumes.`);
  }
  return roleArn;
}

/** The instance-type input: required, and ml.<family>.<size>; `example` is a type that fits the use. */
export function instanceTypeInput(value: string | undefined, expected: string, example: string, who: string): string {
  const instanceType = requiredInput(value, 'instance-type', expected, who);
  if (!INSTANCE_TYPE.test(instanceType)) {
    throw new InputError(`instance-type: "${instanceType}" is not a SageMaker instance type; expected ml.<family>.<size>, e.g. ${example}.`);
  }
  return instanceType;
}

/** The instance-count input: a whole number of at least 1. */
export function checkInstanceCount(count: number): void {
  if (!Number.isInteger(count) || count < 1) {
    throw new InputError(`instance-count: ${count} is not a number of instances; expected a whole number of at least 1.`);
  }
}
