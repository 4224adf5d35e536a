/**
 * Switchyard as a library: `createGateway` routes in-process through the same use case as the
 * HTTP server; `startServer` serves it over HTTP.
 */
export { createGateway, type CreateGatewayOptions } from './interfaces/facade/create-gateway';
export type {
  CallOptions,
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionRequest,
  Gateway,
  GatewayEvents,
  RouteTarget,
  RoutingReport,
} from './interfaces/facade/gateway';
export { startServer, type StartServerOptions, type SwitchyardServer } from './interfaces/http/start-server';
export { startMockUpstream } from './interfaces/mock-upstream/start-mock-upstream';
export {
  SwitchyardError,
  SwitchyardErrorCodeValues,
  isSwitchyardError,
  type AttemptSummary,
  type ConfigProblem,
  type SwitchyardErrorCode,
} from './domain/errors/switchyard-error';
export type { Logger, LogFields } from './application/ports/logger';
export type { ConfigChange, NameChanges } from './application/reload-config/config-change';
export type { ConfigStatus, ReloadAttempt, ReloadResult, ReloadTrigger } from './application/reload-config/config-status';
export type { BreakerView, InstanceView, PoolView, PoolsView } from './application/visibility/describe-pools';
