import { InstanceRuntimeRegistry } from '../../../../src/application/config/instance-runtime-registry';
import { removeConfigTrees } from '../../../support/config-tree';
import { loadedSnapshot, loadTree, validTree } from './config-tree-fixture';

afterEach(removeConfigTrees);

describe('TomlConfigLoader instance runtimes', () => {
  it('shares runtime state between two loads for instances whose identity did not change', async () => {
    const runtimes = new InstanceRuntimeRegistry();
    const before = loadedSnapshot(await loadTree(validTree(), {}, runtimes));
    const fastBefore = before.pools.get('fast')?.instances[0];
    expect(fastBefore).toBeDefined();
    fastBefore?.runtime.recordLatency(120);

    const after = loadedSnapshot(
      await loadTree(
        {
          ...validTree(),
          // mock-b/m2 becomes a differently named instance: its identity changes.
          'pools/slow.toml': '[[instances]]\nname = "renamed"\nprovider = "mock-b"\nmodel = "m2"',
        },
        {},
        runtimes,
      ),
    );
    const fastAfter = after.pools.get('fast')?.instances[0];
    expect(after.pools.get('fast')).not.toBe(before.pools.get('fast'));
    expect(fastAfter?.runtime).toBe(fastBefore?.runtime);
    expect(fastAfter?.runtime.latencyEwmaMs).toBe(120);

    // A renamed instance is a new identity, so it starts with fresh state.
    expect(after.pools.get('slow')?.instances[0]?.runtime).not.toBe(before.pools.get('slow')?.instances[0]?.runtime);
  });

  it('gives separate runtimes to loads with separate registries', async () => {
    const first = loadedSnapshot(await loadTree(validTree()));
    const second = loadedSnapshot(await loadTree(validTree()));
    expect(second.pools.get('fast')?.instances[0]?.runtime).not.toBe(first.pools.get('fast')?.instances[0]?.runtime);
  });
});
