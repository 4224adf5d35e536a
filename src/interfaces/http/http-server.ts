import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';
import { answerClientError } from './answer-client-error';
import { UnusedConnections } from './unused-connections';

export interface RunningHttpServer {
  readonly server: http.Server;
  readonly host: string;
  readonly port: number;
  readonly url: string;
  /** Stops accepting, lets requests in flight finish for up to `graceMs`, then cuts what is left. */
  close(graceMs?: number): Promise<void>;
}

/** What the server puts up with from its clients (`[server]` of `_registry.toml`). */
export interface ClientConnectionLimits {
  /** Longest a client may take from the first byte of a request to its last (headers and body). */
  readonly requestReadTimeoutMs: number;
  /** Most connections open at once; the server closes any beyond this as soon as it accepts them. */
  readonly maxConnections: number;
}

/**
 * Connections the kernel may hold for the gateway before it accepts them. Node's default (511)
 * overflows when a thousand clients arrive within a second while the loop is busy, and a dropped
 * SYN costs the client a one-second retransmit; the kernel caps this at net.core.somaxconn.
 */
const LISTEN_BACKLOG = 4096;

export async function startHttpServer(
  handler: RequestListener,
  host: string,
  port: number,
  limits: ClientConnectionLimits,
): Promise<RunningHttpServer> {
  const server = http.createServer(
    {
      keepAliveTimeout: 65_000,
      // Both are measured from the start of each request, not while a keep-alive connection sits idle.
      requestTimeout: limits.requestReadTimeoutMs,
      headersTimeout: limits.requestReadTimeoutMs,
      connectionsCheckingInterval: timeoutCheckingIntervalMs(limits.requestReadTimeoutMs),
    },
    handler,
  );
  server.maxConnections = limits.maxConnections;
  server.on('clientError', answerClientError(limits.requestReadTimeoutMs));
  const unused = new UnusedConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    host: address.address,
    port: address.port,
    url: `http://${urlHost}:${address.port}`,
    close: (graceMs = 10_000) =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
        unused.destroyAll();
      }),
  };
}

/**
 * Node enforces the read timeouts from a periodic sweep (30 s apart by default), so a timeout
 * fires up to one interval late. A quarter of the timeout, at most a second, keeps that lateness
 * small for a short timeout while a sweep (which visits only connections mid-request) stays rare.
 */
function timeoutCheckingIntervalMs(requestReadTimeoutMs: number): number {
  return Math.min(1000, Math.max(25, Math.floor(requestReadTimeoutMs / 4)));
}
