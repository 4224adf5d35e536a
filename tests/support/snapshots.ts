import type { GatewaySnapshot } from '../../src/application/config/gateway-snapshot';
import type { PollingPool } from '../../src/domain/pool/polling-pool';
import type { ProviderSpec } from '../../src/domain/provider/provider-spec';
import { RoutingTable } from '../../src/domain/routing/routing-table';
import type { Wrapper } from '../../src/domain/routing/wrapper';
import type { TaskGroup } from '../../src/domain/task-group/task-group';
import { TEST_SERVER_SETTINGS } from './server-settings';

/** A provider no test reaches over the network; `overrides` set what the test looks at. */
export function providerSpec(overrides: Partial<ProviderSpec> = {}): ProviderSpec {
  return {
    name: 'upstream',
    protocol: 'mock',
    baseUrl: 'http://127.0.0.1:9101/v1',
    headers: {},
    connectTimeoutMs: 1_000,
    requestTimeoutMs: 10_000,
    idleTimeoutMs: 10_000,
    maxConnections: 8,
    maxResponseBytes: 32 * 1024 * 1024,
    ...overrides,
  };
}

export interface SnapshotSketch {
  readonly pools: readonly PollingPool[];
  readonly groups?: readonly TaskGroup[];
  readonly wrappers?: readonly Wrapper[];
}

/** A snapshot built by hand around `sketch`, with no providers, aliases or warnings. */
export function snapshotOf(sketch: SnapshotSketch): GatewaySnapshot {
  const pools = new Map(sketch.pools.map((p) => [p.name, p]));
  const groups = new Map((sketch.groups ?? []).map((g) => [g.name, g]));
  const wrappers = new Map((sketch.wrappers ?? []).map((w) => [w.name, w]));
  return {
    version: 'test',
    loadedAt: new Date(0),
    configDir: '/nowhere',
    server: TEST_SERVER_SETTINGS,
    providers: new Map(),
    pools,
    groups,
    wrappers,
    routes: new RoutingTable({ pools, groups, wrappers, aliases: new Map(), poolDefaults: { maxAttempts: 3, timeoutMs: 1000 } }),
    warnings: [],
  };
}
