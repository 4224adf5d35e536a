import { setImmediate as nextTurn } from 'node:timers/promises';
import { chooseLogLevel } from '../../../../src/infrastructure/logging/log-level';
import { StdoutLineBatch } from '../../../../src/infrastructure/logging/stdout-line-batch';
import { WinstonLogger } from '../../../../src/infrastructure/logging/winston-logger';

function capture(): { batch: StdoutLineBatch; writes: string[] } {
  const writes: string[] = [];
  return { batch: new StdoutLineBatch((text) => writes.push(text)), writes };
}

async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) await nextTurn();
}

describe('WinstonLogger', () => {
  it('writes the lines of one turn in one write, as JSON lines in order, with secrets masked', async () => {
    const { batch, writes } = capture();
    const logger = new WinstonLogger({ output: batch });
    logger.info('chat request', { requestId: 'r1', apiKey: 'sk-live-abcdefghijklmnop0123', durationMs: 1.5 });
    logger.warn('chat request', { requestId: 'r2', error: 'upstream said Bearer abcdef.ghijkl' });
    expect(writes).toEqual([]);
    await turns(3);
    expect(writes).toHaveLength(1);
    const lines = (writes[0] as string).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      { timestamp: expect.any(String), level: 'info', message: 'chat request', requestId: 'r1', apiKey: '[redacted]', durationMs: 1.5 },
      { timestamp: expect.any(String), level: 'warn', message: 'chat request', requestId: 'r2', error: 'upstream said Bearer [redacted]' },
    ]);
  });

  it('leaves out lines below its level', async () => {
    const { batch, writes } = capture();
    const logger = new WinstonLogger({ output: batch, level: 'warn' });
    logger.info('routine');
    logger.error('broken');
    await turns(3);
    expect(writes.join('')).not.toContain('routine');
    expect(writes.join('')).toContain('broken');
  });

  it('hands every waiting line over when the process exits (flushAll), in the same turn', () => {
    const { batch, writes } = capture();
    const logger = new WinstonLogger({ output: batch });
    logger.info('shutting down', { signal: 'SIGTERM' });
    batch.flushAll();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toContain('"message":"shutting down","signal":"SIGTERM"');
  });
});

describe('chooseLogLevel', () => {
  it('prefers the asked level, then SWITCHYARD_LOG_LEVEL, then info', () => {
    expect(chooseLogLevel('error', { SWITCHYARD_LOG_LEVEL: 'debug' })).toBe('error');
    expect(chooseLogLevel(undefined, { SWITCHYARD_LOG_LEVEL: ' Debug ' })).toBe('debug');
    expect(chooseLogLevel(undefined, {})).toBe('info');
  });

  it('refuses a value that is not a level, naming the variable', () => {
    expect(() => chooseLogLevel(undefined, { SWITCHYARD_LOG_LEVEL: 'verbose' })).toThrow(/SWITCHYARD_LOG_LEVEL must be one of debug, info, warn, error/);
  });
});
