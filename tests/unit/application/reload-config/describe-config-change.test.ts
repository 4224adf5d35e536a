import { isEmptyChange, type ConfigChange, type NameChanges } from '../../../../src/application/reload-config/config-change';
import { describeConfigChange } from '../../../../src/application/reload-config/describe-config-change';
import { removeConfigTrees } from '../../../support/config-tree';
import { baseTree, loadSnapshot, poolFile, withFiles } from './reload-fixture';

afterEach(removeConfigTrees);

const none: NameChanges = { added: [], removed: [], changed: [] };

/** The change from the base tree to the base tree with `changes` applied. */
async function changeTo(changes: Readonly<Record<string, string | null>>): Promise<ConfigChange> {
  const before = await loadSnapshot(baseTree());
  const after = await loadSnapshot(withFiles(baseTree(), changes));
  return describeConfigChange(before, after);
}

const fastWith = (a: { weight?: number; extra?: string } = {}, b: { model?: string } = {}, strategy = 'weighted'): string =>
  poolFile(strategy, [
    { name: 'a', provider: 'alpha', model: 'm1', ...a },
    { name: 'b', provider: 'beta', model: b.model ?? 'm1' },
  ]);

describe('describeConfigChange', () => {
  it('reports nothing for two loads of the same tree', async () => {
    const change = await changeTo({});
    expect(change).toEqual({ providers: none, pools: none, instances: none, groups: none, wrappers: none, needsRestart: [] });
    expect(isEmptyChange(change)).toBe(true);
  });

  it('reports a pool added and removed, with its instances', async () => {
    const added = await changeTo({ 'pools/spare.toml': poolFile('random', [{ name: 'd', provider: 'alpha', model: 'm3' }]) });
    expect(added.pools).toEqual({ added: ['spare'], removed: [], changed: [] });
    expect(added.instances).toEqual({ added: ['spare/d'], removed: [], changed: [] });
    expect(added.groups).toEqual(none);

    const removed = await changeTo({
      'pools/slow.toml': null,
      'task-groups/chat.toml': '[[tiers]]\nname = "primary"\npools = ["fast"]\n',
    });
    expect(removed.pools).toEqual({ added: [], removed: ['slow'], changed: [] });
    expect(removed.instances).toEqual({ added: [], removed: ['slow/c'], changed: [] });
    expect(removed.groups).toEqual({ added: [], removed: [], changed: ['chat'] });
    expect(isEmptyChange(removed)).toBe(false);
  });

  it('reports an instance added to or removed from a pool as a pool change and an instance change', async () => {
    const added = await changeTo({
      'pools/fast.toml': poolFile('weighted', [
        { name: 'a', provider: 'alpha', model: 'm1' },
        { name: 'b', provider: 'beta', model: 'm1' },
        { name: 'x', provider: 'alpha', model: 'm9' },
      ]),
    });
    expect(added.pools).toEqual({ added: [], removed: [], changed: ['fast'] });
    expect(added.instances).toEqual({ added: ['fast/x'], removed: [], changed: [] });

    const removed = await changeTo({ 'pools/fast.toml': poolFile('weighted', [{ name: 'a', provider: 'alpha', model: 'm1' }]) });
    expect(removed.pools.changed).toEqual(['fast']);
    expect(removed.instances).toEqual({ added: [], removed: ['fast/b'], changed: [] });
  });

  it('reports a new weight, concurrency or rate limit as an instance change only, not a pool change', async () => {
    for (const a of [{ weight: 9 }, { extra: 'max_concurrency = 3' }, { extra: 'rpm = 60' }, { extra: 'tpm = 1000' }]) {
      const change = await changeTo({ 'pools/fast.toml': fastWith(a) });
      expect(change.instances).toEqual({ added: [], removed: [], changed: ['fast/a'] });
      expect(change.pools).toEqual(none);
      expect(change.providers).toEqual(none);
    }
  });

  it('reports a new strategy, breaker or health-check setting as a pool change that leaves its instances alone', async () => {
    const heads = ['[circuit_breaker]\nvolume_threshold = 9', '[health_check]\ninterval_ms = 5000'];
    const changes = [
      await changeTo({ 'pools/fast.toml': fastWith({}, {}, 'least_connections') }),
      ...(await Promise.all(
        heads.map((head) =>
          changeTo({
            'pools/fast.toml': poolFile(
              'weighted',
              [
                { name: 'a', provider: 'alpha', model: 'm1' },
                { name: 'b', provider: 'beta', model: 'm1' },
              ],
              head,
            ),
          }),
        ),
      )),
    ];
    for (const change of changes) {
      expect(change.pools).toEqual({ added: [], removed: [], changed: ['fast'] });
      expect(change.instances).toEqual(none);
    }
  });

  it('reports an instance whose model changed as changed, and its pool as changed (new identity)', async () => {
    const change = await changeTo({ 'pools/fast.toml': fastWith({}, { model: 'm1-large' }) });
    expect(change.instances).toEqual({ added: [], removed: [], changed: ['fast/b'] });
    expect(change.pools.changed).toEqual(['fast']);
  });

  it('reports providers added, removed and changed; a changed base URL changes every instance on it', async () => {
    const added = await changeTo({ 'providers/gamma.toml': 'protocol = "openai"\nbase_url = "http://127.0.0.1:9103/v1"\n' });
    expect(added.providers).toEqual({ added: ['gamma'], removed: [], changed: [] });
    expect(added.pools).toEqual(none);

    const removed = await changeTo({
      'providers/alpha.toml': null,
      'pools/fast.toml': poolFile('weighted', [{ name: 'b', provider: 'beta', model: 'm1' }]),
    });
    expect(removed.providers).toEqual({ added: [], removed: ['alpha'], changed: [] });
    expect(removed.instances.removed).toEqual(['fast/a']);

    const moved = await changeTo({ 'providers/beta.toml': 'protocol = "openai"\nbase_url = "http://127.0.0.1:9999/v1"\napi_key = "key-b"\n' });
    expect(moved.providers).toEqual({ added: [], removed: [], changed: ['beta'] });
    expect(moved.instances).toEqual({ added: [], removed: [], changed: ['fast/b', 'slow/c'] });
    expect(moved.pools).toEqual({ added: [], removed: [], changed: ['fast', 'slow'] });

    const rekeyed = await changeTo({ 'providers/alpha.toml': 'protocol = "openai"\nbase_url = "http://127.0.0.1:9101/v1"\napi_key = "key-a2"\n' });
    expect(rekeyed.providers.changed).toEqual(['alpha']);
    // Same URL, same model, same name: the instance keeps its identity (and its runtime state).
    expect(rekeyed.instances).toEqual(none);
  });

  it('reports groups added, removed and changed (tiers, order, budget)', async () => {
    const added = await changeTo({ 'task-groups/bulk.toml': '[[tiers]]\nname = "only"\npools = ["slow"]\n' });
    expect(added.groups).toEqual({ added: ['bulk'], removed: [], changed: [] });

    const removed = await changeTo({ 'task-groups/chat.toml': null, 'wrappers/assistant.toml': 'target = "fast"\n', '_registry.toml': '[server]\nport = 8080\n' });
    expect(removed.groups).toEqual({ added: [], removed: ['chat'], changed: [] });
    expect(removed.wrappers.changed).toEqual(['assistant']);

    const variants = [
      'timeout_ms = 9000\n[[tiers]]\nname = "primary"\npools = ["fast"]\n[[tiers]]\nname = "backup"\npools = ["slow"]\n',
      'timeout_ms = 5000\nmax_attempts = 7\n[[tiers]]\nname = "primary"\npools = ["fast"]\n[[tiers]]\nname = "backup"\npools = ["slow"]\n',
      // The pools swap tiers.
      'timeout_ms = 5000\n[[tiers]]\nname = "primary"\npools = ["slow"]\n[[tiers]]\nname = "backup"\npools = ["fast"]\n',
      'timeout_ms = 5000\n[[tiers]]\nname = "primary"\npools = ["fast"]\nconcurrency_limit = 4\n[[tiers]]\nname = "backup"\npools = ["slow"]\n',
    ];
    for (const text of variants) {
      const change = await changeTo({ 'task-groups/chat.toml': text });
      expect(change.groups).toEqual({ added: [], removed: [], changed: ['chat'] });
      expect(change.pools).toEqual(none);
    }
  });

  it('reports wrappers added, removed and changed', async () => {
    const added = await changeTo({ 'wrappers/coder.toml': 'target = "fast"\n' });
    expect(added.wrappers).toEqual({ added: ['coder'], removed: [], changed: [] });
    const removed = await changeTo({ 'wrappers/assistant.toml': null });
    expect(removed.wrappers).toEqual({ added: [], removed: ['assistant'], changed: [] });
    const changed = await changeTo({ 'wrappers/assistant.toml': 'target = "chat"\n[defaults]\ntemperature = 0.7\n' });
    expect(changed.wrappers).toEqual({ added: [], removed: [], changed: ['assistant'] });
  });

  it('lists [server] changes as needing a restart, with the old and new values', async () => {
    const change = await changeTo({ '_registry.toml': '[server]\nhost = "0.0.0.0"\nport = 9090\nbody_limit_bytes = 4096\n[aliases]\n"gpt" = "chat"\n' });
    expect(change.needsRestart).toEqual([
      'server.host (127.0.0.1 -> 0.0.0.0)',
      'server.port (8080 -> 9090)',
      'server.body_limit_bytes (1048576 -> 4096)',
    ]);
    expect(change.pools).toEqual(none);
    expect(isEmptyChange(change)).toBe(false);
  });

  it('sorts every list by name', async () => {
    const change = await changeTo({
      'pools/zeta.toml': poolFile('round_robin', [{ name: 'z2', provider: 'alpha', model: 'm' }, { name: 'z1', provider: 'beta', model: 'm' }]),
      'pools/eta.toml': poolFile('round_robin', [{ name: 'e', provider: 'alpha', model: 'm' }]),
    });
    expect(change.pools.added).toEqual(['eta', 'zeta']);
    expect(change.instances.added).toEqual(['eta/e', 'zeta/z1', 'zeta/z2']);
  });
});
