import type { IncomingHttpHeaders } from 'node:http';
import { isJsonContentType } from './json-content-type';

/**
 * Whether a state-changing request could have been sent by a browser on behalf of another site
 * without the browser asking this server first (a CORS preflight, which the gateway never grants).
 * Such requests carry a non-JSON body type (an HTML form: urlencoded, multipart, text/plain) or, when
 * they carry no body type at all, an `Origin` header, which browsers add to every cross-origin
 * POST. A body-less request with neither (`curl -X POST`, a script) did not come from a page.
 */
export function couldBeCrossSitePost(headers: IncomingHttpHeaders): boolean {
  const type = headers['content-type'];
  if (type !== undefined) return !isJsonContentType(type);
  return headers.origin !== undefined;
}
