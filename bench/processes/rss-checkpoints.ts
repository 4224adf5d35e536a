import type { ChatTarget } from '../load/chat-target';
import { GatewayKeyValues, recordOf, type GatewayKey } from '../measure/target-keys';
import { readRssBytes } from './process-usage';

/** Both gateways' RSS at one point of the run (between sections), bytes. */
export interface RssCheckpoint {
  readonly after: string;
  readonly rssBytes: Readonly<Record<GatewayKey, number | null>>;
}

/** Reads both gateways' RSS now: a series of these shows in which section memory grows. */
export function rssCheckpoint(after: string, gateways: Readonly<Record<GatewayKey, ChatTarget>>): RssCheckpoint {
  return {
    after,
    rssBytes: recordOf(GatewayKeyValues, (key) => {
      const pid = gateways[key].pid;
      return pid === undefined ? null : readRssBytes(pid);
    }),
  };
}
