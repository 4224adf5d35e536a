import { z } from 'zod';

/** What the simulated upstream does with each chat completion request; changeable while it runs. */
export interface MockUpstreamKnobs {
  /** Delay before a non-stream answer, in ms. */
  readonly latencyMs: number;
  /** Delay before the first stream chunk, in ms; null = use `latencyMs`. */
  readonly ttftMs: number | null;
  /** Delay between stream chunks, in ms. */
  readonly chunkDelayMs: number;
  /** Text pieces per streamed reply. */
  readonly chunks: number;
  /** Share (0..1) of requests answered with `failureStatus`. */
  readonly failureRate: number;
  readonly failureStatus: number;
  /** Sent as `Retry-After` on injected failures when set. */
  readonly retryAfterSeconds: number | null;
  /** Share (0..1) of requests that never get an answer; the socket stays open until the client gives up. */
  readonly hangRate: number;
  /** Share (0..1) of requests whose socket is destroyed without an answer. */
  readonly resetRate: number;
  /** When set, a stream's socket is destroyed once that many chunks are written (before `[DONE]`). */
  readonly streamCutAfterChunks: number | null;
  /** Fixed reply text; null = echo the last user message. */
  readonly reply: string | null;
  /** Model reported in answers; null = the model the request named. */
  readonly model: string | null;
}

export const defaultMockUpstreamKnobs: MockUpstreamKnobs = Object.freeze({
  latencyMs: 0,
  ttftMs: null,
  chunkDelayMs: 0,
  chunks: 8,
  failureRate: 0,
  failureStatus: 500,
  retryAfterSeconds: null,
  hangRate: 0,
  resetRate: 0,
  streamCutAfterChunks: null,
  reply: null,
  model: null,
});

const delayMs = z.number().min(0).max(600_000);
const rate = z.number().min(0).max(1);

const knobsSchema = z.strictObject({
  latencyMs: delayMs,
  ttftMs: delayMs.nullable(),
  chunkDelayMs: delayMs,
  chunks: z.int().min(1).max(10_000),
  failureRate: rate,
  failureStatus: z.int().min(400).max(599),
  retryAfterSeconds: z.int().min(0).max(86_400).nullable(),
  hangRate: rate,
  resetRate: rate,
  streamCutAfterChunks: z.int().min(0).nullable(),
  reply: z.string().nullable(),
  model: z.string().min(1).nullable(),
});

/**
 * Returns `current` with `patch` applied, after checking the whole result. Throws a RangeError
 * naming every bad key; keys left undefined in the patch keep their current value.
 */
export function applyKnobPatch(current: MockUpstreamKnobs, patch: unknown): MockUpstreamKnobs {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new RangeError('mock-upstream knobs must be given as an object');
  }
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const result = knobsSchema.safeParse({ ...current, ...defined });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(knobs)'}: ${issue.message}`);
    throw new RangeError(`invalid mock-upstream knobs: ${problems.join('; ')}`);
  }
  const knobs: MockUpstreamKnobs = result.data;
  return Object.freeze(knobs);
}
