import type { Pool } from 'undici';
import { elapsedMsSince } from '../load/elapsed-ms';

/** One `POST /admin/reload`: its round trip as the client saw it, and what the gateway reported. */
export interface TimedReload {
  readonly roundTripMs: number;
  /** `applied`, `unchanged` or `rejected` from the body; `status N` or the error when there is no such body. */
  readonly result: string;
  /** The gateway's own `durationMs` (load, validate, build, swap); null without a reload body. */
  readonly durationMs: number | null;
}

/** Asks the gateway to reload now; never rejects. */
export async function postReload(admin: Pool): Promise<TimedReload> {
  const startNs = process.hrtime.bigint();
  try {
    const { statusCode, body } = await admin.request({ path: '/admin/reload', method: 'POST' });
    const text = await body.text();
    const roundTripMs = elapsedMsSince(startNs);
    const parsed = parseAttempt(text);
    if (parsed === undefined) return { roundTripMs, result: `status ${statusCode}`, durationMs: null };
    return { roundTripMs, ...parsed };
  } catch (error) {
    return { roundTripMs: elapsedMsSince(startNs), result: error instanceof Error ? error.message : String(error), durationMs: null };
  }
}

function parseAttempt(text: string): { result: string; durationMs: number } | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null || !('result' in body) || !('durationMs' in body)) return undefined;
    const { result, durationMs } = body;
    return typeof result === 'string' && typeof durationMs === 'number' ? { result, durationMs } : undefined;
  } catch {
    return undefined;
  }
}
