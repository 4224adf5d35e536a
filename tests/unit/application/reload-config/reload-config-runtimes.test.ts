import type { GatewaySnapshot } from '../../../../src/application/config/gateway-snapshot';
import { InstanceRuntimeRegistry } from '../../../../src/application/config/instance-runtime-registry';
import type { UpstreamCall, UpstreamResult } from '../../../../src/application/ports/llm-client';
import { RouteChat } from '../../../../src/application/route-chat/route-chat';
import type { PoolInstance } from '../../../../src/domain/instance/pool-instance';
import { OpossumBreakerFactory } from '../../../../src/infrastructure/breaker/opossum-breaker-factory';
import { TomlConfigLoader } from '../../../../src/infrastructure/config/toml-config-loader';
import { chatInput } from '../../../support/chat-requests';
import { editConfigTree, removeConfigTrees, writeConfigTree } from '../../../support/config-tree';
import { globalTimersClock, ManualClock } from '../../../support/fake-clock';
import { loadedSnapshot } from '../../infrastructure/config/config-tree-fixture';
import {
  deferred,
  FakeLlm,
  poolFile,
  reloadRig,
  type Deferred,
  type ReloadRig,
} from './reload-fixture';
import { instanceUnavailability } from '../../../../src/domain/instance/instance-unavailability';

/*
 * State carry-over across reloads with the real loader and one runtime registry (with real opossum
 * breakers): runtimes are keyed by instance identity (provider + model + base URL + name).
 */

const breakerHead = '[circuit_breaker]\nvolume_threshold = 2\nerror_threshold_percentage = 50\nreset_timeout_ms = 60000\nmax_reset_timeout_ms = 60000';

function tree(): Record<string, string> {
  return {
    '_registry.toml': '[server]\nport = 8080\n',
    'providers/alpha.toml': 'protocol = "openai"\nbase_url = "http://127.0.0.1:9101/v1"\napi_key = "key-a"\n',
    'providers/beta.toml': 'protocol = "openai"\nbase_url = "http://127.0.0.1:9102/v1"\napi_key = "key-b"\n',
    'pools/fast.toml': poolFile(
      'round_robin',
      [
        { name: 'a', provider: 'alpha', model: 'm1' },
        { name: 'b', provider: 'beta', model: 'm1' },
      ],
      breakerHead,
    ),
    'pools/slow.toml': poolFile('round_robin', [{ name: 'c', provider: 'beta', model: 'm2' }], breakerHead),
    'task-groups/chat.toml': '[[tiers]]\nname = "primary"\npools = ["fast"]\n[[tiers]]\nname = "backup"\npools = ["slow"]\n',
  };
}

interface Live {
  readonly dir: string;
  readonly runtimes: InstanceRuntimeRegistry;
  readonly rig: ReloadRig;
  /** The instance named `instance` of pool `pool` in the snapshot in force. */
  instance(pool: string, instance: string): PoolInstance;
}

const registries: InstanceRuntimeRegistry[] = [];

afterEach(async () => {
  for (const registry of registries.splice(0)) registry.disposeAll();
  await removeConfigTrees();
});

async function start(llm = new FakeLlm()): Promise<Live> {
  const { dir } = await writeConfigTree(tree());
  const runtimes = new InstanceRuntimeRegistry({ breakers: new OpossumBreakerFactory() });
  registries.push(runtimes);
  const loader = new TomlConfigLoader({});
  const initial = loadedSnapshot(await loader.load(dir, runtimes));
  const rig = reloadRig(initial, loader, { runtimes, llm, clock: new ManualClock(), configDir: dir });
  return {
    dir,
    runtimes,
    rig,
    instance: (pool, instance) => findInstance(rig.snapshots.current(), pool, instance),
  };
}

function findInstance(snapshot: GatewaySnapshot, pool: string, instance: string): PoolInstance {
  const found = snapshot.pools.get(pool)?.instances.find((candidate) => candidate.name === instance);
  if (found === undefined) throw new Error(`no instance ${pool}/${instance}`);
  return found;
}

/** Opens `instance`'s breaker, gives it latency, a cooldown and failure counts. */
function giveState(instance: PoolInstance): void {
  const runtime = instance.runtime;
  runtime.breaker.recordFailure();
  runtime.breaker.recordFailure();
  runtime.recordLatency(100);
  runtime.recordLatency(200);
  runtime.coolDownUntil(Date.now() + 60_000);
  runtime.recordFailure('transient');
}

describe('ReloadConfig carries instance state over by identity', () => {
  it('keeps the same runtime for an unchanged instance across a reload that changes other things', async () => {
    const live = await start();
    const before = live.instance('slow', 'c');
    const aBefore = live.instance('fast', 'a');
    giveState(before);
    expect(before.runtime.breaker.state().kind).toBe('open');
    const breakerState = before.runtime.breaker.state();
    const ewma = before.runtime.latencyEwmaMs;

    await editConfigTree(live.dir, {
      'pools/fast.toml': poolFile('least_connections', [{ name: 'a', provider: 'alpha', model: 'm1' }, { name: 'x', provider: 'alpha', model: 'm7' }], breakerHead),
      'task-groups/chat.toml': 'timeout_ms = 9000\n[[tiers]]\nname = "primary"\npools = ["fast"]\n[[tiers]]\nname = "backup"\npools = ["slow"]\n',
      'wrappers/assistant.toml': 'target = "chat"\n',
    });
    const attempt = await live.rig.reload.execute('watch');

    expect(attempt.result).toBe('applied');
    expect(attempt.change?.pools.changed).toEqual(['fast']);
    expect(attempt.change?.instances).toEqual({ added: ['fast/x'], removed: ['fast/b'], changed: [] });
    const after = live.instance('slow', 'c');
    expect(after.runtime).toBe(before.runtime);
    expect(after.runtime.breaker.state()).toEqual(breakerState);
    expect(instanceUnavailability(after, Date.now())).toBeDefined();
    expect(after.runtime.latencyEwmaMs).toBe(ewma);
    expect(after.runtime.samples).toBe(2);
    expect(after.runtime.cooldownUntil).toBe(before.runtime.cooldownUntil);
    expect(after.runtime.failures().get('transient')).toBe(1);
    // Instance `a` of the changed pool kept its runtime too: only its pool's settings changed.
    expect(live.instance('fast', 'a').runtime).toBe(aBefore.runtime);
  });

  it('keeps the runtime of an instance whose weight changes (weight is not part of its identity)', async () => {
    const live = await start();
    const before = live.instance('fast', 'a');
    giveState(before);

    await editConfigTree(live.dir, {
      'pools/fast.toml': poolFile('weighted', [{ name: 'a', provider: 'alpha', model: 'm1', weight: 9 }, { name: 'b', provider: 'beta', model: 'm1' }], breakerHead),
    });
    const attempt = await live.rig.reload.execute('watch');

    expect(attempt.change?.instances.changed).toEqual(['fast/a']);
    const after = live.instance('fast', 'a');
    expect(after).not.toBe(before);
    expect(after.weight).toBe(9);
    expect(after.runtime).toBe(before.runtime);
    expect(after.runtime.breaker.state().kind).toBe('open');
    expect(after.runtime.latencyEwmaMs).toBe(before.runtime.latencyEwmaMs);
  });

  it('starts fresh when the identity changes: another name, model or base URL', async () => {
    const edits: Record<string, string>[] = [
      { 'pools/slow.toml': poolFile('round_robin', [{ name: 'c2', provider: 'beta', model: 'm2' }], breakerHead) },
      { 'pools/slow.toml': poolFile('round_robin', [{ name: 'c', provider: 'beta', model: 'm3' }], breakerHead) },
      { 'providers/beta.toml': 'protocol = "openai"\nbase_url = "http://127.0.0.1:9999/v1"\napi_key = "key-b"\n' },
    ];
    for (const edit of edits) {
      const live = await start();
      const before = live.instance('slow', 'c');
      giveState(before);
      await editConfigTree(live.dir, edit);
      expect((await live.rig.reload.execute('watch')).result).toBe('applied');
      const after = live.rig.snapshots.current().pools.get('slow')?.instances[0];
      expect(after?.runtime).not.toBe(before.runtime);
      expect(after?.runtime.breaker.state().kind).toBe('closed');
      expect(after?.runtime.latencyEwmaMs).toBeUndefined();
    }
  });

  it('rebuilds only the breaker when the pool breaker settings change, keeping the rest of the state', async () => {
    const live = await start();
    const before = live.instance('slow', 'c');
    giveState(before);
    await editConfigTree(live.dir, {
      'pools/slow.toml': poolFile('round_robin', [{ name: 'c', provider: 'beta', model: 'm2' }], breakerHead.replace('volume_threshold = 2', 'volume_threshold = 3')),
    });
    await live.rig.reload.execute('watch');
    const after = live.instance('slow', 'c');
    expect(after.runtime).toBe(before.runtime);
    expect(after.runtime.breaker.state().kind).toBe('closed');
    expect(after.runtime.latencyEwmaMs).toBe(before.runtime.latencyEwmaMs);
  });

  it('drops a removed instance from the registry, while a request already on it finishes and releases its slot', async () => {
    const calls: { instance: string; answer: Deferred<UpstreamResult> }[] = [];
    const llm = new FakeLlm((call: UpstreamCall) => {
      const answer = deferred<UpstreamResult>();
      calls.push({ instance: call.instance.name, answer });
      return answer.promise;
    });
    const live = await start(llm);
    const routeChat = new RouteChat(live.rig.snapshots, llm, globalTimersClock, live.rig.logger);
    const removed = live.instance('slow', 'c');

    const inFlight = routeChat.execute(chatInput('slow'));
    await until(() => calls.length === 1);
    expect(calls[0]?.instance).toBe('c');
    expect(removed.runtime.inFlight).toBe(1);

    await editConfigTree(live.dir, {
      'pools/slow.toml': poolFile('round_robin', [{ name: 'd', provider: 'alpha', model: 'm2' }], breakerHead),
    });
    const attempt = await live.rig.reload.execute('watch');
    expect(attempt.change?.instances).toEqual({ added: ['slow/d'], removed: ['slow/c'], changed: [] });

    // A new request goes to the new instance.
    const next = routeChat.execute(chatInput('slow'));
    await until(() => calls.length === 2);
    expect(calls[1]?.instance).toBe('d');

    calls[0]?.answer.resolve(okAnswer());
    calls[1]?.answer.resolve(okAnswer());
    const finished = await inFlight;
    expect(finished.kind === 'served' && finished.servedBy).toEqual({ group: undefined, tier: undefined, pool: 'slow', instance: 'c' });
    expect((await next).kind).toBe('served');
    expect(removed.runtime.inFlight).toBe(0);
    expect(removed.runtime.samples).toBe(1);

    // The registry forgot `c`: asking for its identity again yields a fresh runtime.
    const pool = live.rig.snapshots.current().pools.get('slow');
    if (pool === undefined) throw new Error('pool slow is gone');
    const again = live.runtimes.runtimeFor(removed.identity, pool.circuitBreaker, removed.name);
    expect(again).not.toBe(removed.runtime);
    expect(again.samples).toBe(0);
  });
});

function okAnswer(): UpstreamResult {
  return { kind: 'completed', status: 200, contentType: 'application/json', body: new TextEncoder().encode('{"choices":[]}') };
}

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !condition(); tries += 1) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('condition not reached');
}
