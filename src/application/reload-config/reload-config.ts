import { configLoadFailure } from '../config/config-load-failure';
import type { ConfigLoadResult, GatewaySnapshot } from '../config/gateway-snapshot';
import type { InstanceRuntimeRegistry } from '../config/instance-runtime-registry';
import type { SnapshotHolder } from '../config/snapshot-holder';
import type { Clock } from '../ports/clock';
import type { ConfigLoader } from '../ports/config-loader';
import type { LlmClient } from '../ports/llm-client';
import type { Logger } from '../ports/logger';
import { isEmptyChange } from './config-change';
import type { ConfigStatus, ReloadAttempt, ReloadTrigger } from './config-status';
import { describeConfigChange } from './describe-config-change';

export interface ReloadConfigDeps {
  readonly configDir: string;
  readonly loader: ConfigLoader;
  readonly snapshots: SnapshotHolder;
  readonly runtimes: InstanceRuntimeRegistry;
  readonly llm: LlmClient;
  readonly health: { sync(snapshot: GatewaySnapshot): void };
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Reads and validates the whole tree into a new snapshot and swaps it in one assignment. Requests
 * in flight keep the snapshot (and instances) they started with; unchanged instances keep their
 * runtime state; removed ones drain. A tree that fails to load changes nothing, and so does a
 * loader that throws: that is a rejected attempt too, recorded and logged with its reason. Reloads
 * never overlap: one asked for while another runs is done right after it, once.
 */
export class ReloadConfig {
  private running: Promise<ReloadAttempt> | undefined;
  private queued: Promise<ReloadAttempt> | undefined;
  private lastAttempt: ReloadAttempt | undefined;
  private lastChange: ReloadAttempt | undefined;
  private readonly listeners = new Set<(attempt: ReloadAttempt) => void>();

  public constructor(private readonly deps: ReloadConfigDeps) {}

  public execute(trigger: ReloadTrigger): Promise<ReloadAttempt> {
    if (this.running === undefined) return this.start(trigger);
    this.queued ??= this.running.catch(() => undefined).then(() => {
      this.queued = undefined;
      return this.start(trigger);
    });
    return this.queued;
  }

  /** Calls `listener` after every attempt that changed the configuration in force. */
  public onApplied(listener: (attempt: ReloadAttempt) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  public status(): ConfigStatus {
    const snapshot = this.deps.snapshots.current();
    return {
      configDir: this.deps.configDir,
      version: snapshot.version,
      loadedAt: snapshot.loadedAt,
      warnings: snapshot.warnings,
      lastAttempt: this.lastAttempt,
      lastChange: this.lastChange,
    };
  }

  private start(trigger: ReloadTrigger): Promise<ReloadAttempt> {
    const run = this.reload(trigger).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async reload(trigger: ReloadTrigger): Promise<ReloadAttempt> {
    const { deps } = this;
    const startedAt = deps.clock.now();
    const current = deps.snapshots.current();
    const loaded = await this.load();
    const durationMs = () => Math.round((deps.clock.now() - startedAt) * 1000) / 1000;
    if (!loaded.ok) {
      for (const issue of loaded.issues) deps.logger.error('config reload rejected', { file: issue.file, path: issue.path, problem: issue.message });
      deps.logger.warn('config reload changed nothing; still serving the last good configuration', {
        trigger,
        errors: loaded.issues.length,
        version: current.version,
      });
      return this.record({ at: new Date(), trigger, result: 'rejected', durationMs: durationMs(), errors: loaded.issues });
    }
    // [server] settings need a restart: the new snapshot keeps the ones in force.
    const next: GatewaySnapshot = { ...loaded.snapshot, server: current.server };
    const change = describeConfigChange(current, loaded.snapshot);
    if (isEmptyChange(change) && next.version === current.version) {
      return this.record({ at: new Date(), trigger, result: 'unchanged', durationMs: durationMs(), errors: [] });
    }
    deps.snapshots.replace(next);
    deps.runtimes.retainOnly(instanceIdentities(next));
    deps.llm.retainConnections([...next.providers.values()]);
    deps.health.sync(next);
    const attempt = this.record({ at: new Date(), trigger, result: 'applied', durationMs: durationMs(), errors: [], change });
    deps.logger.info('config reloaded', { trigger, version: next.version, durationMs: attempt.durationMs, change });
    if (change.needsRestart.length > 0) {
      deps.logger.warn('config change needs a restart; the old values stay in force', { settings: change.needsRestart });
    }
    for (const listener of this.listeners) listener(attempt);
    return attempt;
  }

  private async load(): Promise<ConfigLoadResult> {
    try {
      return await this.deps.loader.load(this.deps.configDir, this.deps.runtimes);
    } catch (error) {
      return configLoadFailure(error);
    }
  }

  private record(attempt: ReloadAttempt): ReloadAttempt {
    this.lastAttempt = attempt;
    if (attempt.result === 'applied') this.lastChange = attempt;
    return attempt;
  }
}

function instanceIdentities(snapshot: GatewaySnapshot): Set<string> {
  const identities = new Set<string>();
  for (const pool of snapshot.pools.values()) for (const instance of pool.instances) identities.add(instance.identity);
  return identities;
}
