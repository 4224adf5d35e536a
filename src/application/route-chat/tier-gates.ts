import { type TierLimits, UNLIMITED_TIER } from '../../domain/task-group/tier-overflow';
import type { Clock } from '../ports/clock';
import { ENTERED_WITHOUT_LIMIT, type TierEntry } from './tier-entry';
import { TierGate } from './tier-gate';

/** One gate's counts, for the admin view. */
export interface TierGateCounts {
  /** `group.tier`. */
  readonly key: string;
  readonly inFlight: number;
  readonly waiting: number;
  /** The latest limit seen; undefined once the tier became unlimited. */
  readonly limit: number | undefined;
}

/**
 * The gate of every limited tier, built on its first request and kept across config reloads (one
 * registry for the life of the process), so that a reload neither forgets who is in a tier nor
 * drops its queue. Gates are found by group, then tier, so the hot path builds no key string; an
 * unlimited tier never gets a gate. A gate whose tier a reload removed stays, idle, until exit.
 */
export class TierGates {
  private readonly byGroup = new Map<string, Map<string, TierGate>>();

  public constructor(private readonly clock: Clock) {}

  /** Enters `group.tier` under `limits` (the Tier's own; undefined means unlimited). */
  public enter(group: string, tier: string, limits: TierLimits | undefined, signal: AbortSignal): Promise<TierEntry> {
    const gate = this.byGroup.get(group)?.get(tier);
    if (gate !== undefined) return gate.enter(limits ?? UNLIMITED_TIER, signal);
    if (limits?.concurrencyLimit === undefined) return ENTERED_WITHOUT_LIMIT;
    return this.create(group, tier, limits).enter(limits, signal);
  }

  public snapshot(): TierGateCounts[] {
    const counts: TierGateCounts[] = [];
    for (const [group, tiers] of this.byGroup) {
      for (const [tier, gate] of tiers) {
        counts.push({ key: `${group}.${tier}`, inFlight: gate.inFlight, waiting: gate.waiting, limit: gate.limit });
      }
    }
    return counts.sort((a, b) => a.key.localeCompare(b.key));
  }

  private create(group: string, tier: string, limits: TierLimits): TierGate {
    let tiers = this.byGroup.get(group);
    if (tiers === undefined) {
      tiers = new Map();
      this.byGroup.set(group, tiers);
    }
    const gate = new TierGate(this.clock, limits);
    tiers.set(tier, gate);
    return gate;
  }
}
