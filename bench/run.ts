import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readBenchSettings } from './bench-settings';
import { runBenchPlan } from './measure/run-bench-plan';
import { ChildProcessGroup } from './processes/child-process-group';
import { countLines } from './processes/count-lines';
import { rssCheckpoint } from './processes/rss-checkpoints';
import { stopChildrenOnExit } from './processes/stop-children-on-exit';
import type { BenchResults } from './report/bench-results';
import { evaluateTargets } from './report/evaluate-targets';
import { formatReport } from './report/format-report';
import { writeResults } from './report/write-results';
import { runReloadSection } from './reload/run-reload-section';
import { GatewayKeyValues, recordOf, TargetKeyValues } from './measure/target-keys';
import { checkTargetsAnswer } from './servers/check-targets-answer';
import { startBenchServers } from './servers/start-bench-servers';
import { runSoak } from './soak/run-soak';
import { runWaveSection } from './wave/run-wave-section';

/*
 * `npm run bench`: drives the built CLI (dist/) as separate processes, never src/ directly.
 * Exit 0 with a report even when a target fails; non-zero only when the bench could not run.
 */

/** This file runs from dist-bench/bench/run.js. */
const RepoRoot = path.resolve(__dirname, '..', '..');
const CliMain = path.join(RepoRoot, 'dist', 'interfaces', 'cli', 'main.js');
const BareProxyMain = path.join(__dirname, 'bare-proxy.js');
const ResultsDir = path.join(RepoRoot, 'bench', 'results');

async function main(): Promise<void> {
  const settings = readBenchSettings(process.env);
  if (!existsSync(CliMain)) throw new Error(`${CliMain} is missing: run npm run build first`);
  const progress = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);
  const startedAt = new Date().toISOString();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'switchyard-bench-'));
  const children = new ChildProcessGroup();
  stopChildrenOnExit(children);
  let finished = false;
  try {
    progress(`starting two mock upstreams, two bare proxies and two gateways (logs in ${workDir})`);
    const servers = await startBenchServers(children, { cliMain: CliMain, bareProxyMain: BareProxyMain, workDir }, settings);
    const { targets } = servers;
    await checkTargetsAnswer(TargetKeyValues.map((key) => targets[key]));
    const gatewayRss = [rssCheckpoint('start', targets)];
    const measured = await runBenchPlan(targets, settings, progress);
    gatewayRss.push(rssCheckpoint('latency, throughput, streaming', targets));
    const wave = settings.wave ? await runWaveSection(servers.waveTargets, settings, progress) : null;
    if (wave !== null) gatewayRss.push(rssCheckpoint('wave', targets));
    const soak = settings.soakS > 0 ? await runSoak(targets, settings, progress) : null;
    if (soak !== null) gatewayRss.push(rssCheckpoint('soak', targets));
    // Last, so that its third gateway process is not running while the other sections measure.
    const reload = settings.reload
      ? await runReloadSection(children, { cliMain: CliMain, workDir, mockOrigin: targets.direct.origin }, settings, progress)
      : null;
    const gatewayLogLines = recordOf(GatewayKeyValues, () => 0);
    for (const key of GatewayKeyValues) gatewayLogLines[key] = await countLines(servers.gatewayLogFiles[key]);
    const cpus = os.cpus();
    const results: BenchResults = {
      startedAt,
      finishedAt: new Date().toISOString(),
      environment: {
        node: process.version,
        platform: `${process.platform}/${process.arch}`,
        cpus: cpus.length,
        cpuModel: cpus[0]?.model.trim() ?? 'unknown',
        loadAverage: os.loadavg(),
      },
      settings,
      ...measured,
      wave,
      soak,
      reload,
      targets: evaluateTargets({ rate: settings.rate, ...measured, wave, soak }),
      gatewayLogLines,
      gatewayRss,
    };
    const file = await writeResults(ResultsDir, results);
    process.stdout.write(`\n${formatReport(results, path.relative(process.cwd(), file))}`);
    finished = true;
  } finally {
    await children.stopAll();
    if (finished && !settings.keepTemp) await rm(workDir, { recursive: true, force: true });
    else progress(`logs and config kept in ${workDir}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench could not run: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
