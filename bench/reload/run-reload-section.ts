import path from 'node:path';
import { Pool } from 'undici';
import type { BenchSettings } from '../bench-settings';
import { ChatCompletionsPath, type ChatTarget } from '../load/chat-target';
import { median } from '../load/median';
import { latencyRoundWarmupS, type RoundSummary } from '../measure/latency-rounds';
import type { LoadShape } from '../measure/measure-plan';
import { measureTarget, type MeasuredRun } from '../measure/measure-target';
import type { RunSummary } from '../measure/run-summary';
import type { ChildProcessGroup } from '../processes/child-process-group';
import { pickFreePorts } from '../processes/pick-free-ports';
import { waitUntilReady } from '../processes/wait-until-ready';
import { checkTargetsAnswer } from '../servers/check-targets-answer';
import { writeLargeConfigTree } from './large-config-tree';
import { postReload, type TimedReload } from './post-reload';
import { startReloadTicker } from './reload-ticker';
import type { ReloadLatencyRound, ReloadResults } from './reload-results';
import { summarizeReloads } from './summarize-reloads';

export interface ReloadSectionInputs {
  readonly cliMain: string;
  readonly workDir: string;
  /** The bench's mock upstream, which every provider of the large tree points at. */
  readonly mockOrigin: string;
}

/**
 * Starts a second gateway on a generated tree of 500 instances (`--no-watch`: only the bench's
 * `POST /admin/reload` reloads it, so each rewrite is one reload), then measures (1) reloads one
 * after another on the idle gateway, and (2) fixed-rate latency without reloads, then with a reload
 * every `reloadIntervalMs`, in rounds.
 */
export async function runReloadSection(
  children: ChildProcessGroup,
  inputs: ReloadSectionInputs,
  settings: BenchSettings,
  progress: (line: string) => void,
): Promise<ReloadResults> {
  const [port] = await pickFreePorts(1);
  if (port === undefined) throw new Error('no free port');
  const origin = `http://127.0.0.1:${port}`;
  const configDir = path.join(inputs.workDir, 'config-large');
  const tree = await writeLargeConfigTree(configDir, port, `${inputs.mockOrigin}/v1`);
  const gateway = children.start(
    'gateway (large tree)',
    [inputs.cliMain, 'serve', '--config', configDir, '--port', String(port), '--no-watch'],
    path.join(inputs.workDir, 'gateway-large.log'),
  );
  await waitUntilReady(gateway, `${origin}/readyz`, settings.readyTimeoutS * 1000);
  const target: ChatTarget = { label: `gateway, ${tree.shape.instances} instances`, origin, path: ChatCompletionsPath, model: tree.model };
  await checkTargetsAnswer([target]);

  const admin = new Pool(origin, { connections: 1, headersTimeout: 30_000, bodyTimeout: 30_000 });
  let version = 1;
  try {
    // One unmeasured reload first: the first one in a fresh process also pays for compiling the code.
    await tree.touch(version++);
    await postReload(admin);
    progress(`reload: ${settings.reloadCount} reloads on the idle gateway (${tree.shape.pools} pools, ${tree.shape.instances} instances) ...`);
    const idle: TimedReload[] = [];
    for (let index = 0; index < settings.reloadCount; index += 1) {
      await tree.touch(version++);
      idle.push(await postReload(admin));
    }

    const shape: LoadShape = { loop: 'open', ratePerSecond: settings.rate, durationS: settings.latencyS };
    const rounds: ReloadLatencyRound[] = [];
    for (let round = 1; round <= settings.reloadRounds; round += 1) {
      const section = `reload round ${round}/${settings.reloadRounds}`;
      progress(`${section}: ${settings.rate} req/s without reloads ...`);
      const without = await measureTarget(target, { stream: false, warmupS: latencyRoundWarmupS(settings.warmupS, round), shape });
      progress(`${section}: ${settings.rate} req/s with a reload every ${settings.reloadIntervalMs} ms ...`);
      const ticker = startReloadTicker(admin, tree.touch, version, settings.reloadIntervalMs);
      let during: TimedReload[] = [];
      let withReloads: MeasuredRun;
      try {
        withReloads = await measureTarget(target, { stream: false, warmupS: latencyRoundWarmupS(settings.warmupS, 2), shape });
      } finally {
        during = await ticker.stop();
        version += during.length;
      }
      const done: ReloadLatencyRound = {
        round,
        withoutReloads: withoutTimeline(without.summary),
        withReloads: withoutTimeline(withReloads.summary),
        reloads: summarizeReloads(during),
        added: {
          p50Ms: difference(withReloads.summary, without.summary, 'p50Ms'),
          p99Ms: difference(withReloads.summary, without.summary, 'p99Ms'),
        },
      };
      rounds.push(done);
      const ms = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(3));
      progress(`${section}: ${during.length} reloads; p99 ${ms(without.summary.latency?.p99Ms ?? null)} -> ${ms(withReloads.summary.latency?.p99Ms ?? null)} ms`);
    }
    const medianOf = (pick: (round: ReloadLatencyRound) => number | null): number | null => median(rounds.map(pick));
    return {
      tree: tree.shape,
      idle: summarizeReloads(idle),
      latency: {
        ratePerSecond: settings.rate,
        intervalMs: settings.reloadIntervalMs,
        rounds,
        medians: {
          withoutReloads: {
            p50Ms: medianOf((round) => round.withoutReloads.latency?.p50Ms ?? null),
            p99Ms: medianOf((round) => round.withoutReloads.latency?.p99Ms ?? null),
          },
          withReloads: {
            p50Ms: medianOf((round) => round.withReloads.latency?.p50Ms ?? null),
            p99Ms: medianOf((round) => round.withReloads.latency?.p99Ms ?? null),
          },
          added: { p50Ms: medianOf((round) => round.added.p50Ms), p99Ms: medianOf((round) => round.added.p99Ms) },
        },
      },
    };
  } finally {
    await admin.close();
  }
}

function difference(later: RunSummary, earlier: RunSummary, key: 'p50Ms' | 'p99Ms'): number | null {
  if (later.latency === null || earlier.latency === null) return null;
  return later.latency[key] - earlier.latency[key];
}

function withoutTimeline(run: RunSummary): RoundSummary {
  const { timeline: _timeline, ...rest } = run;
  return rest;
}
