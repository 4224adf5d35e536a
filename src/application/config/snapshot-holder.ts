import type { GatewaySnapshot } from './gateway-snapshot';

/** Holds the snapshot new requests use. Swapping is one assignment; readers keep what they took. */
export class SnapshotHolder {
  public constructor(private snapshot: GatewaySnapshot) {}

  public current(): GatewaySnapshot {
    return this.snapshot;
  }

  public replace(next: GatewaySnapshot): void {
    this.snapshot = next;
  }
}
