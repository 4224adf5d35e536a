import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';

/** A server the bench started, with stdout and stderr going to `logFile`. */
export interface BenchChild {
  readonly name: string;
  readonly logFile: string;
  readonly process: ChildProcess;
  /** Exit code or signal once it has exited, otherwise undefined. */
  exitStatus(): string | undefined;
}

const StopGraceMs = 3_000;

/** Every process the bench starts, so that all of them are stopped however the bench ends. */
export class ChildProcessGroup {
  private readonly children: BenchChild[] = [];

  /** Starts `node <args>`; the child inherits the environment, with `env` set on top. */
  public start(name: string, args: readonly string[], logFile: string, env: Readonly<Record<string, string>> = {}): BenchChild {
    const log = openSync(logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, args, { stdio: ['ignore', log, log], env: { ...process.env, ...env } });
    } finally {
      closeSync(log);
    }
    let exit: string | undefined;
    child.once('exit', (code, signal) => {
      exit = signal === null ? `exit code ${String(code)}` : `signal ${signal}`;
    });
    child.once('error', (error) => {
      exit = `spawn error: ${error.message}`;
    });
    const entry: BenchChild = { name, logFile, process: child, exitStatus: () => exit };
    this.children.push(entry);
    return entry;
  }

  /** SIGTERM to each running child, then SIGKILL to any still running after a grace period. */
  public async stopAll(): Promise<void> {
    await Promise.all(this.children.map((child) => stopChild(child)));
  }

  /** Last resort from a synchronous `exit` handler: SIGKILL whatever still runs. */
  public killAllNow(): void {
    for (const child of this.children) {
      if (child.exitStatus() === undefined && child.process.pid !== undefined) child.process.kill('SIGKILL');
    }
  }
}

function stopChild(child: BenchChild): Promise<void> {
  if (child.exitStatus() !== undefined || child.process.pid === undefined) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const killTimer = setTimeout(() => {
      child.process.kill('SIGKILL');
    }, StopGraceMs);
    child.process.once('exit', () => {
      clearTimeout(killTimer);
      resolve();
    });
    child.process.kill('SIGTERM');
  });
}
