import type { NextFunction, Request, Response } from 'express';
import { adminAccess } from '../../../src/interfaces/http/admin-access';

function attempt(remoteAddress: string, authorization: string | undefined, token: string | undefined) {
  const req = { socket: { remoteAddress }, headers: authorization === undefined ? {} : { authorization } } as unknown as Request;
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
  adminAccess(token)(req, res, (() => {
    passed = true;
  }) as NextFunction);
  return { passed, sent };
}

describe('adminAccess', () => {
  it('lets loopback clients in, with or without a token configured', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(attempt(address, undefined, undefined).passed).toBe(true);
      expect(attempt(address, undefined, 'secret').passed).toBe(true);
    }
  });

  it('refuses other clients with 403 in OpenAI format unless they present the configured token', () => {
    const refused = attempt('10.1.2.3', undefined, undefined);
    expect(refused.passed).toBe(false);
    expect(refused.sent.status).toBe(403);
    expect(JSON.parse(refused.sent.body ?? '{}')).toMatchObject({ error: { code: 'forbidden' } });
    expect(attempt('10.1.2.3', 'Bearer secret', undefined).passed).toBe(false);
    expect(attempt('10.1.2.3', 'Bearer wrong', 'secret').passed).toBe(false);
    expect(attempt('10.1.2.3', 'Bearer secret', 'secret').passed).toBe(true);
  });
});
