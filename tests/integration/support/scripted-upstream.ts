import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What a scripted upstream does with one request (its body already read). */
export type UpstreamScript = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface ScriptedUpstream {
  /** Base URL including `/v1`, as a provider's `base_url`. */
  readonly url: string;
  /** Requests received so far. */
  readonly requests: () => number;
  close(): Promise<void>;
}

/**
 * A purpose-built misbehaving upstream on 127.0.0.1 and an ephemeral port: every request is
 * answered by `script`. `close()` destroys open sockets (and stops trickle timers through them).
 */
export async function startScriptedUpstream(script: UpstreamScript): Promise<ScriptedUpstream> {
  const sockets = new Set<Socket>();
  let received = 0;
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      received += 1;
      script(req, res, Buffer.concat(parts).toString('utf8'));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const CHUNK = (text: string): string =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: text } }] })}\n\n`;

function sse(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
}

/** Ready-made misbehaviours. */
export const scripts = {
  /** A proper stream: `events` chunks, then `data: [DONE]`. */
  wellFramedStream(events = 2): UpstreamScript {
    return (_req, res) => {
      sse(res);
      for (let i = 0; i < events; i += 1) res.write(CHUNK(`part${i}`));
      res.end('data: [DONE]\n\n');
    };
  },
  /** Whole events, then the upstream closes cleanly without `data: [DONE]`. */
  streamWithoutDone(): UpstreamScript {
    return (_req, res) => {
      sse(res);
      res.write(CHUNK('one'));
      res.end(CHUNK('two'));
    };
  },
  /** One whole event, then half of the next, then a clean close. */
  streamEndingMidEvent(): UpstreamScript {
    return (_req, res) => {
      sse(res);
      res.write(CHUNK('one'));
      res.end('data: {"id":"c1","choi');
    };
  },
  /** Only part of the first event, then a clean close: nothing complete was ever sent. */
  streamCutBeforeFirstEvent(): UpstreamScript {
    return (_req, res) => {
      sse(res);
      res.end('data: {"id":"c1","choi');
    };
  },
  /** `bytes` of stream in events of about 1 KiB, then `[DONE]`. */
  hugeStream(bytes: number): UpstreamScript {
    return (_req, res) => {
      sse(res);
      const event = CHUNK('x'.repeat(1000));
      for (let sent = 0; sent < bytes; sent += event.length) res.write(event);
      res.end('data: [DONE]\n\n');
    };
  },
  /** One event every `everyMs`, forever (until the socket closes). */
  tricklingStream(everyMs: number): UpstreamScript {
    return (_req, res) => {
      sse(res);
      res.write(CHUNK('first'));
      const timer = setInterval(() => res.write(CHUNK('more')), everyMs);
      res.once('close', () => clearInterval(timer));
    };
  },
  /** A 200 whose body is not JSON. */
  invalidJson(): UpstreamScript {
    return (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "chatcmpl-1", "choices": [');
    };
  },
  /** A valid completion padded to `bytes`; `declareLength` false sends it chunked (no content-length). */
  hugeCompletion(bytes: number, declareLength: boolean): UpstreamScript {
    return (_req, res) => {
      const body = JSON.stringify({ id: 'c1', object: 'chat.completion', choices: [], padding: 'x'.repeat(bytes) });
      res.writeHead(200, { 'content-type': 'application/json', ...(declareLength ? { 'content-length': Buffer.byteLength(body) } : {}) });
      if (declareLength) res.end(body);
      else {
        res.write(body.slice(0, 1024));
        res.end(body.slice(1024));
      }
    };
  },
  /** An error answer whose message repeats every request header, credentials included. */
  echoHeaders(status: number): UpstreamScript {
    return (req, res) => {
      const message = `bad request; you sent: ${JSON.stringify(req.headers)}`;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message, type: 'server_error' } }));
    };
  },
};
