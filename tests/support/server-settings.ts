import type { ServerSettings } from '../../src/application/config/gateway-snapshot';

/** `[server]` as a snapshot holds it with every key at its default (port 0: any free port). */
export const TEST_SERVER_SETTINGS: ServerSettings = Object.freeze({
  host: '127.0.0.1',
  port: 0,
  bodyLimitBytes: 1024 * 1024,
  maxJsonDepth: 64,
  requestReadTimeoutMs: 30_000,
  maxConnections: 4096,
  maxConfigFileBytes: 1024 * 1024,
  requestLog: true,
  allowedHosts: [],
});
