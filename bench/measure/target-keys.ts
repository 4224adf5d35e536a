/** Every server the latency rounds measure, in the order they are measured within a round. */
export const TargetKeyValues = ['direct', 'passThroughProxy', 'parsingProxy', 'gateway', 'realisticGateway'] as const;
export type TargetKey = (typeof TargetKeyValues)[number];

/** Everything between the client and the mock: what "added" latency and throughput ratios are about. */
export const ProxyKeyValues = ['passThroughProxy', 'parsingProxy', 'gateway', 'realisticGateway'] as const;
export type ProxyKey = (typeof ProxyKeyValues)[number];

/** The targets of the streaming wave (the pass-through proxy is left out: the parsing one is the baseline). */
export const WaveKeyValues = ['direct', 'parsingProxy', 'gateway', 'realisticGateway'] as const;
export type WaveKey = (typeof WaveKeyValues)[number];

/** The two gateway processes: the minimal configuration and the realistic one. */
export const GatewayKeyValues = ['gateway', 'realisticGateway'] as const;
export type GatewayKey = (typeof GatewayKeyValues)[number];

/** What every ratio is taken against: the bare proxy that parses and re-serializes the body. */
export const BaselineKey = 'parsingProxy' satisfies ProxyKey;

export const TargetLabels: Readonly<Record<TargetKey, string>> = {
  direct: 'direct',
  passThroughProxy: 'bare proxy, pass-through',
  parsingProxy: 'bare proxy, parsing',
  gateway: 'gateway, minimal',
  realisticGateway: 'gateway, realistic',
};

/** Builds a record over `keys` from `make(key)`. */
export function recordOf<K extends string, V>(keys: readonly K[], make: (key: K) => V): Record<K, V> {
  const record = {} as Record<K, V>;
  for (const key of keys) record[key] = make(key);
  return record;
}
