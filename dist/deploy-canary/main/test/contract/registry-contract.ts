/**
 * The contract every registry backend passes: the same tests, run by each backend's test file
 * against a fresh registry from its `setup`. Backends built on `IndexedRegistry` also hand over
 * their storage, so the interruption tests can stop a registration half-way.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { IndexedRegistry } from '../../src/core/registry/indexed-registry.js';
import type { LocalFile, ModelRegistry, RegistrationRequest, RegistryStorage } from '../../src/core/registry/types.js';
import type { ProfileDocument } from '../../src/core/profile/profile.js';
import { validateDataset } from '../../src/core/scan/validate-dataset.js';
import { recordingLogger } from '../support/logger.js';

export interface ContractSubject {
  registry: ModelRegistry;
  /** The storage under an IndexedRegistry, for the interruption tests; absent for other backends. */
  storage?: RegistryStorage;
  cleanup?: () => Promise<void>;
}

export interface ContractOptions {
  /** Concurrent registrations in the concurrency test (20 unless a backend says otherwise). */
  concurrent?: number;
  /**
   * False for a backend that numbers versions itself (SageMaker): it has no reservation to resume,
   * so the interruption test does not apply and the backend tests its own interruptions.
   */
  indexed?: boolean;
}

const NOW = new Date('2026-11-20T10:00:00Z');

/** A model directory and a profile shared by every backend's run of the contract. */
let work: string;
let profile: { text: string; document: ProfileDocument };

async function modelFile(path: string, content: string): Promise<LocalFile> {
  const file = join(work, 'models', createHash('sha256').update(content).digest('hex').slice(0, 12), path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
  return { path, file, sha256: createHash('sha256').update(content).digest('hex'), size: Buffer.byteLength(content) };
}

export async function request(overrides: Partial<RegistrationRequest> & { content?: string } = {}): Promise<RegistrationRequest> {
  const { content = 'weights-1', ...rest } = overrides;
  return {
    name: 'churn',
    files: [await modelFile('model.onnx', content), await modelFile('vocab/labels.txt', `labels for ${content}`)],
    metrics: { roc_auc: 0.83, log_loss: 0.41 },
    params: { C: 1, penalty: 'l2' },
    profile,
    lineage: { gitSha: 'a'.repeat(40), repository: 'o/r', runId: '100', runUrl: 'https://github.com/o/r/actions/runs/100', actor: 'octocat' },
    environment: { node: 'v24.0.0', onnxruntime: '1.30.0' },
    now: NOW,
    ...rest,
  };
}

export function registryContract(label: string, setup: () => Promise<ContractSubject>, options: ContractOptions = {}): void {
  describe(`registry contract: ${label}`, () => {
    let subject: ContractSubject;
    let registry: ModelRegistry;

    beforeAll(async () => {
      work ??= await mkdtemp(join(tmpdir(), 'cd4ml-contract-'));
      if (profile === undefined) {
        const csv = join(work, 'train.csv');
        await writeFile(csv, 'age,plan\n31,basic\n45,pro\n27,basic\n');
        const { profile: document } = await validateDataset({
          data: [csv],
          format: 'auto',
          cwd: work,
          store: () => {
            throw new Error('no object store in the contract tests');
          },
          maxExamples: 0,
          failOn: 'never',
          workerScript: undefined,
          logger: recordingLogger(),
        });
        profile = { text: JSON.stringify(document), document };
      }
    });

    beforeEach(async () => {
      subject = await setup();
      registry = subject.registry;
    });

    afterEach(async () => {
      await subject.cleanup?.();
    });

    test('the first registration is version 1, with its record, card, files and profile', async () => {
      const result = await registry.register(await request({ alias: 'staging' }));

      expect(result.created).toBe(true);
      expect(result.record).toMatchObject({
        format: 'cd4ml-model-record',
        name: 'churn',
        version: 1,
        uri: 'registry:churn@1',
        metrics: { roc_auc: 0.83, log_loss: 0.41 },
        params: { C: 1, penalty: 'l2' },
        profile: { rows: 3, columns: 2 },
        lineage: { gitSha: 'a'.repeat(40), runUrl: 'https://github.com/o/r/actions/runs/100' },
        aliases: ['staging'],
      });
      expect(result.record.files.map((file) => file.path).sort()).toEqual(['model/model.onnx', 'model/vocab/labels.txt', 'profile.json']);
      expect(result.card).toContain('# churn v1');
      expect(result.card).toMatch(/\| `roc_auc` +\| +0\.83 \|/);
      const resolved = await registry.resolve('churn', { version: 1 });
      expect(resolved).toEqual(result.record);
      expect(await registry.resolve('churn', { alias: 'staging' })).toEqual(result.record);
      expect(Buffer.from(await registry.readFile(resolved, 'model/model.onnx')).toString()).toBe('weights-1');
      expect(JSON.parse(Buffer.from(await registry.readFile(resolved, 'profile.json')).toString())).toEqual(profile.document);
    });

    test('versions count up; the parent is the version the alias pointed at', async () => {
      await registry.register(await request({ alias: 'staging' }));
      const second = await registry.register(await request({ content: 'weights-2', alias: 'staging', lineage: { runId: '101' } }));

      expect(second.record.version).toBe(2);
      expect(second.previousVersion).toBe(1);
      expect(second.record.lineage.parentVersion).toBe(1);
      expect((await registry.list('churn')).map((entry) => [entry.version, entry.aliases])).toEqual([
        [1, []],
        [2, ['staging']],
      ]);
      expect(await registry.models()).toContain('churn');
    });

    test('re-running the same registration returns the same version and makes nothing new', async () => {
      const first = await registry.register(await request());
      const again = await registry.register(await request());

      expect(again.created).toBe(false);
      expect(again.record.version).toBe(first.record.version);
      expect(again.card).toBe(first.card);
      expect(await registry.list('churn')).toHaveLength(1);
      // The same content from another run is another registration.
      const other = await registry.register(await request({ lineage: { runId: '200' } }));
      expect(other.record.version).toBe(2);
    });

    test('aliases move with an audit trail of who, when, which run and the previous version', async () => {
      await registry.register(await request());
      await registry.register(await request({ content: 'weights-2', lineage: { runId: '101' } }));
      const later = new Date('2026-11-21T09:00:00Z');
      const actor = { actor: 'release-bot', runUrl: 'https://github.com/o/r/actions/runs/300', gitSha: 'b'.repeat(40) };

      expect(await registry.setAlias('churn', 'production', 1, actor, 'promote', later)).toEqual({});
      expect(await registry.setAlias('churn', 'production', 2, actor, 'promote', later)).toEqual({ previous: 1 });
      expect(await registry.setAlias('churn', 'production', 1, actor, 'rollback', later)).toEqual({ previous: 2 });

      expect((await registry.resolve('churn', { alias: 'production' })).version).toBe(1);
      const moves = (await registry.history('churn')).filter((event) => event.alias === 'production');
      expect(moves.map((event) => [event.version, event.previous, event.reason])).toEqual([
        [1, undefined, 'promote'],
        [2, 1, 'promote'],
        [1, 2, 'rollback'],
      ]);
      expect(moves[2]).toMatchObject({ at: '2026-11-21T09:00:00.000Z', actor: 'release-bot', runUrl: actor.runUrl, gitSha: actor.gitSha });
    });

    test('an alias cannot move to a version that does not exist, and stays where it was', async () => {
      await registry.register(await request({ alias: 'production' }));

      const moving = registry.setAlias('churn', 'production', 9, {}, 'promote', NOW);
      await expect(moving).rejects.toThrow(InputError);
      await expect(moving).rejects.toThrow(/churn has no version 9/);
      expect((await registry.resolve('churn', { alias: 'production' })).version).toBe(1);
    });

    test('unknown versions, aliases and models are input errors that say what exists', async () => {
      await registry.register(await request({ alias: 'production' }));

      await expect(registry.resolve('churn', { version: 5 })).rejects.toThrow(/churn has no version 5; it has versions 1/);
      await expect(registry.resolve('churn', { alias: 'canary' })).rejects.toThrow(/churn has no alias canary; .*production → 1/);
      await expect(registry.resolve('fraud', { alias: 'production' })).rejects.toThrow(/has no model named fraud; it has churn/);
    });

    test('download writes every file, checked against its sha256', async () => {
      const { record } = await registry.register(await request());
      const target = await mkdtemp(join(tmpdir(), 'cd4ml-download-'));
      try {
        const written = await registry.download(record, target);
        expect(written.sort()).toEqual(['model/model.onnx', 'model/vocab/labels.txt', 'profile.json']);
        expect(await readFile(join(target, 'model/vocab/labels.txt'), 'utf8')).toBe('labels for weights-1');
      } finally {
        await rm(target, { recursive: true, force: true });
      }
    });

    test(`${options.concurrent ?? 20} concurrent registrations of one model get distinct versions and no lost entry`, async () => {
      const count = options.concurrent ?? 20;
      const requests = await Promise.all(Array.from({ length: count }, (_, i) => request({ content: `weights-${i}`, lineage: { runId: String(1000 + i) } })));
      const results = await Promise.all(requests.map((item) => registry.register(item)));

      const versions = results.map((result) => result.record.version).sort((a, b) => a - b);
      expect(versions).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      const listed = await registry.list('churn');
      expect(listed.map((entry) => entry.version)).toEqual(versions);
      for (const [i, result] of results.entries()) {
        const stored = await registry.resolve('churn', { version: result.record.version });
        expect(Buffer.from(await registry.readFile(stored, 'model/model.onnx')).toString()).toBe(`weights-${i}`);
      }
    });

    test.skipIf(options.indexed === false)('a registration interrupted before its commit leaves no visible version; the re-run completes it under the same number', async () => {
      const storage = subject.storage;
      if (storage === undefined) throw new Error(`${label}: an indexed backend's setup must hand over its storage`);
      let calls = 0;
      const failing: RegistryStorage = {
        ...storage,
        description: storage.description,
        readIndex: (name) => storage.readIndex(name),
        writeIndex: (name, text, token) => storage.writeIndex(name, text, token),
        models: () => storage.models(),
        readFile: (file) => storage.readFile(file),
        downloadFile: (file, destination) => storage.downloadFile(file, destination),
        putFiles: async (name, version, files, context) => {
          calls += 1;
          if (calls === 2) throw new Error('runner lost');
          return storage.putFiles(name, version, files, context);
        },
      };
      const interrupted = new IndexedRegistry(failing);
      await expect(interrupted.register(await request({ alias: 'production' }))).rejects.toThrow('runner lost');

      await expect(registry.resolve('churn', { version: 1 })).rejects.toThrow(InputError);
      await expect(registry.resolve('churn', { alias: 'production' })).rejects.toThrow(InputError);
      expect(await registry.list('churn')).toEqual([]);

      const rerun = await registry.register(await request({ alias: 'production' }));
      expect(rerun.created).toBe(true);
      expect(rerun.record.version).toBe(1);
      expect((await registry.resolve('churn', { alias: 'production' })).version).toBe(1);
    });
  });
}
