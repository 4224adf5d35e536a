import type { ChildProcessGroup } from './child-process-group';

const SignalExitCodes = { SIGINT: 130, SIGTERM: 143 } as const;

/** Ctrl-C or a kill stops every server first; a crash or plain exit SIGKILLs what is left. */
export function stopChildrenOnExit(children: ChildProcessGroup): void {
  process.once('exit', () => children.killAllNow());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping the servers\n`);
      void children.stopAll().finally(() => process.exit(SignalExitCodes[signal]));
    });
  }
}
