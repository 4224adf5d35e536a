import { createServer, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';

/*
 * The baseline: what plain Node does when it only relays a request to the mock and pipes the
 * answer back (streams included), with no routing, parsing or logging.
 * Usage: node bare-proxy.js --port P --upstream http://127.0.0.1:M
 */

const HopByHopHeaders = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

const { values } = parseArgs({ options: { port: { type: 'string' }, upstream: { type: 'string' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535 || values.upstream === undefined) {
  process.stderr.write('usage: bare-proxy --port P --upstream http://127.0.0.1:M\n');
  process.exit(2);
}

const upstream = new Pool(values.upstream, {
  connections: 128,
  pipelining: 1,
  keepAliveTimeout: 60_000,
  headersTimeout: 30_000,
  bodyTimeout: 30_000,
});

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
  const parts: Buffer[] = [];
  for await (const part of req as AsyncIterable<Buffer>) parts.push(part);
  const body = Buffer.concat(parts);
  const contentType = req.headers['content-type'];
  const answer = await upstream.request({
    path: req.url ?? '/',
    method,
    headers: contentType === undefined ? {} : { 'content-type': contentType },
    body: method === 'POST' ? body : null,
  });
  res.writeHead(answer.statusCode, endToEndHeaders(answer.headers));
  pipeline(answer.body, res, (error) => {
    if (error) res.destroy();
  });
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

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`bare-proxy listening on http://127.0.0.1:${port}/v1\n`);
});

const stop = (): void => {
  server.close();
  server.closeAllConnections();
  void upstream.destroy().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
