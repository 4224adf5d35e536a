/** Request parameters a wrapper may set: defaults fill what the client left out, overrides always win. */
export type RequestParameters = Readonly<Record<string, unknown>>;

/** A client-facing name over a task group, a pool or one pinned tier (`group.tier`). */
export interface Wrapper {
  readonly name: string;
  readonly target: string;
  readonly description?: string;
  readonly defaults: RequestParameters;
  readonly overrides: RequestParameters;
}
