import type { Command } from 'commander';
import { startMockUpstream } from '../../mock-upstream/start-mock-upstream';
import { parseNonNegativeInteger, parsePort, parseRate } from './parse-options';

interface MockUpstreamOptions {
  readonly host: string;
  readonly port: number;
  readonly latencyMs?: number;
  readonly ttftMs?: number;
  readonly chunkDelayMs?: number;
  readonly chunks?: number;
  readonly failureRate?: number;
  readonly failureStatus?: number;
  readonly hangRate?: number;
  readonly resetRate?: number;
  readonly reply?: string;
}

/** `switchyard mock-upstream`: a real OpenAI-compatible HTTP upstream with fault knobs, for tests, demos and the benchmark. */
export function registerMockUpstreamCommand(program: Command): void {
  program
    .command('mock-upstream')
    .description('run a simulated OpenAI-compatible upstream; knobs can be changed at run time via POST /_control')
    .option('-H, --host <host>', 'listen address', '127.0.0.1')
    .option('-p, --port <port>', 'listen port (0 picks a free one)', parsePort, 9101)
    .option('--latency-ms <ms>', 'delay before a non-streamed answer', parseNonNegativeInteger)
    .option('--ttft-ms <ms>', 'delay before the first streamed chunk (default: latency)', parseNonNegativeInteger)
    .option('--chunk-delay-ms <ms>', 'delay between streamed chunks', parseNonNegativeInteger)
    .option('--chunks <n>', 'text pieces per streamed reply', parseNonNegativeInteger)
    .option('--failure-rate <rate>', 'share of requests answered with --failure-status (0..1)', parseRate)
    .option('--failure-status <status>', 'status of failed answers', parseNonNegativeInteger)
    .option('--hang-rate <rate>', 'share of requests never answered (0..1)', parseRate)
    .option('--reset-rate <rate>', 'share of requests whose connection is reset (0..1)', parseRate)
    .option('--reply <text>', 'fixed reply text (default: echo of the last user message)')
    .action(async (options: MockUpstreamOptions) => {
      const upstream = await startMockUpstream({
        host: options.host,
        port: options.port,
        knobs: {
          ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
          ...(options.ttftMs !== undefined ? { ttftMs: options.ttftMs } : {}),
          ...(options.chunkDelayMs !== undefined ? { chunkDelayMs: options.chunkDelayMs } : {}),
          ...(options.chunks !== undefined ? { chunks: options.chunks } : {}),
          ...(options.failureRate !== undefined ? { failureRate: options.failureRate } : {}),
          ...(options.failureStatus !== undefined ? { failureStatus: options.failureStatus } : {}),
          ...(options.hangRate !== undefined ? { hangRate: options.hangRate } : {}),
          ...(options.resetRate !== undefined ? { resetRate: options.resetRate } : {}),
          ...(options.reply !== undefined ? { reply: options.reply } : {}),
        },
      });
      process.stdout.write(`mock-upstream listening on ${upstream.url}\n`);
      const stop = (): void => {
        void upstream.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
