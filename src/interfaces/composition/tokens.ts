/** Service identifiers of the composition root, one symbol per service. */
export const TOKENS = {
  ConfigDir: Symbol.for('switchyard.ConfigDir'),
  Environment: Symbol.for('switchyard.Environment'),
  Logger: Symbol.for('switchyard.Logger'),
  Clock: Symbol.for('switchyard.Clock'),
  ConfigLoader: Symbol.for('switchyard.ConfigLoader'),
  InstanceRuntimes: Symbol.for('switchyard.InstanceRuntimes'),
  BreakerFactory: Symbol.for('switchyard.BreakerFactory'),
  UpstreamConnections: Symbol.for('switchyard.UpstreamConnections'),
  LlmClient: Symbol.for('switchyard.LlmClient'),
  HealthProbe: Symbol.for('switchyard.HealthProbe'),
  HealthMonitor: Symbol.for('switchyard.HealthMonitor'),
  SnapshotHolder: Symbol.for('switchyard.SnapshotHolder'),
  RouteChat: Symbol.for('switchyard.RouteChat'),
  ReloadConfig: Symbol.for('switchyard.ReloadConfig'),
  ReloadRunner: Symbol.for('switchyard.ReloadRunner'),
  HttpHandler: Symbol.for('switchyard.HttpHandler'),
} as const;
