import { startMockUpstream, type MockUpstream } from '../../../src/interfaces/mock-upstream/start-mock-upstream';
import type { MockUpstreamKnobs } from '../../../src/interfaces/mock-upstream/mock-upstream-knobs';
import { startServer, type SwitchyardServer } from '../../../src/interfaces/http/start-server';
import type { Logger } from '../../../src/application/ports/logger';
import { silentLogger } from '../../support/capturing-logger';
import { writeConfigTree } from '../../support/config-tree';

/** A served gateway and the temp folder holding its configuration tree. */
export type GatewayUnderTest = SwitchyardServer & { readonly configDir: string };

export interface GatewayTestOptions {
  /** Reload on file changes. Off here (unlike `startServer`), so a test reloads only when it asks to. */
  readonly watch?: boolean;
}

/** Owns everything a test started, so that one `close()` in `afterEach` shuts it all down. */
export class Harness {
  private readonly closers: (() => Promise<void>)[] = [];

  public async upstream(knobs: Partial<MockUpstreamKnobs> = {}): Promise<MockUpstream> {
    const upstream = await startMockUpstream({ knobs });
    this.closers.push(() => upstream.close());
    return upstream;
  }

  public async gateway(
    files: Readonly<Record<string, string>>,
    logger: Logger = silentLogger,
    options: GatewayTestOptions = {},
  ): Promise<GatewayUnderTest> {
    const tree = await writeConfigTree(files);
    this.closers.push(() => tree.remove());
    const server = await startServer({ configDir: tree.dir, host: '127.0.0.1', port: 0, logger, watch: options.watch ?? false });
    this.closers.push(() => server.close());
    return Object.assign(server, { configDir: tree.dir });
  }

  public async close(): Promise<void> {
    for (const close of this.closers.splice(0).reverse()) await close();
  }
}

/** Polls an asynchronous `condition` (real timers) until it holds or `timeoutMs` passes. */
export async function eventuallyAsync(condition: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Polls `condition` (real timers) until it holds or `timeoutMs` passes. */
export async function eventually(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
