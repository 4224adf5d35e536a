export const LogLevelValues = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LogLevelValues)[number];

export function isLogLevel(value: string): value is LogLevel {
  return (LogLevelValues as readonly string[]).includes(value);
}

export const LOG_LEVEL_VARIABLE = 'SWITCHYARD_LOG_LEVEL';

/**
 * The level asked for (`--log-level`), else `SWITCHYARD_LOG_LEVEL`, else `info`. A value that is not
 * a level is an error that says what was expected, not a silent `info`.
 */
export function chooseLogLevel(asked: LogLevel | undefined, env: Readonly<Record<string, string | undefined>>): LogLevel {
  if (asked !== undefined) return asked;
  const fromEnv = env[LOG_LEVEL_VARIABLE];
  if (fromEnv === undefined || fromEnv === '') return 'info';
  const level = fromEnv.trim().toLowerCase();
  if (isLogLevel(level)) return level;
  throw new RangeError(`${LOG_LEVEL_VARIABLE} must be one of ${LogLevelValues.join(', ')}; got ${JSON.stringify(fromEnv)}`);
}
