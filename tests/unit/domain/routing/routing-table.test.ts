import type { PollingPool } from '../../../../src/domain/pool/polling-pool';
import type { RoutePlan } from '../../../../src/domain/routing/route-plan';
import { RoutingTable, type RoutingTableInit } from '../../../../src/domain/routing/routing-table';
import type { Wrapper } from '../../../../src/domain/routing/wrapper';
import { TaskGroup } from '../../../../src/domain/task-group/task-group';
import { instances, pool } from '../builders';

const POOL_DEFAULTS = { maxAttempts: 2, timeoutMs: 15_000 };

function poolNamed(name: string): PollingPool {
  return pool(name, instances(`${name}-1`));
}

function group(
  name: string,
  tiers: Readonly<Record<string, readonly PollingPool[]>>,
  fallbackGroups: readonly string[] = [],
  extra: { maxAttempts?: number; timeoutMs?: number; description?: string } = {},
): TaskGroup {
  return new TaskGroup({
    name,
    tiers: Object.entries(tiers).map(([tierName, pools]) => ({ name: tierName, pools })),
    maxAttempts: extra.maxAttempts ?? 3,
    timeoutMs: extra.timeoutMs ?? 30_000,
    fallbackGroups,
    ...(extra.description === undefined ? {} : { description: extra.description }),
  });
}

function wrapper(name: string, target: string, extra: Partial<Wrapper> = {}): Wrapper {
  return { name, target, defaults: {}, overrides: {}, ...extra };
}

function table(parts: {
  pools?: readonly PollingPool[];
  groups?: readonly TaskGroup[];
  wrappers?: readonly Wrapper[];
  aliases?: Readonly<Record<string, string>>;
}): RoutingTable {
  const init: RoutingTableInit = {
    pools: new Map((parts.pools ?? []).map((p) => [p.name, p])),
    groups: new Map((parts.groups ?? []).map((g) => [g.name, g])),
    wrappers: new Map((parts.wrappers ?? []).map((w) => [w.name, w])),
    aliases: new Map(Object.entries(parts.aliases ?? {})),
    poolDefaults: POOL_DEFAULTS,
  };
  return new RoutingTable(init);
}

function resolved(routes: RoutingTable, name: string): RoutePlan {
  const plan = routes.resolve(name);
  if (plan === undefined) throw new Error(`"${name}" did not resolve`);
  return plan;
}

/** Steps as `group/tier: pool, pool`, the way an operator reads a route. */
function stepsOf(plan: RoutePlan): string[] {
  return plan.steps.map(
    (step) => `${step.group ?? '-'}/${step.tier ?? '-'}: ${step.pools.map((p) => p.name).join(', ')}`,
  );
}

describe('RoutingTable', () => {
  describe('pools', () => {
    it('resolves a pool to one step of that pool alone, under the pool default budget', () => {
      const fast = poolNamed('fast');
      const plan = resolved(table({ pools: [fast, poolNamed('slow')] }), 'fast');

      expect(plan.kind).toBe('pool');
      expect(plan.name).toBe('fast');
      expect(plan.description).toBeUndefined();
      expect(plan.steps).toEqual([{ group: undefined, tier: undefined, pools: [fast] }]);
      expect(plan.maxAttempts).toBe(2);
      expect(plan.timeoutMs).toBe(15_000);
      expect(plan.defaults).toEqual({});
      expect(plan.overrides).toEqual({});
    });

    it('resolves nothing for an unknown name', () => {
      expect(table({ pools: [poolNamed('fast')] }).resolve('slow')).toBeUndefined();
    });
  });

  describe('groups', () => {
    it('resolves a group to its tiers in order, under its own budget', () => {
      const big = poolNamed('big');
      const big2 = poolNamed('big2');
      const small = poolNamed('small');
      const routes = table({
        pools: [big, big2, small],
        groups: [
          group('chat', { premium: [big, big2], budget: [small] }, [], {
            maxAttempts: 4,
            timeoutMs: 9_000,
            description: 'general chat',
          }),
        ],
      });

      const plan = resolved(routes, 'chat');

      expect(plan.kind).toBe('group');
      expect(stepsOf(plan)).toEqual(['chat/premium: big, big2', 'chat/budget: small']);
      expect(plan.steps[0]?.pools).toEqual([big, big2]);
      expect(plan.maxAttempts).toBe(4);
      expect(plan.timeoutMs).toBe(9_000);
      expect(plan.description).toBe('general chat');
    });

    it('appends the tiers of fallback groups depth first, after its own', () => {
      const p = poolNamed('p');
      const routes = table({
        groups: [
          group('main', { t1: [p], t2: [p] }, ['second', 'third']),
          group('second', { s1: [p] }, ['deep']),
          group('third', { h1: [p] }),
          group('deep', { d1: [p], d2: [p] }),
        ],
      });

      expect(stepsOf(resolved(routes, 'main'))).toEqual([
        'main/t1: p',
        'main/t2: p',
        'second/s1: p',
        'deep/d1: p',
        'deep/d2: p',
        'third/h1: p',
      ]);
      expect(stepsOf(resolved(routes, 'second'))).toEqual(['second/s1: p', 'deep/d1: p', 'deep/d2: p']);
    });

    it('visits each group once when fallbacks form cycles or diamonds', () => {
      const p = poolNamed('p');
      const routes = table({
        groups: [
          group('a', { a1: [p] }, ['b', 'c', 'a']),
          group('b', { b1: [p] }, ['d', 'a']),
          group('c', { c1: [p] }, ['d', 'b']),
          group('d', { d1: [p] }, ['c']),
        ],
      });

      expect(stepsOf(resolved(routes, 'a'))).toEqual(['a/a1: p', 'b/b1: p', 'd/d1: p', 'c/c1: p']);
      expect(stepsOf(resolved(routes, 'c'))).toEqual(['c/c1: p', 'd/d1: p', 'b/b1: p', 'a/a1: p']);
    });

    it('keeps the budget of the group asked for, not of its fallbacks', () => {
      const p = poolNamed('p');
      const routes = table({
        groups: [
          group('main', { t: [p] }, ['backup'], { maxAttempts: 2, timeoutMs: 1_000 }),
          group('backup', { t: [p] }, [], { maxAttempts: 9, timeoutMs: 90_000 }),
        ],
      });

      const plan = resolved(routes, 'main');

      expect([plan.maxAttempts, plan.timeoutMs]).toEqual([2, 1_000]);
    });

    it('resolves group.tier to that single tier under the group budget', () => {
      const big = poolNamed('big');
      const small = poolNamed('small');
      const routes = table({
        groups: [
          group('chat', { premium: [big], budget: [small] }, ['other'], {
            maxAttempts: 5,
            timeoutMs: 7_000,
            description: 'general chat',
          }),
          group('other', { only: [big] }),
        ],
      });

      const plan = resolved(routes, 'chat.budget');

      expect(plan.kind).toBe('tier');
      expect(plan.name).toBe('chat.budget');
      expect(plan.steps).toEqual([{ group: 'chat', tier: 'budget', pools: [small] }]);
      expect([plan.maxAttempts, plan.timeoutMs]).toEqual([5, 7_000]);
      expect(plan.description).toBe('general chat');
    });
  });

  describe('wrappers', () => {
    it("takes the target's steps and budget with its own defaults, overrides and kind", () => {
      const big = poolNamed('big');
      const small = poolNamed('small');
      const routes = table({
        groups: [group('chat', { premium: [big], budget: [small] }, [], { maxAttempts: 4, timeoutMs: 8_000 })],
        wrappers: [
          wrapper('assistant', 'chat', {
            description: 'the assistant',
            defaults: { temperature: 0.2 },
            overrides: { max_tokens: 512 },
          }),
        ],
      });

      const plan = resolved(routes, 'assistant');

      expect(plan.kind).toBe('wrapper');
      expect(plan.name).toBe('assistant');
      expect(plan.description).toBe('the assistant');
      expect(stepsOf(plan)).toEqual(['chat/premium: big', 'chat/budget: small']);
      expect([plan.maxAttempts, plan.timeoutMs]).toEqual([4, 8_000]);
      expect(plan.defaults).toEqual({ temperature: 0.2 });
      expect(plan.overrides).toEqual({ max_tokens: 512 });
      // The target itself is left as it was.
      expect(resolved(routes, 'chat').defaults).toEqual({});
      expect(resolved(routes, 'chat').kind).toBe('group');
    });

    it('can target a pool or a pinned tier, and falls back to the target description', () => {
      const big = poolNamed('big');
      const small = poolNamed('small');
      const routes = table({
        pools: [big, small],
        groups: [group('chat', { premium: [big], budget: [small] }, [], { description: 'general chat' })],
        wrappers: [wrapper('cheap', 'chat.budget'), wrapper('raw', 'big')],
      });

      const cheap = resolved(routes, 'cheap');
      expect(stepsOf(cheap)).toEqual(['chat/budget: small']);
      expect(cheap.description).toBe('general chat');

      const raw = resolved(routes, 'raw');
      expect(stepsOf(raw)).toEqual(['-/-: big']);
      expect([raw.maxAttempts, raw.timeoutMs]).toEqual([POOL_DEFAULTS.maxAttempts, POOL_DEFAULTS.timeoutMs]);
      expect(raw.kind).toBe('wrapper');
    });
  });

  describe('aliases', () => {
    it('resolve to the same route as their target, under the alias name', () => {
      const big = poolNamed('big');
      const routes = table({
        pools: [big],
        groups: [group('chat', { premium: [big] })],
        wrappers: [wrapper('assistant', 'chat', { overrides: { temperature: 0 } })],
        aliases: { 'gpt-4o': 'assistant', 'chat-latest': 'chat', 'big-model': 'big', 'chat-premium': 'chat.premium' },
      });

      const alias = resolved(routes, 'gpt-4o');
      const target = resolved(routes, 'assistant');
      expect(alias).toEqual({ ...target, name: 'gpt-4o' });
      expect(alias.overrides).toEqual({ temperature: 0 });
      expect(resolved(routes, 'chat-latest')).toEqual({ ...resolved(routes, 'chat'), name: 'chat-latest' });
      expect(resolved(routes, 'big-model')).toEqual({ ...resolved(routes, 'big'), name: 'big-model' });
      expect(resolved(routes, 'chat-premium')).toEqual({ ...resolved(routes, 'chat.premium'), name: 'chat-premium' });
    });

    it('follow an alias that names another alias, whatever the order they are defined in', () => {
      const big = poolNamed('big');
      const routes = table({ pools: [big], aliases: { first: 'second', second: 'third', third: 'big' } });
      for (const name of ['first', 'second', 'third']) {
        expect(resolved(routes, name)).toEqual({ ...resolved(routes, 'big'), name });
      }
    });

    it('reject a cycle of aliases', () => {
      expect(() => table({ pools: [poolNamed('big')], aliases: { a: 'b', b: 'a' } })).toThrow(/cycle/);
    });
  });

  describe('names', () => {
    it('lists every routable name: pools, groups, group.tier, wrappers and aliases', () => {
      const big = poolNamed('big');
      const small = poolNamed('small');
      const routes = table({
        pools: [big, small],
        groups: [group('chat', { premium: [big], budget: [small] })],
        wrappers: [wrapper('assistant', 'chat')],
        aliases: { 'gpt-4o': 'assistant' },
      });

      expect([...routes.names()].sort()).toEqual(
        ['assistant', 'big', 'chat', 'chat.budget', 'chat.premium', 'gpt-4o', 'small'].sort(),
      );
      for (const name of routes.names()) expect(routes.resolve(name)?.name).toBe(name);
      expect([...routes.all()].map((plan) => plan.name).sort()).toEqual([...routes.names()].sort());
    });
  });

  describe('invalid tables', () => {
    const big = poolNamed('big');

    it.each<[string, Parameters<typeof table>[0]]>([
      ['a group named like a pool', { pools: [big], groups: [group('big', { t: [big] })] }],
      ['a pool named like a group.tier', { pools: [poolNamed('chat.t')], groups: [group('chat', { t: [big] })] }],
      ['a wrapper named like a pool', { pools: [big], wrappers: [wrapper('big', 'big')] }],
      ['an alias named like a group', { groups: [group('chat', { t: [big] })], aliases: { chat: 'chat.t' } }],
      ['an alias named like a wrapper', { pools: [big], wrappers: [wrapper('w', 'big')], aliases: { w: 'big' } }],
    ])('rejects %s', (_label, parts) => {
      expect(() => table(parts)).toThrow(/defined twice/);
    });

    it('rejects a wrapper with an unknown target', () => {
      expect(() => table({ pools: [big], wrappers: [wrapper('w', 'missing')] })).toThrow(
        'wrapper "w": unknown target "missing"',
      );
    });

    it('rejects an alias with an unknown target', () => {
      expect(() => table({ pools: [big], aliases: { a: 'missing' } })).toThrow('alias "a": unknown target "missing"');
    });

    it('rejects an unknown fallback group', () => {
      expect(() => table({ groups: [group('chat', { t: [big] }, ['missing'])] })).toThrow(
        'task group "chat": unknown fallback group "missing"',
      );
    });

    it('rejects a wrapper targeting an unknown tier of a known group', () => {
      expect(() => table({ groups: [group('chat', { t: [big] })], wrappers: [wrapper('w', 'chat.other')] })).toThrow(
        /unknown target/,
      );
    });
  });
});
