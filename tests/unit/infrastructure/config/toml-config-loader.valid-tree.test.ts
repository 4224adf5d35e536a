import type { RouteStep } from '../../../../src/domain/routing/route-plan';
import { DEFAULT_EXPLORATION } from '../../../../src/domain/strategy/strategy-spec';
import { removeConfigTrees } from '../../../support/config-tree';
import { loadedSnapshot, loadTree, validTree } from './config-tree-fixture';

afterEach(removeConfigTrees);

function stepNames(steps: readonly RouteStep[] | undefined): string[] {
  return (steps ?? []).map((step) => `${step.group ?? '-'}.${step.tier ?? '-'}:${step.pools.map((pool) => pool.name).join('+')}`);
}

describe('TomlConfigLoader with a valid tree', () => {
  it('builds providers, pools and groups with defaults from _registry.toml', async () => {
    const snapshot = loadedSnapshot(await loadTree(validTree()));

    expect([...snapshot.providers.keys()].sort()).toEqual(['mock-a', 'mock-b']);
    const mockA = snapshot.providers.get('mock-a');
    expect(mockA).toMatchObject({ protocol: 'mock', baseUrl: 'mock://mock-a', connectTimeoutMs: 5000, requestTimeoutMs: 60000, maxConnections: 64 });
    expect(mockA?.mock).toEqual({ latencyMs: 5, chunkDelayMs: 0 });
    expect(mockA?.disabledReason).toBeUndefined();

    const fast = snapshot.pools.get('fast');
    expect(fast?.strategySpec).toEqual({ name: 'weighted', kind: 'weighted', exploration: DEFAULT_EXPLORATION });
    expect(fast?.strategy.kind).toBe('weighted');
    expect(fast?.instances.map((instance) => [instance.name, instance.weight, instance.maxConcurrency, instance.index])).toEqual([
      ['mock-a/m1', 3, 64, 0],
      ['mock-b/m1', 1, 64, 1],
    ]);
    expect(snapshot.pools.get('slow')?.strategySpec.kind).toBe('round_robin');

    const chat = snapshot.groups.get('chat');
    expect(chat).toMatchObject({ maxAttempts: 2, timeoutMs: 20000, fallbackGroups: ['spare'], description: 'chat traffic' });
    expect(chat?.tiers.map((tier) => tier.name)).toEqual(['primary', 'backup']);
    expect(snapshot.server).toMatchObject({ host: '127.0.0.1', port: 8080, bodyLimitBytes: 1048576 });
    expect(snapshot.warnings).toEqual([]);
  });

  it('resolves groups with their fallback groups, pinned tiers, pools, wrappers and aliases', async () => {
    const { routes } = loadedSnapshot(await loadTree(validTree()));

    const chat = routes.resolve('chat');
    expect(chat?.kind).toBe('group');
    expect(stepNames(chat?.steps)).toEqual(['chat.primary:fast', 'chat.backup:slow', 'spare.only:slow+fast']);

    const pinned = routes.resolve('chat.backup');
    expect(pinned?.kind).toBe('tier');
    expect(stepNames(pinned?.steps)).toEqual(['chat.backup:slow']);

    const pool = routes.resolve('fast');
    expect(pool).toMatchObject({ kind: 'pool', maxAttempts: 2, timeoutMs: 60000 });

    const wrapper = routes.resolve('assistant');
    expect(wrapper).toMatchObject({ kind: 'wrapper', defaults: { temperature: 0.2 }, overrides: { max_tokens: 256 } });
    expect(stepNames(wrapper?.steps)).toEqual(stepNames(chat?.steps));

    const alias = routes.resolve('gpt-4o-mini');
    expect(alias).toMatchObject({ name: 'gpt-4o-mini', kind: 'group' });
    expect(stepNames(alias?.steps)).toEqual(stepNames(chat?.steps));
  });

  it('reads server settings, named strategies and openai providers', async () => {
    const snapshot = loadedSnapshot(
      await loadTree({
        ...validTree(),
        '_registry.toml': '[server]\nhost = "0.0.0.0"\nport = 9000\n[defaults]\nstrategy = "explorer"\nmax_concurrency = 8',
        'strategies/explorer.toml': 'kind = "least_latency"\nexploration = 0.2',
        'providers/upstream.toml': `
          protocol = "openai"
          base_url = "https://llm.example.com/v1/"
          api_key = "sk-test"
          headers = { "X-Team" = "core" }
          request_timeout_ms = 1234
        `,
      }),
    );
    expect(snapshot.server).toMatchObject({ host: '0.0.0.0', port: 9000, bodyLimitBytes: 1048576 });
    expect(snapshot.pools.get('slow')?.strategySpec).toEqual({ name: 'explorer', kind: 'least_latency', exploration: 0.2 });
    expect(snapshot.pools.get('slow')?.instances[0]?.maxConcurrency).toBe(8);
    expect(snapshot.providers.get('upstream')).toMatchObject({
      protocol: 'openai',
      baseUrl: 'https://llm.example.com/v1',
      apiKey: 'sk-test',
      headers: { 'X-Team': 'core' },
      requestTimeoutMs: 1234,
      connectTimeoutMs: 5000,
    });
    expect(snapshot.providers.get('upstream')?.mock).toBeUndefined();
  });

  it('takes a name from the name key before the file name', async () => {
    const snapshot = loadedSnapshot(
      await loadTree({
        'providers/p.toml': 'name = "mock-x"\nprotocol = "mock"',
        'pools/file-name.toml': 'name = "steady"\n[[instances]]\nprovider = "mock-x"\nmodel = "m"',
        'task-groups/g.toml': '[[tiers]]\nname = "t"\npools = ["steady"]',
      }),
    );
    expect([...snapshot.providers.keys()]).toEqual(['mock-x']);
    expect([...snapshot.pools.keys()]).toEqual(['steady']);
    expect(snapshot.routes.resolve('g.t')?.steps[0]?.pools[0]?.name).toBe('steady');
  });

  it('ignores hidden files, editor leftovers, nested folders and unknown top-level entries', async () => {
    const snapshot = loadedSnapshot(
      await loadTree({
        ...validTree(),
        'pools/.draft.toml': 'not = toml = at all',
        'pools/fast.toml~': 'broken =',
        'pools/fast.toml.swp': 'broken =',
        'pools/nested/deep.toml': 'broken =',
        'notes/readme.toml': 'broken =',
        'README.md': '# notes',
      }),
    );
    expect([...snapshot.pools.keys()].sort()).toEqual(['fast', 'slow']);
  });

  it('loads an empty folder as an empty snapshot with default server settings', async () => {
    const snapshot = loadedSnapshot(await loadTree({}));
    expect(snapshot.pools.size).toBe(0);
    expect(snapshot.routes.names()).toEqual([]);
    expect(snapshot.server.port).toBe(8080);
  });

  it('versions the snapshot by content: equal trees share a version, an edit changes it', async () => {
    const first = loadedSnapshot(await loadTree(validTree()));
    const same = loadedSnapshot(await loadTree(validTree()));
    const edited = loadedSnapshot(await loadTree({ ...validTree(), 'providers/mock-b.toml': 'protocol = "mock"\n# edited' }));
    expect(first.version).toMatch(/^[0-9a-f]{16}$/);
    expect(same.version).toBe(first.version);
    expect(edited.version).not.toBe(first.version);
  });
});
