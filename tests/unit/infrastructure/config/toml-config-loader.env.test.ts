import { removeConfigTrees } from '../../../support/config-tree';
import { issuesOf, loadedSnapshot, loadTree, validTree } from './config-tree-fixture';

afterEach(removeConfigTrees);

const openaiProvider = `
  protocol = "openai"
  base_url = "\${UPSTREAM_URL:-http://127.0.0.1:9101/v1}"
  api_key = "\${UPSTREAM_KEY}"
  headers = { "X-Org" = "org-\${ORG_ID:-none}" }
`;

function treeWith(provider: string): Record<string, string> {
  return {
    ...validTree(),
    'providers/upstream.toml': provider,
    'pools/cloud.toml': '[[instances]]\nprovider = "upstream"\nmodel = "gpt-4o-mini"',
  };
}

describe('TomlConfigLoader environment variables', () => {
  it('uses the default when a variable is unset or empty, and the value when it is set', async () => {
    const defaults = loadedSnapshot(await loadTree(treeWith(openaiProvider), { UPSTREAM_KEY: 'sk-1', ORG_ID: '' }));
    expect(defaults.providers.get('upstream')).toMatchObject({
      baseUrl: 'http://127.0.0.1:9101/v1',
      apiKey: 'sk-1',
      headers: { 'X-Org': 'org-none' },
    });

    const values = loadedSnapshot(
      await loadTree(treeWith(openaiProvider), { UPSTREAM_URL: 'https://llm.example.com/v1/', UPSTREAM_KEY: 'sk-2', ORG_ID: '42' }),
    );
    expect(values.providers.get('upstream')).toMatchObject({
      baseUrl: 'https://llm.example.com/v1',
      apiKey: 'sk-2',
      headers: { 'X-Org': 'org-42' },
    });
    expect(values.warnings).toEqual([]);
  });

  it('disables a provider whose variable is unset, with a warning, and keeps its instances', async () => {
    const snapshot = loadedSnapshot(await loadTree(treeWith(openaiProvider), {}));
    expect(snapshot.providers.get('upstream')?.disabledReason).toBe('environment variable UPSTREAM_KEY is not set');
    expect(snapshot.warnings).toEqual([
      {
        file: 'providers/upstream.toml',
        path: 'api_key',
        message: 'environment variable UPSTREAM_KEY is not set; provider "upstream" is disabled',
      },
    ]);
    const cloud = snapshot.pools.get('cloud');
    expect(cloud?.instances).toHaveLength(1);
    expect(cloud?.instances[0]?.enabled).toBe(false);
    expect(cloud?.pick(new Set(), 0)).toBeUndefined();
    expect(snapshot.pools.get('fast')?.instances[0]?.enabled).toBe(true);
  });

  it('accepts an unset variable in base_url for a disabled provider, and disables providers extending it', async () => {
    const snapshot = loadedSnapshot(
      await loadTree({
        ...treeWith('protocol = "openai"\nbase_url = "${LOCAL_URL}"'),
        'providers/local-copy.toml': 'extends = "upstream"\nmax_connections = 2',
      }),
    );
    expect(snapshot.providers.get('upstream')).toMatchObject({
      baseUrl: '${LOCAL_URL}',
      disabledReason: 'environment variable LOCAL_URL is not set',
    });
    expect(snapshot.providers.get('local-copy')?.disabledReason).toBe('environment variable LOCAL_URL is not set');
    expect(snapshot.warnings.map((warning) => [warning.file, warning.path])).toEqual([
      ['providers/local-copy.toml', 'base_url'],
      ['providers/upstream.toml', 'base_url'],
    ]);
  });

  it('rejects an unset variable without default in any file but a provider', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        'pools/slow.toml': '[[instances]]\nprovider = "mock-b"\nmodel = "${SLOW_MODEL}"',
        'wrappers/assistant.toml': 'target = "chat"\n[overrides]\nuser = "${TEAM:-core}"\nstop = ["${STOP_WORD}"]',
      }),
    );
    expect(issues).toEqual([
      {
        file: 'pools/slow.toml',
        path: 'instances[0].model',
        message: 'environment variable SLOW_MODEL is not set; set it or write ${SLOW_MODEL:-default}',
      },
      {
        file: 'wrappers/assistant.toml',
        path: 'overrides.stop[0]',
        message: 'environment variable STOP_WORD is not set; set it or write ${STOP_WORD:-default}',
      },
    ]);
  });
});
