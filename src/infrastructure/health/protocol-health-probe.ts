import type { HealthProbe, ProbeResult } from '../../application/ports/health-probe';
import type { LlmClient } from '../../application/ports/llm-client';
import type { HealthCheckSettings } from '../../domain/health/health-check-settings';
import type { PoolInstance } from '../../domain/instance/pool-instance';
import type { UpstreamConnections } from '../providers/http/upstream-connections';
import { probeByCompletion } from './probe-by-completion';
import { probeUpstreamPath } from './probe-upstream-path';

const PASSED: ProbeResult = Object.freeze({ ok: true });

/**
 * The health-probe port: checks an instance the way its provider's protocol allows. `mock`
 * instances run in-process and always pass.
 */
export class ProtocolHealthProbe implements HealthProbe {
  public constructor(
    private readonly connections: UpstreamConnections,
    private readonly llm: LlmClient,
  ) {}

  public probe(instance: PoolInstance, settings: HealthCheckSettings, signal: AbortSignal): Promise<ProbeResult> {
    const protocol = instance.provider.protocol;
    switch (protocol) {
      case 'openai':
        return settings.probe.kind === 'path'
          ? probeUpstreamPath(this.connections, instance, settings.probe.path, signal)
          : probeByCompletion(this.llm, instance, signal);
      case 'mock':
        return Promise.resolve(PASSED);
      default: {
        const unreachable: never = protocol;
        return Promise.reject(new RangeError(`no health probe for protocol ${String(unreachable)}`));
      }
    }
  }
}
