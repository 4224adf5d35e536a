import type { ProviderSpec } from '../provider/provider-spec';
import { isProviderEnabled } from '../provider/provider-spec';
import type { InstanceRuntime } from './instance-runtime';

export interface PoolInstanceInit {
  readonly name: string;
  readonly provider: ProviderSpec;
  readonly model: string;
  readonly weight: number;
  readonly maxConcurrency: number;
  /** Requests a minute this instance may receive; undefined: no limit. */
  readonly rpm?: number;
  /** Tokens a minute (prompt estimate, corrected from reported usage); undefined: no limit. */
  readonly tpm?: number;
  /** Position inside its pool, used by order-keeping strategies. */
  readonly index: number;
  readonly runtime: InstanceRuntime;
}

/** One provider + one model inside a pool. Configuration is immutable; `runtime` is the live side. */
export class PoolInstance {
  public readonly name: string;
  public readonly provider: ProviderSpec;
  public readonly model: string;
  public readonly weight: number;
  public readonly maxConcurrency: number;
  public readonly index: number;
  public readonly runtime: InstanceRuntime;
  /** Stable identity: equal identities share runtime state across reloads. */
  public readonly identity: string;

  public constructor(init: PoolInstanceInit) {
    if (!init.name) throw new RangeError('instance name must not be empty');
    if (!init.model) throw new RangeError(`instance "${init.name}": model must not be empty`);
    if (!Number.isInteger(init.weight) || init.weight < 1) {
      throw new RangeError(`instance "${init.name}": weight must be a whole number >= 1`);
    }
    if (!Number.isInteger(init.maxConcurrency) || init.maxConcurrency < 1) {
      throw new RangeError(`instance "${init.name}": max_concurrency must be a whole number >= 1`);
    }
    this.name = init.name;
    this.provider = init.provider;
    this.model = init.model;
    this.weight = init.weight;
    this.maxConcurrency = init.maxConcurrency;
    this.index = init.index;
    for (const [key, value] of [['rpm', init.rpm], ['tpm', init.tpm]] as const) {
      if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
        throw new RangeError(`instance "${init.name}": ${key} must be a whole number >= 1`);
      }
    }
    this.runtime = init.runtime;
    this.runtime.configureRateLimits(init.rpm, init.tpm);
    this.identity = instanceIdentity(init.provider, init.model, init.name);
  }

  public get enabled(): boolean {
    return isProviderEnabled(this.provider);
  }

  public get saturated(): boolean {
    return this.runtime.inFlight >= this.maxConcurrency;
  }
}

export function instanceIdentity(provider: ProviderSpec, model: string, name: string): string {
  return `${provider.name}|${model}|${provider.baseUrl}|${name}`;
}
