import type { ConfigLoadResult } from '../../../../src/application/config/gateway-snapshot';
import type { TierLimits } from '../../../../src/domain/task-group/tier-overflow';
import { removeConfigTrees } from '../../../support/config-tree';
import { issuesOf, loadedSnapshot, loadTree, singleIssue, validTree } from './config-tree-fixture';

afterEach(removeConfigTrees);

/** `task-groups/chat.toml` with its first tier extended by `keys`. */
function chatGroup(keys: string): Record<string, string> {
  return {
    ...validTree(),
    'task-groups/chat.toml': `
      [[tiers]]
      name = "primary"
      pools = ["fast"]
      ${keys}
      [[tiers]]
      name = "backup"
      pools = ["slow"]
    `,
  };
}

function tierLimits(result: ConfigLoadResult, group: string, tier: string): TierLimits | undefined {
  const found = loadedSnapshot(result).groups.get(group)?.tiers.find((candidate) => candidate.name === tier);
  if (found === undefined) throw new Error(`no tier ${group}.${tier}`);
  return found.limits;
}

describe('TomlConfigLoader [[tiers]] concurrency limits', () => {
  it('leaves a tier without limit keys unlimited', async () => {
    const result = await loadTree(validTree());
    expect(tierLimits(result, 'chat', 'primary')).toBeUndefined();
    expect(tierLimits(result, 'spare', 'only')).toBeUndefined();
  });

  it('builds a limit that overflows to the next tier by default', async () => {
    const result = await loadTree(chatGroup('concurrency_limit = 4'));
    expect(tierLimits(result, 'chat', 'primary')).toEqual({
      concurrencyLimit: 4,
      overflow: 'next_tier',
      queueTimeoutMs: 5000,
      queueSize: 100,
    });
    expect(tierLimits(result, 'chat', 'backup')).toBeUndefined();
  });

  it('builds a queue with its defaults, and with its own timeout and size', async () => {
    expect(tierLimits(await loadTree(chatGroup('concurrency_limit = 2\noverflow = "queue"')), 'chat', 'primary')).toEqual({
      concurrencyLimit: 2,
      overflow: 'queue',
      queueTimeoutMs: 5000,
      queueSize: 100,
    });
    const tuned = await loadTree(chatGroup('concurrency_limit = 2\noverflow = "queue"\nqueue_timeout_ms = 250\nqueue_size = 3'));
    expect(tierLimits(tuned, 'chat', 'primary')).toEqual({ concurrencyLimit: 2, overflow: 'queue', queueTimeoutMs: 250, queueSize: 3 });
  });

  it('reports out-of-range and mistyped values with the tier key path', async () => {
    const issues = issuesOf(
      await loadTree(chatGroup('concurrency_limit = 0\noverflow = "wait"\nqueue_timeout_ms = 1.5\nqueue_size = "10"')),
    );
    expect(issues).toEqual([
      { file: 'task-groups/chat.toml', path: 'tiers[0].concurrency_limit', message: 'expected integer >= 1, got integer 0' },
      { file: 'task-groups/chat.toml', path: 'tiers[0].overflow', message: 'expected one of "next_tier", "queue", got string "wait"' },
      { file: 'task-groups/chat.toml', path: 'tiers[0].queue_size', message: 'expected integer >= 1, got string "10"' },
      { file: 'task-groups/chat.toml', path: 'tiers[0].queue_timeout_ms', message: 'expected integer >= 1, got float 1.5' },
    ]);
  });

  it('rejects overflow = "queue" without concurrency_limit, naming the missing key', async () => {
    const issue = singleIssue(await loadTree(chatGroup('overflow = "queue"')));
    expect(issue).toEqual({
      file: 'task-groups/chat.toml',
      path: 'tiers[0].concurrency_limit',
      message: 'required key is missing; overflow = "queue" needs a concurrency_limit (integer >= 1) to queue behind',
    });
  });

  it('rejects queue keys on a tier that overflows to the next tier, explicitly or by default', async () => {
    const issues = issuesOf(
      await loadTree({
        ...chatGroup('concurrency_limit = 3\nqueue_timeout_ms = 1000\nqueue_size = 5'),
        'task-groups/spare.toml': '[[tiers]]\nname = "only"\npools = ["slow"]\nconcurrency_limit = 1\noverflow = "next_tier"\nqueue_size = 2',
      }),
    );
    expect(issues).toEqual([
      {
        file: 'task-groups/chat.toml',
        path: 'tiers[0].queue_size',
        message: 'queue_size is allowed only when overflow = "queue", but overflow = "next_tier" (the default)',
      },
      {
        file: 'task-groups/chat.toml',
        path: 'tiers[0].queue_timeout_ms',
        message: 'queue_timeout_ms is allowed only when overflow = "queue", but overflow = "next_tier" (the default)',
      },
      {
        file: 'task-groups/spare.toml',
        path: 'tiers[0].queue_size',
        message: 'queue_size is allowed only when overflow = "queue", but overflow = "next_tier"',
      },
    ]);
  });

  it('lists the limit keys among the allowed keys of a tier', async () => {
    const issue = singleIssue(await loadTree(chatGroup('concurrency = 3')));
    expect(issue).toEqual({
      file: 'task-groups/chat.toml',
      path: 'tiers[0].concurrency',
      message: 'unknown key "concurrency"; allowed keys: name, pools, concurrency_limit, overflow, queue_timeout_ms, queue_size',
    });
  });
});

describe('retry backoff keys', () => {
  it('come from [defaults] and can be set per group', async () => {
    const { loadTree, loadedSnapshot, validTree } = await import('./config-tree-fixture');
    const tree = validTree();
    const groupFile = Object.keys(tree).find((file) => file.startsWith('task-groups/')) as string;
    const snapshot = loadedSnapshot(
      await loadTree({
        ...tree,
        '_registry.toml': '[defaults]\nretry_backoff_ms = 50\nretry_backoff_max_ms = 400',
        [groupFile]: `retry_backoff_ms = 10\n${tree[groupFile] ?? ''}`,
      }),
    );
    const group = [...snapshot.groups.values()][0];
    expect(group?.retryBackoff).toEqual({ baseMs: 10, maxMs: 400 });
    const pool = [...snapshot.pools.keys()][0] as string;
    expect(snapshot.routes.resolve(pool)?.retryBackoff).toEqual({ baseMs: 50, maxMs: 400 });
  });
});
