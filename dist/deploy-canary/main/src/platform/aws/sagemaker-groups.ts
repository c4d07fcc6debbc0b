/**
 * The SageMaker side of the sagemaker:// registry: a model is a model package group (the URI's
 * group, or the model's name with plain `sagemaker://`; one group holds one model, so a name other
 * than the group's is refused) and a version is one of its packages. `ModelGroups` makes the
 * SageMaker calls (each failure one line naming the operation, from sagemaker-client.ts), lists a
 * group's packages and the registry's groups, and words the refusals that name what there is.
 *
 * Complexity: listing a group's packages is one ListModelPackages per 100 versions; the models one
 * ListModelPackageGroups per 100 groups (one DescribeModelPackageGroup with a group in the URI).
 */
import {
  CreateModelPackageGroupCommand,
  DescribeModelPackageCommand,
  type DescribeModelPackageCommandOutput,
  DescribeModelPackageGroupCommand,
  ListModelPackageGroupsCommand,
  ListModelPackagesCommand,
  type SageMakerClient,
  UpdateModelPackageCommand,
  type UpdateModelPackageCommandInput,
} from '@aws-sdk/client-sagemaker';
import { InputError } from '../../core/errors.js';
import { NotInRegistryError } from '../../core/registry/not-found.js';
import type { RegistryLocation } from '../../core/registry/uri.js';
import { isAlreadyExists, isMissingResource, sagemakerError } from './sagemaker-client.js';
import { APPROVED, PENDING, isGroupName } from './sagemaker-registry-mapping.js';

export type SageMakerLocation = Extract<RegistryLocation, { kind: 'sagemaker' }>;

/** One package of the group, as ListModelPackages summarises it. */
export interface PackageSummary {
  arn: string;
  version: number;
  description?: string;
  approval: string;
  created: Date;
}

export class ModelGroups {
  constructor(
    readonly location: SageMakerLocation,
    /** The registry as the user wrote it, e.g. `sagemaker://churn`. */
    private readonly registry: string,
    private readonly client: () => SageMakerClient,
  ) {}

  // ---- names and messages

  /** The model package group of a model; `register` and reads word the one-model-per-group refusal differently. */
  groupFor(name: string, use: 'register' | 'read'): string {
    const group = this.location.group ?? name;
    if (group !== name) {
      if (use === 'register') {
        throw new InputError(
          `${this.registry} holds one model, ${group} (a SageMaker model package group holds the versions of one model), so ${name} cannot be registered in it; use sagemaker://${name}, or plain sagemaker:// to keep each model in the group of its name.`,
        );
      }
      throw new NotInRegistryError(
        `${this.registry} has no model named ${name}; it has ${group} (a SageMaker model package group holds one model; sagemaker://${name} names the group of ${name}).`,
      );
    }
    if (!isGroupName(group)) {
      throw new InputError(
        `${this.registry}: "${group}" cannot be a SageMaker model package group name: SageMaker allows letters, digits and hyphens (no "_" or "."), starting with a letter or digit, at most 63 characters. Rename the model (e.g. ${group.replace(/[^a-zA-Z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'churn-model'}).`,
      );
    }
    return group;
  }

  /** The URI's `artifacts=`, which `action` cannot do without. */
  requireArtifacts(action: string): { bucket: string; prefix: string } {
    const artifacts = this.location.artifacts;
    if (artifacts === undefined) {
      const group = this.location.group ?? '<group>';
      throw new InputError(
        `${this.registry}: ${action} needs artifacts=s3://<bucket>/<prefix> in the registry URI, the S3 place for the model files, records, cards and alias audit trail; e.g. sagemaker://${group}?artifacts=s3://my-bucket/models.`,
      );
    }
    return { bucket: artifacts.bucket, prefix: artifacts.prefix.replace(/^\/+|\/+$/g, '') };
  }

  /** The models: the URI's group when it names one (and it exists), else every model package group. */
  async models(): Promise<string[]> {
    const what = 'cannot list the models';
    if (this.location.group !== undefined) return (await this.groupExists(this.location.group, what)) ? [this.location.group] : [];
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.call('ListModelPackageGroups', what, undefined, (client) =>
        client.send(new ListModelPackageGroupsCommand({ SortBy: 'Name', SortOrder: 'Ascending', MaxResults: 100, ...(token === undefined ? {} : { NextToken: token }) })),
      );
      for (const summary of page.ModelPackageGroupSummaryList ?? []) if (summary.ModelPackageGroupName !== undefined) names.push(summary.ModelPackageGroupName);
      token = page.NextToken === '' ? undefined : page.NextToken;
    } while (token !== undefined);
    return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  async unknownModel(name: string): Promise<NotInRegistryError> {
    const models = await this.models();
    const known = models.length === 0 ? 'it has no models yet; register one with register-model' : `it has ${models.join(', ')}`;
    return new NotInRegistryError(`${this.registry} has no model named ${name}; ${known}.`);
  }

  // ---- SageMaker

  async call<T>(operation: string, what: string, group: string | undefined, send: (client: SageMakerClient) => Promise<T>): Promise<T> {
    try {
      return await send(this.client());
    } catch (error) {
      throw sagemakerError(error, { registry: this.registry, what, operation, ...(group === undefined ? {} : { group }) });
    }
  }

  describe(arn: string, group: string, what: string): Promise<DescribeModelPackageCommandOutput> {
    return this.call('DescribeModelPackage', what, group, (client) => client.send(new DescribeModelPackageCommand({ ModelPackageName: arn })));
  }

  /** A package's CustomerMetadataProperties. */
  async metadata(summary: PackageSummary, group: string, what: string): Promise<Record<string, string>> {
    return (await this.describe(summary.arn, group, what)).CustomerMetadataProperties ?? {};
  }

  async update(input: UpdateModelPackageCommandInput, group: string, what: string): Promise<void> {
    await this.call('UpdateModelPackage', what, group, (client) => client.send(new UpdateModelPackageCommand(input)));
  }

  /** Every package of the group, by version. */
  async summaries(group: string, what: string): Promise<PackageSummary[]> {
    const result: PackageSummary[] = [];
    let token: string | undefined;
    do {
      const page = await this.call('ListModelPackages', what, group, (client) =>
        client.send(
          new ListModelPackagesCommand({
            ModelPackageGroupName: group,
            ModelPackageType: 'Versioned',
            SortBy: 'CreationTime',
            SortOrder: 'Ascending',
            MaxResults: 100,
            ...(token === undefined ? {} : { NextToken: token }),
          }),
        ),
      );
      for (const summary of page.ModelPackageSummaryList ?? []) {
        if (summary.ModelPackageArn === undefined || summary.ModelPackageVersion === undefined) continue;
        result.push({
          arn: summary.ModelPackageArn,
          version: summary.ModelPackageVersion,
          ...(summary.ModelPackageDescription === undefined ? {} : { description: summary.ModelPackageDescription }),
          approval: summary.ModelApprovalStatus ?? PENDING,
          created: summary.CreationTime ?? new Date(0),
        });
      }
      token = page.NextToken === '' ? undefined : page.NextToken;
    } while (token !== undefined);
    return result.sort((a, b) => a.version - b.version);
  }

  /** The packages of a model that must exist: an InputError naming the models there are when its group does not. */
  async versionsOf(name: string, group: string, what: string): Promise<PackageSummary[]> {
    const summaries = await this.summaries(group, what);
    if (summaries.length === 0 && !(await this.groupExists(group, what))) throw await this.unknownModel(name);
    return summaries;
  }

  async groupExists(group: string, what: string): Promise<boolean> {
    try {
      await this.client().send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: group }));
      return true;
    } catch (error) {
      if (isMissingResource(error)) return false;
      throw sagemakerError(error, { registry: this.registry, what, operation: 'DescribeModelPackageGroup', group });
    }
  }

  async ensureGroup(name: string, group: string, what: string): Promise<void> {
    if (await this.groupExists(group, what)) return;
    try {
      await this.client().send(
        new CreateModelPackageGroupCommand({ ModelPackageGroupName: group, ModelPackageGroupDescription: `Versions of the model ${name}, registered by cd4ml-actions.` }),
      );
    } catch (error) {
      // Another registration created it meanwhile.
      if (isAlreadyExists(error)) return;
      throw sagemakerError(error, { registry: this.registry, what, operation: 'CreateModelPackageGroup', group });
    }
  }
}

/** The highest version whose ModelApprovalStatus is Approved: where `production` points. */
export function highestApproved(summaries: PackageSummary[]): number | undefined {
  const approved = summaries.filter((entry) => entry.approval === APPROVED).map((entry) => entry.version);
  return approved.length === 0 ? undefined : Math.max(...approved);
}
