import { ContainerModule } from 'inversify';
import type { LlmClient } from '../../application/ports/llm-client';
import type { Logger } from '../../application/ports/logger';
import { OpossumBreakerFactory } from '../../infrastructure/breaker/opossum-breaker-factory';
import { SystemClock } from '../../infrastructure/clock/system-clock';
import { TomlConfigLoader } from '../../infrastructure/config/toml-config-loader';
import { ProtocolHealthProbe } from '../../infrastructure/health/protocol-health-probe';
import { chooseLogLevel, type LogLevel } from '../../infrastructure/logging/log-level';
import { WinstonLogger } from '../../infrastructure/logging/winston-logger';
import { UpstreamConnections } from '../../infrastructure/providers/http/upstream-connections';
import { ProtocolDispatchingClient } from '../../infrastructure/providers/protocol-dispatching-client';
import { TOKENS } from './tokens';

export interface InfrastructureOptions {
  readonly logger?: Logger;
  /** Level of the default logger (ignored with `logger`); else SWITCHYARD_LOG_LEVEL, else `info`. */
  readonly logLevel?: LogLevel;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Adapters behind the application's ports. */
export function infrastructureModule(options: InfrastructureOptions): ContainerModule {
  return new ContainerModule(({ bind }) => {
    const env = options.env ?? process.env;
    bind(TOKENS.Environment).toConstantValue(env);
    bind(TOKENS.Logger).toConstantValue(options.logger ?? new WinstonLogger({ level: chooseLogLevel(options.logLevel, env) }));
    bind(TOKENS.Clock).toConstantValue(new SystemClock());
    bind(TOKENS.ConfigLoader).toResolvedValue(
      (env: Readonly<Record<string, string | undefined>>) => new TomlConfigLoader(env),
      [TOKENS.Environment],
    );
    bind(TOKENS.BreakerFactory).toConstantValue(new OpossumBreakerFactory());
    bind(TOKENS.UpstreamConnections).toConstantValue(new UpstreamConnections());
    bind(TOKENS.LlmClient).toResolvedValue(
      (connections: UpstreamConnections) => new ProtocolDispatchingClient(connections),
      [TOKENS.UpstreamConnections],
    );
    bind(TOKENS.HealthProbe).toResolvedValue(
      (connections: UpstreamConnections, llm: LlmClient) => new ProtocolHealthProbe(connections, llm),
      [TOKENS.UpstreamConnections, TOKENS.LlmClient],
    );
  });
}
