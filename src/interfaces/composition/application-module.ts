import { ContainerModule } from 'inversify';
import { InstanceRuntimeRegistry } from '../../application/config/instance-runtime-registry';
import { formatConfigIssue } from '../../application/config/format-config-issue';
import { SnapshotHolder } from '../../application/config/snapshot-holder';
import { HealthMonitor } from '../../application/health/health-monitor';
import type { CircuitBreakerFactory } from '../../application/ports/circuit-breaker-factory';
import type { Clock } from '../../application/ports/clock';
import type { ConfigLoader } from '../../application/ports/config-loader';
import type { HealthProbe } from '../../application/ports/health-probe';
import type { LlmClient } from '../../application/ports/llm-client';
import type { Logger } from '../../application/ports/logger';
import { ReloadConfig } from '../../application/reload-config/reload-config';
import { RouteChat } from '../../application/route-chat/route-chat';
import { SwitchyardError } from '../../domain/errors/switchyard-error';
import { TOKENS } from './tokens';

/** Use cases and the state they share. The first snapshot is loaded while the container resolves. */
export const applicationModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.InstanceRuntimes).toResolvedValue(
    (breakers: CircuitBreakerFactory, logger: Logger) => new InstanceRuntimeRegistry({ breakers, logger }),
    [TOKENS.BreakerFactory, TOKENS.Logger],
  );
  bind(TOKENS.SnapshotHolder).toResolvedValue(
    async (loader: ConfigLoader, runtimes: InstanceRuntimeRegistry, configDir: string) => {
      const result = await loader.load(configDir, runtimes);
      if (!result.ok) {
        const lines = result.issues.map((issue) => `  ${formatConfigIssue(issue)}`);
        throw new SwitchyardError(
          'config_invalid',
          `The configuration in ${configDir} is invalid:\n${lines.join('\n')}`,
          { issues: result.issues },
        );
      }
      return new SnapshotHolder(result.snapshot);
    },
    [TOKENS.ConfigLoader, TOKENS.InstanceRuntimes, TOKENS.ConfigDir],
  );
  bind(TOKENS.RouteChat).toResolvedValue(
    (snapshots: SnapshotHolder, llm: LlmClient, clock: Clock, logger: Logger) =>
      new RouteChat(snapshots, llm, clock, logger),
    [TOKENS.SnapshotHolder, TOKENS.LlmClient, TOKENS.Clock, TOKENS.Logger],
  );
  bind(TOKENS.ReloadConfig).toResolvedValue(
    (
      configDir: string,
      loader: ConfigLoader,
      snapshots: SnapshotHolder,
      runtimes: InstanceRuntimeRegistry,
      llm: LlmClient,
      health: HealthMonitor,
      clock: Clock,
      logger: Logger,
    ) => new ReloadConfig({ configDir, loader, snapshots, runtimes, llm, health, clock, logger }),
    [
      TOKENS.ConfigDir,
      TOKENS.ConfigLoader,
      TOKENS.SnapshotHolder,
      TOKENS.InstanceRuntimes,
      TOKENS.LlmClient,
      TOKENS.HealthMonitor,
      TOKENS.Clock,
      TOKENS.Logger,
    ],
  );
  bind(TOKENS.HealthMonitor).toResolvedValue(
    (probe: HealthProbe, clock: Clock, logger: Logger) => new HealthMonitor({ probe, clock, logger }),
    [TOKENS.HealthProbe, TOKENS.Clock, TOKENS.Logger],
  );
});
