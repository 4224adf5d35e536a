import type { ConfigIssue, ConfigLoadResult, GatewaySnapshot } from '../../../../src/application/config/gateway-snapshot';
import { InstanceRuntimeRegistry } from '../../../../src/application/config/instance-runtime-registry';
import { SnapshotHolder } from '../../../../src/application/config/snapshot-holder';
import type { ConfigLoader } from '../../../../src/application/ports/config-loader';
import type { LlmClient, UpstreamCall, UpstreamResult } from '../../../../src/application/ports/llm-client';
import { ReloadConfig } from '../../../../src/application/reload-config/reload-config';
import type { ProviderSpec } from '../../../../src/domain/provider/provider-spec';
import { TomlConfigLoader } from '../../../../src/infrastructure/config/toml-config-loader';
import { CapturingLogger } from '../../../support/capturing-logger';
import { writeConfigTree, type TreeEdits, type TreeFiles } from '../../../support/config-tree';
import { ManualClock } from '../../../support/fake-clock';
import { loadedSnapshot } from '../../infrastructure/config/config-tree-fixture';

/**
 * A tree that loads: two openai providers (never called: the tests use fake LLM clients), a
 * weighted pool of two instances, a one-instance pool, a two-tier group, a wrapper and an alias.
 */
export function baseTree(): Record<string, string> {
  return {
    '_registry.toml': '[server]\nhost = "127.0.0.1"\nport = 8080\n[aliases]\n"gpt" = "chat"\n',
    'providers/alpha.toml': 'protocol = "openai"\nbase_url = "http://127.0.0.1:9101/v1"\napi_key = "key-a"\n',
    'providers/beta.toml': 'protocol = "openai"\nbase_url = "http://127.0.0.1:9102/v1"\napi_key = "key-b"\n',
    'pools/fast.toml': poolFile('weighted', [
      { name: 'a', provider: 'alpha', model: 'm1' },
      { name: 'b', provider: 'beta', model: 'm1' },
    ]),
    'pools/slow.toml': poolFile('round_robin', [{ name: 'c', provider: 'beta', model: 'm2' }]),
    'task-groups/chat.toml': 'timeout_ms = 5000\n[[tiers]]\nname = "primary"\npools = ["fast"]\n[[tiers]]\nname = "backup"\npools = ["slow"]\n',
    'wrappers/assistant.toml': 'target = "chat"\n[defaults]\ntemperature = 0.2\n',
  };
}

export interface InstanceLine {
  readonly name: string;
  readonly provider: string;
  readonly model: string;
  readonly weight?: number;
  readonly extra?: string;
}

/** A pool file; `head` goes after the strategy line (e.g. a `[circuit_breaker]` table). */
export function poolFile(strategy: string, instances: readonly InstanceLine[], head = ''): string {
  const lines = [`strategy = "${strategy}"`, head];
  for (const instance of instances) {
    lines.push('[[instances]]', `name = "${instance.name}"`, `provider = "${instance.provider}"`, `model = "${instance.model}"`);
    if (instance.weight !== undefined) lines.push(`weight = ${instance.weight}`);
    if (instance.extra !== undefined) lines.push(instance.extra);
  }
  return `${lines.join('\n')}\n`;
}

/** `base` with `changes` applied: a string replaces or adds a file, null deletes it. */
export function withFiles(base: TreeFiles, changes: TreeEdits): Record<string, string> {
  const files: Record<string, string> = { ...base };
  for (const [file, text] of Object.entries(changes)) {
    if (text === null) delete files[file];
    else files[file] = text;
  }
  return files;
}

/** Loads `files` with the real loader into a snapshot (throws when the tree is rejected). */
export async function loadSnapshot(files: TreeFiles, runtimes = new InstanceRuntimeRegistry()): Promise<GatewaySnapshot> {
  return loadedSnapshot(await new TomlConfigLoader({}).load((await writeConfigTree(files)).dir, runtimes));
}

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/**
 * A config loader whose answers the test queues: each `load` takes the next queued answer (a
 * result, or a deferred the test settles later). Counts calls and the most loads ever running at once.
 */
export class FakeLoader implements ConfigLoader {
  public calls = 0;
  public running = 0;
  public maxRunning = 0;
  private readonly answers: (ConfigLoadResult | Deferred<ConfigLoadResult> | Error)[] = [];

  public constructor(private readonly onLoad: () => void = () => undefined) {}

  public willReturn(...answers: readonly (ConfigLoadResult | Deferred<ConfigLoadResult> | Error)[]): this {
    this.answers.push(...answers);
    return this;
  }

  public async load(): Promise<ConfigLoadResult> {
    this.calls += 1;
    this.running += 1;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      const answer = this.answers.shift();
      if (answer === undefined) throw new Error('FakeLoader: no answer queued');
      this.onLoad();
      if (answer instanceof Error) throw answer;
      return 'promise' in answer ? await answer.promise : answer;
    } finally {
      this.running -= 1;
    }
  }
}

export function loaded(snapshot: GatewaySnapshot): ConfigLoadResult {
  return { ok: true, snapshot };
}

export function rejected(...issues: readonly ConfigIssue[]): ConfigLoadResult {
  return { ok: false, issues };
}

/** A health monitor stand-in that records every snapshot it was asked to follow. */
export class FakeHealth {
  public readonly synced: GatewaySnapshot[] = [];

  public sync(snapshot: GatewaySnapshot): void {
    this.synced.push(snapshot);
  }
}

/** An LLM client stand-in: records `retainConnections`; calls go to `answer` (by default: unused). */
export class FakeLlm implements LlmClient {
  public readonly retained: (readonly ProviderSpec[])[] = [];

  public constructor(private readonly answer: (call: UpstreamCall) => Promise<UpstreamResult> = () => Promise.reject(new Error('not called'))) {}

  public call(call: UpstreamCall): Promise<UpstreamResult> {
    return this.answer(call);
  }

  public retainConnections(providers: readonly ProviderSpec[]): void {
    this.retained.push(providers);
  }

  public async close(): Promise<void> {}
}

export interface ReloadRig {
  readonly reload: ReloadConfig;
  readonly snapshots: SnapshotHolder;
  readonly runtimes: InstanceRuntimeRegistry;
  readonly health: FakeHealth;
  readonly llm: FakeLlm;
  readonly logger: CapturingLogger;
  readonly clock: ManualClock;
}

/** A ReloadConfig over `initial`, with fakes for everything but the snapshot holder and the registry. */
export function reloadRig(
  initial: GatewaySnapshot,
  loader: ConfigLoader,
  options: { runtimes?: InstanceRuntimeRegistry; llm?: FakeLlm; clock?: ManualClock; configDir?: string } = {},
): ReloadRig {
  const snapshots = new SnapshotHolder(initial);
  const runtimes = options.runtimes ?? new InstanceRuntimeRegistry();
  const health = new FakeHealth();
  const llm = options.llm ?? new FakeLlm();
  const logger = new CapturingLogger();
  const clock = options.clock ?? new ManualClock();
  const reload = new ReloadConfig({
    configDir: options.configDir ?? initial.configDir,
    loader,
    snapshots,
    runtimes,
    llm,
    health,
    clock,
    logger,
  });
  return { reload, snapshots, runtimes, health, llm, logger, clock };
}
