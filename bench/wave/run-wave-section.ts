import type { BenchSettings } from '../bench-settings';
import type { ChatTarget } from '../load/chat-target';
import { WaveKeyValues, type WaveKey } from '../measure/target-keys';
import { checkTargetsAnswer } from '../servers/check-targets-answer';
import { runWave } from './run-wave';
import type { WaveResults, WaveRun } from './wave-results';

/** Between two targets' waves: the last connections close and the servers settle. */
const PauseBetweenWavesMs = 1_500;

/**
 * The streaming wave against direct, the parsing bare proxy and both gateways in turn, each on its
 * route to the wave upstream (long streams: `waveChunks` chunks `waveChunkDelayMs` apart).
 */
export async function runWaveSection(
  targets: Readonly<Record<WaveKey, ChatTarget>>,
  settings: BenchSettings,
  progress: (line: string) => void,
): Promise<WaveResults> {
  await Promise.all(WaveKeyValues.map((key) => checkTargetsAnswer([targets[key]])));
  const rounds: Record<WaveKey, WaveRun>[] = [];
  for (let round = 1; round <= settings.waveRounds; round += 1) rounds.push(await runRound(targets, settings, round, progress));
  return {
    clients: settings.waveClients,
    arrivalMs: settings.waveArrivalMs,
    chunks: settings.waveChunks,
    chunkDelayMs: settings.waveChunkDelayMs,
    rounds,
  };
}

/** One wave against each target in turn. */
async function runRound(
  targets: Readonly<Record<WaveKey, ChatTarget>>,
  settings: BenchSettings,
  round: number,
  progress: (line: string) => void,
): Promise<Record<WaveKey, WaveRun>> {
  const runs = {} as Record<WaveKey, WaveRun>;
  for (const key of WaveKeyValues) {
    const target = targets[key];
    progress(`wave ${round}/${settings.waveRounds}: ${settings.waveClients} streaming clients over ${settings.waveArrivalMs} ms against ${target.label} ...`);
    await pause(PauseBetweenWavesMs);
    const run = await runWave(target, {
      clients: settings.waveClients,
      arrivalMs: settings.waveArrivalMs,
      streamMs: settings.waveChunks * settings.waveChunkDelayMs,
      upstreamPid: key === 'direct' ? undefined : targets.direct.pid,
    });
    runs[key] = run;
    const mb = (bytes: number | null): string => (bytes === null ? 'n/a' : (bytes / 2 ** 20).toFixed(1));
    const ttft = run.firstChunk === null ? 'n/a' : `${run.firstChunk.p50Ms.toFixed(1)}/${run.firstChunk.p95Ms.toFixed(1)}`;
    progress(
      `wave: ${target.label}: ${run.completed} complete, ${run.errors} errors, ttft p50/p95 ${ttft} ms, ` +
        `peak ${run.peakOpen} open, rss max ${mb(run.rss.maxBytes)} MB`,
    );
  }
  return runs;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
