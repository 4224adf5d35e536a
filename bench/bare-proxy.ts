import { createServer, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';

/*
 * The baseline: what plain Node does when it only relays a request to the mock and pipes the
 * answer back (streams included), with no routing, validation or logging.
 *
 * Pass-through (default): the body is read and forwarded as bytes. With --parse, the body is
 * JSON.parse'd, `model` is set to --model, and it is JSON.stringify'd again before it is
 * forwarded: the least any gateway that routes on `model` has to do, so the fair baseline for one.
 *
 * Requests under `/wave/...` go to --wave-upstream (with the prefix removed), the rest to
 * --upstream; each upstream has its own undici Pool with the same settings.
 * Usage: node bare-proxy.js --port P --upstream http://127.0.0.1:M [--wave-upstream http://127.0.0.1:W]
 *        [--parse] [--model NAME] [--connections N]
 */

const HopByHopHeaders = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);
const WavePrefix = '/wave';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    upstream: { type: 'string' },
    'wave-upstream': { type: 'string' },
    parse: { type: 'boolean', default: false },
    model: { type: 'string', default: 'bench-model' },
    connections: { type: 'string', default: '1024' },
  },
});
const port = Number(values.port);
const connections = Number(values.connections);
if (
  !Number.isInteger(port) ||
  port < 1 ||
  port > 65535 ||
  !Number.isInteger(connections) ||
  connections < 1 ||
  values.upstream === undefined
) {
  process.stderr.write(
    'usage: bare-proxy --port P --upstream http://127.0.0.1:M [--wave-upstream URL] [--parse] [--model NAME] [--connections N]\n',
  );
  process.exit(2);
}
const parseBody = values.parse;
const upstreamModel = values.model;

const openPool = (origin: string): Pool =>
  new Pool(origin, {
    connections,
    pipelining: 1,
    keepAliveTimeout: 60_000,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
const mainPool = openPool(values.upstream);
const wavePool = values['wave-upstream'] === undefined ? undefined : openPool(values['wave-upstream']);

const server = createServer({ noDelay: true }, (req, res) => {
  relay(req, res).catch((error: unknown) => fail(res, error));
});
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

async function relay(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method === 'POST' ? 'POST' : req.method === 'GET' ? 'GET' : undefined;
  if (method === undefined) {
    req.resume();
    res.writeHead(405).end();
    return;
  }
  let path = req.url ?? '/';
  let upstream = mainPool;
  if (wavePool !== undefined && path.startsWith(`${WavePrefix}/`)) {
    path = path.slice(WavePrefix.length);
    upstream = wavePool;
  }
  const parts: Buffer[] = [];
  for await (const part of req as AsyncIterable<Buffer>) parts.push(part);
  const received = Buffer.concat(parts);
  const contentType = req.headers['content-type'];
  const answer = await upstream.request({
    path,
    method,
    headers: contentType === undefined ? {} : { 'content-type': contentType },
    body: method === 'POST' ? (parseBody ? rewriteModel(received) : received) : null,
  });
  res.writeHead(answer.statusCode, endToEndHeaders(answer.headers));
  pipeline(answer.body, res, (error) => {
    if (error) res.destroy();
  });
}

/** The parsing mode's work: parse, set `model`, serialize. Throws on a body that is not a JSON object. */
function rewriteModel(body: Buffer): string {
  const parsed: unknown = JSON.parse(body.toString('utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('body is not a JSON object');
  return JSON.stringify({ ...parsed, model: upstreamModel });
}

function endToEndHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HopByHopHeaders.has(name)) kept[name] = value;
  }
  return kept;
}

function fail(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message } }));
}

// The gateway's own listen backlog, so that both floors and the gateway meet a burst of new
// connections with the same accept queue (Node's default, 511, overflows in the wave).
server.listen({ port, host: '127.0.0.1', backlog: 4096 }, () => {
  const mode = parseBody ? 'parsing' : 'pass-through';
  process.stdout.write(`bare-proxy (${mode}, ${connections} upstream connections) listening on http://127.0.0.1:${port}/v1\n`);
});

const stop = (): void => {
  server.close();
  server.closeAllConnections();
  void Promise.all([mainPool.destroy(), wavePool?.destroy()]).then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
