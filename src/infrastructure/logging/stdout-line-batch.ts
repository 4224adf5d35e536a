/**
 * Log lines bound for stdout, written once per turn of the event loop instead of once per line:
 * under load that is one `write` syscall for every request-log line of a turn. Lines are flushed
 * on the next `setImmediate`, when asked to (the logger does after each batch it formats), and
 * synchronously when the process exits (stdout to a file or pipe is synchronous on POSIX), so a
 * clean stop (SIGTERM, SIGINT, `process.exit`) loses no line.
 */
export class StdoutLineBatch {
  private pending: string[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  /** Writers holding lines not yet handed over (a logger's lines wait to be formatted). */
  private readonly upstream = new Set<() => void>();

  public constructor(private readonly sink: (text: string) => void) {}

  public write(line: string): void {
    this.pending.push(line);
    this.scheduled ??= setImmediate(this.flush);
  }

  /** `flush` is called before the last write at exit, until `release`; a writer holds while it has lines waiting. */
  public hold(flush: () => void): void {
    this.upstream.add(flush);
  }

  public release(flush: () => void): void {
    this.upstream.delete(flush);
  }

  /** At exit: every writer's waiting lines, then every pending line. */
  public readonly flushAll = (): void => {
    for (const flush of [...this.upstream]) flush();
    this.flush();
  };

  /** Writes every pending line now, in one call of the sink. */
  public readonly flush = (): void => {
    // A writer that flushes its own batch (the logger does) leaves no callback behind to run for nothing.
    if (this.scheduled !== undefined) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.pending.length === 0) return;
    const text = this.pending.length === 1 ? (this.pending[0] as string) : this.pending.join('');
    this.pending = [];
    this.sink(text);
  };
}

let processStdout: StdoutLineBatch | undefined;

/** The one batch every logger of the process writes stdout through, flushed on exit. */
export function processStdoutBatch(): StdoutLineBatch {
  if (processStdout === undefined) {
    const batch = new StdoutLineBatch((text) => void process.stdout.write(text));
    process.once('exit', batch.flushAll);
    processStdout = batch;
  }
  return processStdout;
}
