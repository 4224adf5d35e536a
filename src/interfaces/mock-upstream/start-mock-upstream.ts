import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { applyKnobPatch, defaultMockUpstreamKnobs, type MockUpstreamKnobs } from './mock-upstream-knobs';
import { MockUpstreamState } from './mock-upstream-state';
import type { MockUpstreamStats } from './mock-upstream-stats';
import { routeMockRequest } from './route-mock-request';

export type { MockUpstreamKnobs } from './mock-upstream-knobs';
export type { MockUpstreamStats, RecordedRequest } from './mock-upstream-stats';

export interface StartMockUpstreamOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: an ephemeral port. */
  readonly port?: number;
  readonly knobs?: Partial<MockUpstreamKnobs>;
  /** The dice for fault injection; default Math.random. */
  readonly random?: () => number;
}

/** A running OpenAI-compatible upstream simulation. */
export interface MockUpstream {
  /** Base URL, `/v1` included: `http://127.0.0.1:PORT/v1`. */
  readonly url: string;
  readonly port: number;
  knobs(): MockUpstreamKnobs;
  /** Validates and applies a patch; throws RangeError on bad values. */
  setKnobs(patch: Partial<MockUpstreamKnobs>): MockUpstreamKnobs;
  stats(): MockUpstreamStats;
  resetStats(): void;
  /** Stops listening and destroys every open socket, hung requests included. */
  close(): Promise<void>;
}

/** Longer than the usual client idle timeouts, so a reused connection is never closed under the client. */
const KeepAliveTimeoutMs = 65_000;

export async function startMockUpstream(options: StartMockUpstreamOptions = {}): Promise<MockUpstream> {
  const knobs = applyKnobPatch(defaultMockUpstreamKnobs, options.knobs ?? {});
  const state = new MockUpstreamState(knobs, options.random ?? Math.random);
  const server = createServer({ noDelay: true }, routeMockRequest(state));
  server.keepAliveTimeout = KeepAliveTimeoutMs;
  server.headersTimeout = KeepAliveTimeoutMs + 1_000;
  const sockets = trackSockets(server);
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, host, options.port ?? 0);

  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostForUrl(host)}:${port}/v1`,
    port,
    knobs: () => state.knobs,
    setKnobs: (patch) => state.setKnobs(patch),
    stats: () => state.counters.snapshot(),
    resetStats: () => state.counters.reset(),
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

function trackSockets(server: Server): ReadonlySet<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return sockets;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // A burst of a thousand new connections (a bench wave through a proxy) must not overflow the
    // accept queue: a dropped SYN costs the caller a one-second retransmit that is not the proxy's.
    server.listen({ port, host, backlog: 4096 }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** A wildcard bind is reached through loopback; an IPv6 literal needs brackets. */
function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
