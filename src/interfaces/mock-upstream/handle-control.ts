import type { IncomingMessage, ServerResponse } from 'node:http';
import { maskRecordedStats } from './mask-recorded-request';
import type { MockUpstreamState } from './mock-upstream-state';
import { readRequestBody } from './read-request-body';
import { sendJson } from './send-json';

/** `GET /_control`: the current knobs and stats, credentials in the last request masked. */
export function showControl(res: ServerResponse, state: MockUpstreamState): void {
  sendJson(res, 200, { knobs: state.knobs, stats: maskRecordedStats(state.counters.snapshot()) });
}

/** `POST /_control`: applies a JSON patch of knobs; 400 with the reason when it is invalid. */
export async function patchKnobs(req: IncomingMessage, res: ServerResponse, state: MockUpstreamState): Promise<void> {
  let patch: unknown;
  try {
    patch = JSON.parse(await readRequestBody(req));
  } catch (error) {
    const message = error instanceof SyntaxError ? 'the body is not valid JSON' : String(error);
    if (!res.destroyed) sendJson(res, 400, { error: { message } });
    return;
  }
  try {
    sendJson(res, 200, { knobs: state.setKnobs(patch) });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    sendJson(res, 400, { error: { message: error.message } });
  }
}

/** `POST /_control/reset-stats`. */
export function resetStats(res: ServerResponse, state: MockUpstreamState): void {
  state.counters.reset();
  res.writeHead(204).end();
}
