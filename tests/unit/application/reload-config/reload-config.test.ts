import type { GatewaySnapshot } from '../../../../src/application/config/gateway-snapshot';
import type { ReloadAttempt } from '../../../../src/application/reload-config/config-status';
import { removeConfigTrees } from '../../../support/config-tree';
import { ManualClock } from '../../../support/fake-clock';
import {
  baseTree,
  deferred,
  FakeLoader,
  loaded,
  loadSnapshot,
  poolFile,
  rejected,
  reloadRig,
  withFiles,
} from './reload-fixture';

afterEach(removeConfigTrees);

/** The base tree, and the base tree with one more instance in pool `fast`. */
async function twoVersions(): Promise<{ before: GatewaySnapshot; after: GatewaySnapshot }> {
  const before = await loadSnapshot(baseTree());
  const after = await loadSnapshot(
    withFiles(baseTree(), {
      'pools/fast.toml': poolFile('weighted', [
        { name: 'a', provider: 'alpha', model: 'm1' },
        { name: 'b', provider: 'beta', model: 'm1' },
        { name: 'x', provider: 'alpha', model: 'm9' },
      ]),
    }),
  );
  return { before, after };
}

const issue = { file: 'pools/fast.toml', path: 'instances[0].provider', message: 'expected the name of a provider, got "nope"' };

describe('ReloadConfig', () => {
  it('reports the snapshot in force, and no attempt, before any reload', async () => {
    const { before } = await twoVersions();
    const { reload } = reloadRig(before, new FakeLoader(), { configDir: '/etc/switchyard' });
    expect(reload.status()).toEqual({
      configDir: '/etc/switchyard',
      version: before.version,
      loadedAt: before.loadedAt,
      warnings: [],
      lastAttempt: undefined,
      lastChange: undefined,
    });
  });

  it('applies a changed tree: swaps the snapshot once, then drains, syncs health and tells listeners', async () => {
    const { before, after } = await twoVersions();
    const clock = new ManualClock();
    const loader = new FakeLoader(() => (clock.time += 12.5)).willReturn(loaded(after));
    const rig = reloadRig(before, loader, { clock });
    const replace = jest.spyOn(rig.snapshots, 'replace');
    const seenByListener: GatewaySnapshot[] = [];
    const heard: ReloadAttempt[] = [];
    rig.reload.onApplied((attempt) => {
      heard.push(attempt);
      seenByListener.push(rig.snapshots.current());
    });
    const heldByRequest = rig.snapshots.current();

    const attempt = await rig.reload.execute('watch');

    expect(attempt).toMatchObject({ trigger: 'watch', result: 'applied', durationMs: 12.5, errors: [] });
    expect(attempt.change?.instances.added).toEqual(['fast/x']);
    expect(attempt.change?.pools.changed).toEqual(['fast']);
    expect(replace).toHaveBeenCalledTimes(1);
    const current = rig.snapshots.current();
    expect(current.pools).toBe(after.pools);
    expect(current.routes).toBe(after.routes);
    expect(current.version).toBe(after.version);
    // A request that took the old snapshot keeps it whole.
    expect(heldByRequest).toBe(before);
    expect(heldByRequest.pools.get('fast')?.instances.map((i) => i.name)).toEqual(['a', 'b']);
    expect(rig.health.synced).toEqual([current]);
    expect(rig.llm.retained).toEqual([[...after.providers.values()]]);
    expect(heard).toEqual([attempt]);
    expect(seenByListener).toEqual([current]);
    expect(rig.reload.status()).toMatchObject({ version: after.version, loadedAt: after.loadedAt, lastAttempt: attempt, lastChange: attempt });
    expect(rig.logger.messages('info')).toContain('config reloaded');
  });

  it('applies a tree whose only change is an alias (new version, nothing in the change lists)', async () => {
    const before = await loadSnapshot(baseTree());
    const after = await loadSnapshot(withFiles(baseTree(), { '_registry.toml': '[server]\nhost = "127.0.0.1"\nport = 8080\n[aliases]\n"gpt" = "chat"\n"mini" = "fast"\n' }));
    const rig = reloadRig(before, new FakeLoader().willReturn(loaded(after)));
    const attempt = await rig.reload.execute('admin');
    expect(attempt.result).toBe('applied');
    expect(rig.snapshots.current().routes.resolve('mini')).toBeDefined();
  });

  it('keeps the last good snapshot when the tree is rejected, reports why, and touches nothing else', async () => {
    const { before, after } = await twoVersions();
    const loader = new FakeLoader().willReturn(loaded(after), rejected(issue));
    const rig = reloadRig(before, loader);
    const applied = await rig.reload.execute('watch');
    const replace = jest.spyOn(rig.snapshots, 'replace');
    const retainOnly = jest.spyOn(rig.runtimes, 'retainOnly');
    const heard: ReloadAttempt[] = [];
    rig.reload.onApplied((attempt) => heard.push(attempt));
    const runtimeOfA = after.pools.get('fast')?.instances[0]?.runtime;

    const attempt = await rig.reload.execute('admin');

    expect(attempt).toMatchObject({ trigger: 'admin', result: 'rejected', errors: [issue] });
    expect(attempt.change).toBeUndefined();
    expect(rig.snapshots.current().pools).toBe(after.pools);
    expect(replace).not.toHaveBeenCalled();
    expect(retainOnly).not.toHaveBeenCalled();
    expect(rig.health.synced).toHaveLength(1);
    expect(rig.llm.retained).toHaveLength(1);
    expect(heard).toEqual([]);
    expect(rig.snapshots.current().pools.get('fast')?.instances[0]?.runtime).toBe(runtimeOfA);
    const status = rig.reload.status();
    expect(status.version).toBe(after.version);
    expect(status.lastAttempt).toBe(attempt);
    expect(status.lastAttempt?.errors).toEqual([issue]);
    expect(status.lastChange).toBe(applied);
    expect(rig.logger.lines).toContainEqual({
      level: 'error',
      message: 'config reload rejected',
      fields: { file: issue.file, path: issue.path, problem: issue.message },
    });
  });

  it('does not swap anything in when the tree is unchanged', async () => {
    const before = await loadSnapshot(baseTree());
    const again = await loadSnapshot(baseTree());
    expect(again.version).toBe(before.version);
    const rig = reloadRig(before, new FakeLoader().willReturn(loaded(again)));
    const heard: ReloadAttempt[] = [];
    rig.reload.onApplied((attempt) => heard.push(attempt));

    const attempt = await rig.reload.execute('signal');

    expect(attempt).toMatchObject({ trigger: 'signal', result: 'unchanged', errors: [] });
    expect(rig.snapshots.current()).toBe(before);
    expect(rig.health.synced).toEqual([]);
    expect(rig.llm.retained).toEqual([]);
    expect(heard).toEqual([]);
    expect(rig.reload.status()).toMatchObject({ lastAttempt: attempt, lastChange: undefined, loadedAt: before.loadedAt });
  });

  it('keeps the [server] settings in force when they change, applies the rest, and says a restart is needed', async () => {
    const before = await loadSnapshot(baseTree());
    const after = await loadSnapshot(
      withFiles(baseTree(), {
        '_registry.toml': '[server]\nhost = "127.0.0.1"\nport = 9090\nbody_limit_bytes = 2048\n[aliases]\n"gpt" = "chat"\n',
        'wrappers/coder.toml': 'target = "fast"\n',
      }),
    );
    const rig = reloadRig(before, new FakeLoader().willReturn(loaded(after)));

    const attempt = await rig.reload.execute('watch');

    expect(attempt.result).toBe('applied');
    expect(attempt.change?.needsRestart).toEqual(['server.port (8080 -> 9090)', 'server.body_limit_bytes (1048576 -> 2048)']);
    expect(rig.snapshots.current().server).toMatchObject({ host: '127.0.0.1', port: 8080, bodyLimitBytes: 1048576 });
    expect(rig.snapshots.current().wrappers.has('coder')).toBe(true);
    expect(rig.logger.messages('warn')).toContain('config change needs a restart; the old values stay in force');
  });

  it('never runs two loads at once, and folds every request made during a run into one more run', async () => {
    const { before, after } = await twoVersions();
    const first = deferred<ReturnType<typeof loaded>>();
    const second = deferred<ReturnType<typeof loaded>>();
    const loader = new FakeLoader().willReturn(first, second);
    const rig = reloadRig(before, loader);

    const running = rig.reload.execute('watch');
    const queued = [rig.reload.execute('watch'), rig.reload.execute('admin'), rig.reload.execute('api')];
    await Promise.resolve();
    expect(loader.calls).toBe(1);
    expect(new Set(queued).size).toBe(1);

    first.resolve(loaded(after));
    expect((await running).result).toBe('applied');
    // The folded run starts only once the first has finished, and reads the tree afresh.
    await new Promise((resolve) => setImmediate(resolve));
    expect(loader.calls).toBe(2);
    second.resolve(rejected(issue));
    const results = await Promise.all(queued);
    expect(results.map((attempt) => attempt.result)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(loader.maxRunning).toBe(1);
    expect(loader.calls).toBe(2);

    // Once idle, the next request runs at once.
    loader.willReturn(loaded(after));
    expect((await rig.reload.execute('admin')).result).toBe('unchanged');
    expect(loader.calls).toBe(3);
  });

  it('runs a request that arrives while the folded run is going as one further run', async () => {
    const { before, after } = await twoVersions();
    const gates = [deferred<ReturnType<typeof loaded>>(), deferred<ReturnType<typeof loaded>>(), deferred<ReturnType<typeof loaded>>()];
    const loader = new FakeLoader().willReturn(...gates);
    const rig = reloadRig(before, loader);

    const one = rig.reload.execute('watch');
    const two = rig.reload.execute('watch');
    gates[0]?.resolve(loaded(after));
    await one;
    await new Promise((resolve) => setImmediate(resolve));
    expect(loader.calls).toBe(2);
    const three = rig.reload.execute('watch');
    expect(three).not.toBe(two);
    gates[1]?.resolve(loaded(after));
    expect((await two).result).toBe('unchanged');
    await new Promise((resolve) => setImmediate(resolve));
    expect(loader.calls).toBe(3);
    gates[2]?.resolve(loaded(before));
    expect((await three).result).toBe('applied');
    expect(loader.maxRunning).toBe(1);
  });

  it('stops calling a listener once it unsubscribed', async () => {
    const { before, after } = await twoVersions();
    const rig = reloadRig(before, new FakeLoader().willReturn(loaded(after), loaded(before)));
    const heard: string[] = [];
    const stop = rig.reload.onApplied((attempt) => heard.push(attempt.trigger));
    await rig.reload.execute('watch');
    stop();
    await rig.reload.execute('admin');
    expect(heard).toEqual(['watch']);
    expect(rig.snapshots.current().version).toBe(before.version);
  });

  it('lets a later reload run after one whose loader threw', async () => {
    const { before, after } = await twoVersions();
    const loader = new FakeLoader().willReturn(new Error('disk on fire'), loaded(after));
    const rig = reloadRig(before, loader);
    await expect(rig.reload.execute('watch')).resolves.toMatchObject({
      result: 'rejected',
      errors: [{ file: '', path: '', message: 'the configuration could not be loaded: disk on fire' }],
    });
    expect(rig.snapshots.current()).toBe(before);
    expect((await rig.reload.execute('watch')).result).toBe('applied');
  });
});

describe('ReloadConfig after a loader failure', () => {
  // A load that throws must not swallow the reload folded behind it, nor poison later ones.
  it('still runs the reload that was folded behind a load that threw, and later folded ones', async () => {
    const before = await loadSnapshot(baseTree());
    const { after } = await twoVersions();
    const gate = deferred<ReturnType<typeof loaded>>();
    const loader = new FakeLoader().willReturn(new Error('disk on fire'), loaded(after), gate, loaded(before));
    const rig = reloadRig(before, loader);

    const failing = rig.reload.execute('watch');
    const folded = rig.reload.execute('watch');
    expect((await failing).result).toBe('rejected');
    expect((await folded).result).toBe('applied');

    const running = rig.reload.execute('watch');
    const foldedLater = rig.reload.execute('watch');
    gate.resolve(loaded(after));
    expect((await running).result).toBe('unchanged');
    expect((await foldedLater).result).toBe('applied');
    expect(loader.calls).toBe(4);
  });
});
