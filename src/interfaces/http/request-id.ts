import { randomUUID } from 'node:crypto';

const ACCEPTABLE_ID = /^[\w.:@/+=-]{1,200}$/;

/** The client's `x-request-id` when it is a sane token, else a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTABLE_ID.test(value) ? value : randomUUID();
}
