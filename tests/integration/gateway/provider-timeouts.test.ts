import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { groupOf, openAiProvider, poolOf } from '../../support/config-tree';
import { chatBody, postChat } from '../../support/chat-requests';
import { eventually, Harness } from '../support/gateway-harness';

/**
 * A loopback port whose listener accepts nothing: a child process listens with a backlog of 1,
 * then blocks its own event loop (Atomics.wait, no CPU spent), so once the kernel's accept queue
 * is full, further connection attempts get no answer to their SYN and simply hang.
 */
async function unansweredPort(): Promise<{ port: number; close(): Promise<void> }> {
  const script = [
    "const server = require('node:net').createServer();",
    "server.listen({ host: '127.0.0.1', port: 0, backlog: 1 }, () => {",
    '  process.stdout.write(`${server.address().port}\\n`);',
    '  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120000);',
    '});',
  ].join('\n');
  const child: ChildProcess = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(Number(text.trim()));
    });
    child.once('exit', (code) => reject(new Error(`the listener exited early (${String(code)})`)));
  });
  // Fill the accept queue: connect until an attempt is left hanging.
  const fillers: net.Socket[] = [];
  for (let i = 0; i < 16; i += 1) {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    fillers.push(socket);
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 300);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!connected) break;
    if (i === 15) throw new Error('the listener kept accepting connections');
  }
  return {
    port,
    close: async () => {
      for (const socket of fillers) socket.destroy();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

describe('provider timeouts over real HTTP', () => {
  const harness = new Harness();
  afterEach(() => harness.close());

  it('idle_timeout_ms: a stream that goes silent after its first chunk ends with a stream_interrupted event', async () => {
    // First chunk at once, then 3 s between chunks: far past the 200 ms idle timeout (which undici checks on a coarse timer).
    const silent = await harness.upstream({ chunks: 4, chunkDelayMs: 3000, reply: 'one two three four' });
    const gateway = await harness.gateway({
      'providers/s.toml': openAiProvider(silent.url, 'idle_timeout_ms = 200'),
      'pools/p.toml': poolOf(['s']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }),
    });
    const response = await postChat(gateway.url, chatBody('chat', true));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('[DONE]');
    const events = text.trim().split('\n\n');
    expect(events.length).toBe(2);
    expect(JSON.parse((events[1] ?? '').replace(/^data: /, ''))).toMatchObject({ error: { code: 'stream_interrupted' } });
    // The gateway gave the upstream up: its stream was left before the end.
    await eventually(() => silent.stats().active === 0);
    expect(silent.stats().aborted).toBe(1);
  });

  const linuxOnly = process.platform === 'linux' ? it : it.skip;

  linuxOnly('connect_timeout_ms: an upstream that never completes the TCP handshake fails the attempt after that long', async () => {
    const stuck = await unansweredPort();
    try {
      const gateway = await harness.gateway({
        // request_timeout_ms and the deadline are far longer, so only the connect timeout can end the attempt in time.
        'providers/stuck.toml': openAiProvider(`http://127.0.0.1:${stuck.port}/v1`, 'connect_timeout_ms = 300').replace(
          'request_timeout_ms = 2000',
          'request_timeout_ms = 20000',
        ),
        'pools/p.toml': poolOf(['stuck']),
        'task-groups/chat.toml': groupOf({ only: ['p'] }, 'max_attempts = 1\ntimeout_ms = 20000'),
      });
      const begin = Date.now();
      const response = await postChat(gateway.url, chatBody('chat'));
      const elapsed = Date.now() - begin;
      const body = (await response.json()) as { error: { code: string; attempts: { failure: string; message: string }[] } };
      expect(response.status).toBe(503);
      expect(body.error.code).toBe('all_attempts_failed');
      expect(body.error.attempts).toEqual([
        expect.objectContaining({ failure: 'transient', message: expect.stringMatching(/^UND_ERR_CONNECT_TIMEOUT: .*timeout: 300ms/) }),
      ]);
      // undici checks connect timeouts on a coarse (about half a second) timer; the default would be 5 s.
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(4_000);
    } finally {
      await stuck.close();
    }
  });
});
