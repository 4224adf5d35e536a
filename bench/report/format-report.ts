import { GatewayKeyValues, TargetLabels } from '../measure/target-keys';
import { alignColumns } from './align-columns';
import type { BenchResults } from './bench-results';
import { mbText } from './format-cells';
import { formatLatencySection } from './format-latency-section';
import { formatReloadSection } from './format-reload-section';
import { formatSoakSection } from './format-soak-section';
import { formatStreamingSection, formatThroughputSection } from './format-throughput-section';
import { formatWaveSection } from './format-wave-section';

/** The human-readable report printed at the end of a run. */
export function formatReport(results: BenchResults, resultsFile: string): string {
  const { environment, targets } = results;
  const passed = targets.filter((verdict) => verdict.verdict === 'PASS').length;
  const logLines = GatewayKeyValues.map((key) => `${TargetLabels[key]} ${results.gatewayLogLines[key]}`).join(', ');
  const lines = [
    `Switchyard benchmark, ${results.startedAt}`,
    `node ${environment.node} on ${environment.platform}, ${environment.cpus} × ${environment.cpuModel}, ` +
      `load average ${environment.loadAverage.map((load) => load.toFixed(2)).join(' ')}`,
    `upstream pools: ${results.settings.upstreamConnections} connections in both bare proxies (undici Pool) ` +
      'and in every gateway provider (max_connections)',
    '',
    ...formatLatencySection(results, results.latency.nonStreamed, 1),
    '',
    ...formatLatencySection(results, results.latency.streamed, 2),
    '',
    ...formatThroughputSection(results, 3),
    '',
    ...formatStreamingSection(results, 4),
    '',
    ...formatWaveSection(results, 5),
    '',
    ...formatSoakSection(results, 6),
    '',
    ...formatReloadSection(results, 7),
    '',
    `Targets: ${passed} of ${targets.length} hold`,
    alignColumns(
      targets.map((verdict) => [
        verdict.verdict,
        verdict.target,
        verdict.measured === null ? 'n/a' : `${verdict.measured.toFixed(verdictDigits(verdict.unit))} ${verdict.unit}`,
        verdict.note ?? '',
      ]),
      'llrl',
    ),
    '',
    `Gateway RSS (MB) after: ${results.gatewayRss
      .map((point) => `${point.after} ${GatewayKeyValues.map((key) => mbText(point.rssBytes[key])).join(' / ')}`)
      .join('; ')} (minimal / realistic)`,
    `Gateway log lines: ${logLines}. Results: ${resultsFile}`,
  ];
  return `${lines.join('\n')}\n`;
}

function verdictDigits(unit: string): number {
  switch (unit) {
    case 'ms':
      return 3;
    case '×':
      return 2;
    default:
      return 1;
  }
}
