import { isIP } from 'node:net';
import type { ServerSettings } from '../../application/config/gateway-snapshot';

const LOOPBACK_NAMES: readonly string[] = ['localhost', '127.0.0.1', '::1'];

/** The host names the admin routes answer to: loopback names, the configured listen address, `[server].allowed_hosts`. */
export function adminHostNames(server: Pick<ServerSettings, 'host' | 'allowedHosts'>): ReadonlySet<string> {
  return new Set([...LOOPBACK_NAMES, server.host, ...server.allowedHosts].map(normalisedHostName));
}

/**
 * Whether a request's `Host` header names this gateway, the defence against DNS rebinding: a page
 * on `evil.example` whose name is re-pointed at 127.0.0.1 reaches a loopback-only server, but its
 * requests still say `Host: evil.example`. The port is ignored. An IP literal is accepted: a
 * browser sends one only when the page itself was loaded from that address, so no name was rebound.
 * A request without any `Host` (HTTP/1.0) did not come from a browser and is accepted too.
 */
export function isAdminHostAllowed(hostHeader: string | undefined, names: ReadonlySet<string>): boolean {
  if (hostHeader === undefined) return true;
  const name = hostNameOf(hostHeader);
  if (name === undefined) return false;
  return isIP(name) !== 0 || names.has(name);
}

/** The name part of a `Host` header (`name`, `name:port`, `[v6]`, `[v6]:port`), normalised; undefined when malformed. */
function hostNameOf(hostHeader: string): string | undefined {
  const header = hostHeader.trim();
  if (header.startsWith('[')) {
    const close = header.indexOf(']');
    if (close === -1 || !isPortSuffix(header.slice(close + 1))) return undefined;
    return normalisedHostName(header.slice(1, close));
  }
  const colon = header.indexOf(':');
  if (colon === -1) return header === '' ? undefined : normalisedHostName(header);
  if (!isPortSuffix(header.slice(colon))) return undefined;
  const name = header.slice(0, colon);
  return name === '' ? undefined : normalisedHostName(name);
}

function isPortSuffix(rest: string): boolean {
  return rest === '' || /^:\d{1,5}$/.test(rest);
}

function normalisedHostName(name: string): string {
  const lower = name.toLowerCase();
  const unbracketed = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  return unbracketed.endsWith('.') ? unbracketed.slice(0, -1) : unbracketed;
}
