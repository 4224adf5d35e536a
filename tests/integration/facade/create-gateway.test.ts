import { createGateway, isSwitchyardError, type Gateway } from '../../../src';
import { groupOf, openAiProvider, poolOf, writeConfigTree } from '../../support/config-tree';
import { silentLogger } from '../../support/capturing-logger';
import { Harness } from '../support/gateway-harness';

describe('createGateway (in-process facade)', () => {
  const harness = new Harness();
  let gateway: Gateway;
  let removeTree: () => Promise<void>;

  // A fresh gateway per test, so no test depends on what an earlier one sent (its breaker, round robin, counters).
  beforeEach(async () => {
    const broken = await harness.upstream({ failureRate: 1 });
    const upstream = await harness.upstream({ chunks: 3, reply: 'in process' });
    const tree = await writeConfigTree({
      'providers/broken.toml': openAiProvider(broken.url),
      'providers/u.toml': openAiProvider(upstream.url),
      'providers/sim.toml': 'protocol = "mock"\n[mock]\nreply = "simulated"',
      'pools/p.toml': poolOf(['broken', 'u']),
      'pools/sim.toml': poolOf(['sim']),
      'task-groups/chat.toml': groupOf({ first: ['p'], second: ['sim'] }),
    });
    removeTree = tree.remove;
    gateway = await createGateway({ configDir: tree.dir, logger: silentLogger });
  });
  afterEach(async () => {
    await gateway.close();
    await removeTree();
    await harness.close();
  });

  it('routes a chat request and reports what served it', async () => {
    const answer = await gateway.chat({ model: 'chat', messages: [{ role: 'user', content: 'Hi' }] }, { requestId: 'r-1' });
    expect(answer.object).toBe('chat.completion');
    expect((answer.choices[0] as { message: { content: string } }).message.content).toBe('in process');
    expect(answer.switchyard).toEqual({ requestId: 'r-1', group: 'chat', tier: 'first', pool: 'p', instance: 'u', attempts: 2 });
  });

  it('streams chunks as objects', async () => {
    let text = '';
    for await (const chunk of gateway.stream({ model: 'chat.second', messages: [{ role: 'user', content: 'Hi' }] })) {
      expect(chunk.object).toBe('chat.completion.chunk');
      text += (chunk.choices[0] as { delta?: { content?: string } } | undefined)?.delta?.content ?? '';
    }
    expect(text).toBe('simulated');
  });

  it('rejects with typed errors carrying a code', async () => {
    await expect(gateway.chat({ model: 'nope', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      code: 'model_not_found',
    });
    const invalid = await gateway.chat({ model: 'chat', messages: [] }).catch((error: unknown) => error);
    expect(isSwitchyardError(invalid) && invalid.code).toBe('invalid_request');
  });

  it('reports live pool state, counting the transient failure of the instance that failed', async () => {
    // Two requests to a round-robin pool of two: whichever instance comes first, `broken` is tried once.
    for (let i = 0; i < 2; i += 1) await gateway.chat({ model: 'p', messages: [{ role: 'user', content: 'Hi' }] });
    const state = gateway.state();
    const p = state.pools.find((pool) => pool.name === 'p');
    const broken = p?.instances.find((instance) => instance.name === 'broken');
    expect(broken).toMatchObject({ inFlight: 0, breaker: { state: 'closed' }, health: { state: 'healthy' } });
    expect(broken?.failures.transient).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(state)).not.toContain('test-key');
  });

  it('lists its targets', () => {
    const names = gateway.targets().map((target) => target.name);
    expect(names.sort()).toEqual(['chat', 'chat.first', 'chat.second', 'p', 'sim']);
    expect(gateway.targets().find((t) => t.name === 'chat')?.tiers).toEqual([
      { group: 'chat', tier: 'first', pools: ['p'] },
      { group: 'chat', tier: 'second', pools: ['sim'] },
    ]);
  });

  it('refuses an invalid configuration with every problem listed', async () => {
    const tree = await writeConfigTree({
      'pools/p.toml': '[[instances]]\nprovider = "ghost"\nmodel = "m"',
      'task-groups/g.toml': '[[tiers]]\nname = "t"\npools = ["missing"]',
    });
    try {
      const error = await createGateway({ configDir: tree.dir, logger: 'silent' }).catch((e: unknown) => e);
      expect(isSwitchyardError(error) && error.code).toBe('config_invalid');
      if (!isSwitchyardError(error)) return;
      const files = (error.details.issues ?? []).map((issue) => `${issue.file}:${issue.path}`);
      expect(files).toEqual(expect.arrayContaining(['pools/p.toml:instances[0].provider', 'task-groups/g.toml:tiers[0].pools[0]']));
    } finally {
      await tree.remove();
    }
  });
});
