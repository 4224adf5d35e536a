import { parse } from 'smol-toml';
import type { ConfigFile } from './config-file';
import { DEFAULT_MAX_CONFIG_FILE_BYTES } from './config-tree-limits';

/**
 * `[server] max_config_file_bytes` as `_registry.toml` sets it, needed before the other files are
 * read, so the registry is parsed here once ahead of the full load. Anything unusable (no
 * registry, a syntax error, a wrong value) means the default; the full load reports why.
 */
export function registryFileLimit(registry: ConfigFile | undefined): number {
  if (registry === undefined) return DEFAULT_MAX_CONFIG_FILE_BYTES;
  try {
    const server = parse(registry.text)['server'];
    const isTable = typeof server === 'object' && !Array.isArray(server) && !(server instanceof Date);
    const limit = isTable ? server['max_config_file_bytes'] : undefined;
    return typeof limit === 'number' && Number.isInteger(limit) && limit >= 1024 ? limit : DEFAULT_MAX_CONFIG_FILE_BYTES;
  } catch {
    return DEFAULT_MAX_CONFIG_FILE_BYTES;
  }
}
