import TransportStream from 'winston-transport';
import type { StdoutLineBatch } from './stdout-line-batch';

const MESSAGE = Symbol.for('message');

/**
 * A winston transport that hands each formatted line to a StdoutLineBatch. Unlike winston's
 * Console transport it neither writes per line nor schedules a `logged` event per line.
 */
export class BatchedStdoutTransport extends TransportStream {
  public constructor(private readonly batch: StdoutLineBatch) {
    super();
  }

  public override log(info: Record<symbol, unknown>, next: () => void): void {
    this.batch.write(`${String(info[MESSAGE])}\n`);
    next();
  }
}
