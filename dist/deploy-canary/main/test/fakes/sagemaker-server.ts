/**
 * A fake SageMaker API on loopback for tests, spoken to through the real AWS SDK (`endpoint` option
 * or `AWS_ENDPOINT_URL_SAGEMAKER`). It speaks SageMaker's protocol, AWS JSON 1.1: `POST /` with
 * `x-amz-target: SageMaker.<Operation>` and `content-type: application/x-amz-json-1.1`, a JSON body,
 * timestamps as epoch seconds; errors are HTTP 400 (5xx for server faults) with
 * `{"__type": "<Code>", "message": "..."}`, which the SDK turns into exceptions named by the code.
 * Requests must carry a SigV4 `Authorization` header; any credentials are accepted.
 *
 * Built to grow: every operation is a handler in `handlers` (add training jobs or endpoints with
 * `handle(operation, handler)`), state is in plain public maps, every request is logged in
 * `requests` ({operation, body}) for assertions, and `failNext(operation, code, times)` answers the
 * next calls of an operation with an error (ThrottlingException and 5xx ones are retried by the SDK).
 *
 * Model registry operations, with SageMaker's behaviours that matter here (from the API reference:
 * name patterns, the 50-entry / 128- and 256-character metadata limits, ClientToken ≤ 36 characters,
 * MaxResults 1–100; messages as SageMaker words them where known):
 * - CreateModelPackageGroup (ValidationException "Model Package Group already exists: <arn>"),
 *   DescribeModelPackageGroup (ValidationException "ModelPackageGroup <arn> does not exist."),
 *   ListModelPackageGroups (NameContains, SortBy Name|CreationTime, SortOrder, MaxResults, NextToken);
 * - CreateModelPackage: versions 1, 2, 3… per group, handed out atomically; the same `ClientToken`
 *   returns the same ARN (the fake does not compare the other parameters, as AWS would); the group
 *   must exist; containers need an Image;
 * - DescribeModelPackage by ARN (or by name, for unversioned packages);
 * - ListModelPackages: ModelPackageGroupName, ModelApprovalStatus, SortBy CreationTime|Name,
 *   SortOrder (Ascending by default), MaxResults (10 by default) and NextToken; the summaries of
 *   versioned packages have no ModelPackageName, as SageMaker's;
 * - UpdateModelPackage: ModelApprovalStatus, ApprovalDescription, CustomerMetadataProperties (merged),
 *   CustomerMetadataPropertiesToRemove, InferenceSpecification, SourceUri.
 *
 * Training jobs (shapes from the API reference of CreateTrainingJob and DescribeTrainingJob):
 * - CreateTrainingJob checks the request the way SageMaker does (required members, the name, role ARN,
 *   S3 URI and channel name patterns, the HyperParameters, MetricDefinitions and Tags limits, and the
 *   managed spot rules: MaxWaitTimeInSeconds present and ≥ MaxRuntimeInSeconds with spot, refused
 *   without); a name in use answers ResourceInUse. The job starts InProgress / Starting.
 * - DescribeTrainingJob advances the job's script by one step per call, then answers the job as
 *   SageMaker does: TrainingJobStatus, SecondaryStatus, SecondaryStatusTransitions (a new entry when the
 *   secondary status changes, the previous one closed with an EndTime), FailureReason, and on
 *   Completed FinalMetricDataList, TrainingTimeInSeconds, BillableTimeInSeconds and
 *   ModelArtifacts.S3ModelArtifacts = `<S3OutputPath>/<job>/output/model.tar.gz`. Before it answers
 *   Completed it awaits `onTrainingCompleted(job)`, where a test writes the artifact into its S3 server.
 *   A job that does not exist answers ValidationException "Requested resource not found." (as
 *   SageMaker does, rather than the ResourceNotFound its reference lists).
 * - The script: `trainingScript(jobName or '*', steps or scenario, overrides)`; the scenarios are
 *   'complete', 'fail', 'spot-interrupted' (Interrupted, Restarting, then completion with billable
 *   time below training time) and 'stop-by-user' (Stopping, Stopped as if stopped from the console);
 *   a job with no script completes. When the steps run out, the job stays where it is.
 * - StopTrainingJob: an InProgress job goes Stopping, then Stopped at the next describe; a Stopping
 *   job is left alone; an ended one answers a ValidationException.
 * - ListTrainingJobs: NameContains, StatusEquals, SortBy Name|CreationTime|Status, SortOrder,
 *   MaxResults, NextToken.
 *
 * Hosting (shapes from the API reference of CreateModel, CreateEndpointConfig, CreateEndpoint,
 * UpdateEndpoint, DescribeEndpoint, DeploymentConfig and its parts; messages as SageMaker words them
 * where known: "Cannot create already existing …", "Could not find …"):
 * - CreateModel (name pattern, ExecutionRoleArn pattern, PrimaryContainer Image and ModelDataUrl),
 *   CreateEndpointConfig (1–10 ProductionVariants, each with a VariantName and an existing model),
 *   DescribeEndpointConfig; a name in use answers ValidationException "Cannot create already existing …".
 * - CreateEndpoint starts Creating; UpdateEndpoint needs an InService endpoint (else "Cannot update
 *   in-progress endpoint", wording not verified), checks the DeploymentConfig (TrafficRoutingConfig Type
 *   ALL_AT_ONCE|CANARY|LINEAR, WaitIntervalInSeconds 0–3600, CanarySize / LinearStepSize
 *   {INSTANCE_COUNT|CAPACITY_PERCENT, Value ≥ 1} — with CAPACITY_PERCENT the canary at most 50 and a
 *   linear step 10–50 —, TerminationWaitInSeconds 0–3600, MaximumExecutionTimeoutInSeconds 600–28800,
 *   1–10 alarms of 1–255 characters) and that the new config keeps the live config's variant names
 *   (as blue/green updates require; wording not verified), then sets the endpoint Updating with a
 *   PendingDeploymentSummary and LastDeploymentConfig.
 * - DescribeEndpoint advances the endpoint's script by one step per call (as DescribeTrainingJob does),
 *   then answers EndpointName, EndpointArn, EndpointConfigName (the live one), ProductionVariants,
 *   EndpointStatus, FailureReason, times, LastDeploymentConfig, PendingDeploymentSummary. A missing
 *   endpoint answers ValidationException 'Could not find endpoint "<name>".'.
 * - The script: `endpointScript(endpoint or '*', steps or scenario, {failureReason})`, taken when the
 *   endpoint is created or updated; the scenarios are 'deploy' (Updating … InService with the new
 *   config; a create: Creating … InService), 'alarm-rollback' (Updating … RollingBack … InService with
 *   the OLD config live and a FailureReason naming the update's alarms — SageMaker's wording is not
 *   verified, and the real service may stay Updating while it rolls back), 'fail' (… Failed with a
 *   FailureReason) and 'stuck' (Updating or Creating for ever). A step's `live` says which config is
 *   live once it applies ('new': the pending one, 'old': the one before).
 * - UpdateEndpointWeightsAndCapacities: the variants must exist; the weights apply at once, the endpoint
 *   is Updating until the next describe.
 * - `seedEndpoint(name, …)` makes an InService endpoint (with its model and config) without requests.
 *
 * Shadow tests (CreateInferenceExperiment, DescribeInferenceExperiment, StopInferenceExperiment,
 * ListInferenceExperiments): the name (1–120), Type ShadowMode, RoleArn, an InService endpoint, 1–2
 * ModelVariants (existing models, RealTimeInference infrastructure), ShadowModeConfig (the source among
 * the variants, exactly one shadow variant, SamplingPercentage ≤ 100) and Schedule.EndTime in the future,
 * at most 30 days on, are checked. The script (`experimentScript`: 'complete', 'cancel-by-user',
 * 'stuck', or steps) advances one step per describe; StopInferenceExperiment (ModelVariantActions
 * Promote|Remove|Retain for the experiment's variants, DesiredState Completed|Cancelled) sets Stopping,
 * then the desired state at the next describe.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Json = Record<string, unknown>;

/** An error SageMaker would answer; thrown by handlers. */
export class SageMakerFault extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface RecordedRequest {
  operation: string;
  body: Json;
  /** The error code answered, when the request failed. */
  error?: string;
}

export interface FakeModelPackageGroup {
  name: string;
  arn: string;
  description?: string;
  creationTime: Date;
  /** The next version CreateModelPackage hands out. */
  nextVersion: number;
}

export interface FakeModelPackage {
  arn: string;
  /** Absent for unversioned packages. */
  group?: string;
  version?: number;
  /** The name of an unversioned package. */
  name?: string;
  description?: string;
  approvalStatus: string;
  approvalDescription?: string;
  metadata: Record<string, string>;
  creationTime: Date;
  lastModifiedTime: Date;
  /** Everything else CreateModelPackage was given (InferenceSpecification, ModelMetrics, SourceUri …). */
  input: Json;
}

export type TrainingJobStatus = 'InProgress' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';

/** One step of a training job's script: what the job looks like after the next DescribeTrainingJob. */
export interface TrainingStep {
  /** TrainingJobStatus; InProgress unless given. */
  status?: TrainingJobStatus;
  /** SecondaryStatus: a new transition when it differs from the current one, else the current one's message changes. */
  secondary: string;
  /** The transition's StatusMessage. */
  message?: string;
  /** With status Failed. */
  failureReason?: string;
  /** FinalMetricDataList, with status Completed (or Stopped). */
  metrics?: Record<string, number>;
  trainingSeconds?: number;
  billableSeconds?: number;
}

export type TrainingScenario = 'complete' | 'fail' | 'spot-interrupted' | 'stop-by-user';

/** Changes to the final step of a scenario (its metrics, failure reason, times). */
export type TrainingOverrides = Pick<TrainingStep, 'metrics' | 'failureReason' | 'trainingSeconds' | 'billableSeconds'>;

export interface FakeTrainingTransition {
  Status: string;
  StartTime: Date;
  EndTime?: Date;
  StatusMessage?: string;
}

export interface FakeTrainingJob {
  name: string;
  arn: string;
  /** The CreateTrainingJob body. */
  request: Json;
  creationTime: Date;
  lastModifiedTime: Date;
  status: TrainingJobStatus;
  secondary: string;
  transitions: FakeTrainingTransition[];
  /** The steps still to come. */
  steps: TrainingStep[];
  failureReason?: string;
  metrics?: Record<string, number>;
  trainingSeconds?: number;
  billableSeconds?: number;
  trainingStartTime?: Date;
  trainingEndTime?: Date;
  /** ModelArtifacts.S3ModelArtifacts, once Completed. */
  modelArtifacts?: string;
  /** DescribeTrainingJob calls answered. */
  describes: number;
}

export type EndpointStatus = 'OutOfService' | 'Creating' | 'Updating' | 'SystemUpdating' | 'RollingBack' | 'InService' | 'Deleting' | 'Failed' | 'UpdateRollbackFailed';

/** One step of an endpoint's script: what the endpoint looks like after the next DescribeEndpoint. */
export interface EndpointStep {
  status: EndpointStatus;
  /** Which config is live once the step applies: the pending one ('new') or the one before ('old'); unchanged when absent. */
  live?: 'new' | 'old';
  /** Makes this endpoint config live instead (a deployment from elsewhere). */
  config?: string;
  failureReason?: string;
}

export type EndpointScenario = 'deploy' | 'alarm-rollback' | 'fail' | 'stuck';

export interface FakeModel {
  name: string;
  arn: string;
  /** The CreateModel body. */
  request: Json;
  creationTime: Date;
}

export interface FakeEndpointConfig {
  name: string;
  arn: string;
  /** The CreateEndpointConfig body. */
  request: Json;
  variants: Json[];
  creationTime: Date;
}

export interface FakeEndpoint {
  name: string;
  arn: string;
  /** The live endpoint config. */
  config: string;
  status: EndpointStatus;
  failureReason?: string;
  creationTime: Date;
  lastModifiedTime: Date;
  /** The config an update is deploying. */
  pending?: { config: string; startTime: Date };
  lastDeploymentConfig?: Json;
  /** The steps still to come. */
  steps: EndpointStep[];
  /** Variant → current weight. */
  weights: Map<string, number>;
  /** DescribeEndpoint calls answered. */
  describes: number;
}

export type ExperimentStatus = 'Creating' | 'Created' | 'Updating' | 'Starting' | 'Running' | 'Stopping' | 'Completed' | 'Cancelled';

/** One step of an inference experiment's script. */
export interface ExperimentStep {
  status: ExperimentStatus;
  reason?: string;
}

export type ExperimentScenario = 'complete' | 'cancel-by-user' | 'stuck';

export interface FakeExperiment {
  name: string;
  arn: string;
  /** The CreateInferenceExperiment body. */
  request: Json;
  status: ExperimentStatus;
  statusReason?: string;
  startTime: Date;
  endTime: Date;
  creationTime: Date;
  lastModifiedTime: Date;
  completionTime?: Date;
  steps: ExperimentStep[];
  /** The StopInferenceExperiment body, once stopped. */
  stopRequest?: Json;
  describes: number;
}

export type Handler = (body: Json, fake: FakeSageMaker) => Json | Promise<Json>;

interface PendingFault {
  code: string;
  message: string;
  status: number;
  remaining: number;
}

export const GROUP_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const METADATA_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const CLIENT_TOKEN = /^[a-zA-Z0-9-]+$/;
const APPROVAL = ['Approved', 'Rejected', 'PendingManualApproval'];
const STATUS_OF: Record<string, number> = {
  InternalFailure: 500,
  InternalServerError: 500,
  ServiceUnavailable: 503,
  ServiceUnavailableException: 503,
};

export class FakeSageMaker {
  readonly requests: RecordedRequest[] = [];
  readonly groups = new Map<string, FakeModelPackageGroup>();
  /** By ARN. */
  readonly packages = new Map<string, FakeModelPackage>();
  /** ClientToken → ARN of what it created. */
  readonly clientTokens = new Map<string, string>();
  readonly handlers = new Map<string, Handler>();
  /** Training jobs by name. */
  readonly trainingJobs = new Map<string, FakeTrainingJob>();
  /** Scripts by job name, or `*` for any job without its own. */
  readonly trainingScripts = new Map<string, { steps: TrainingStep[] | TrainingScenario; overrides: TrainingOverrides }>();
  /** Hosting, by name. */
  readonly models = new Map<string, FakeModel>();
  readonly endpointConfigs = new Map<string, FakeEndpointConfig>();
  readonly endpoints = new Map<string, FakeEndpoint>();
  /** Scripts by endpoint name, or `*` for any endpoint without its own. */
  readonly endpointScripts = new Map<string, { steps: EndpointStep[] | EndpointScenario; failureReason?: string }>();
  /** Inference experiments (shadow tests) by name, and their scripts (`*` for any). */
  readonly experiments = new Map<string, FakeExperiment>();
  readonly experimentScripts = new Map<string, ExperimentStep[] | ExperimentScenario>();
  /** Awaited before a job is first answered as Completed: a test writes the model artifact here. */
  onTrainingCompleted: ((job: FakeTrainingJob) => void | Promise<void>) | undefined;
  readonly region: string;
  readonly account = '123456789012';
  private readonly faults = new Map<string, PendingFault[]>();
  private server: Server | undefined;
  private lastTime = 0;
  endpoint = '';

  constructor(options: { region?: string } = {}) {
    this.region = options.region ?? 'us-east-1';
    this.handle('CreateModelPackageGroup', (body) => this.createGroup(body));
    this.handle('DescribeModelPackageGroup', (body) => this.describeGroup(body));
    this.handle('ListModelPackageGroups', (body) => this.listGroups(body));
    this.handle('CreateModelPackage', (body) => this.createPackage(body));
    this.handle('DescribeModelPackage', (body) => this.describePackage(body));
    this.handle('ListModelPackages', (body) => this.listPackages(body));
    this.handle('UpdateModelPackage', (body) => this.updatePackage(body));
    this.handle('CreateTrainingJob', (body) => this.createTrainingJob(body));
    this.handle('DescribeTrainingJob', (body) => this.describeTrainingJob(body));
    this.handle('StopTrainingJob', (body) => this.stopTrainingJob(body));
    this.handle('ListTrainingJobs', (body) => this.listTrainingJobs(body));
    this.handle('CreateModel', (body) => this.createModel(body));
    this.handle('CreateEndpointConfig', (body) => this.createEndpointConfig(body));
    this.handle('DescribeEndpointConfig', (body) => this.describeEndpointConfig(body));
    this.handle('CreateEndpoint', (body) => this.createEndpoint(body));
    this.handle('UpdateEndpoint', (body) => this.updateEndpoint(body));
    this.handle('DescribeEndpoint', (body) => this.describeEndpoint(body));
    this.handle('UpdateEndpointWeightsAndCapacities', (body) => this.updateWeights(body));
    this.handle('CreateInferenceExperiment', (body) => this.createExperiment(body));
    this.handle('DescribeInferenceExperiment', (body) => this.describeExperiment(body));
    this.handle('StopInferenceExperiment', (body) => this.stopExperiment(body));
    this.handle('ListInferenceExperiments', (body) => this.listExperiments(body));
  }

  /** The script of the training job `jobName` (or, with `*`, of every job without its own). */
  trainingScript(jobName: string, steps: TrainingStep[] | TrainingScenario, overrides: TrainingOverrides = {}): void {
    this.trainingScripts.set(jobName, { steps, overrides });
  }

  /** The script of `endpoint` (or, with `*`, of every endpoint without its own), taken at its next CreateEndpoint or UpdateEndpoint. */
  endpointScript(endpoint: string, steps: EndpointStep[] | EndpointScenario, overrides: { failureReason?: string } = {}): void {
    this.endpointScripts.set(endpoint, { steps, ...overrides });
  }

  /** The script of the inference experiment `name` (or, with `*`, of every one without its own). */
  experimentScript(name: string, steps: ExperimentStep[] | ExperimentScenario): void {
    this.experimentScripts.set(name, steps);
  }

  /** An InService endpoint serving `model` on one variant, made without requests (its model and config too). */
  seedEndpoint(
    name: string,
    options: { config?: string; model?: string; variant?: string; instanceType?: string; instanceCount?: number; image?: string } = {},
  ): FakeEndpoint {
    const time = this.now();
    const model = options.model ?? `${name}-model`;
    const config = options.config ?? `${name}-config`;
    const variant = options.variant ?? 'AllTraffic';
    if (!this.models.has(model)) {
      this.models.set(model, {
        name: model,
        arn: this.hostingArn('model', model),
        request: { ModelName: model, PrimaryContainer: { Image: options.image ?? 'serve:1', ModelDataUrl: 's3://models/seed/model.tar.gz' } },
        creationTime: time,
      });
    }
    const variants = [{ VariantName: variant, ModelName: model, InstanceType: options.instanceType ?? 'ml.m5.large', InitialInstanceCount: options.instanceCount ?? 1 }];
    this.endpointConfigs.set(config, { name: config, arn: this.hostingArn('endpoint-config', config), request: { EndpointConfigName: config, ProductionVariants: variants }, variants, creationTime: time });
    const endpoint: FakeEndpoint = {
      name,
      arn: this.hostingArn('endpoint', name),
      config,
      status: 'InService',
      creationTime: time,
      lastModifiedTime: time,
      steps: [],
      weights: new Map([[variant, 1]]),
      describes: 0,
    };
    this.endpoints.set(name, endpoint);
    return endpoint;
  }

  /** Adds (or replaces) the handler of an operation. */
  handle(operation: string, handler: Handler): void {
    this.handlers.set(operation, handler);
  }

  /** The next `times` calls of `operation` fail with `code` (status 400, or 5xx for server faults). */
  failNext(operation: string, code: string, times = 1, options: { message?: string; status?: number } = {}): void {
    const list = this.faults.get(operation) ?? [];
    list.push({ code, message: options.message ?? `Injected ${code} for ${operation}`, status: options.status ?? STATUS_OF[code] ?? 400, remaining: times });
    this.faults.set(operation, list);
  }

  /** The operations received, in order (optionally only those that succeeded). */
  operations(options: { succeeded?: boolean } = {}): string[] {
    return this.requests.filter((request) => !options.succeeded || request.error === undefined).map((request) => request.operation);
  }

  /** The bodies of the requests of one operation. */
  bodies(operation: string): Json[] {
    return this.requests.filter((request) => request.operation === operation).map((request) => request.body);
  }

  /** Forgets every group, package, token, training job, model, endpoint config, endpoint, experiment, script, fault and request (not `onTrainingCompleted`). */
  reset(): void {
    this.requests.length = 0;
    this.trainingJobs.clear();
    this.trainingScripts.clear();
    this.groups.clear();
    this.packages.clear();
    this.clientTokens.clear();
    this.faults.clear();
    this.models.clear();
    this.endpointConfigs.clear();
    this.endpoints.clear();
    this.endpointScripts.clear();
    this.experiments.clear();
    this.experimentScripts.clear();
  }

  /** A strictly increasing clock, so creation times order the packages as SageMaker's do. */
  now(): Date {
    const time = Math.max(Date.now(), this.lastTime + 1);
    this.lastTime = time;
    return new Date(time);
  }

  /** The ARN of a model, endpoint-config, endpoint or inference-experiment. */
  hostingArn(kind: string, name: string): string {
    return `arn:aws:sagemaker:${this.region}:${this.account}:${kind}/${name.toLowerCase()}`;
  }

  groupArn(name: string): string {
    return `arn:aws:sagemaker:${this.region}:${this.account}:model-package-group/${name.toLowerCase()}`;
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void this.serve(request, response);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.endpoint = `http://127.0.0.1:${port}`;
    return this.endpoint;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.startsWith('SageMaker.') ? target.slice('SageMaker.'.length) : target;
    let body: Json = {};
    const record: RecordedRequest = { operation, body };
    try {
      if (request.method !== 'POST' || (request.url ?? '/') !== '/') throw new SageMakerFault('UnknownOperationException', `${request.method} ${request.url} is not a SageMaker request`);
      if (!String(request.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.1')) {
        throw new SageMakerFault('SerializationException', `content-type must be application/x-amz-json-1.1, got ${String(request.headers['content-type'])}`);
      }
      if (!/^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/[^/]+\/sagemaker\/aws4_request/.test(String(request.headers.authorization ?? ''))) {
        throw new SageMakerFault('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
      }
      try {
        body = text === '' ? {} : (JSON.parse(text) as Json);
      } catch {
        throw new SageMakerFault('SerializationException', 'the body is not JSON');
      }
      record.body = body;
      this.requests.push(record);
      const handler = this.handlers.get(operation);
      if (handler === undefined || !target.startsWith('SageMaker.')) throw new SageMakerFault('UnknownOperationException', `The operation ${target} is not implemented by the fake`);
      const fault = this.takeFault(operation);
      if (fault !== undefined) throw new SageMakerFault(fault.code, fault.message, fault.status);
      const output = await handler(body, this);
      this.send(response, 200, output);
    } catch (error) {
      if (!this.requests.includes(record)) this.requests.push(record);
      const fault = error instanceof SageMakerFault ? error : new SageMakerFault('InternalFailure', (error as Error).message, 500);
      record.error = fault.code;
      this.send(response, fault.status, { __type: fault.code, message: fault.message });
    }
  }

  private send(response: ServerResponse, status: number, body: Json): void {
    // Timestamps as epoch seconds, as AWS JSON 1.1 sends them (the replacer sees Dates before toJSON).
    const text = JSON.stringify(body, function (this: Record<string, unknown>, key: string, value: unknown) {
      const raw = this[key];
      return raw instanceof Date ? raw.getTime() / 1000 : value;
    });
    response.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(text),
      'x-amzn-requestid': randomUUID(),
    });
    response.end(text);
  }

  private takeFault(operation: string): PendingFault | undefined {
    const list = this.faults.get(operation);
    const fault = list?.[0];
    if (list === undefined || fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) list.shift();
    return fault;
  }

  // ---- model package groups

  private createGroup(body: Json): Json {
    const name = requiredString(body, 'ModelPackageGroupName');
    checkPattern(name, 'modelPackageGroupName', GROUP_NAME, '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$');
    const description = optionalString(body, 'ModelPackageGroupDescription');
    if (description !== undefined) checkLength(description, 'modelPackageGroupDescription', 0, 1024);
    const existing = this.groups.get(name);
    if (existing !== undefined) throw new SageMakerFault('ValidationException', `Model Package Group already exists: ${existing.arn}`);
    const group: FakeModelPackageGroup = { name, arn: this.groupArn(name), creationTime: this.now(), nextVersion: 1, ...(description === undefined ? {} : { description }) };
    this.groups.set(name, group);
    return { ModelPackageGroupArn: group.arn };
  }

  private findGroup(nameOrArn: string): FakeModelPackageGroup | undefined {
    const name = nameOrArn.startsWith('arn:') ? /model-package-group\/(.+)$/.exec(nameOrArn)?.[1] : nameOrArn;
    if (name === undefined) return undefined;
    return this.groups.get(name) ?? [...this.groups.values()].find((group) => group.arn === nameOrArn);
  }

  private describeGroup(body: Json): Json {
    const name = requiredString(body, 'ModelPackageGroupName');
    const group = this.findGroup(name);
    if (group === undefined) {
      throw new SageMakerFault('ValidationException', `ModelPackageGroup ${name.startsWith('arn:') ? name : this.groupArn(name)} does not exist.`);
    }
    return {
      ModelPackageGroupName: group.name,
      ModelPackageGroupArn: group.arn,
      ...(group.description === undefined ? {} : { ModelPackageGroupDescription: group.description }),
      CreationTime: group.creationTime,
      CreatedBy: {},
      ModelPackageGroupStatus: 'Completed',
    };
  }

  private listGroups(body: Json): Json {
    const contains = optionalString(body, 'NameContains');
    let groups = [...this.groups.values()].filter((group) => contains === undefined || group.name.includes(contains));
    groups = sortBy(groups, optionalString(body, 'SortBy') ?? 'CreationTime', optionalString(body, 'SortOrder') ?? 'Ascending', (group) => ({
      Name: group.name,
      CreationTime: group.creationTime.getTime(),
    }));
    const page = paginate(groups, body, 'ListModelPackageGroups');
    return {
      ModelPackageGroupSummaryList: page.items.map((group) => ({
        ModelPackageGroupName: group.name,
        ModelPackageGroupArn: group.arn,
        ...(group.description === undefined ? {} : { ModelPackageGroupDescription: group.description }),
        CreationTime: group.creationTime,
        ModelPackageGroupStatus: 'Completed',
      })),
      ...(page.next === undefined ? {} : { NextToken: page.next }),
    };
  }

  // ---- model packages

  private createPackage(body: Json): Json {
    const groupName = optionalString(body, 'ModelPackageGroupName');
    const packageName = optionalString(body, 'ModelPackageName');
    if (groupName !== undefined && packageName !== undefined) {
      throw new SageMakerFault('ValidationException', 'Both ModelPackageName and ModelPackageGroupName are provided in the input. Cannot determine which one to use.');
    }
    if (groupName === undefined && packageName === undefined) throw new SageMakerFault('ValidationException', 'Missing ARN.');
    const token = optionalString(body, 'ClientToken');
    if (token !== undefined) {
      checkLength(token, 'clientToken', 1, 36);
      checkPattern(token, 'clientToken', CLIENT_TOKEN, '^[a-zA-Z0-9-]+$');
      const arn = this.clientTokens.get(token);
      if (arn !== undefined) return { ModelPackageArn: arn };
    }
    const description = optionalString(body, 'ModelPackageDescription');
    if (description !== undefined) checkLength(description, 'modelPackageDescription', 0, 1024);
    const approval = optionalString(body, 'ModelApprovalStatus');
    if (approval !== undefined) checkEnum(approval, 'modelApprovalStatus', APPROVAL);
    const metadata = checkMetadata(body.CustomerMetadataProperties, 'customerMetadataProperties');
    checkInferenceSpecification(body.InferenceSpecification);

    let group: FakeModelPackageGroup | undefined;
    if (groupName !== undefined) {
      group = this.findGroup(groupName);
      if (group === undefined) {
        throw new SageMakerFault('ValidationException', `Model Package Group ${groupName.startsWith('arn:') ? groupName : this.groupArn(groupName)} does not exist.`);
      }
    } else {
      checkPattern(packageName as string, 'modelPackageName', GROUP_NAME, '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$');
    }
    const version = group === undefined ? undefined : group.nextVersion++;
    const arn =
      group === undefined
        ? `arn:aws:sagemaker:${this.region}:${this.account}:model-package/${(packageName as string).toLowerCase()}`
        : `arn:aws:sagemaker:${this.region}:${this.account}:model-package/${group.name.toLowerCase()}/${version}`;
    if (this.packages.has(arn)) throw new SageMakerFault('ValidationException', `Model Package ${arn} already exists.`);
    const time = this.now();
    const { ModelPackageGroupName: _g, ModelPackageName: _n, ModelPackageDescription: _d, ModelApprovalStatus: _a, CustomerMetadataProperties: _m, ClientToken: _t, ...input } = body;
    this.packages.set(arn, {
      arn,
      ...(group === undefined ? { name: packageName as string } : { group: group.name, version: version as number }),
      ...(description === undefined ? {} : { description }),
      approvalStatus: approval ?? 'PendingManualApproval',
      metadata: metadata ?? {},
      creationTime: time,
      lastModifiedTime: time,
      input,
    });
    if (token !== undefined) this.clientTokens.set(token, arn);
    return { ModelPackageArn: arn };
  }

  private findPackage(nameOrArn: string): FakeModelPackage {
    const found = this.packages.get(nameOrArn) ?? [...this.packages.values()].find((entry) => entry.name !== undefined && entry.name === nameOrArn);
    if (found === undefined) throw new SageMakerFault('ValidationException', `ModelPackage ${nameOrArn} does not exist.`);
    return found;
  }

  private describePackage(body: Json): Json {
    const found = this.findPackage(requiredString(body, 'ModelPackageName'));
    return {
      ModelPackageName: found.group ?? found.name,
      ...(found.group === undefined ? {} : { ModelPackageGroupName: found.group, ModelPackageVersion: found.version }),
      ModelPackageArn: found.arn,
      ...(found.description === undefined ? {} : { ModelPackageDescription: found.description }),
      CreationTime: found.creationTime,
      ...found.input,
      ModelPackageStatus: 'Completed',
      ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
      CertifyForMarketplace: false,
      ModelApprovalStatus: found.approvalStatus,
      ...(found.approvalDescription === undefined ? {} : { ApprovalDescription: found.approvalDescription }),
      ...(Object.keys(found.metadata).length === 0 ? {} : { CustomerMetadataProperties: { ...found.metadata } }),
      CreatedBy: {},
      LastModifiedTime: found.lastModifiedTime,
      LastModifiedBy: {},
    };
  }

  private listPackages(body: Json): Json {
    const groupName = optionalString(body, 'ModelPackageGroupName');
    const approval = optionalString(body, 'ModelApprovalStatus');
    if (approval !== undefined) checkEnum(approval, 'modelApprovalStatus', APPROVAL);
    const type = optionalString(body, 'ModelPackageType') ?? (groupName === undefined ? 'Unversioned' : 'Versioned');
    checkEnum(type, 'modelPackageType', ['Versioned', 'Unversioned', 'Both']);
    const group = groupName === undefined ? undefined : this.findGroup(groupName);
    let packages = [...this.packages.values()].filter((entry) => {
      if (groupName !== undefined && entry.group !== group?.name) return false;
      if (type === 'Versioned' && entry.group === undefined) return false;
      if (type === 'Unversioned' && entry.group !== undefined) return false;
      return approval === undefined || entry.approvalStatus === approval;
    });
    if (groupName !== undefined && group === undefined) packages = [];
    packages = sortBy(packages, optionalString(body, 'SortBy') ?? 'CreationTime', optionalString(body, 'SortOrder') ?? 'Ascending', (entry) => ({
      Name: entry.group ?? entry.name ?? '',
      CreationTime: entry.creationTime.getTime(),
    }));
    const page = paginate(packages, body, 'ListModelPackages');
    return {
      ModelPackageSummaryList: page.items.map((entry) => ({
        ...(entry.group === undefined ? { ModelPackageName: entry.name } : { ModelPackageGroupName: entry.group, ModelPackageVersion: entry.version }),
        ModelPackageArn: entry.arn,
        ...(entry.description === undefined ? {} : { ModelPackageDescription: entry.description }),
        CreationTime: entry.creationTime,
        ModelPackageStatus: 'Completed',
        ModelApprovalStatus: entry.approvalStatus,
      })),
      ...(page.next === undefined ? {} : { NextToken: page.next }),
    };
  }

  private updatePackage(body: Json): Json {
    const found = this.findPackage(requiredString(body, 'ModelPackageArn'));
    const approval = optionalString(body, 'ModelApprovalStatus');
    if (approval !== undefined) checkEnum(approval, 'modelApprovalStatus', APPROVAL);
    const approvalDescription = optionalString(body, 'ApprovalDescription');
    if (approvalDescription !== undefined) checkLength(approvalDescription, 'approvalDescription', 0, 1024);
    const added = checkMetadata(body.CustomerMetadataProperties, 'customerMetadataProperties') ?? {};
    const removed = body.CustomerMetadataPropertiesToRemove;
    if (removed !== undefined && (!Array.isArray(removed) || removed.some((key) => typeof key !== 'string'))) {
      throw new SageMakerFault('SerializationException', 'CustomerMetadataPropertiesToRemove must be a list of strings');
    }
    const removing = (removed ?? []) as string[];
    if (removing.length > 50) throw constraint('customerMetadataPropertiesToRemove', removing, 'Member must have length less than or equal to 50');
    const both = removing.filter((key) => key in added);
    if (both.length > 0) throw new SageMakerFault('ValidationException', `Cannot add and remove the same CustomerMetadataProperties keys: ${both.join(', ')}`);
    if (body.InferenceSpecification !== undefined) checkInferenceSpecification(body.InferenceSpecification);

    const metadata = { ...found.metadata, ...added };
    for (const key of removing) delete metadata[key];
    if (Object.keys(metadata).length > 50) {
      throw new SageMakerFault('ValidationException', `The model package would have ${Object.keys(metadata).length} CustomerMetadataProperties; at most 50 are allowed.`);
    }
    found.metadata = metadata;
    if (approval !== undefined) found.approvalStatus = approval;
    if (approvalDescription !== undefined) found.approvalDescription = approvalDescription;
    if (body.InferenceSpecification !== undefined) found.input.InferenceSpecification = body.InferenceSpecification;
    if (body.SourceUri !== undefined) found.input.SourceUri = body.SourceUri;
    found.lastModifiedTime = this.now();
    return { ModelPackageArn: found.arn };
  }

  // ---- training jobs

  private createTrainingJob(body: Json): Json {
    const name = requiredString(body, 'TrainingJobName');
    checkLength(name, 'trainingJobName', 1, 63);
    checkPattern(name, 'trainingJobName', GROUP_NAME, '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}');
    const algorithm = requiredObject(body, 'AlgorithmSpecification', 'algorithmSpecification');
    checkEnum(requiredString(algorithm, 'TrainingInputMode', 'algorithmSpecification.trainingInputMode'), 'algorithmSpecification.trainingInputMode', ['Pipe', 'File', 'FastFile']);
    if (optionalString(algorithm, 'TrainingImage') === undefined && optionalString(algorithm, 'AlgorithmName') === undefined) {
      // The wording of this message is not SageMaker's verified one.
      throw new SageMakerFault('ValidationException', 'Either AlgorithmName or TrainingImage must be specified in AlgorithmSpecification.');
    }
    const definitions = optionalList(algorithm, 'MetricDefinitions', 'algorithmSpecification.metricDefinitions', 0, 40);
    for (const [index, definition] of definitions.entries()) {
      const at = `algorithmSpecification.metricDefinitions.${index + 1}.member`;
      checkLength(requiredString(definition, 'Name', `${at}.name`), `${at}.name`, 1, 255);
      checkLength(requiredString(definition, 'Regex', `${at}.regex`), `${at}.regex`, 1, 500);
    }
    const role = requiredString(body, 'RoleArn');
    checkLength(role, 'roleArn', 20, 2048);
    checkPattern(role, 'roleArn', ROLE_ARN, '^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$');

    const channels = optionalList(body, 'InputDataConfig', 'inputDataConfig', 1, 20);
    const channelNames = new Set<string>();
    for (const [index, channel] of channels.entries()) {
      const at = `inputDataConfig.${index + 1}.member`;
      const channelName = requiredString(channel, 'ChannelName', `${at}.channelName`);
      checkLength(channelName, `${at}.channelName`, 1, 64);
      checkPattern(channelName, `${at}.channelName`, CHANNEL_NAME, '[A-Za-z0-9\\.\\-_]+');
      if (channelNames.has(channelName)) throw new SageMakerFault('ValidationException', `Channel names must be unique. Channel name ${channelName} is duplicated.`);
      channelNames.add(channelName);
      const source = requiredObject(channel, 'DataSource', `${at}.dataSource`);
      const s3 = source.S3DataSource === undefined ? undefined : requiredObject(source, 'S3DataSource', `${at}.dataSource.s3DataSource`);
      if (s3 !== undefined) {
        checkEnum(requiredString(s3, 'S3DataType', `${at}.dataSource.s3DataSource.s3DataType`), `${at}.dataSource.s3DataSource.s3DataType`, ['ManifestFile', 'S3Prefix', 'AugmentedManifestFile', 'Converse']);
        checkS3Uri(requiredString(s3, 'S3Uri', `${at}.dataSource.s3DataSource.s3Uri`), `${at}.dataSource.s3DataSource.s3Uri`);
      }
    }
    const output = requiredObject(body, 'OutputDataConfig', 'outputDataConfig');
    const outputPath = requiredString(output, 'S3OutputPath', 'outputDataConfig.s3OutputPath');
    checkS3Uri(outputPath, 'outputDataConfig.s3OutputPath');
    const resources = requiredObject(body, 'ResourceConfig', 'resourceConfig');
    requiredNumber(resources, 'VolumeSizeInGB', 'resourceConfig.volumeSizeInGB', 0);
    if (resources.InstanceGroups === undefined) {
      requiredString(resources, 'InstanceType', 'resourceConfig.instanceType');
      requiredNumber(resources, 'InstanceCount', 'resourceConfig.instanceCount', 0);
    }
    const stopping = requiredObject(body, 'StoppingCondition', 'stoppingCondition');
    const maxRuntime = optionalNumber(stopping, 'MaxRuntimeInSeconds', 'stoppingCondition.maxRuntimeInSeconds', 1);
    const maxWait = optionalNumber(stopping, 'MaxWaitTimeInSeconds', 'stoppingCondition.maxWaitTimeInSeconds', 1);
    const spot = body.EnableManagedSpotTraining === true;
    if (spot && (maxWait === undefined || maxWait < (maxRuntime ?? 86_400))) {
      throw new SageMakerFault('ValidationException', 'Invalid MaxWaitTimeInSeconds. It must be present and be greater than or equal to MaxRuntimeInSeconds');
    }
    if (!spot && maxWait !== undefined) {
      throw new SageMakerFault('ValidationException', 'Invalid MaxWaitTimeInSeconds. It is only supported when EnableManagedSpotTraining is set to true');
    }
    checkHyperParameters(body.HyperParameters);
    if (body.CheckpointConfig !== undefined) {
      const checkpoint = requiredObject(body, 'CheckpointConfig', 'checkpointConfig');
      checkS3Uri(requiredString(checkpoint, 'S3Uri', 'checkpointConfig.s3Uri'), 'checkpointConfig.s3Uri');
    }
    const tags = optionalList(body, 'Tags', 'tags', 0, 50);
    for (const [index, tag] of tags.entries()) {
      checkLength(requiredString(tag, 'Key', `tags.${index + 1}.member.key`), `tags.${index + 1}.member.key`, 1, 128);
      checkLength(requiredString(tag, 'Value', `tags.${index + 1}.member.value`), `tags.${index + 1}.member.value`, 0, 256);
    }

    const arn = `arn:aws:sagemaker:${this.region}:${this.account}:training-job/${name.toLowerCase()}`;
    if (this.trainingJobs.has(name)) {
      throw new SageMakerFault('ResourceInUse', `Training job names must be unique within an AWS account and region, and a training job with this name already exists (${arn})`);
    }
    const time = this.now();
    const script = this.trainingScripts.get(name) ?? this.trainingScripts.get('*') ?? { steps: 'complete' as const, overrides: {} };
    this.trainingJobs.set(name, {
      name,
      arn,
      request: body,
      creationTime: time,
      lastModifiedTime: time,
      status: 'InProgress',
      secondary: 'Starting',
      transitions: [{ Status: 'Starting', StartTime: time, StatusMessage: 'Launching requested ML instances' }],
      steps: scriptSteps(script.steps, script.overrides, definitions.map((definition) => String(definition.Name))),
      describes: 0,
    });
    return { TrainingJobArn: arn };
  }

  private findTrainingJob(body: Json): FakeTrainingJob {
    const name = requiredString(body, 'TrainingJobName');
    const job = this.trainingJobs.get(name);
    if (job === undefined) throw new SageMakerFault('ValidationException', 'Requested resource not found.');
    return job;
  }

  private async describeTrainingJob(body: Json): Promise<Json> {
    const job = this.findTrainingJob(body);
    job.describes += 1;
    const step = job.steps.shift();
    if (step !== undefined) await this.advance(job, step);
    const request = job.request;
    return {
      TrainingJobName: job.name,
      TrainingJobArn: job.arn,
      ...(job.modelArtifacts === undefined ? {} : { ModelArtifacts: { S3ModelArtifacts: job.modelArtifacts } }),
      TrainingJobStatus: job.status,
      SecondaryStatus: job.secondary,
      ...(job.failureReason === undefined ? {} : { FailureReason: job.failureReason }),
      ...(request.HyperParameters === undefined ? {} : { HyperParameters: request.HyperParameters }),
      AlgorithmSpecification: request.AlgorithmSpecification,
      RoleArn: request.RoleArn,
      ...(request.InputDataConfig === undefined ? {} : { InputDataConfig: request.InputDataConfig }),
      OutputDataConfig: request.OutputDataConfig,
      ResourceConfig: request.ResourceConfig,
      StoppingCondition: request.StoppingCondition,
      CreationTime: job.creationTime,
      ...(job.trainingStartTime === undefined ? {} : { TrainingStartTime: job.trainingStartTime }),
      ...(job.trainingEndTime === undefined ? {} : { TrainingEndTime: job.trainingEndTime }),
      LastModifiedTime: job.lastModifiedTime,
      SecondaryStatusTransitions: job.transitions.map((transition) => ({ ...transition })),
      ...(job.metrics === undefined
        ? {}
        : { FinalMetricDataList: Object.entries(job.metrics).map(([MetricName, Value]) => ({ MetricName, Value, Timestamp: job.trainingEndTime ?? job.lastModifiedTime })) }),
      EnableNetworkIsolation: false,
      EnableInterContainerTrafficEncryption: false,
      EnableManagedSpotTraining: request.EnableManagedSpotTraining === true,
      ...(request.CheckpointConfig === undefined ? {} : { CheckpointConfig: request.CheckpointConfig }),
      ...(job.trainingSeconds === undefined ? {} : { TrainingTimeInSeconds: job.trainingSeconds }),
      ...(job.billableSeconds === undefined ? {} : { BillableTimeInSeconds: job.billableSeconds }),
    };
  }

  /** Applies one step of the script. */
  private async advance(job: FakeTrainingJob, step: TrainingStep): Promise<void> {
    const time = this.now();
    const current = job.transitions[job.transitions.length - 1];
    if (current !== undefined && current.Status === step.secondary) {
      if (step.message !== undefined) current.StatusMessage = step.message;
    } else {
      if (current !== undefined) current.EndTime = time;
      job.transitions.push({ Status: step.secondary, StartTime: time, ...(step.message === undefined ? {} : { StatusMessage: step.message }) });
    }
    job.secondary = step.secondary;
    job.lastModifiedTime = time;
    if ((step.secondary === 'Downloading' || step.secondary === 'Training') && job.trainingStartTime === undefined) job.trainingStartTime = time;
    const status = step.status ?? 'InProgress';
    if (step.failureReason !== undefined) job.failureReason = step.failureReason;
    if (step.metrics !== undefined) job.metrics = { ...step.metrics };
    if (status === 'Completed' || status === 'Failed' || status === 'Stopped') {
      const last = job.transitions[job.transitions.length - 1];
      if (last !== undefined) last.EndTime = time;
      job.trainingEndTime = time;
      const started = job.trainingStartTime ?? job.creationTime;
      job.trainingSeconds = step.trainingSeconds ?? Math.max(1, Math.round((time.getTime() - started.getTime()) / 1000));
      job.billableSeconds = step.billableSeconds ?? job.trainingSeconds;
    }
    if (status === 'Completed') {
      const base = String((job.request.OutputDataConfig as Json).S3OutputPath).replace(/\/+$/, '');
      job.modelArtifacts = `${base}/${job.name}/output/model.tar.gz`;
      await this.onTrainingCompleted?.(job);
    }
    job.status = status;
  }

  private stopTrainingJob(body: Json): Json {
    const job = this.findTrainingJob(body);
    if (job.status === 'Stopping') return {};
    if (job.status !== 'InProgress') {
      // The wording of this message is not SageMaker's verified one.
      throw new SageMakerFault('ValidationException', `The request was rejected because the training job is in status ${job.status}.`);
    }
    const time = this.now();
    const current = job.transitions[job.transitions.length - 1];
    if (current !== undefined) current.EndTime = time;
    job.transitions.push({ Status: 'Stopping', StartTime: time, StatusMessage: 'Stopping the training job' });
    job.status = 'Stopping';
    job.secondary = 'Stopping';
    job.lastModifiedTime = time;
    job.steps = [{ status: 'Stopped', secondary: 'Stopped', message: 'Training job stopped' }];
    return {};
  }

  private listTrainingJobs(body: Json): Json {
    const contains = optionalString(body, 'NameContains');
    const status = optionalString(body, 'StatusEquals');
    if (status !== undefined) checkEnum(status, 'statusEquals', ['InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped', 'Deleting']);
    const by = optionalString(body, 'SortBy') ?? 'CreationTime';
    checkEnum(by, 'sortBy', ['Name', 'CreationTime', 'Status']);
    const order = optionalString(body, 'SortOrder') ?? 'Ascending';
    checkEnum(order, 'sortOrder', ['Ascending', 'Descending']);
    const key = (job: FakeTrainingJob): string | number => (by === 'Name' ? job.name : by === 'Status' ? job.status : job.creationTime.getTime());
    let jobs = [...this.trainingJobs.values()].filter((job) => (contains === undefined || job.name.includes(contains)) && (status === undefined || job.status === status));
    jobs = jobs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    if (order === 'Descending') jobs.reverse();
    const page = paginate(jobs, body, 'ListTrainingJobs');
    return {
      TrainingJobSummaries: page.items.map((job) => ({
        TrainingJobName: job.name,
        TrainingJobArn: job.arn,
        CreationTime: job.creationTime,
        ...(job.trainingEndTime === undefined ? {} : { TrainingEndTime: job.trainingEndTime }),
        LastModifiedTime: job.lastModifiedTime,
        TrainingJobStatus: job.status,
        SecondaryStatus: job.secondary,
      })),
      ...(page.next === undefined ? {} : { NextToken: page.next }),
    };
  }

  // ---- hosting: models, endpoint configs, endpoints

  private createModel(body: Json): Json {
    const name = requiredString(body, 'ModelName');
    checkLength(name, 'modelName', 0, 63);
    checkPattern(name, 'modelName', GROUP_NAME, '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}');
    const role = optionalString(body, 'ExecutionRoleArn');
    if (role !== undefined) {
      checkLength(role, 'executionRoleArn', 20, 2048);
      checkPattern(role, 'executionRoleArn', ROLE_ARN, '^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$');
    }
    const containers = body.PrimaryContainer === undefined ? optionalList(body, 'Containers', 'containers', 0, 15) : [requiredObject(body, 'PrimaryContainer', 'primaryContainer')];
    if (containers.length === 0) {
      // The wording of this message is not SageMaker's verified one.
      throw new SageMakerFault('ValidationException', 'Either PrimaryContainer or Containers must be specified.');
    }
    for (const [index, container] of containers.entries()) {
      const at = body.PrimaryContainer === undefined ? `containers.${index + 1}.member` : 'primaryContainer';
      const image = optionalString(container, 'Image');
      if (image === undefined && optionalString(container, 'ModelPackageName') === undefined) throw constraint(`${at}.image`, null, 'Member must not be null');
      if (image !== undefined) {
        checkLength(image, `${at}.image`, 0, 255);
        checkPattern(image, `${at}.image`, /^[\S]+$/, '[\\S]+');
      }
      const data = optionalString(container, 'ModelDataUrl');
      if (data !== undefined) checkS3Uri(data, `${at}.modelDataUrl`);
    }
    const arn = this.hostingArn('model', name);
    if (this.models.has(name)) throw new SageMakerFault('ValidationException', `Cannot create already existing model "${arn}".`);
    this.models.set(name, { name, arn, request: body, creationTime: this.now() });
    return { ModelArn: arn };
  }

  private createEndpointConfig(body: Json): Json {
    const name = requiredString(body, 'EndpointConfigName');
    checkLength(name, 'endpointConfigName', 0, 63);
    checkPattern(name, 'endpointConfigName', GROUP_NAME, '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}');
    if (body.ProductionVariants === undefined || body.ProductionVariants === null) throw constraint('productionVariants', null, 'Member must not be null');
    const variants = optionalList(body, 'ProductionVariants', 'productionVariants', 1, 10);
    const seen = new Set<string>();
    for (const [index, variant] of variants.entries()) {
      const at = `productionVariants.${index + 1}.member`;
      const variantName = requiredString(variant, 'VariantName', `${at}.variantName`);
      checkLength(variantName, `${at}.variantName`, 0, 63);
      checkPattern(variantName, `${at}.variantName`, GROUP_NAME, '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}');
      if (seen.has(variantName)) throw new SageMakerFault('ValidationException', `Variant names must be unique. Variant name ${variantName} is duplicated.`);
      seen.add(variantName);
      const model = optionalString(variant, 'ModelName');
      if (model !== undefined && !this.models.has(model)) throw new SageMakerFault('ValidationException', `Could not find model "${this.hostingArn('model', model)}".`);
      optionalNumber(variant, 'InitialInstanceCount', `${at}.initialInstanceCount`, 1);
      const weight = variant.InitialVariantWeight;
      if (weight !== undefined && (typeof weight !== 'number' || weight < 0)) throw constraint(`${at}.initialVariantWeight`, weight, 'Member must have value greater than or equal to 0');
    }
    const arn = this.hostingArn('endpoint-config', name);
    if (this.endpointConfigs.has(name)) throw new SageMakerFault('ValidationException', `Cannot create already existing endpoint configuration "${arn}".`);
    this.endpointConfigs.set(name, { name, arn, request: body, variants, creationTime: this.now() });
    return { EndpointConfigArn: arn };
  }

  private findEndpointConfig(name: string): FakeEndpointConfig {
    const config = this.endpointConfigs.get(name);
    if (config === undefined) throw new SageMakerFault('ValidationException', `Could not find endpoint configuration "${name}".`);
    return config;
  }

  private describeEndpointConfig(body: Json): Json {
    const config = this.findEndpointConfig(requiredString(body, 'EndpointConfigName'));
    return { EndpointConfigName: config.name, EndpointConfigArn: config.arn, ProductionVariants: config.variants, CreationTime: config.creationTime };
  }

  private findEndpoint(body: Json): FakeEndpoint {
    const name = requiredString(body, 'EndpointName');
    const endpoint = this.endpoints.get(name);
    if (endpoint === undefined) throw new SageMakerFault('ValidationException', `Could not find endpoint "${name}".`);
    return endpoint;
  }

  private createEndpoint(body: Json): Json {
    const name = requiredString(body, 'EndpointName');
    checkLength(name, 'endpointName', 0, 63);
    checkPattern(name, 'endpointName', GROUP_NAME, '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}');
    const config = this.findEndpointConfig(requiredString(body, 'EndpointConfigName'));
    const arn = this.hostingArn('endpoint', name);
    if (this.endpoints.has(name)) throw new SageMakerFault('ValidationException', `Cannot create already existing endpoint "${arn}".`);
    const time = this.now();
    this.endpoints.set(name, {
      name,
      arn,
      config: config.name,
      status: 'Creating',
      creationTime: time,
      lastModifiedTime: time,
      steps: this.endpointSteps(name, 'create', []),
      weights: initialWeights(config),
      describes: 0,
    });
    return { EndpointArn: arn };
  }

  private updateEndpoint(body: Json): Json {
    const endpoint = this.findEndpoint(body);
    const config = this.findEndpointConfig(requiredString(body, 'EndpointConfigName'));
    if (endpoint.status !== 'InService') {
      // The wording of this message is not SageMaker's verified one.
      throw new SageMakerFault('ValidationException', `Cannot update in-progress endpoint "${endpoint.arn}".`);
    }
    const deployment = body.DeploymentConfig === undefined ? undefined : requiredObject(body, 'DeploymentConfig', 'deploymentConfig');
    const alarms = deployment === undefined ? [] : checkDeploymentConfig(deployment);
    if (deployment?.BlueGreenUpdatePolicy !== undefined) {
      const live = (this.endpointConfigs.get(endpoint.config)?.variants ?? []).map((variant) => String(variant.VariantName)).sort();
      const next = config.variants.map((variant) => String(variant.VariantName)).sort();
      if (JSON.stringify(live) !== JSON.stringify(next)) {
        // The wording of this message is not SageMaker's verified one.
        throw new SageMakerFault('ValidationException', `The new endpoint configuration must have the same variant names as the current one (${live.join(', ')}) for a blue/green deployment.`);
      }
    }
    const time = this.now();
    endpoint.pending = { config: config.name, startTime: time };
    endpoint.status = 'Updating';
    delete endpoint.failureReason;
    endpoint.lastModifiedTime = time;
    if (deployment !== undefined) endpoint.lastDeploymentConfig = deployment;
    endpoint.steps = this.endpointSteps(endpoint.name, 'update', alarms);
    return { EndpointArn: endpoint.arn };
  }

  /** The steps of an endpoint's script for a create or an update. */
  private endpointSteps(name: string, kind: 'create' | 'update', alarms: string[]): EndpointStep[] {
    const script = this.endpointScripts.get(name) ?? this.endpointScripts.get('*') ?? { steps: 'deploy' as const };
    if (Array.isArray(script.steps)) return script.steps.map((step) => ({ ...step }));
    const progress: EndpointStatus = kind === 'create' ? 'Creating' : 'Updating';
    const health = 'The primary container for production variant AllTraffic did not pass the ping health check. Please check CloudWatch logs for this endpoint.';
    switch (script.steps) {
      case 'deploy':
        return [{ status: progress }, { status: progress }, { status: 'InService', live: 'new' }];
      case 'alarm-rollback':
        if (kind === 'create') return [{ status: progress }, { status: 'InService', live: 'new' }];
        return [
          { status: progress },
          { status: progress },
          { status: 'RollingBack' },
          {
            status: 'InService',
            live: 'old',
            // The wording of this message is not SageMaker's verified one.
            failureReason: script.failureReason ?? `Endpoint update was rolled back because the CloudWatch alarm(s) [${alarms.join(', ')}] went into ALARM state.`,
          },
        ];
      case 'fail':
        return [{ status: progress }, { status: 'Failed', failureReason: script.failureReason ?? health }];
      case 'stuck':
        return [{ status: progress }];
    }
  }

  private describeEndpoint(body: Json): Json {
    const endpoint = this.findEndpoint(body);
    endpoint.describes += 1;
    const step = endpoint.steps.shift();
    if (step !== undefined) {
      endpoint.status = step.status;
      endpoint.lastModifiedTime = this.now();
      if (step.live === 'new' && endpoint.pending !== undefined) {
        endpoint.config = endpoint.pending.config;
        const config = this.endpointConfigs.get(endpoint.config);
        if (config !== undefined) endpoint.weights = initialWeights(config);
      }
      if (step.config !== undefined) endpoint.config = step.config;
      if (step.live !== undefined || step.config !== undefined || step.status === 'Failed') delete endpoint.pending;
      if (step.failureReason !== undefined) endpoint.failureReason = step.failureReason;
    }
    const variants = this.endpointConfigs.get(endpoint.config)?.variants ?? [];
    const pendingVariants = endpoint.pending === undefined ? [] : (this.endpointConfigs.get(endpoint.pending.config)?.variants ?? []);
    return {
      EndpointName: endpoint.name,
      EndpointArn: endpoint.arn,
      EndpointConfigName: endpoint.config,
      ProductionVariants: variants.map((variant) => {
        const weight = endpoint.weights.get(String(variant.VariantName)) ?? 1;
        const count = Number(variant.InitialInstanceCount ?? 1);
        return { VariantName: variant.VariantName, CurrentWeight: weight, DesiredWeight: weight, CurrentInstanceCount: count, DesiredInstanceCount: count };
      }),
      EndpointStatus: endpoint.status,
      ...(endpoint.failureReason === undefined ? {} : { FailureReason: endpoint.failureReason }),
      CreationTime: endpoint.creationTime,
      LastModifiedTime: endpoint.lastModifiedTime,
      ...(endpoint.lastDeploymentConfig === undefined ? {} : { LastDeploymentConfig: endpoint.lastDeploymentConfig }),
      ...(endpoint.pending === undefined
        ? {}
        : {
            PendingDeploymentSummary: {
              EndpointConfigName: endpoint.pending.config,
              ProductionVariants: pendingVariants.map((variant) => ({ VariantName: variant.VariantName, InstanceType: variant.InstanceType, CurrentInstanceCount: 0, DesiredInstanceCount: variant.InitialInstanceCount })),
              StartTime: endpoint.pending.startTime,
            },
          }),
    };
  }

  private updateWeights(body: Json): Json {
    const endpoint = this.findEndpoint(body);
    if (body.DesiredWeightsAndCapacities === undefined || body.DesiredWeightsAndCapacities === null) throw constraint('desiredWeightsAndCapacities', null, 'Member must not be null');
    const desired = optionalList(body, 'DesiredWeightsAndCapacities', 'desiredWeightsAndCapacities', 1, 10);
    if (endpoint.status !== 'InService') {
      // The wording of this message is not SageMaker's verified one.
      throw new SageMakerFault('ValidationException', `Cannot update in-progress endpoint "${endpoint.arn}".`);
    }
    const variants = new Set((this.endpointConfigs.get(endpoint.config)?.variants ?? []).map((variant) => String(variant.VariantName)));
    const missing = desired.map((entry) => String(entry.VariantName)).filter((name) => !variants.has(name));
    if (missing.length > 0) {
      // The wording of this message is not SageMaker's verified one.
      throw new SageMakerFault('ValidationException', `The variant(s) "[${missing.join(', ')}]" is/are not present in the endpoint configuration "${endpoint.config}".`);
    }
    for (const [index, entry] of desired.entries()) {
      const at = `desiredWeightsAndCapacities.${index + 1}.member`;
      requiredString(entry, 'VariantName', `${at}.variantName`);
      const weight = entry.DesiredWeight;
      if (weight !== undefined && (typeof weight !== 'number' || weight < 0)) throw constraint(`${at}.desiredWeight`, weight, 'Member must have value greater than or equal to 0');
      optionalNumber(entry, 'DesiredInstanceCount', `${at}.desiredInstanceCount`, 0);
    }
    for (const entry of desired) if (typeof entry.DesiredWeight === 'number') endpoint.weights.set(String(entry.VariantName), entry.DesiredWeight);
    endpoint.status = 'Updating';
    endpoint.lastModifiedTime = this.now();
    endpoint.steps = [{ status: 'InService' }];
    return { EndpointArn: endpoint.arn };
  }

  // ---- inference experiments (shadow tests)

  private createExperiment(body: Json): Json {
    const name = requiredString(body, 'Name');
    checkLength(name, 'name', 1, 120);
    checkPattern(name, 'name', EXPERIMENT_NAME, '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}');
    checkEnum(requiredString(body, 'Type'), 'type', ['ShadowMode']);
    const role = requiredString(body, 'RoleArn');
    checkLength(role, 'roleArn', 20, 2048);
    checkPattern(role, 'roleArn', ROLE_ARN, '^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$');
    const endpoint = this.findEndpoint(body);
    if (body.ModelVariants === undefined || body.ModelVariants === null) throw constraint('modelVariants', null, 'Member must not be null');
    const variants = optionalList(body, 'ModelVariants', 'modelVariants', 1, 2);
    const variantNames: string[] = [];
    for (const [index, variant] of variants.entries()) {
      const at = `modelVariants.${index + 1}.member`;
      const model = requiredString(variant, 'ModelName', `${at}.modelName`);
      if (!this.models.has(model)) throw new SageMakerFault('ValidationException', `Could not find model "${this.hostingArn('model', model)}".`);
      const variantName = requiredString(variant, 'VariantName', `${at}.variantName`);
      checkLength(variantName, `${at}.variantName`, 0, 63);
      checkPattern(variantName, `${at}.variantName`, VARIANT_NAME, '^[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?');
      variantNames.push(variantName);
      const infrastructure = requiredObject(variant, 'InfrastructureConfig', `${at}.infrastructureConfig`);
      checkEnum(requiredString(infrastructure, 'InfrastructureType', `${at}.infrastructureConfig.infrastructureType`), `${at}.infrastructureConfig.infrastructureType`, ['RealTimeInference']);
      const realTime = requiredObject(infrastructure, 'RealTimeInferenceConfig', `${at}.infrastructureConfig.realTimeInferenceConfig`);
      requiredString(realTime, 'InstanceType', `${at}.infrastructureConfig.realTimeInferenceConfig.instanceType`);
      requiredNumber(realTime, 'InstanceCount', `${at}.infrastructureConfig.realTimeInferenceConfig.instanceCount`, 0);
    }
    const shadowMode = requiredObject(body, 'ShadowModeConfig', 'shadowModeConfig');
    const source = requiredString(shadowMode, 'SourceModelVariantName', 'shadowModeConfig.sourceModelVariantName');
    if (shadowMode.ShadowModelVariants === undefined || shadowMode.ShadowModelVariants === null) throw constraint('shadowModeConfig.shadowModelVariants', null, 'Member must not be null');
    const shadows = optionalList(shadowMode, 'ShadowModelVariants', 'shadowModeConfig.shadowModelVariants', 1, 1);
    if (!variantNames.includes(source)) {
      // The wording of this message is not SageMaker's verified one.
      throw new SageMakerFault('ValidationException', `SourceModelVariantName ${source} is not one of the ModelVariants (${variantNames.join(', ')}).`);
    }
    for (const [index, shadow] of shadows.entries()) {
      const at = `shadowModeConfig.shadowModelVariants.${index + 1}.member`;
      const shadowName = requiredString(shadow, 'ShadowModelVariantName', `${at}.shadowModelVariantName`);
      if (!variantNames.includes(shadowName) || shadowName === source) {
        // The wording of this message is not SageMaker's verified one.
        throw new SageMakerFault('ValidationException', `ShadowModelVariantName ${shadowName} must be one of the ModelVariants other than the source variant ${source}.`);
      }
      const sampling = requiredNumber(shadow, 'SamplingPercentage', `${at}.samplingPercentage`, 0);
      if (sampling > 100) throw constraint(`${at}.samplingPercentage`, sampling, 'Member must have value less than or equal to 100');
    }
    const time = this.now();
    const schedule = body.Schedule === undefined ? undefined : requiredObject(body, 'Schedule', 'schedule');
    const start = typeof schedule?.StartTime === 'number' ? new Date(schedule.StartTime * 1000) : time;
    const end = typeof schedule?.EndTime === 'number' ? new Date(schedule.EndTime * 1000) : new Date(start.getTime() + 7 * 86_400_000);
    if (end.getTime() <= Math.max(start.getTime(), time.getTime() - 60_000)) {
      // The wording of this message is not SageMaker's verified one.
      throw new SageMakerFault('ValidationException', 'The schedule EndTime must be later than the StartTime and the current time.');
    }
    if (end.getTime() - start.getTime() > 30 * 86_400_000) {
      // The wording of this message is not SageMaker's verified one.
      throw new SageMakerFault('ValidationException', 'The maximum duration of an inference experiment is 30 days.');
    }
    if (endpoint.status !== 'InService') {
      // The wording of this message is not SageMaker's verified one.
      throw new SageMakerFault('ValidationException', `Endpoint ${endpoint.name} is not InService (${endpoint.status}).`);
    }
    const arn = this.hostingArn('inference-experiment', name);
    if (this.experiments.has(name)) throw new SageMakerFault('ResourceInUse', `Inference experiment ${arn} already exists.`);
    const script = this.experimentScripts.get(name) ?? this.experimentScripts.get('*') ?? 'complete';
    this.experiments.set(name, {
      name,
      arn,
      request: body,
      status: 'Creating',
      startTime: start,
      endTime: end,
      creationTime: time,
      lastModifiedTime: time,
      steps: experimentSteps(script),
      describes: 0,
    });
    return { InferenceExperimentArn: arn };
  }

  private findExperiment(body: Json): FakeExperiment {
    const name = requiredString(body, 'Name');
    const experiment = this.experiments.get(name);
    // The wording of this message is not SageMaker's verified one.
    if (experiment === undefined) throw new SageMakerFault('ResourceNotFound', `Inference experiment ${this.hostingArn('inference-experiment', name)} does not exist.`);
    return experiment;
  }

  private describeExperiment(body: Json): Json {
    const experiment = this.findExperiment(body);
    experiment.describes += 1;
    const step = experiment.steps.shift();
    if (step !== undefined) {
      const time = this.now();
      experiment.status = step.status;
      experiment.lastModifiedTime = time;
      if (step.reason !== undefined) experiment.statusReason = step.reason;
      if (step.status === 'Completed' || step.status === 'Cancelled') experiment.completionTime = time;
    }
    const request = experiment.request;
    const endpoint = this.endpoints.get(String(request.EndpointName));
    const running = experiment.status === 'Running' || experiment.status === 'Stopping';
    const ended = experiment.status === 'Completed' || experiment.status === 'Cancelled';
    return {
      Arn: experiment.arn,
      Name: experiment.name,
      Type: request.Type,
      Schedule: { StartTime: experiment.startTime, EndTime: experiment.endTime },
      Status: experiment.status,
      ...(experiment.statusReason === undefined ? {} : { StatusReason: experiment.statusReason }),
      ...(request.Description === undefined ? {} : { Description: request.Description }),
      CreationTime: experiment.creationTime,
      ...(experiment.completionTime === undefined ? {} : { CompletionTime: experiment.completionTime }),
      LastModifiedTime: experiment.lastModifiedTime,
      RoleArn: request.RoleArn,
      EndpointMetadata: {
        EndpointName: request.EndpointName,
        ...(endpoint === undefined ? {} : { EndpointConfigName: endpoint.config, EndpointStatus: endpoint.status }),
      },
      ModelVariants: (request.ModelVariants as Json[]).map((variant) => ({ ...variant, Status: running ? 'InService' : ended ? 'Deleted' : 'Creating' })),
      ShadowModeConfig: request.ShadowModeConfig,
    };
  }

  private stopExperiment(body: Json): Json {
    const experiment = this.findExperiment(body);
    const actions = body.ModelVariantActions;
    if (actions === undefined || actions === null) throw constraint('modelVariantActions', null, 'Member must not be null');
    if (typeof actions !== 'object' || Array.isArray(actions)) throw new SageMakerFault('SerializationException', 'ModelVariantActions must be a map');
    const variants = (experiment.request.ModelVariants as Json[]).map((variant) => String(variant.VariantName));
    for (const [variant, action] of Object.entries(actions as Record<string, unknown>)) {
      checkEnum(String(action), 'modelVariantActions', ['Promote', 'Remove', 'Retain']);
      if (!variants.includes(variant)) {
        // The wording of this message is not SageMaker's verified one.
        throw new SageMakerFault('ValidationException', `Variant ${variant} is not part of the inference experiment ${experiment.name}.`);
      }
    }
    const desired = optionalString(body, 'DesiredState');
    if (desired !== undefined) checkEnum(desired, 'desiredState', ['Completed', 'Cancelled']);
    const reason = optionalString(body, 'Reason');
    if (reason !== undefined) checkLength(reason, 'reason', 0, 1024);
    if (experiment.status === 'Completed' || experiment.status === 'Cancelled' || experiment.status === 'Stopping') {
      // The wording of this message is not SageMaker's verified one.
      throw new SageMakerFault('ValidationException', `The inference experiment ${experiment.name} cannot be stopped in status ${experiment.status}.`);
    }
    experiment.stopRequest = body;
    experiment.status = 'Stopping';
    if (reason !== undefined) experiment.statusReason = reason;
    experiment.lastModifiedTime = this.now();
    experiment.steps = [{ status: (desired ?? 'Completed') as ExperimentStatus }];
    return { InferenceExperimentArn: experiment.arn };
  }

  private listExperiments(body: Json): Json {
    const contains = optionalString(body, 'NameContains');
    const type = optionalString(body, 'Type');
    if (type !== undefined) checkEnum(type, 'type', ['ShadowMode']);
    const status = optionalString(body, 'StatusEquals');
    if (status !== undefined) checkEnum(status, 'statusEquals', ['Creating', 'Created', 'Updating', 'Running', 'Starting', 'Stopping', 'Completed', 'Cancelled']);
    const by = optionalString(body, 'SortBy') ?? 'CreationTime';
    checkEnum(by, 'sortBy', ['Name', 'CreationTime', 'Status']);
    const order = optionalString(body, 'SortOrder') ?? 'Descending';
    checkEnum(order, 'sortOrder', ['Ascending', 'Descending']);
    const key = (experiment: FakeExperiment): string | number => (by === 'Name' ? experiment.name : by === 'Status' ? experiment.status : experiment.creationTime.getTime());
    let experiments = [...this.experiments.values()].filter((experiment) => (contains === undefined || experiment.name.includes(contains)) && (status === undefined || experiment.status === status));
    experiments = experiments.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    if (order === 'Descending') experiments.reverse();
    const page = paginate(experiments, body, 'ListInferenceExperiments');
    return {
      InferenceExperiments: page.items.map((experiment) => ({
        Name: experiment.name,
        Type: experiment.request.Type,
        Schedule: { StartTime: experiment.startTime, EndTime: experiment.endTime },
        Status: experiment.status,
        ...(experiment.statusReason === undefined ? {} : { StatusReason: experiment.statusReason }),
        CreationTime: experiment.creationTime,
        ...(experiment.completionTime === undefined ? {} : { CompletionTime: experiment.completionTime }),
        LastModifiedTime: experiment.lastModifiedTime,
        RoleArn: experiment.request.RoleArn,
      })),
      ...(page.next === undefined ? {} : { NextToken: page.next }),
    };
  }
}

/** Starts a fake on a random loopback port. */
export async function startFakeSageMaker(options: { region?: string } = {}): Promise<FakeSageMaker> {
  const fake = new FakeSageMaker(options);
  await fake.start();
  return fake;
}

// ---- validation in SageMaker's words ("1 validation error detected: Value … at '…' failed to satisfy constraint: …")

function constraint(field: string, value: unknown, rule: string): SageMakerFault {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return new SageMakerFault('ValidationException', `1 validation error detected: Value '${shown}' at '${field}' failed to satisfy constraint: ${rule}`);
}

function requiredString(body: Json, key: string, field = lowerFirst(key)): string {
  const value = body[key];
  if (typeof value !== 'string') throw constraint(field, value ?? null, 'Member must not be null');
  return value;
}

function optionalString(body: Json, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new SageMakerFault('SerializationException', `${key} must be a string`);
  return value;
}

function checkPattern(value: string, field: string, pattern: RegExp, shown: string): void {
  if (!pattern.test(value)) throw constraint(field, value, `Member must satisfy regular expression pattern: ${shown}`);
}

function checkLength(value: string, field: string, min: number, max: number): void {
  if (value.length < min) throw constraint(field, value, `Member must have length greater than or equal to ${min}`);
  if (value.length > max) throw constraint(field, value, `Member must have length less than or equal to ${max}`);
}

function checkEnum(value: string, field: string, allowed: string[]): void {
  if (!allowed.includes(value)) throw constraint(field, value, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
}

/** CustomerMetadataMap: at most 50 entries; keys 1–128 and values 1–256 characters of `[\p{L}\p{Z}\p{N}_.:/=+\-@]`. */
function checkMetadata(value: unknown, field: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new SageMakerFault('SerializationException', `${field} must be a map`);
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 50) throw constraint(field, value, 'Member must have length less than or equal to 50');
  for (const [key, text] of entries) {
    if (typeof text !== 'string') throw new SageMakerFault('SerializationException', `${field}.${key} must be a string`);
    if (key.length < 1 || key.length > 128) throw constraint(field, value, 'Map keys must satisfy constraint: [Member must have length between 1 and 128]');
    if (!METADATA_TEXT.test(key)) throw constraint(field, value, 'Map keys must satisfy constraint: [Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)$]');
    if (text.length < 1 || text.length > 256) throw constraint(field, value, 'Map value must satisfy constraint: [Member must have length between 1 and 256]');
    if (!METADATA_TEXT.test(text)) throw constraint(field, value, 'Map value must satisfy constraint: [Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)$]');
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

function checkInferenceSpecification(value: unknown): void {
  if (value === undefined || value === null) return;
  const containers = (value as { Containers?: unknown }).Containers;
  if (!Array.isArray(containers) || containers.length < 1 || containers.length > 15) {
    throw constraint('inferenceSpecification.containers', containers ?? null, 'Member must have length between 1 and 15');
  }
  for (const [index, container] of containers.entries()) {
    if (typeof (container as { Image?: unknown }).Image !== 'string') {
      throw constraint(`inferenceSpecification.containers.${index + 1}.member.image`, null, 'Member must not be null');
    }
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function sortBy<T>(items: T[], by: string, order: string, keys: (item: T) => Record<string, string | number>): T[] {
  checkEnum(by, 'sortBy', ['Name', 'CreationTime']);
  checkEnum(order, 'sortOrder', ['Ascending', 'Descending']);
  const sorted = [...items].sort((a, b) => {
    const x = keys(a)[by] as string | number;
    const y = keys(b)[by] as string | number;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return order === 'Descending' ? sorted.reverse() : sorted;
}

/** MaxResults (1–100, 10 by default) and an opaque NextToken bound to the query it continues. */
function paginate<T>(items: T[], body: Json, operation: string): { items: T[]; next?: string } {
  const max = body.MaxResults ?? 10;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 100) throw constraint('maxResults', max, 'Member must have value between 1 and 100');
  const { NextToken: token, MaxResults: _max, ...query } = body;
  const fingerprint = JSON.stringify([operation, query]);
  let start = 0;
  if (token !== undefined) {
    try {
      const decoded = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as { offset: number; query: string };
      if (decoded.query !== fingerprint || !Number.isInteger(decoded.offset)) throw new Error('mismatch');
      start = decoded.offset;
    } catch {
      throw new SageMakerFault('ValidationException', 'Invalid pagination token');
    }
  }
  const end = start + max;
  const next = end < items.length ? Buffer.from(JSON.stringify({ offset: end, query: fingerprint })).toString('base64url') : undefined;
  return { items: items.slice(start, end), ...(next === undefined ? {} : { next }) };
}

// ---- training jobs: scripts and checks

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;
const S3_URI = /^(https|s3):\/\/([^/]+)\/?(.*)$/;
const CHANNEL_NAME = /^[A-Za-z0-9.\-_]+$/;

/** The steps of a scenario (the overrides change its final step), or the steps given. */
function scriptSteps(script: TrainingStep[] | TrainingScenario, overrides: TrainingOverrides, metricNames: string[]): TrainingStep[] {
  if (Array.isArray(script)) return script.map((step) => ({ ...step }));
  const metrics = Object.fromEntries(metricNames.map((name, index) => [name, Math.round((0.9 - index * 0.1) * 1000) / 1000]));
  const start: TrainingStep[] = [
    { secondary: 'Starting', message: 'Preparing the instances for training' },
    { secondary: 'Downloading', message: 'Downloading input data' },
    { secondary: 'Training', message: 'Downloading the training image' },
    { secondary: 'Training', message: 'Training image download completed. Training in progress.' },
  ];
  const finish = (trainingSeconds: number, billableSeconds: number): TrainingStep[] => [
    { secondary: 'Uploading', message: 'Uploading generated training model' },
    { status: 'Completed', secondary: 'Completed', message: 'Training job completed', metrics, trainingSeconds, billableSeconds, ...overrides },
  ];
  switch (script) {
    case 'complete':
      return [...start, ...finish(120, 120)];
    case 'fail':
      return [
        ...start,
        {
          status: 'Failed',
          secondary: 'Failed',
          message: 'Training job failed',
          failureReason: 'AlgorithmError: ExecuteUserScriptError:\nExitCode 1\nErrorMessage "ValueError: could not convert string to float"',
          ...overrides,
        },
      ];
    case 'spot-interrupted':
      return [
        ...start,
        { secondary: 'Interrupted', message: 'Training job interrupted because the spot instances were reclaimed' },
        { secondary: 'Restarting', message: 'Restarting the training job from the latest checkpoint' },
        { secondary: 'Starting', message: 'Preparing the instances for training' },
        { secondary: 'Downloading', message: 'Downloading input data' },
        { secondary: 'Training', message: 'Training image download completed. Training in progress.' },
        ...finish(150, 60),
      ];
    case 'stop-by-user':
      return [
        ...start,
        { status: 'Stopping', secondary: 'Stopping', message: 'Stopping the training job' },
        { status: 'Stopped', secondary: 'Stopped', message: 'Training job stopped', ...overrides },
      ];
  }
}

function requiredObject(body: Json, key: string, field: string): Json {
  const value = body[key];
  if (value === undefined || value === null) throw constraint(field, null, 'Member must not be null');
  if (typeof value !== 'object' || Array.isArray(value)) throw new SageMakerFault('SerializationException', `${key} must be a structure`);
  return value as Json;
}

function optionalList(body: Json, key: string, field: string, min: number, max: number): Json[] {
  const value = body[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'object' || item === null || Array.isArray(item))) {
    throw new SageMakerFault('SerializationException', `${key} must be a list of structures`);
  }
  if (value.length < min) throw constraint(field, value, `Member must have length greater than or equal to ${min}`);
  if (value.length > max) throw constraint(field, value, `Member must have length less than or equal to ${max}`);
  return value as Json[];
}

function requiredNumber(body: Json, key: string, field: string, min: number): number {
  const value = optionalNumber(body, key, field, min);
  if (value === undefined) throw constraint(field, null, 'Member must not be null');
  return value;
}

function optionalNumber(body: Json, key: string, field: string, min: number): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new SageMakerFault('SerializationException', `${key} must be an integer`);
  if (value < min) throw constraint(field, value, `Member must have value greater than or equal to ${min}`);
  return value;
}

function checkS3Uri(value: string, field: string): void {
  checkLength(value, field, 0, 1024);
  checkPattern(value, field, S3_URI, '^(https|s3)://([^/]+)/?(.*)$');
}

/** HyperParameters: a map of at most 100 strings, keys ≤ 256 and values ≤ 2500 characters. */
function checkHyperParameters(value: unknown): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) throw new SageMakerFault('SerializationException', 'HyperParameters must be a map');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 100) throw constraint('hyperParameters', value, 'Member must have length less than or equal to 100');
  for (const [key, text] of entries) {
    if (typeof text !== 'string') throw new SageMakerFault('SerializationException', `hyperParameters.${key} must be a string`);
    if (key.length > 256) throw constraint('hyperParameters', value, 'Map keys must satisfy constraint: [Member must have length less than or equal to 256]');
    if (text.length > 2500) throw constraint('hyperParameters', value, 'Map value must satisfy constraint: [Member must have length less than or equal to 2500]');
  }
}

// ---- hosting and experiments: checks and scripts

const VARIANT_NAME = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const EXPERIMENT_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}$/;

function initialWeights(config: FakeEndpointConfig): Map<string, number> {
  return new Map(config.variants.map((variant) => [String(variant.VariantName), typeof variant.InitialVariantWeight === 'number' ? variant.InitialVariantWeight : 1]));
}

/** Checks a DeploymentConfig as the API reference constrains it; returns its alarm names. */
function checkDeploymentConfig(config: Json): string[] {
  const at = 'deploymentConfig';
  if (config.BlueGreenUpdatePolicy !== undefined && config.RollingUpdatePolicy !== undefined) {
    // The wording of this message is not SageMaker's verified one.
    throw new SageMakerFault('ValidationException', 'Only one of BlueGreenUpdatePolicy and RollingUpdatePolicy can be specified.');
  }
  if (config.BlueGreenUpdatePolicy !== undefined) {
    const policy = requiredObject(config, 'BlueGreenUpdatePolicy', `${at}.blueGreenUpdatePolicy`);
    const routing = requiredObject(policy, 'TrafficRoutingConfiguration', `${at}.blueGreenUpdatePolicy.trafficRoutingConfiguration`);
    const field = `${at}.blueGreenUpdatePolicy.trafficRoutingConfiguration`;
    const type = requiredString(routing, 'Type', `${field}.type`);
    checkEnum(type, `${field}.type`, ['ALL_AT_ONCE', 'CANARY', 'LINEAR']);
    const wait = requiredNumber(routing, 'WaitIntervalInSeconds', `${field}.waitIntervalInSeconds`, 0);
    if (wait > 3600) throw constraint(`${field}.waitIntervalInSeconds`, wait, 'Member must have value less than or equal to 3600');
    if (type === 'CANARY') checkCapacity(routing, 'CanarySize', `${field}.canarySize`, 1, 50);
    if (type === 'LINEAR') checkCapacity(routing, 'LinearStepSize', `${field}.linearStepSize`, 10, 50);
    const termination = optionalNumber(policy, 'TerminationWaitInSeconds', `${at}.blueGreenUpdatePolicy.terminationWaitInSeconds`, 0);
    if (termination !== undefined && termination > 3600) throw constraint(`${at}.blueGreenUpdatePolicy.terminationWaitInSeconds`, termination, 'Member must have value less than or equal to 3600');
    const timeout = optionalNumber(policy, 'MaximumExecutionTimeoutInSeconds', `${at}.blueGreenUpdatePolicy.maximumExecutionTimeoutInSeconds`, 600);
    if (timeout !== undefined && timeout > 28_800) throw constraint(`${at}.blueGreenUpdatePolicy.maximumExecutionTimeoutInSeconds`, timeout, 'Member must have value less than or equal to 28800');
  }
  if (config.AutoRollbackConfiguration === undefined) return [];
  const rollback = requiredObject(config, 'AutoRollbackConfiguration', `${at}.autoRollbackConfiguration`);
  const alarms = optionalList(rollback, 'Alarms', `${at}.autoRollbackConfiguration.alarms`, 1, 10);
  return alarms.map((alarm, index) => {
    const name = requiredString(alarm, 'AlarmName', `${at}.autoRollbackConfiguration.alarms.${index + 1}.member.alarmName`);
    checkLength(name, `${at}.autoRollbackConfiguration.alarms.${index + 1}.member.alarmName`, 1, 255);
    return name;
  });
}

/** A CapacitySize that the traffic routing needs: Type INSTANCE_COUNT|CAPACITY_PERCENT, Value ≥ 1 (a percent within [min, max] of capacity). */
function checkCapacity(routing: Json, key: string, field: string, min: number, max: number): void {
  if (routing[key] === undefined) {
    // The wording of this message is not SageMaker's verified one.
    throw new SageMakerFault('ValidationException', `${key} must be specified for ${String(routing.Type)} traffic routing.`);
  }
  const size = requiredObject(routing, key, field);
  const type = requiredString(size, 'Type', `${field}.type`);
  checkEnum(type, `${field}.type`, ['INSTANCE_COUNT', 'CAPACITY_PERCENT']);
  const value = requiredNumber(size, 'Value', `${field}.value`, 1);
  if (type === 'CAPACITY_PERCENT' && (value < min || value > max)) {
    // The wording of this message is not SageMaker's verified one.
    throw new SageMakerFault('ValidationException', `${key} Value ${value} must be between ${min}% and ${max}% of the variant's total capacity.`);
  }
}

/** The steps of an experiment's scenario, or the steps given. */
function experimentSteps(script: ExperimentStep[] | ExperimentScenario): ExperimentStep[] {
  if (Array.isArray(script)) return script.map((step) => ({ ...step }));
  switch (script) {
    case 'complete':
      return [{ status: 'Created' }, { status: 'Starting' }, { status: 'Running' }, { status: 'Running' }, { status: 'Completed' }];
    case 'cancel-by-user':
      return [{ status: 'Starting' }, { status: 'Running' }, { status: 'Stopping', reason: 'Stopped from the console' }, { status: 'Cancelled' }];
    case 'stuck':
      return [{ status: 'Starting' }, { status: 'Running' }];
  }
}
