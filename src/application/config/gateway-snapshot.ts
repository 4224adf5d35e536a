import type { ConfigProblem } from '../../domain/errors/switchyard-error';
import type { PollingPool } from '../../domain/pool/polling-pool';
import type { ProviderSpec } from '../../domain/provider/provider-spec';
import type { RoutingTable } from '../../domain/routing/routing-table';
import type { TaskGroup } from '../../domain/task-group/task-group';
import type { Wrapper } from '../../domain/routing/wrapper';

export interface ServerSettings {
  readonly host: string;
  readonly port: number;
  /** Largest request body accepted, in bytes. */
  readonly bodyLimitBytes: number;
  /** Deepest nesting of arrays and objects accepted in a JSON request body. */
  readonly maxJsonDepth: number;
  /** Longest a client may take to send a request's headers and body. */
  readonly requestReadTimeoutMs: number;
  /** Most client connections open at once; more are refused. */
  readonly maxConnections: number;
  /** Largest configuration file read; a bigger one is rejected before it is parsed. */
  readonly maxConfigFileBytes: number;
  /** Whether every routed request gets a log line (at `info`, or `warn` when it failed). */
  readonly requestLog: boolean;
  /** Host names (besides the listen address and loopback names) the admin routes answer to. */
  readonly allowedHosts: readonly string[];
}

/** A problem found in the configuration tree; `path` is the key path inside `file`, e.g. `instances[1].provider`. */
export type ConfigIssue = ConfigProblem;

/**
 * One immutable, validated configuration. A reload builds a whole new snapshot and swaps it in one
 * assignment; requests in flight keep the snapshot they started with.
 */
export interface GatewaySnapshot {
  /** Content hash of the configuration tree. */
  readonly version: string;
  readonly loadedAt: Date;
  readonly configDir: string;
  readonly server: ServerSettings;
  readonly providers: ReadonlyMap<string, ProviderSpec>;
  readonly pools: ReadonlyMap<string, PollingPool>;
  readonly groups: ReadonlyMap<string, TaskGroup>;
  readonly wrappers: ReadonlyMap<string, Wrapper>;
  readonly routes: RoutingTable;
  /** Things that do not stop the gateway, such as a provider disabled for lack of an environment variable. */
  readonly warnings: readonly ConfigIssue[];
}

export type ConfigLoadResult =
  | { readonly ok: true; readonly snapshot: GatewaySnapshot }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[] };
