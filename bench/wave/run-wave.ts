import { chatPayload, type ChatTarget } from '../load/chat-target';
import { elapsedMsSince } from '../load/elapsed-ms';
import { OutcomeRecorder } from '../load/outcome-recorder';
import { summarizeLatencies } from '../load/percentiles';
import { serverCpu } from '../measure/run-summary';
import { readCpuMs } from '../processes/process-usage';
import { RssSampler } from '../processes/rss-sampler';
import { openWaveStream, type WaveStream } from './wave-stream';
import type { WaveRun } from './wave-results';

export interface WaveOptions {
  readonly clients: number;
  /** Clients leave evenly spread over this many ms. */
  readonly arrivalMs: number;
  /** How long one stream should take at the upstream (chunks × delay), to bound the wave. */
  readonly streamMs: number;
  /** The upstream's process, when it is not the target itself: its CPU is reported too. */
  readonly upstreamPid: number | undefined;
}

const RssIntervalMs = 100;
/** Extra time after the last arrival and one stream's length before unfinished streams are cut and counted. */
const DeadlineSlackMs = 20_000;
/** An RSS reading is taken at every this many open streams, and when all clients are open. */
const RssEveryOpen = 50;

/**
 * One wave against one target: `clients` streamed requests, each on a fresh connection, leaving on a
 * fixed schedule over `arrivalMs` whatever the answers do. The target's RSS is sampled throughout.
 * Bounded: after the last arrival plus one stream plus `DeadlineSlackMs`, whatever is still open is
 * aborted and counted as an error.
 */
export function runWave(target: ChatTarget, options: WaveOptions): Promise<WaveRun> {
  const payload = chatPayload(target.model, true);
  const recorder = new OutcomeRecorder();
  const arrivalLags: number[] = [];
  const open = new Set<WaveStream>();
  const sampler = target.pid === undefined ? null : new RssSampler(target.pid, RssIntervalMs);
  const beforeBytes = sampler?.samples[0]?.rssBytes ?? null;
  const cpuBefore = target.pid === undefined ? null : readCpuMs(target.pid);
  const benchCpuBefore = process.cpuUsage();
  const upstreamCpuBefore = options.upstreamPid === undefined ? null : readCpuMs(options.upstreamPid);
  const intervalMs = options.clients > 1 ? options.arrivalMs / (options.clients - 1) : 0;
  const startNs = process.hrtime.bigint();
  let sent = 0;
  let settledCount = 0;
  let peakOpen = 0;
  let atPeakOpen: WaveRun['rss']['atPeakOpen'] = null;

  return new Promise<WaveRun>((resolve) => {
    let finished = false;
    let tickTimer: NodeJS.Timeout | undefined;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      clearTimeout(deadline);
      clearTimeout(tickTimer);
      const elapsedS = elapsedMsSince(startNs) / 1000;
      // Counted here: their outcomes settle after this run is over.
      recorder.recordFailure('unfinished at the wave deadline', open.size);
      for (const stream of open) stream.abort('unfinished at the wave deadline');
      recorder.recordFailure('never sent (wave deadline)', options.clients - sent);
      const maxBytes = sampler?.stop() ?? null;
      const cpuAfter = target.pid === undefined ? null : readCpuMs(target.pid);
      const benchCpu = process.cpuUsage(benchCpuBefore);
      const upstreamCpuAfter = options.upstreamPid === undefined ? null : readCpuMs(options.upstreamPid);
      const upstreamCpuMs = upstreamCpuBefore === null || upstreamCpuAfter === null ? null : upstreamCpuAfter - upstreamCpuBefore;
      resolve({
        target: target.label,
        clients: options.clients,
        completed: recorder.okCount,
        errors: recorder.errorCount,
        errorReasons: Object.fromEntries(recorder.failures),
        elapsedS,
        firstChunk: summarizeLatencies(recorder.firstChunksMs),
        wholeStream: summarizeLatencies(recorder.latenciesMs),
        arrivalLag: summarizeLatencies(arrivalLags),
        peakOpen,
        rss: { beforeBytes, maxBytes, atPeakOpen, sampleIntervalMs: RssIntervalMs, samples: sampler?.samples.length ?? 0 },
        serverCpu: serverCpu(cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, elapsedS, recorder.okCount),
        benchCores: elapsedS > 0 ? (benchCpu.user + benchCpu.system) / 1e6 / elapsedS : 0,
        upstreamCores: upstreamCpuMs === null || elapsedS <= 0 ? null : upstreamCpuMs / 1000 / elapsedS,
      });
    };
    const deadline = setTimeout(finish, options.arrivalMs + options.streamMs + DeadlineSlackMs);

    const launch = (sentAtMs: number): void => {
      const stream = openWaveStream(target, payload);
      open.add(stream);
      if (open.size > peakOpen) {
        peakOpen = open.size;
        if (sampler !== null && (peakOpen % RssEveryOpen === 0 || peakOpen === options.clients)) {
          const rssBytes = sampler.sample();
          if (rssBytes !== null) atPeakOpen = { open: peakOpen, rssBytes };
        }
      }
      void stream.outcome.then((outcome) => {
        open.delete(stream);
        if (finished) return;
        recorder.record(outcome, sentAtMs);
        settledCount += 1;
        if (settledCount === options.clients) finish();
      });
    };
    const tick = (): void => {
      const nowMs = elapsedMsSince(startNs);
      while (sent < options.clients && sent * intervalMs <= nowMs) {
        const dueMs = sent * intervalMs;
        sent += 1;
        const sentAtMs = elapsedMsSince(startNs);
        arrivalLags.push(sentAtMs - dueMs);
        launch(sentAtMs);
      }
      if (sent < options.clients && !finished) {
        tickTimer = setTimeout(tick, Math.max(0, Math.floor(sent * intervalMs - elapsedMsSince(startNs))));
      }
    };
    tick();
  });
}
