/** Durations, rates and sizes of one bench run; each can be overridden by an environment variable. */
export interface BenchSettings {
  /** Fixed request rate of the latency runs, req/s. */
  readonly rate: number;
  /**
   * Warm-up before every measured run, seconds (not measured); in the latency section only before
   * a target's first round (later rounds get a short warm-up, see run-bench-plan.ts).
   */
  readonly warmupS: number;
  /** Measured length of each target's fixed-rate run in one latency round, seconds. */
  readonly latencyS: number;
  /** Latency rounds; each measures every target in turn, non-streamed then streamed. */
  readonly latencyRounds: number;
  /** Measured length of each non-streaming max-throughput run, per round, seconds. */
  readonly throughputS: number;
  /** Rounds of the max-throughput and streaming sections; each measures every proxy and gateway. */
  readonly throughputRounds: number;
  /** Concurrent connections of the max-throughput runs. */
  readonly connections: number;
  /** Measured length of each streaming run, per round, seconds. */
  readonly streamS: number;
  /** Concurrent connections of the streaming runs. */
  readonly streamConnections: number;
  /** Text pieces per streamed reply (mock-upstream --chunks). */
  readonly streamChunks: number;
  /** Delay between streamed chunks (mock-upstream --chunk-delay-ms). */
  readonly streamChunkDelayMs: number;
  /** How long the three servers may take to become ready, seconds. */
  readonly readyTimeoutS: number;
  /** Keep the temp config dir and logs even after a successful run. */
  readonly keepTemp: boolean;
  /** Run the reload section (`BENCH_RELOAD=0` skips it). */
  readonly reload: boolean;
  /** Reloads timed one after the other on an idle gateway. */
  readonly reloadCount: number;
  /** Rounds of the latency-under-reloads comparison; each measures without, then with reloads. */
  readonly reloadRounds: number;
  /** Time between two reloads started during a "with reloads" run, ms. */
  readonly reloadIntervalMs: number;
  /** Connections of every proxy's upstream pool: the bare proxies' undici Pool and the gateways' `max_connections`. */
  readonly upstreamConnections: number;
  /** Run the streaming wave (`BENCH_WAVE=0` skips it). */
  readonly wave: boolean;
  /** Waves per target, in turn; the first meets cold upstream connections, the ratio is judged on the median. */
  readonly waveRounds: number;
  /** Streaming clients of the wave, each on its own connection. */
  readonly waveClients: number;
  /** The wave's clients arrive evenly spread over this many ms. */
  readonly waveArrivalMs: number;
  /** Chunks per streamed reply of the wave's upstream. */
  readonly waveChunks: number;
  /** Delay between the wave upstream's chunks, ms. */
  readonly waveChunkDelayMs: number;
  /** Length of the soak, seconds; 0 skips it. */
  readonly soakS: number;
  /** Fixed request rate of the soak, req/s, against each gateway. */
  readonly soakRate: number;
  /** Share of the soak's requests that are streamed, percent. */
  readonly soakStreamPercent: number;
}

interface NumberSetting {
  readonly key: Exclude<keyof BenchSettings, 'keepTemp' | 'reload' | 'wave'>;
  readonly env: string;
  readonly fallback: number;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/** The documented knobs (bench/README.md); bounds keep every loop finite. */
export const numberSettings: readonly NumberSetting[] = [
  { key: 'rate', env: 'BENCH_RATE', fallback: 500, min: 1, max: 20_000, integer: false },
  { key: 'warmupS', env: 'BENCH_WARMUP_S', fallback: 2, min: 0, max: 60, integer: false },
  { key: 'latencyS', env: 'BENCH_DURATION_S', fallback: 2, min: 0.5, max: 600, integer: false },
  { key: 'latencyRounds', env: 'BENCH_LATENCY_ROUNDS', fallback: 5, min: 1, max: 50, integer: true },
  { key: 'throughputS', env: 'BENCH_THROUGHPUT_S', fallback: 2, min: 0.5, max: 600, integer: false },
  { key: 'throughputRounds', env: 'BENCH_THROUGHPUT_ROUNDS', fallback: 3, min: 1, max: 50, integer: true },
  { key: 'connections', env: 'BENCH_CONNECTIONS', fallback: 64, min: 1, max: 1024, integer: true },
  { key: 'streamS', env: 'BENCH_STREAM_S', fallback: 2, min: 0.5, max: 600, integer: false },
  { key: 'streamConnections', env: 'BENCH_STREAM_CONNECTIONS', fallback: 32, min: 1, max: 1024, integer: true },
  { key: 'streamChunks', env: 'BENCH_STREAM_CHUNKS', fallback: 8, min: 1, max: 1000, integer: true },
  { key: 'streamChunkDelayMs', env: 'BENCH_STREAM_CHUNK_DELAY_MS', fallback: 1, min: 0, max: 1000, integer: true },
  { key: 'readyTimeoutS', env: 'BENCH_READY_TIMEOUT_S', fallback: 20, min: 1, max: 300, integer: false },
  { key: 'reloadCount', env: 'BENCH_RELOAD_COUNT', fallback: 10, min: 1, max: 500, integer: true },
  { key: 'reloadRounds', env: 'BENCH_RELOAD_ROUNDS', fallback: 2, min: 1, max: 20, integer: true },
  { key: 'reloadIntervalMs', env: 'BENCH_RELOAD_INTERVAL_MS', fallback: 200, min: 20, max: 10_000, integer: true },
  { key: 'upstreamConnections', env: 'BENCH_UPSTREAM_CONNECTIONS', fallback: 1024, min: 1, max: 16_384, integer: true },
  { key: 'waveRounds', env: 'BENCH_WAVE_ROUNDS', fallback: 3, min: 1, max: 10, integer: true },
  { key: 'waveClients', env: 'BENCH_WAVE_CLIENTS', fallback: 1000, min: 1, max: 5000, integer: true },
  { key: 'waveArrivalMs', env: 'BENCH_WAVE_ARRIVAL_MS', fallback: 1000, min: 0, max: 60_000, integer: true },
  { key: 'waveChunks', env: 'BENCH_WAVE_CHUNKS', fallback: 30, min: 1, max: 1000, integer: true },
  { key: 'waveChunkDelayMs', env: 'BENCH_WAVE_CHUNK_DELAY_MS', fallback: 50, min: 0, max: 1000, integer: true },
  { key: 'soakS', env: 'BENCH_SOAK_S', fallback: 300, min: 0, max: 3600, integer: false },
  { key: 'soakRate', env: 'BENCH_SOAK_RATE', fallback: 200, min: 1, max: 5000, integer: false },
  { key: 'soakStreamPercent', env: 'BENCH_SOAK_STREAM_PERCENT', fallback: 25, min: 0, max: 100, integer: true },
];

/** Reads the settings from `env`; throws a RangeError naming every bad variable. */
export function readBenchSettings(env: NodeJS.ProcessEnv): BenchSettings {
  const problems: string[] = [];
  const values = new Map<string, number>();
  for (const setting of numberSettings) {
    const raw = env[setting.env];
    const value = raw === undefined || raw.trim() === '' ? setting.fallback : Number(raw);
    const fits = Number.isFinite(value) && value >= setting.min && value <= setting.max;
    if (!fits || (setting.integer && !Number.isInteger(value))) {
      const kind = setting.integer ? 'a whole number' : 'a number';
      problems.push(`${setting.env}=${raw ?? ''}: expected ${kind} from ${setting.min} to ${setting.max}`);
    }
    values.set(setting.key, value);
  }
  const reload = readSwitch(env, 'BENCH_RELOAD', problems);
  const wave = readSwitch(env, 'BENCH_WAVE', problems);
  if (problems.length > 0) throw new RangeError(`bad bench settings: ${problems.join('; ')}`);
  const get = (key: NumberSetting['key']): number => values.get(key) ?? Number.NaN;
  return Object.freeze({
    rate: get('rate'),
    warmupS: get('warmupS'),
    latencyS: get('latencyS'),
    latencyRounds: get('latencyRounds'),
    throughputS: get('throughputS'),
    throughputRounds: get('throughputRounds'),
    connections: get('connections'),
    streamS: get('streamS'),
    streamConnections: get('streamConnections'),
    streamChunks: get('streamChunks'),
    streamChunkDelayMs: get('streamChunkDelayMs'),
    readyTimeoutS: get('readyTimeoutS'),
    keepTemp: env.BENCH_KEEP_TMP === '1',
    reload,
    reloadCount: get('reloadCount'),
    reloadRounds: get('reloadRounds'),
    reloadIntervalMs: get('reloadIntervalMs'),
    upstreamConnections: get('upstreamConnections'),
    wave,
    waveRounds: get('waveRounds'),
    waveClients: get('waveClients'),
    waveArrivalMs: get('waveArrivalMs'),
    waveChunks: get('waveChunks'),
    waveChunkDelayMs: get('waveChunkDelayMs'),
    soakS: get('soakS'),
    soakRate: get('soakRate'),
    soakStreamPercent: get('soakStreamPercent'),
  });
}

/** A `0`/`1` switch that defaults to on; a bad value is added to `problems`. */
function readSwitch(env: NodeJS.ProcessEnv, name: string, problems: string[]): boolean {
  const raw = env[name] === undefined || env[name].trim() === '' ? '1' : env[name].trim();
  if (raw !== '0' && raw !== '1') problems.push(`${name}=${raw}: expected 0 or 1`);
  return raw === '1';
}
