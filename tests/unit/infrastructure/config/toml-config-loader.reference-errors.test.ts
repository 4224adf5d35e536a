import { removeConfigTrees } from '../../../support/config-tree';
import { issuesOf, loadTree, singleIssue, validTree } from './config-tree-fixture';

afterEach(removeConfigTrees);

describe('TomlConfigLoader reports, across files,', () => {
  it('a pool instance naming a missing provider', async () => {
    const issue = singleIssue(
      await loadTree({ ...validTree(), 'pools/slow.toml': '[[instances]]\nprovider = "mock-c"\nmodel = "m2"' }),
    );
    expect(issue).toEqual({
      file: 'pools/slow.toml',
      path: 'instances[0].provider',
      message: 'no provider is named "mock-c" (known: mock-a, mock-b)',
    });
  });

  it('a pool naming a missing strategy', async () => {
    const issue = singleIssue(
      await loadTree({ ...validTree(), 'pools/slow.toml': 'strategy = "fastest"\n[[instances]]\nprovider = "mock-b"\nmodel = "m2"' }),
    );
    expect(issue).toMatchObject({ file: 'pools/slow.toml', path: 'strategy' });
    expect(issue.message).toMatch(/^no strategy is named "fastest"; expected a built-in kind \(round_robin, weighted/);
  });

  it('a default strategy that is neither built in nor in strategies/', async () => {
    const issue = singleIssue(await loadTree({ ...validTree(), '_registry.toml': '[defaults]\nstrategy = "fastest"' }));
    expect(issue).toMatchObject({ file: '_registry.toml', path: 'defaults.strategy' });
    expect(issue.message).toMatch(/^no strategy is named "fastest"/);
  });

  it('a tier naming a missing pool', async () => {
    const issue = singleIssue(
      await loadTree({ ...validTree(), 'task-groups/spare.toml': '[[tiers]]\nname = "only"\npools = ["slow", "medium"]' }),
    );
    expect(issue).toEqual({
      file: 'task-groups/spare.toml',
      path: 'tiers[0].pools[1]',
      message: 'no pool is named "medium" (known: fast, slow)',
    });
  });

  it('a wrapper whose target does not exist, or is a wrapper or an alias', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        'wrappers/a.toml': 'target = "chat.tertiary"',
        'wrappers/b.toml': 'target = "assistant"',
        'wrappers/c.toml': 'target = "gpt-4o-mini"',
      }),
    );
    expect(issues.map((issue) => [issue.file, issue.path])).toEqual([
      ['wrappers/a.toml', 'target'],
      ['wrappers/b.toml', 'target'],
      ['wrappers/c.toml', 'target'],
    ]);
    expect(issues[0]?.message).toMatch(/^no task group, pool or "group.tier" is named "chat.tertiary" \(known: .*chat.backup/);
    expect(issues[1]?.message).toBe('target "assistant" is a wrapper; a wrapper must target a task group, a pool or a "group.tier"');
    expect(issues[2]?.message).toBe('target "gpt-4o-mini" is an alias; a wrapper must target a task group, a pool or a "group.tier"');
  });

  it('an alias whose target does not exist', async () => {
    const issue = singleIssue(await loadTree({ ...validTree(), '_registry.toml': '[aliases]\n"gpt-4.1" = "chatty"' }));
    expect(issue).toMatchObject({ file: '_registry.toml', path: 'aliases."gpt-4.1"' });
    expect(issue.message).toMatch(/^no task group, pool, "group.tier" or wrapper is named "chatty"/);
  });

  it('a missing fallback group and a fallback cycle, naming the cycle', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        'task-groups/spare.toml': 'fallback_groups = ["chat", "ghost"]\n[[tiers]]\nname = "only"\npools = ["slow"]',
        'task-groups/solo.toml': 'fallback_groups = ["solo"]\n[[tiers]]\nname = "only"\npools = ["slow"]',
      }),
    );
    expect(issues).toEqual([
      { file: 'task-groups/solo.toml', path: 'fallback_groups[0]', message: 'fallback_groups cycle: solo -> solo' },
      { file: 'task-groups/spare.toml', path: 'fallback_groups[0]', message: 'fallback_groups cycle: chat -> spare -> chat' },
      {
        file: 'task-groups/spare.toml',
        path: 'fallback_groups[1]',
        message: 'no task group is named "ghost" (known: chat, solo, spare)',
      },
    ]);
  });

  it('two files of one kind with the same name, naming both files', async () => {
    const issue = singleIssue(
      await loadTree({ ...validTree(), 'pools/slow-copy.toml': 'name = "slow"\n[[instances]]\nprovider = "mock-b"\nmodel = "m3"' }),
    );
    expect(issue).toEqual({
      file: 'pools/slow.toml',
      path: '',
      message: 'pool "slow" is already defined in pools/slow-copy.toml; names must be unique',
    });
  });

  it('a name shared by a pool and a task group, an alias and a group, a wrapper and a group.tier', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        '_registry.toml': '[aliases]\nspare = "chat"',
        'task-groups/fast.toml': '[[tiers]]\nname = "only"\npools = ["fast"]',
        'wrappers/chat-primary.toml': 'name = "chat.primary"\ntarget = "chat"',
      }),
    );
    expect(issues).toEqual([
      {
        file: '_registry.toml',
        path: 'aliases.spare',
        message: 'name "spare" is used by both the task group in task-groups/spare.toml and the alias here; a routable name must be unique',
      },
      {
        file: 'task-groups/fast.toml',
        path: '',
        message: 'name "fast" is used by both the pool in pools/fast.toml and the task group here; a routable name must be unique',
      },
      {
        file: 'wrappers/chat-primary.toml',
        path: 'name',
        message:
          'name "chat.primary" is used by both the tier in task-groups/chat.toml (tiers[0].name) and the wrapper here; a routable name must be unique',
      },
    ]);
  });

  it('duplicate instance and tier names inside one file', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        'pools/slow.toml': '[[instances]]\nprovider = "mock-b"\nmodel = "m2"\n[[instances]]\nprovider = "mock-b"\nmodel = "m2"',
        'task-groups/spare.toml': '[[tiers]]\nname = "only"\npools = ["slow"]\n[[tiers]]\nname = "only"\npools = ["fast"]',
      }),
    );
    expect(issues.map((issue) => [issue.file, issue.path])).toEqual([
      ['pools/slow.toml', 'instances[1].model'],
      ['task-groups/spare.toml', 'tiers[1].name'],
    ]);
  });

  it('invalid names: a tier with a dot, a pool file name with a space, a strategy named like a built-in kind', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        'task-groups/spare.toml': '[[tiers]]\nname = "v1.5"\npools = ["slow"]',
        'pools/my pool.toml': '[[instances]]\nprovider = "mock-b"\nmodel = "m9"',
        'strategies/weighted.toml': 'kind = "weighted"',
      }),
    );
    expect(issues.map((issue) => [issue.file, issue.path])).toEqual([
      ['pools/my pool.toml', ''],
      ['strategies/weighted.toml', ''],
      ['task-groups/spare.toml', 'tiers[0].name'],
    ]);
    expect(issues[0]?.message).toMatch(/^the file name gives the pool name "my pool", which is not valid/);
    expect(issues[1]?.message).toBe('strategy name "weighted" is a built-in strategy kind; choose another name');
    expect(issues[2]?.message).toMatch(/^tier name "v1.5" must not contain "."/);
  });
});
