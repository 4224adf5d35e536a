import type { ConfigIssue } from '../config/gateway-snapshot';
import type { ConfigChange } from './config-change';

export const ReloadTriggerValues = ['start', 'watch', 'signal', 'admin', 'api'] as const;
export type ReloadTrigger = (typeof ReloadTriggerValues)[number];

export const ReloadResultValues = ['applied', 'unchanged', 'rejected'] as const;
export type ReloadResult = (typeof ReloadResultValues)[number];

/** The outcome of one reload attempt. */
export interface ReloadAttempt {
  readonly at: Date;
  readonly trigger: ReloadTrigger;
  readonly result: ReloadResult;
  readonly durationMs: number;
  /** Why the attempt was rejected (every problem, with file and key). */
  readonly errors: readonly ConfigIssue[];
  /** What it changed (result `applied`). */
  readonly change?: ConfigChange;
}

/** What `GET /admin/config` and the facade's `configStatus()` report. */
export interface ConfigStatus {
  readonly configDir: string;
  /** Content hash of the configuration in force. */
  readonly version: string;
  readonly loadedAt: Date;
  readonly warnings: readonly ConfigIssue[];
  readonly lastAttempt: ReloadAttempt | undefined;
  /** The last attempt that changed something. */
  readonly lastChange: ReloadAttempt | undefined;
}
