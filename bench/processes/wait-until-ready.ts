import { request } from 'undici';
import type { BenchChild } from './child-process-group';
import { readLogTail } from './read-log-tail';

const PollIntervalMs = 100;

/**
 * Polls `url` until it answers 200. Fails at once if the child exits, and after `timeoutMs`;
 * either error carries the tail of the child's log.
 */
export async function waitUntilReady(child: BenchChild, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    const exit = child.exitStatus();
    if (exit !== undefined) throw notReady(child, `exited (${exit}) before it was ready`);
    try {
      const { statusCode, body } = await request(url, { headersTimeout: 2_000, bodyTimeout: 2_000 });
      await body.arrayBuffer();
      if (statusCode === 200) return;
      lastProblem = `GET ${url} answered ${statusCode}`;
    } catch (error) {
      lastProblem = `GET ${url}: ${error instanceof Error ? error.message : String(error)}`;
    }
    await new Promise((resolve) => setTimeout(resolve, PollIntervalMs));
  }
  throw notReady(child, `was not ready after ${timeoutMs} ms (${lastProblem})`);
}

function notReady(child: BenchChild, what: string): Error {
  const tail = readLogTail(child.logFile);
  return new Error(`${child.name} ${what}; log ${child.logFile}${tail === '' ? ' is empty' : `:\n${tail}`}`);
}
