import { isLoopbackAddress } from './is-loopback-address';

/**
 * Whether the gateway listens where other machines can reach it while no admin token is set. The
 * admin routes then still answer loopback clients only, but anything on the host that relays
 * traffic (a local proxy, a container port mapping) would make remote callers look local.
 */
export function adminExposedWithoutToken(listenAddress: string, adminToken: string | undefined): boolean {
  return !isLoopbackAddress(listenAddress) && (adminToken === undefined || adminToken === '');
}
