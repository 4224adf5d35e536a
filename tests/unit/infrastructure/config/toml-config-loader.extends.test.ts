import { removeConfigTrees } from '../../../support/config-tree';
import { issuesOf, loadedSnapshot, loadTree, singleIssue, validTree } from './config-tree-fixture';

afterEach(removeConfigTrees);

describe('TomlConfigLoader extends', () => {
  it('merges tables deeply, lets the child win, replaces arrays and does not inherit the name', async () => {
    const snapshot = loadedSnapshot(
      await loadTree({
        ...validTree(),
        'providers/base.toml': `
          protocol = "openai"
          base_url = "http://127.0.0.1:9101/v1"
          request_timeout_ms = 1000
          headers = { "X-Team" = "core", "X-Env" = "dev" }
        `,
        'providers/child.toml': `
          extends = "base"
          base_url = "http://127.0.0.1:9102/v1"
          headers = { "X-Env" = "prod" }
        `,
        'providers/grandchild.toml': 'extends = "child"\nmax_connections = 4',
        'task-groups/spare-wide.toml': 'extends = "spare"\n[[tiers]]\nname = "wide"\npools = ["fast", "slow"]',
      }),
    );
    expect(snapshot.providers.get('child')).toMatchObject({
      name: 'child',
      protocol: 'openai',
      baseUrl: 'http://127.0.0.1:9102/v1',
      requestTimeoutMs: 1000,
      headers: { 'X-Team': 'core', 'X-Env': 'prod' },
    });
    expect(snapshot.providers.get('grandchild')).toMatchObject({ baseUrl: 'http://127.0.0.1:9102/v1', maxConnections: 4, requestTimeoutMs: 1000 });
    expect(snapshot.groups.get('spare-wide')?.tiers.map((tier) => tier.name)).toEqual(['wide']);
    expect(snapshot.routes.resolve('spare-wide.only')).toBeUndefined();
  });

  it('reports schema errors of the merged result against the child file', async () => {
    const issue = singleIssue(
      await loadTree({
        ...validTree(),
        'providers/base.toml': 'protocol = "mock"\n[mock]\nlatency_ms = 5',
        'providers/child.toml': 'extends = "base"\nprotocol = "openai"\nbase_url = "http://127.0.0.1:1/v1"',
      }),
    );
    expect(issue).toEqual({
      file: 'providers/child.toml',
      path: 'mock',
      message: '[mock] is allowed only when protocol = "mock", but protocol = "openai"',
    });
  });

  it('reports a missing parent on the extends key', async () => {
    const issue = singleIssue(
      await loadTree({ ...validTree(), 'pools/slow.toml': 'extends = "medium"\n[[instances]]\nprovider = "mock-b"\nmodel = "m2"' }),
    );
    expect(issue).toEqual({
      file: 'pools/slow.toml',
      path: 'extends',
      message: 'extends "medium", but no pool is named "medium" (known: fast)',
    });
  });

  it('reports a cycle once, naming it, and does not cascade into files extending it', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        'providers/a.toml': 'extends = "b"\nprotocol = "mock"',
        'providers/b.toml': 'extends = "a"',
        'providers/c.toml': 'extends = "a"',
        'providers/self.toml': 'extends = "self"\nprotocol = "mock"',
      }),
    );
    expect(issues).toEqual([
      { file: 'providers/a.toml', path: 'extends', message: 'provider extends cycle: a -> b -> a' },
      { file: 'providers/self.toml', path: 'extends', message: 'provider extends cycle: self -> self' },
    ]);
  });
});
