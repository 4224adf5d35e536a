/** Runs `action` once, `delayMs` after the last of a burst of `schedule()` calls. */
export class TrailingDebounce {
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  public constructor(
    private readonly delayMs: number,
    private readonly action: () => void,
  ) {}

  public schedule(): void {
    if (this.disposed) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.action();
    }, this.delayMs);
  }

  /** Drops the pending run, if any, and ignores every later `schedule()`. */
  public dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
