import type { GatewaySnapshot } from '../config/gateway-snapshot';
import type { Clock } from '../ports/clock';
import type { HealthProbe } from '../ports/health-probe';
import type { Logger } from '../ports/logger';
import { type CheckTarget, InstanceCheckLoop } from './instance-check-loop';

export interface HealthMonitorDeps {
  readonly probe: HealthProbe;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Draws the jitter of each wait; Math.random by default. */
  readonly random?: () => number;
}

/**
 * Active health checks: one background loop per enabled instance of every pool whose
 * `[health_check]` is enabled, keyed by instance identity. An instance listed in several pools is
 * checked once, with the settings of the first such pool in the snapshot.
 */
export class HealthMonitor {
  private readonly loops = new Map<string, InstanceCheckLoop>();

  public constructor(private readonly deps: HealthMonitorDeps) {}

  /**
   * Brings the loops in line with `snapshot`: starts loops for new identities, stops those of
   * identities no longer checked, and lets the others run on undisturbed (they take the new
   * settings from their next check).
   */
  public sync(snapshot: GatewaySnapshot): void {
    const targets = checkTargets(snapshot);
    for (const [identity, loop] of this.loops) {
      if (targets.has(identity)) continue;
      loop.stop();
      this.loops.delete(identity);
    }
    for (const [identity, target] of targets) {
      const running = this.loops.get(identity);
      if (running !== undefined) {
        running.retarget(target);
        continue;
      }
      const loop = new InstanceCheckLoop(target, { ...this.deps, random: this.deps.random ?? Math.random });
      this.loops.set(identity, loop);
      loop.start();
    }
  }

  /** Stops every loop (gateway shutdown); a later `sync` starts afresh. */
  public stop(): void {
    for (const loop of this.loops.values()) loop.stop();
    this.loops.clear();
  }
}

function checkTargets(snapshot: GatewaySnapshot): Map<string, CheckTarget> {
  const targets = new Map<string, CheckTarget>();
  for (const pool of snapshot.pools.values()) {
    if (!pool.healthCheck.enabled) continue;
    for (const instance of pool.instances) {
      if (instance.enabled && !targets.has(instance.identity)) targets.set(instance.identity, { instance, pool });
    }
  }
  return targets;
}
