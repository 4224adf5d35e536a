import { DEFAULT_RETRY_BACKOFF, type RetryBackoff } from '../retry/retry-backoff';
import type { Tier } from './tier';

export interface TaskGroupInit {
  readonly name: string;
  readonly tiers: readonly Tier[];
  readonly maxAttempts: number;
  readonly timeoutMs: number;
  readonly fallbackGroups: readonly string[];
  readonly description?: string;
  readonly retryBackoff?: RetryBackoff;
  /** Longest a served stream may last, from the request's start; undefined: unlimited. */
  readonly maxStreamMs?: number;
}

/** What a client asks for by name: ordered tiers (the first is preferred) under one attempt budget and deadline. */
export class TaskGroup {
  public readonly name: string;
  public readonly tiers: readonly Tier[];
  public readonly maxAttempts: number;
  public readonly timeoutMs: number;
  public readonly fallbackGroups: readonly string[];
  public readonly description: string | undefined;
  public readonly retryBackoff: RetryBackoff;
  public readonly maxStreamMs: number | undefined;

  public constructor(init: TaskGroupInit) {
    if (!init.name) throw new RangeError('task group name must not be empty');
    if (init.tiers.length === 0) throw new RangeError(`task group "${init.name}" needs at least one tier`);
    if (!Number.isInteger(init.maxAttempts) || init.maxAttempts < 1) {
      throw new RangeError(`task group "${init.name}": max_attempts must be a whole number >= 1`);
    }
    if (!Number.isInteger(init.timeoutMs) || init.timeoutMs < 1) {
      throw new RangeError(`task group "${init.name}": timeout_ms must be a whole number >= 1`);
    }
    if (init.maxStreamMs !== undefined && (!Number.isInteger(init.maxStreamMs) || init.maxStreamMs < 1)) {
      throw new RangeError(`task group "${init.name}": max_stream_ms must be a whole number >= 1`);
    }
    const tierNames = new Set<string>();
    for (const tier of init.tiers) {
      if (tierNames.has(tier.name)) throw new RangeError(`task group "${init.name}": tier "${tier.name}" appears twice`);
      tierNames.add(tier.name);
    }
    this.name = init.name;
    this.tiers = init.tiers;
    this.maxAttempts = init.maxAttempts;
    this.timeoutMs = init.timeoutMs;
    this.fallbackGroups = init.fallbackGroups;
    this.description = init.description;
    this.retryBackoff = init.retryBackoff ?? DEFAULT_RETRY_BACKOFF;
    this.maxStreamMs = init.maxStreamMs;
  }
}
