import { createHash } from 'node:crypto';
import { Pool } from 'undici';
import type { ProviderSpec } from '../../../domain/provider/provider-spec';

export interface UpstreamEndpoint {
  readonly pool: Pool;
  /** The base URL's path, without a trailing slash (e.g. `/v1`). */
  readonly basePath: string;
}

/**
 * Keep-alive connection pools, one per upstream origin, credential and limits. Built once and
 * reused by every request; a provider whose URL, key or limits change gets a fresh pool. Lookups
 * on the hot path are by provider object (a WeakMap), so nothing is parsed or hashed per request.
 */
export class UpstreamConnections {
  private readonly pools = new Map<string, Pool>();
  private readonly endpoints = new WeakMap<ProviderSpec, UpstreamEndpoint>();

  public endpointFor(provider: ProviderSpec): UpstreamEndpoint {
    let endpoint = this.endpoints.get(provider);
    if (endpoint === undefined) {
      endpoint = this.createEndpoint(provider);
      this.endpoints.set(provider, endpoint);
    }
    return endpoint;
  }

  /**
   * Closes the pools no provider in `providers` uses any more. `close()` lets requests already on
   * those connections finish (a drain), then ends the connections.
   */
  public retainOnly(providers: readonly ProviderSpec[]): void {
    const keep = new Set<string>();
    for (const provider of providers) {
      if (provider.protocol !== 'openai' || provider.disabledReason !== undefined) continue;
      keep.add(connectionKey(provider, originOf(provider.baseUrl)));
    }
    for (const [key, pool] of this.pools) {
      if (keep.has(key)) continue;
      this.pools.delete(key);
      void pool.close().catch(() => undefined);
    }
  }

  public async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.destroy()));
  }

  private createEndpoint(provider: ProviderSpec): UpstreamEndpoint {
    const url = new URL(provider.baseUrl);
    const key = connectionKey(provider, url.origin);
    let pool = this.pools.get(key);
    if (pool === undefined) {
      pool = new Pool(url.origin, {
        connections: provider.maxConnections,
        connect: { timeout: provider.connectTimeoutMs },
        keepAliveTimeout: 30_000,
        keepAliveMaxTimeout: 600_000,
      });
      this.pools.set(key, pool);
    }
    return { pool, basePath: url.pathname.replace(/\/+$/, '') };
  }
}

function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
}

function connectionKey(provider: ProviderSpec, origin: string): string {
  const credential = provider.apiKey === undefined ? '' : createHash('sha256').update(provider.apiKey).digest('hex');
  return `${origin}|${credential}|${provider.maxConnections}|${provider.connectTimeoutMs}`;
}
