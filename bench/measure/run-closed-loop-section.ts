import type { ChatTarget } from '../load/chat-target';
import { median } from '../load/median';
import { latencyRoundWarmupS, withoutTimeline, type RoundSummary } from './latency-rounds';
import type { MeasuredRun } from './measure-target';
import type { LoadShape, MeasurePlan } from './measure-plan';
import { mergeRuns } from './merge-runs';
import type { MeasureOne } from './run-latency-section';
import type { RunSummary } from './run-summary';
import { BaselineKey, ProxyKeyValues, recordOf, type ProxyKey } from './target-keys';

/** One round of a closed-loop section: every proxy and gateway once, and each one's share of the baseline's req/s. */
export interface ClosedLoopRound {
  /** From 1. */
  readonly round: number;
  readonly runs: Readonly<Record<ProxyKey, RoundSummary>>;
  /** req/s as a percentage of the parsing bare proxy's in the same round. */
  readonly sharePercent: Readonly<Record<ProxyKey, number | null>>;
}

/** Max throughput (non-streamed) or streaming throughput of every proxy and gateway, in rounds. */
export interface ClosedLoopSection {
  readonly stream: boolean;
  readonly shape: LoadShape;
  /** Every round's samples of one target together; req/s = answers over the summed measured time. */
  readonly merged: Readonly<Record<ProxyKey, RunSummary>>;
  readonly rounds: readonly ClosedLoopRound[];
  /** Median over rounds of each round's share (what the targets judge). */
  readonly medianSharePercent: Readonly<Record<ProxyKey, number | null>>;
}

/**
 * `rounds` rounds of every proxy and gateway in turn, closed loop: as in the latency sections, a
 * burst of noise on a small VM then skews one round's ratio, not the verdict. Full warm-up before
 * a target's first run, 0.5 s before later ones.
 */
export async function runClosedLoopSection(
  name: string,
  targets: Readonly<Record<ProxyKey, ChatTarget>>,
  plan: { readonly stream: boolean; readonly warmupS: number; readonly shape: LoadShape; readonly rounds: number },
  measure: MeasureOne,
): Promise<ClosedLoopSection> {
  const runs = recordOf(ProxyKeyValues, (): MeasuredRun[] => []);
  const rounds: ClosedLoopRound[] = [];
  for (let round = 1; round <= plan.rounds; round += 1) {
    const one: MeasurePlan = { stream: plan.stream, warmupS: latencyRoundWarmupS(plan.warmupS, round), shape: plan.shape };
    const summaries = {} as Record<ProxyKey, RunSummary>;
    for (const key of ProxyKeyValues) {
      const measured = await measure(`${name} round ${round}/${plan.rounds}`, targets[key], one);
      runs[key].push(measured);
      summaries[key] = measured.summary;
    }
    const baseline = summaries[BaselineKey].requestsPerSecond;
    rounds.push({
      round,
      runs: recordOf(ProxyKeyValues, (key) => withoutTimeline(summaries[key])),
      sharePercent: recordOf(ProxyKeyValues, (key) => (baseline > 0 ? (summaries[key].requestsPerSecond / baseline) * 100 : null)),
    });
  }
  return {
    stream: plan.stream,
    shape: plan.shape,
    merged: recordOf(ProxyKeyValues, (key) => mergeRuns(targets[key].label, plan.shape, plan.stream, runs[key])),
    rounds,
    medianSharePercent: recordOf(ProxyKeyValues, (key) => median(rounds.map((round) => round.sharePercent[key]))),
  };
}
