import type { Pool } from 'undici';
import type { BenchSettings } from '../bench-settings';
import { chatPayload, type ChatTarget } from '../load/chat-target';
import { openTargetPool } from '../load/open-target-pool';
import { runOpenLoop, type OpenLoopRun } from '../load/open-loop';
import { OutcomeRecorder } from '../load/outcome-recorder';
import { chatCompletionSender, chatStreamSender } from '../load/send-chat-completion';
import { withoutTimeline, type RoundSummary } from '../measure/latency-rounds';
import { serverCpu, summarizeRun } from '../measure/run-summary';
import { GatewayKeyValues, recordOf, type GatewayKey } from '../measure/target-keys';
import { readCpuMs } from '../processes/process-usage';
import { RssSampler } from '../processes/rss-sampler';
import type { SoakGatewayRun, SoakResults } from './soak-results';

const RssIntervalMs = 500;
const TimelineEveryS = 5;
const OpenLoopConnections = 256;
const DrainTimeoutMs = 12_000;

/** The first tenth of the soak, between 5 and 30 s (half of a soak shorter than 10 s): JIT, pools and heap settle. */
export function soakWarmupS(soakS: number): number {
  return soakS < 10 ? soakS / 2 : Math.min(30, Math.max(5, soakS / 10));
}

/**
 * Both gateways at once, each under `soakRate` req/s (open loop) of which `soakStreamPercent` are
 * streamed, for `soakS` seconds; each gateway's RSS is read every 500 ms. Growth is the RSS when
 * the load ends minus the RSS at the end of the warm-up.
 */
export async function runSoak(
  targets: Readonly<Record<GatewayKey, ChatTarget>>,
  settings: BenchSettings,
  progress: (line: string) => void,
): Promise<SoakResults> {
  const warmupS = soakWarmupS(settings.soakS);
  progress(
    `soak: ${settings.soakRate} req/s (${settings.soakStreamPercent}% streamed) against both gateways at once ` +
      `for ${settings.soakS} s (reference RSS after ${warmupS} s) ...`,
  );
  const runs = await Promise.all(GatewayKeyValues.map((key) => soakOne(targets[key], settings, warmupS)));
  const byKey = recordOf(GatewayKeyValues, (key) => runs[GatewayKeyValues.indexOf(key)] as SoakGatewayRun);
  for (const run of runs) {
    const mb = (bytes: number | null): string => (bytes === null ? 'n/a' : (bytes / 2 ** 20).toFixed(1));
    const errors = run.nonStreamed.errors + run.streamed.errors;
    progress(`soak: ${run.target}: rss ${mb(run.rss.startBytes)} -> ${mb(run.rss.endBytes)} MB (max ${mb(run.rss.maxBytes)}), ${errors} errors`);
  }
  return {
    durationS: settings.soakS,
    warmupS,
    ratePerSecond: settings.soakRate,
    streamPercent: settings.soakStreamPercent,
    runs: byKey,
  };
}

async function soakOne(target: ChatTarget, settings: BenchSettings, warmupS: number): Promise<SoakGatewayRun> {
  const streamedRate = (settings.soakRate * settings.soakStreamPercent) / 100;
  const plainRate = settings.soakRate - streamedRate;
  const plainPool = openTargetPool(target.origin, OpenLoopConnections);
  const streamPool = openTargetPool(target.origin, OpenLoopConnections);
  const sampler = target.pid === undefined ? null : new RssSampler(target.pid, RssIntervalMs);
  const beforeBytes = sampler?.samples[0]?.rssBytes ?? null;
  const cpuBefore = target.pid === undefined ? null : readCpuMs(target.pid);
  let startBytes: number | null = null;
  const warmupTimer = setTimeout(() => {
    startBytes = sampler?.sample() ?? null;
  }, warmupS * 1000);
  const loop = (pool: Pool, stream: boolean, rate: number): Promise<OpenLoopRun> | null => {
    const payload = chatPayload(target.model, stream);
    const send = stream ? chatStreamSender(pool, target.path, payload) : chatCompletionSender(pool, target.path, payload);
    if (rate <= 0) return null;
    return runOpenLoop(send, {
      ratePerSecond: rate,
      durationS: settings.soakS,
      maxInFlight: OpenLoopConnections * 4,
      drainTimeoutMs: DrainTimeoutMs,
    });
  };
  try {
    const [plain, streamed] = await Promise.all([loop(plainPool, false, plainRate), loop(streamPool, true, streamedRate)]);
    clearTimeout(warmupTimer);
    const endBytes = sampler?.sample() ?? null;
    const maxBytes = sampler?.stop() ?? null;
    const cpuAfter = target.pid === undefined ? null : readCpuMs(target.pid);
    const elapsedS = Math.max(plain?.elapsedS ?? 0, streamed?.elapsedS ?? 0);
    const ok = (plain?.recorder.okCount ?? 0) + (streamed?.recorder.okCount ?? 0);
    // A share of 0 or 100 % leaves one of the two loads out: it is reported as an empty run.
    const summary = (run: OpenLoopRun | null, stream: boolean, rate: number): RoundSummary =>
      withoutTimeline(
        summarizeRun(
          target.label,
          { loop: 'open', ratePerSecond: rate, durationS: settings.soakS },
          stream,
          run ?? { recorder: new OutcomeRecorder(), elapsedS: 0 },
          0,
        ),
      );
    return {
      target: target.label,
      nonStreamed: summary(plain, false, plainRate),
      streamed: summary(streamed, true, streamedRate),
      rss: {
        beforeBytes,
        startBytes,
        endBytes,
        maxBytes,
        growthBytes: startBytes === null || endBytes === null ? null : endBytes - startBytes,
        timelineMb: timeline(sampler),
        timelineEveryS: TimelineEveryS,
      },
      serverCpu: serverCpu(cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, elapsedS, ok),
    };
  } finally {
    clearTimeout(warmupTimer);
    sampler?.stop();
    await Promise.all([plainPool.destroy(), streamPool.destroy()]);
  }
}

function timeline(sampler: RssSampler | null): number[] {
  if (sampler === null) return [];
  const points: number[] = [];
  for (const sample of sampler.samples) {
    const slot = Math.floor(sample.atMs / (TimelineEveryS * 1000));
    if (points[slot] === undefined) points[slot] = Math.round((sample.rssBytes / 2 ** 20) * 10) / 10;
  }
  return points.filter((point) => point !== undefined);
}
