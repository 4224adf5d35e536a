import { Pool } from 'undici';

/** Every request is bounded in time, so no load loop can wait forever. */
const RequestTimeoutMs = 10_000;

/** A keep-alive connection pool from the load generator to one target. */
export function openTargetPool(origin: string, connections: number): Pool {
  return new Pool(origin, {
    connections,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    headersTimeout: RequestTimeoutMs,
    bodyTimeout: RequestTimeoutMs,
    connect: { timeout: 5_000 },
  });
}
