import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readBenchSettings } from './bench-settings';
import { runBenchPlan } from './measure/run-bench-plan';
import { ChildProcessGroup } from './processes/child-process-group';
import { countLines } from './processes/count-lines';
import { stopChildrenOnExit } from './processes/stop-children-on-exit';
import type { BenchResults } from './report/bench-results';
import { evaluateTargets } from './report/evaluate-targets';
import { formatReport } from './report/format-report';
import { writeResults } from './report/write-results';
import { runReloadSection } from './reload/run-reload-section';
import { checkTargetsAnswer } from './servers/check-targets-answer';
import { startBenchServers } from './servers/start-bench-servers';

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
    progress(`starting mock-upstream, bare proxy and gateway (logs in ${workDir})`);
    const servers = await startBenchServers(children, { cliMain: CliMain, bareProxyMain: BareProxyMain, workDir }, settings);
    await checkTargetsAnswer([servers.direct, servers.bareProxy, servers.gateway]);
    const measured = await runBenchPlan(servers, settings, progress);
    // Last, so that its second gateway process is not running while the other sections measure.
    const reload = settings.reload
      ? await runReloadSection(children, { cliMain: CliMain, workDir, mockOrigin: servers.direct.origin }, settings, progress)
      : null;
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
      reload,
      targets: evaluateTargets({ rate: settings.rate, latency: measured.latency, throughput: measured.throughput }),
      gatewayLogLines: await countLines(servers.gatewayLogFile),
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
