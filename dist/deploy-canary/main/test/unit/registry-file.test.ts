/** The file:// registry: the shared contract, plus what only a directory can show. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createFileStorage } from '../../src/core/registry/file-storage.js';
import { IndexedRegistry } from '../../src/core/registry/indexed-registry.js';
import { registryContract, request } from '../contract/registry-contract.js';

async function fileRegistry() {
  const directory = await mkdtemp(join(tmpdir(), 'cd4ml-registry-'));
  const storage = createFileStorage(directory);
  return { directory, storage, registry: new IndexedRegistry(storage), cleanup: () => rm(directory, { recursive: true, force: true }) };
}

registryContract('file://', fileRegistry);

describe('file:// index', () => {
  test('a corrupt index is refused and left as it was', async () => {
    const { directory, registry, cleanup } = await fileRegistry();
    try {
      await registry.register(await request());
      const path = join(directory, 'churn', 'index.json');
      await writeFile(path, '{"format": "cd4ml-registry-index", "formatVersion": 1, "name": "churn", "nextVersion": 1, "versions": [');

      await expect(registry.register(await request({ lineage: { runId: '9' } }))).rejects.toThrow(
        /^The registry index of churn in file:\/\/.* is corrupt \(not JSON: .*\); nothing was written\. Restore it from its history/,
      );
      expect(await readFile(path, 'utf8')).toMatch(/"versions": \[$/);
    } finally {
      await cleanup();
    }
  });

  test('an index of a newer format asks for an upgrade', async () => {
    const { directory, registry, cleanup } = await fileRegistry();
    try {
      await registry.register(await request());
      const path = join(directory, 'churn', 'index.json');
      const index = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
      await writeFile(path, JSON.stringify({ ...index, formatVersion: 2 }));

      await expect(registry.resolve('churn', { version: 1 })).rejects.toThrow(
        /has format version 2, newer than this cd4ml-actions understands \(1\); upgrade the cd4ml actions to the release that wrote it\. Nothing was written\.$/,
      );
    } finally {
      await cleanup();
    }
  });

  test('a stored file changed behind the registry fails its sha256 check', async () => {
    const { directory, registry, cleanup } = await fileRegistry();
    try {
      const { record } = await registry.register(await request());
      await writeFile(join(directory, 'churn', 'v1', 'model', 'model.onnx'), 'tampered');

      await expect(registry.readFile(record, 'model/model.onnx')).rejects.toThrow(
        /^registry:churn@1: model\/model\.onnx has sha256 [0-9a-f]{64}, but the registry recorded [0-9a-f]{64}; the stored file was changed or damaged\.$/,
      );
    } finally {
      await cleanup();
    }
  });
});
