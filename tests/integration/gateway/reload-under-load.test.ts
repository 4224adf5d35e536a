import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConfigChange } from '../../../src/application/reload-config/config-change';
import type { BreakerView, PoolsView } from '../../../src/application/visibility/describe-pools';
import { startServer, type SwitchyardServer } from '../../../src/interfaces/http/start-server';
import { startMockUpstream, type MockUpstream } from '../../../src/interfaces/mock-upstream/start-mock-upstream';
import { editConfigTree, openAiProvider, writeConfigTree, type TreeEdits } from '../../support/config-tree';
import { chatBody, postChat } from '../../support/chat-requests';
import { silentLogger } from '../../support/capturing-logger';

/*
 * Reshaping pools under load, through the file watcher (the primary reload path): while eight
 * workers keep streamed and plain requests in flight, the tree is rewritten 20 times. Every
 * instance has its own mock upstream, so each mock's request counter is that instance's traffic.
 */

const Healthy = ['a', 'b', 'c', 'd', 'e', 's'] as const;
type Name = (typeof Healthy)[number];
const LatencyMs: Readonly<Record<Name, number>> = { a: 5, b: 8, c: 10, d: 6, e: 12, s: 7 };

/** `[circuit_breaker]` of the pool holding the always-failing instance: opens fast, stays open. */
const StickyBreaker =
  '[circuit_breaker]\nvolume_threshold = 3\nerror_threshold_percentage = 50\nreset_timeout_ms = 600000\nmax_reset_timeout_ms = 600000';

function pool(strategy: string, members: readonly (Name | readonly [Name, number])[]): string {
  const lines = [`strategy = "${strategy}"`];
  for (const member of members) {
    const [name, weight] = typeof member === 'string' ? [member, 1] : member;
    lines.push('[[instances]]', `name = "${name}"`, `provider = "${name}"`, `model = "model-${name}"`, `weight = ${weight}`);
  }
  return `${lines.join('\n')}\n`;
}

function chatGroup(primary: string, backup: string, head = 'max_attempts = 4\ntimeout_ms = 10000'): string {
  return `${head}\n[[tiers]]\nname = "primary"\npools = [${primary}]\n[[tiers]]\nname = "backup"\npools = [${backup}]\n`;
}

const registry = (port: number, extra = ''): string => `[server]\nhost = "127.0.0.1"\nport = ${port}\n${extra}`;

interface AttemptJson {
  readonly at: string;
  readonly result: 'applied' | 'unchanged' | 'rejected';
  readonly errors: readonly { readonly file: string; readonly path: string; readonly message: string }[];
  readonly change: ConfigChange | null;
}

interface ConfigStatusJson {
  readonly version: string;
  readonly lastAttempt: AttemptJson | null;
  readonly lastChange: AttemptJson | null;
}

/** Eight workers, alternating streamed and plain requests to `chat`, until stopped; every failure is kept. */
class LoadLoop {
  public ok = 0;
  /** Requests answered, well or not. */
  public completed = 0;
  public readonly failures: string[] = [];
  private stopped = false;
  private started = 0;
  /** Sequence numbers of the requests on their way. */
  private readonly inFlight = new Set<number>();
  private readonly workers: Promise<void>[];

  public constructor(private readonly url: string, concurrency = 8) {
    this.workers = Array.from({ length: concurrency }, (_, index) => this.work(index));
  }

  public async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.workers);
  }

  /** Resolves once every request started before this call has been answered. */
  public async drainStartedBefore(): Promise<void> {
    const last = this.started;
    await until(() => ![...this.inFlight].some((sequence) => sequence <= last), 'requests in flight to finish');
  }

  /** Resolves once `count` more requests have been answered. */
  public async completeMore(count: number): Promise<void> {
    const target = this.completed + count;
    await until(() => this.completed >= target, `${count} more requests`);
  }

  private async work(index: number): Promise<void> {
    for (let turn = index; !this.stopped; turn += 1) {
      const stream = turn % 2 === 0;
      this.started += 1;
      const sequence = this.started;
      this.inFlight.add(sequence);
      try {
        const response = await postChat(this.url, chatBody('chat', stream), {}, AbortSignal.timeout(10_000));
        const text = await response.text();
        if (response.status !== 200) this.failures.push(`${stream ? 'stream' : 'plain'} ${response.status}: ${text.slice(0, 300)}`);
        else if (stream && (!text.includes('data: [DONE]') || text.includes('"error"'))) this.failures.push(`bad stream: ${text.slice(-300)}`);
        else if (!stream && !text.includes('"choices"')) this.failures.push(`bad answer: ${text.slice(0, 300)}`);
        else this.ok += 1;
      } catch (error) {
        this.failures.push(`${stream ? 'stream' : 'plain'} request failed: ${String(error)}`);
      } finally {
        this.inFlight.delete(sequence);
        this.completed += 1;
      }
    }
  }
}

/** Polls `condition` every 5 ms; fails after 10 s, a bound for a broken run only, never a measurement. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('reloading pool files under load', () => {
  const mocks = new Map<Name | 'broken', MockUpstream>();
  const closers: (() => Promise<void>)[] = [];
  let dir = '';
  let gateway: SwitchyardServer;

  const mock = (name: Name | 'broken'): MockUpstream => {
    const found = mocks.get(name);
    if (found === undefined) throw new Error(`no mock ${name}`);
    return found;
  };
  const requests = (name: Name): number => mock(name).stats().requests;

  beforeAll(async () => {
    for (const name of Healthy) {
      mocks.set(name, await startMockUpstream({ knobs: { latencyMs: LatencyMs[name], chunks: 3, chunkDelayMs: 3 } }));
    }
    mocks.set('broken', await startMockUpstream({ knobs: { latencyMs: 2, failureRate: 1, failureStatus: 503 } }));
    for (const upstream of mocks.values()) closers.push(() => upstream.close());
    const providers = Object.fromEntries([...mocks].map(([name, upstream]) => [`providers/${name}.toml`, openAiProvider(upstream.url)]));
    const tree = await writeConfigTree({
      '_registry.toml': registry(18080),
      ...providers,
      'pools/main.toml': pool('round_robin', ['a', 'b']),
      'pools/spare.toml': pool('round_robin', ['s']),
      'pools/flaky.toml': `${pool('round_robin', [])}${StickyBreaker}\n[[instances]]\nname = "broken"\nprovider = "broken"\nmodel = "model-broken"\n`,
      'task-groups/chat.toml': chatGroup('"main"', '"spare"'),
      'task-groups/guarded.toml': chatGroup('"flaky"', '"spare"'),
    });
    closers.push(() => tree.remove());
    dir = tree.dir;
    gateway = await startServer({ configDir: dir, host: '127.0.0.1', port: 0, logger: silentLogger, watch: true });
    closers.push(() => gateway.close());
  });

  afterAll(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function configStatus(): Promise<ConfigStatusJson> {
    return (await (await fetch(`${gateway.url}/admin/config`)).json()) as ConfigStatusJson;
  }

  async function pools(): Promise<PoolsView> {
    return (await (await fetch(`${gateway.url}/admin/pools`)).json()) as PoolsView;
  }

  async function brokenBreaker(): Promise<BreakerView | undefined> {
    const flaky = (await pools()).pools.find((candidate) => candidate.name === 'flaky');
    return flaky?.instances.find((instance) => instance.name === 'broken')?.breaker;
  }

  /** Writes (making folders as needed) or, for null, deletes files; returns the time just before the first write. */
  async function edit(files: TreeEdits): Promise<number> {
    const at = Date.now();
    await editConfigTree(dir, files);
    return at;
  }

  /** Polls `/admin/config` until it reports an attempt with `result` made after `since`. */
  async function reported(since: number, result: AttemptJson['result']): Promise<{ status: ConfigStatusJson; attempt: AttemptJson }> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const status = await configStatus();
      const candidates = [status.lastAttempt, ...(result === 'applied' ? [status.lastChange] : [])];
      const attempt = candidates.find((candidate) => candidate !== null && candidate.result === result && Date.parse(candidate.at) >= since);
      if (attempt !== undefined && attempt !== null) return { status, attempt };
      if (Date.now() > deadline) throw new Error(`no ${result} reload reported after the write; last: ${JSON.stringify(status.lastAttempt)}`);
      await sleep(20);
    }
  }

  /**
   * Fails unless `name` receives a request among the next 60 requests answered after the reload
   * was reported (a pool of at most three instances gives it one in three).
   */
  async function receivesTrafficSoon(name: Name, before: number, load: LoadLoop): Promise<void> {
    const target = load.completed + 60;
    await until(() => requests(name) > before || load.completed >= target, `traffic to ${name}`);
    expect(requests(name)).toBeGreaterThan(before);
  }

  /**
   * Fails if any of `names` receives a request once the requests in flight when the reload was
   * reported have finished (they run on the configuration they started with), over the next 40 answers.
   */
  async function receivesNothingAfter(names: readonly Name[], load: LoadLoop): Promise<void> {
    await load.drainStartedBefore();
    const counts = names.map(requests);
    await load.completeMore(40);
    expect(names.map(requests)).toEqual(counts);
  }

  /** Share (percent) of each of `names` among the next `total` requests they receive together. */
  async function split(names: readonly Name[], total: number): Promise<number[]> {
    const start = names.map(requests);
    const deadline = Date.now() + 10_000;
    const received = (): number[] => names.map((name, index) => requests(name) - (start[index] ?? 0));
    while (received().reduce((sum, count) => sum + count, 0) < total) {
      if (Date.now() > deadline) throw new Error(`fewer than ${total} requests in 10 s: ${received().join(', ')}`);
      await sleep(5);
    }
    const counts = received();
    const sum = counts.reduce((all, count) => all + count, 0);
    return counts.map((count) => (count / sum) * 100);
  }

  function expectShares(shares: readonly number[], expected: readonly number[]): void {
    shares.forEach((share, index) => expect(Math.abs(share - (expected[index] ?? Number.NaN))).toBeLessThanOrEqual(5));
  }

  it('keeps every request served through 20 rewrites, and routing follows each valid one', async () => {
    // Open the failing instance's breaker before any reload: tier 1 fails over to tier 2 each time.
    for (let sent = 0; sent < 10 && (await brokenBreaker())?.state !== 'open'; sent += 1) {
      expect((await postChat(gateway.url, chatBody('guarded'))).status).toBe(200);
    }
    const opened = await brokenBreaker();
    expect(opened?.state).toBe('open');
    const initial = await configStatus();
    expect(initial.lastAttempt).toBeNull();

    const load = new LoadLoop(gateway.url);
    try {
      await sleep(200);
      const step = async (files: Readonly<Record<string, string | null>>, result: AttemptJson['result']) => {
        const since = await edit(files);
        const reply = await reported(since, result);
        expect(await brokenBreaker()).toEqual(opened);
        return { since, ...reply };
      };

      // 1. Add an instance: it takes traffic as soon as the reload is reported.
      let before = requests('c');
      let done = await step({ 'pools/main.toml': pool('round_robin', ['a', 'b', 'c']) }, 'applied');
      expect(done.attempt.change?.instances.added).toEqual(['main/c']);
      await receivesTrafficSoon('c', before, load);

      // 2. Remove one: once the requests already on their way have finished, it gets nothing.
      done = await step({ 'pools/main.toml': pool('round_robin', ['a', 'c']) }, 'applied');
      expect(done.attempt.change?.instances.removed).toEqual(['main/b']);
      await receivesNothingAfter(['b'], load);

      // 3. Change the strategy; 4-5. weights 1:1 -> 9:1 -> 1:1 (smooth weighted round robin is exact).
      done = await step({ 'pools/main.toml': pool('weighted', ['a', 'c']) }, 'applied');
      expect(done.attempt.change?.pools.changed).toEqual(['main']);
      expect((await pools()).pools.find((candidate) => candidate.name === 'main')?.strategy).toBe('weighted');
      expectShares(await split(['a', 'c'], 300), [50, 50]);
      done = await step({ 'pools/main.toml': pool('weighted', [['a', 9], 'c']) }, 'applied');
      expect(done.attempt.change?.instances.changed).toEqual(['main/a']);
      expectShares(await split(['a', 'c'], 400), [90, 10]);
      done = await step({ 'pools/main.toml': pool('weighted', ['a', 'c']) }, 'applied');
      expectShares(await split(['a', 'c'], 300), [50, 50]);
      const goodVersion = done.status.version;

      // 6. Invalid write (TOML syntax): rejected, reported, routing unchanged. 7. Restored: unchanged.
      done = await step({ 'pools/main.toml': 'strategy = "weighted\n[[instances]]\n' }, 'rejected');
      expect(done.attempt.errors.map((error) => error.file)).toContain('pools/main.toml');
      expect(done.status.version).toBe(goodVersion);
      expect((await pools()).configVersion).toBe(goodVersion);
      expectShares(await split(['a', 'c'], 200), [50, 50]);
      done = await step({ 'pools/main.toml': pool('weighted', ['a', 'c']) }, 'unchanged');
      expect(done.status.version).toBe(goodVersion);

      // 8-9. Move the main pool to the backup tier and back.
      before = requests('s');
      done = await step({ 'task-groups/chat.toml': chatGroup('"spare"', '"main"') }, 'applied');
      expect(done.attempt.change?.groups.changed).toEqual(['chat']);
      await receivesTrafficSoon('s', before, load);
      await receivesNothingAfter(['a', 'c'], load);
      before = requests('a');
      done = await step({ 'task-groups/chat.toml': chatGroup('"main"', '"spare"') }, 'applied');
      await receivesTrafficSoon('a', before, load);
      await receivesNothingAfter(['s'], load);
      const movedBackVersion = done.status.version;

      // 10. Invalid write (a tier naming a missing pool, which would also move `spare` up): nothing moves. 11. Restored.
      done = await step({ 'task-groups/chat.toml': chatGroup('"ghost", "spare"', '"main"') }, 'rejected');
      expect(done.attempt.errors).toContainEqual(expect.objectContaining({ file: 'task-groups/chat.toml' }));
      expect(done.status.version).toBe(movedBackVersion);
      before = requests('s');
      expectShares(await split(['a', 'c'], 200), [50, 50]);
      expect(requests('s')).toBe(before);
      await step({ 'task-groups/chat.toml': chatGroup('"main"', '"spare"') }, 'unchanged');

      // 12-13. Delete the main pool's file and write it again (with one more instance), as some editors save.
      before = requests('d');
      await edit({ 'pools/main.toml': null });
      await sleep(20);
      done = await step({ 'pools/main.toml': pool('weighted', ['a', 'c', 'd']) }, 'applied');
      await receivesTrafficSoon('d', before, load);

      // 14. An atomic save: write a hidden temp file, rename it over the pool file.
      const temp = path.join(dir, 'pools', '.main.toml.tmp');
      await writeFile(temp, pool('weighted', ['c', 'd']));
      const renamedAt = Date.now();
      await rename(temp, path.join(dir, 'pools/main.toml'));
      done = { since: renamedAt, ...(await reported(renamedAt, 'applied')) };
      expect(await brokenBreaker()).toEqual(opened);
      expect(done.attempt.change?.instances.removed).toEqual(['main/a']);
      await receivesNothingAfter(['a'], load);

      // 15-19. More changes elsewhere, each applied with traffic flowing.
      before = requests('e');
      done = await step({ 'pools/main.toml': pool('least_connections', ['c', 'd', 'e']) }, 'applied');
      await receivesTrafficSoon('e', before, load);
      done = await step({ 'wrappers/assistant.toml': 'target = "chat"\n[defaults]\ntemperature = 0.1\n' }, 'applied');
      expect(done.attempt.change?.wrappers.added).toEqual(['assistant']);
      expect((await postChat(gateway.url, chatBody('assistant'))).status).toBe(200);
      done = await step({ '_registry.toml': registry(18081, '[aliases]\n"fast-chat" = "chat"\n') }, 'applied');
      expect(done.attempt.change?.needsRestart).toEqual(['server.port (18080 -> 18081)']);
      expect((await postChat(gateway.url, chatBody('fast-chat'))).status).toBe(200);
      done = await step({ 'task-groups/chat.toml': chatGroup('"main"', '"spare"', 'max_attempts = 5\ntimeout_ms = 8000') }, 'applied');
      expect(done.attempt.change?.groups.changed).toEqual(['chat']);
      done = await step({ 'pools/main.toml': pool('p2c', ['c', 'd', 'e']) }, 'applied');
      expect(done.attempt.change?.pools.changed).toEqual(['main']);

      // 20. Back to the first shape: `b` returns and takes traffic; the others stop.
      const beforeA = requests('a');
      const beforeB = requests('b');
      done = await step({ 'pools/main.toml': pool('round_robin', ['a', 'b']) }, 'applied');
      expect(done.attempt.change?.instances).toEqual({ added: ['main/a', 'main/b'], removed: ['main/c', 'main/d', 'main/e'], changed: [] });
      await receivesTrafficSoon('a', beforeA, load);
      await receivesTrafficSoon('b', beforeB, load);
      await receivesNothingAfter(['c', 'd', 'e'], load);
    } finally {
      await load.stop();
    }

    expect(load.failures).toEqual([]);
    expect(load.ok).toBeGreaterThan(1_000);
    // The breaker opened before the first reload is still the same open breaker after the twentieth.
    expect(await brokenBreaker()).toEqual(opened);
    expect(opened).toMatchObject({ state: 'open', openings: 1 });
  }, 90_000);
});
