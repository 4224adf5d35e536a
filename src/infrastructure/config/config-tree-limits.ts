/**
 * Bounds that keep a hostile or mistaken tree from stalling or crashing a load. The file-size
 * default is also `[server] max_config_file_bytes`'s default, and always bounds `_registry.toml`
 * itself, which is read before its own setting is known.
 */
export const DEFAULT_MAX_CONFIG_FILE_BYTES = 1_048_576;

/** Deepest nesting of tables and arrays accepted in a file; deeper is an error, so no walker can overflow. */
export const MAX_NESTING_DEPTH = 32;

/** Issues reported per file; the rest are counted in one closing issue. */
export const MAX_ISSUES_PER_FILE = 50;
