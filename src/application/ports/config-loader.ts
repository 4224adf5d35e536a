import type { ConfigLoadResult } from '../config/gateway-snapshot';
import type { InstanceRuntimeRegistry } from '../config/instance-runtime-registry';

/** Reads and validates a whole configuration tree into a snapshot, reporting every problem at once. */
export interface ConfigLoader {
  load(configDir: string, runtimes: InstanceRuntimeRegistry): Promise<ConfigLoadResult>;
}
