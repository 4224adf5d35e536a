import net from 'node:net';
import { groupOf, openAiProvider, poolOf } from '../../support/config-tree';
import { chatBody, postChat } from '../../support/chat-requests';
import { Harness, type GatewayUnderTest } from '../support/gateway-harness';

interface OpenAiError {
  error: { message: string; type: string; code: string | null; param: string | null };
}

interface RawAnswer {
  readonly text: string;
  /** Whether the gateway closed the connection before `waitMs` passed. */
  readonly closed: boolean;
}

/** Opens a raw TCP connection, writes `bytes`, and collects what comes back until close or `waitMs`. */
function rawExchange(port: number, bytes: string | Buffer, waitMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = (closed: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closed });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => finish(true));
    socket.on('connect', () => socket.write(bytes));
  });
}

/** Splits a raw HTTP/1.1 answer into its status, lower-cased headers and body. */
function parseRawAnswer(text: string): { status: number; headers: Record<string, string>; body: string } {
  const split = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...headerLines] = text.slice(0, split).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: text.slice(split + 4) };
}

function expectJsonError(text: string, status: number): OpenAiError {
  const answer = parseRawAnswer(text);
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
  expect(answer.headers.connection).toBe('close');
  const body = JSON.parse(answer.body) as OpenAiError;
  expect(body.error).toMatchObject({ type: 'invalid_request_error', param: null });
  expect(typeof body.error.message).toBe('string');
  return body;
}

/** `{"metadata":{"a":{"a":...}}}` nested `depth` levels deep inside an otherwise valid chat request. */
function deeplyNestedChat(depth: number): string {
  const nested = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return `{"model":"chat","messages":[{"role":"user","content":"hi"}],"metadata":${nested}}`;
}

/** Connects and waits until the connection is established (accepted by the kernel). */
function connected(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

function closedWithin(socket: net.Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.on('error', () => undefined);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

describe('hostile and broken clients over real HTTP', () => {
  const harness = new Harness();
  afterEach(() => harness.close());

  const BREAKER = '[circuit_breaker]\nvolume_threshold = 2\nerror_threshold_percentage = 50\nreset_timeout_ms = 600000\nmax_reset_timeout_ms = 600000';

  async function gateway(server: string): Promise<GatewayUnderTest> {
    const upstream = await harness.upstream();
    return harness.gateway({
      '_registry.toml': `[server]\n${server}\n`,
      'providers/u.toml': openAiProvider(upstream.url),
      'pools/p.toml': `${poolOf(['u'])}\n${BREAKER}\n`,
      'task-groups/chat.toml': groupOf({ only: ['p'] }),
    });
  }

  it('answers a body nested past max_json_depth with 400, and the upstream stays in service', async () => {
    const served = await gateway('max_json_depth = 64');
    for (let i = 0; i < 3; i += 1) {
      const response = await postChat(served.url, deeplyNestedChat(10_000));
      expect(response.status).toBe(400);
      const body = (await response.json()) as OpenAiError;
      expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_request', param: null });
      expect(body.error.message).toContain('64');
    }
    const pools = (await (await fetch(`${served.url}/admin/pools`)).json()) as {
      pools: { instances: { name: string; breaker: { state: string } }[] }[];
    };
    expect(pools.pools[0]?.instances[0]?.breaker.state).toBe('closed');

    const nestedButFine = await postChat(served.url, deeplyNestedChat(20));
    expect(nestedButFine.status).toBe(200);
    await nestedButFine.arrayBuffer();
    const plain = await postChat(served.url, chatBody('chat'));
    expect(plain.status).toBe(200);
    await plain.arrayBuffer();
  });

  it('answers a client that stalls its body with 408 in JSON once request_read_timeout_ms passes', async () => {
    const served = await gateway('request_read_timeout_ms = 300');
    const started = Date.now();
    const head =
      'POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{"model":';
    const answer = await rawExchange(served.port, head);
    expect(answer.closed).toBe(true);
    const body = expectJsonError(answer.text, 408);
    expect(body.error.code).toBe('request_timeout');
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('keeps an idle keep-alive connection usable past request_read_timeout_ms', async () => {
    const served = await gateway('request_read_timeout_ms = 200');
    const socket = await connected(served.port);
    try {
      const received: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => received.push(chunk));
      const ask = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
      const answers = (): number => Buffer.concat(received).toString('latin1').split('HTTP/1.1 200').length - 1;
      socket.write(ask);
      await waitFor(() => answers() === 1);
      await new Promise((resolve) => setTimeout(resolve, 600));
      socket.write(ask);
      await waitFor(() => answers() === 2);
      expect(socket.destroyed).toBe(false);
    } finally {
      socket.destroy();
    }
  });

  it('answers HTTP parser errors in OpenAI JSON: NUL in a header (400), oversized headers (431), a bad request line (400)', async () => {
    const served = await gateway('');
    const nul = await rawExchange(served.port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Bad: a\u0000b\r\n\r\n');
    expect(expectJsonError(nul.text, 400).error.code).toBe('invalid_request');

    const huge = await rawExchange(served.port, `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`);
    expect(expectJsonError(huge.text, 431).error.code).toBe('request_headers_too_large');

    const garbage = await rawExchange(served.port, 'THIS IS NOT HTTP\r\n\r\n');
    expect(expectJsonError(garbage.text, 400).error.code).toBe('invalid_request');
  });

  it('refuses connections beyond max_connections', async () => {
    const served = await gateway('max_connections = 2');
    const held = [await connected(served.port), await connected(served.port)];
    try {
      const extra = await connected(served.port);
      expect(await closedWithin(extra, 3000)).toBe(true);
      const refused = await rawExchange(served.port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 1000);
      expect(refused).toEqual({ text: '', closed: true });

      const first = held.shift() as net.Socket;
      first.destroy();
      await closedWithin(first, 1000);
      const ask = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';
      await waitFor(async () => (await rawExchange(served.port, ask, 1000)).text.startsWith('HTTP/1.1 200'));
    } finally {
      for (const socket of held) socket.destroy();
    }
  });
});

/** Polls `condition` (real timers) until it holds or three seconds pass. */
async function waitFor(condition: () => boolean | Promise<boolean>): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > 3000) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
