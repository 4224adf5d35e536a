import type { BenchSettings } from '../bench-settings';
import type { ChatTarget } from '../load/chat-target';
import { latencyMedians, latencyRound, latencyRoundWarmupS, type LatencyMedians, type LatencyRound } from './latency-rounds';
import type { MeasuredRun } from './measure-target';
import type { LoadShape, MeasurePlan } from './measure-plan';
import { mergeRuns } from './merge-runs';
import type { RunSummary } from './run-summary';
import { recordOf, TargetKeyValues, type TargetKey } from './target-keys';

/** Fixed-rate latency of every target, non-streamed or streamed, in rounds. */
export interface LatencySection {
  readonly stream: boolean;
  /** Every round's samples of one target together (the timeline lists each round's seconds). */
  readonly merged: Readonly<Record<TargetKey, RunSummary>>;
  readonly rounds: readonly LatencyRound[];
  readonly medians: LatencyMedians;
}

/** Measures one target with one plan, reporting progress. */
export type MeasureOne = (section: string, target: ChatTarget, plan: MeasurePlan) => Promise<MeasuredRun>;

/**
 * `latencyRounds` rounds; each measures every target non-streamed, then every target streamed, at
 * the fixed rate, each run with its own fresh connection pool (see latency-rounds.ts).
 */
export async function runLatencySection(
  targets: Readonly<Record<TargetKey, ChatTarget>>,
  settings: BenchSettings,
  measure: MeasureOne,
  progress: (line: string) => void,
): Promise<{ readonly nonStreamed: LatencySection; readonly streamed: LatencySection }> {
  const shape: LoadShape = { loop: 'open', ratePerSecond: settings.rate, durationS: settings.latencyS };
  const collected = {
    nonStreamed: { runs: recordOf(TargetKeyValues, (): MeasuredRun[] => []), rounds: [] as LatencyRound[] },
    streamed: { runs: recordOf(TargetKeyValues, (): MeasuredRun[] => []), rounds: [] as LatencyRound[] },
  };
  for (let round = 1; round <= settings.latencyRounds; round += 1) {
    for (const stream of [false, true]) {
      const kind = stream ? 'streamed' : 'non-streamed';
      const section = `latency round ${round}/${settings.latencyRounds}, ${kind}`;
      const into = stream ? collected.streamed : collected.nonStreamed;
      const plan: MeasurePlan = { stream, warmupS: latencyRoundWarmupS(settings.warmupS, round), shape };
      const summaries = {} as Record<TargetKey, RunSummary>;
      for (const key of TargetKeyValues) {
        const measured = await measure(section, targets[key], plan);
        into.runs[key].push(measured);
        summaries[key] = measured.summary;
      }
      const done = latencyRound(round, stream, summaries);
      into.rounds.push(done);
      const added = done.added[stream ? 'firstChunk' : 'answer'];
      const ms = (value: number | null | undefined): string => (value == null ? 'n/a' : value.toFixed(3));
      progress(
        `${section}: added over direct p50/p99 ms: gateway ${ms(added?.gateway.p50Ms)}/${ms(added?.gateway.p99Ms)}, ` +
          `realistic ${ms(added?.realisticGateway.p50Ms)}/${ms(added?.realisticGateway.p99Ms)}, ` +
          `parsing proxy ${ms(added?.parsingProxy.p50Ms)}/${ms(added?.parsingProxy.p99Ms)}`,
      );
    }
  }
  const section = (stream: boolean): LatencySection => {
    const { runs, rounds } = stream ? collected.streamed : collected.nonStreamed;
    return {
      stream,
      merged: recordOf(TargetKeyValues, (key) => mergeRuns(targets[key].label, shape, stream, runs[key])),
      rounds,
      medians: latencyMedians(rounds, stream),
    };
  };
  return { nonStreamed: section(false), streamed: section(true) };
}
