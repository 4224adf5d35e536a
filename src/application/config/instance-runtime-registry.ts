import { InstanceRuntime } from '../../domain/instance/instance-runtime';

/**
 * Live instance state keyed by instance identity. Snapshots borrow runtimes from here, so an
 * instance that survives a reload unchanged keeps its in-flight count and latency history.
 */
export class InstanceRuntimeRegistry {
  private readonly runtimes = new Map<string, InstanceRuntime>();

  public runtimeFor(identity: string): InstanceRuntime {
    let runtime = this.runtimes.get(identity);
    if (runtime === undefined) {
      runtime = new InstanceRuntime();
      this.runtimes.set(identity, runtime);
    }
    return runtime;
  }

  /** Forgets every identity not in `keep`. */
  public retainOnly(keep: ReadonlySet<string>): void {
    for (const identity of this.runtimes.keys()) {
      if (!keep.has(identity)) this.runtimes.delete(identity);
    }
  }
}
