import type { IncomingHttpHeaders } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { adminAccess } from '../../../src/interfaces/http/admin-access';

interface Attempt {
  readonly remoteAddress?: string;
  readonly authorization?: string;
  readonly token?: string;
  readonly method?: string;
  readonly headers?: IncomingHttpHeaders;
  readonly allowedHosts?: readonly string[];
}

function attempt({ remoteAddress = '127.0.0.1', authorization, token, method = 'GET', headers = {}, allowedHosts = [] }: Attempt) {
  const allHeaders: IncomingHttpHeaders = { host: '127.0.0.1:8080', ...headers, ...(authorization === undefined ? {} : { authorization }) };
  const req = { method, socket: { remoteAddress }, headers: allHeaders } as unknown as Request;
  const sent: { status?: number; body?: string } = {};
  const fake = {
    statusCode: 200,
    setHeader: () => undefined,
    end: (body: string) => {
      sent.status = fake.statusCode;
      sent.body = body;
    },
  };
  const res = fake as unknown as Response;
  let passed = false;
  adminAccess(token, () => ({ host: '127.0.0.1', allowedHosts }))(req, res, (() => {
    passed = true;
  }) as NextFunction);
  return { passed, sent };
}

describe('adminAccess', () => {
  it('lets loopback clients in, with or without a token configured', () => {
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(attempt({ remoteAddress }).passed).toBe(true);
      expect(attempt({ remoteAddress, token: 'secret' }).passed).toBe(true);
    }
  });

  it('refuses other clients with 403 in OpenAI format unless they present the configured token', () => {
    const refused = attempt({ remoteAddress: '10.1.2.3' });
    expect(refused.passed).toBe(false);
    expect(refused.sent.status).toBe(403);
    expect(JSON.parse(refused.sent.body ?? '{}')).toMatchObject({ error: { code: 'forbidden', type: 'permission_error' } });
    expect(attempt({ remoteAddress: '10.1.2.3', authorization: 'Bearer secret' }).passed).toBe(false);
    expect(attempt({ remoteAddress: '10.1.2.3', authorization: 'Bearer wrong', token: 'secret' }).passed).toBe(false);
    expect(attempt({ remoteAddress: '10.1.2.3', authorization: 'Bearer secret', token: 'secret' }).passed).toBe(true);
  });

  it('refuses a wrong token even from loopback, and any token when none is configured', () => {
    expect(attempt({ authorization: 'Bearer wrong', token: 'secret' }).sent.status).toBe(403);
    expect(attempt({ authorization: 'Bearer anything' }).sent.status).toBe(403);
    expect(attempt({ authorization: 'Bearer secret', token: 'secret' }).passed).toBe(true);
  });

  it('refuses a Host that names neither the gateway, loopback nor allowed_hosts, port or not', () => {
    for (const host of ['evil.example', 'evil.example:8080', 'localhost.evil.example', '']) {
      expect(attempt({ headers: { host } }).sent.status).toBe(403);
      expect(attempt({ headers: { host }, authorization: 'Bearer secret', token: 'secret' }).sent.status).toBe(403);
    }
    for (const host of ['localhost', 'LOCALHOST:8080', 'localhost.', '127.0.0.1:9', '[::1]:8080', '10.0.0.7:8080', 'gw.internal:80']) {
      expect(attempt({ headers: { host }, allowedHosts: ['gw.internal'] }).passed).toBe(true);
    }
    expect(attempt({ headers: { host: 'localhost:port' } }).passed).toBe(false);
  });

  it('refuses POSTs a browser could send from another site, unless the token comes with them', () => {
    const post = (headers: IncomingHttpHeaders, authorization?: string) =>
      attempt({ method: 'POST', headers, token: 'secret', ...(authorization !== undefined ? { authorization } : {}) }).passed;
    expect(post({ 'content-type': 'application/x-www-form-urlencoded' })).toBe(false);
    expect(post({ 'content-type': 'multipart/form-data; boundary=x' })).toBe(false);
    expect(post({ 'content-type': 'text/plain' })).toBe(false);
    expect(post({ origin: 'https://evil.example' })).toBe(false);
    expect(post({ origin: 'null' })).toBe(false);
    expect(post({ 'content-type': 'application/json' })).toBe(true);
    expect(post({})).toBe(true);
    expect(post({ 'content-type': 'text/plain', origin: 'https://evil.example' }, 'Bearer secret')).toBe(true);
  });
});
