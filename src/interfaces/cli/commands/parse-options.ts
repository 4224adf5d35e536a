import { InvalidArgumentError } from 'commander';
import { isLogLevel, type LogLevel, LogLevelValues } from '../../../infrastructure/logging/log-level';

/** Commander option parsers that reject bad values with a clear message. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected a port from 0 to 65535');
  return port;
}

export function parseNonNegativeInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('expected a whole number >= 0');
  return number;
}

export function parseRate(value: string): number {
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new InvalidArgumentError('expected a number from 0 to 1');
  return rate;
}

export function parseLogLevel(value: string): LogLevel {
  const level = value.trim().toLowerCase();
  if (!isLogLevel(level)) throw new InvalidArgumentError(`expected one of ${LogLevelValues.join(', ')}`);
  return level;
}
