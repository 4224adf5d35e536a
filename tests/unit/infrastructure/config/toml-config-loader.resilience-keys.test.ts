import type { CircuitBreakerFactory } from '../../../../src/application/ports/circuit-breaker-factory';
import { InstanceRuntimeRegistry } from '../../../../src/application/config/instance-runtime-registry';
import { DEFAULT_CIRCUIT_BREAKER, type CircuitBreakerSettings } from '../../../../src/domain/breaker/circuit-breaker-settings';
import { ALWAYS_CLOSED } from '../../../../src/domain/breaker/instance-breaker';
import { removeConfigTrees } from '../../../support/config-tree';
import { issuesOf, loadedSnapshot, loadTree, singleIssue, validTree } from './config-tree-fixture';

afterEach(removeConfigTrees);

const SLOW_INSTANCES = '[[instances]]\nprovider = "mock-b"\nmodel = "m2"\n';

function slowPool(circuitBreaker: string): string {
  return `[circuit_breaker]\n${circuitBreaker}\n${SLOW_INSTANCES}`;
}

describe('TomlConfigLoader [circuit_breaker]', () => {
  it('gives every pool the built-in defaults when nothing sets them', async () => {
    const snapshot = loadedSnapshot(await loadTree(validTree()));
    expect(snapshot.pools.get('fast')?.circuitBreaker).toEqual(DEFAULT_CIRCUIT_BREAKER);
    expect(snapshot.pools.get('slow')?.circuitBreaker).toEqual(DEFAULT_CIRCUIT_BREAKER);
  });

  it('merges built-in defaults, [defaults.circuit_breaker] and the pool table key by key', async () => {
    const snapshot = loadedSnapshot(
      await loadTree({
        ...validTree(),
        '_registry.toml': `
          [defaults.circuit_breaker]
          error_threshold_percentage = 25.5
          volume_threshold = 10
          reset_timeout_ms = 2000
        `,
        'pools/slow.toml': slowPool('volume_threshold = 3\nmax_reset_timeout_ms = 8000\nhalf_open_trials = 2'),
      }),
    );
    const fromRegistry: CircuitBreakerSettings = {
      ...DEFAULT_CIRCUIT_BREAKER,
      errorThresholdPercentage: 25.5,
      volumeThreshold: 10,
      resetTimeoutMs: 2000,
    };
    expect(snapshot.pools.get('fast')?.circuitBreaker).toEqual(fromRegistry);
    expect(snapshot.pools.get('slow')?.circuitBreaker).toEqual({
      ...fromRegistry,
      volumeThreshold: 3,
      maxResetTimeoutMs: 8000,
      halfOpenTrials: 2,
    });
  });

  it('inherits [circuit_breaker] through extends, key by key', async () => {
    const snapshot = loadedSnapshot(
      await loadTree({
        ...validTree(),
        'pools/base.toml': slowPool('rolling_window_ms = 500\nvolume_threshold = 7'),
        'pools/slow.toml': `extends = "base"\n[circuit_breaker]\nvolume_threshold = 9`,
      }),
    );
    expect(snapshot.pools.get('slow')?.circuitBreaker).toEqual({ ...DEFAULT_CIRCUIT_BREAKER, rollingWindowMs: 500, volumeThreshold: 9 });
  });

  it('builds each instance runtime a breaker from its pool merged settings', async () => {
    const created: [string, CircuitBreakerSettings][] = [];
    const breakers: CircuitBreakerFactory = {
      create: (instanceName, settings) => {
        created.push([instanceName, settings]);
        return ALWAYS_CLOSED;
      },
    };
    loadedSnapshot(
      await loadTree(
        { ...validTree(), 'pools/slow.toml': slowPool('half_open_trials = 3') },
        {},
        new InstanceRuntimeRegistry({ breakers }),
      ),
    );
    expect(created.sort(([a], [b]) => a.localeCompare(b))).toEqual([
      ['mock-a/m1', DEFAULT_CIRCUIT_BREAKER],
      ['mock-b/m1', DEFAULT_CIRCUIT_BREAKER],
      ['mock-b/m2', { ...DEFAULT_CIRCUIT_BREAKER, halfOpenTrials: 3 }],
    ]);
  });

  it('reports out-of-range values and unknown keys with file and key path', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        '_registry.toml': `
          [defaults.circuit_breaker]
          error_threshold_percentage = 0
          rolling_window_ms = 99
          open_after = 3
        `,
        'pools/slow.toml': slowPool(
          'error_threshold_percentage = 100.5\nvolume_threshold = 0\nreset_timeout_ms = 1.5\nmax_reset_timeout_ms = 0\nhalf_open_trials = "1"',
        ),
      }),
    );
    expect(issues).toEqual([
      { file: '_registry.toml', path: 'defaults.circuit_breaker.error_threshold_percentage', message: 'expected number between 1 and 100, got integer 0' },
      {
        file: '_registry.toml',
        path: 'defaults.circuit_breaker.open_after',
        message:
          'unknown key "open_after"; allowed keys: error_threshold_percentage, volume_threshold, rolling_window_ms, ' +
          'reset_timeout_ms, max_reset_timeout_ms, half_open_trials',
      },
      { file: '_registry.toml', path: 'defaults.circuit_breaker.rolling_window_ms', message: 'expected integer >= 100, got integer 99' },
      { file: 'pools/slow.toml', path: 'circuit_breaker.error_threshold_percentage', message: 'expected number between 1 and 100, got float 100.5' },
      { file: 'pools/slow.toml', path: 'circuit_breaker.half_open_trials', message: 'expected integer >= 1, got string "1"' },
      { file: 'pools/slow.toml', path: 'circuit_breaker.max_reset_timeout_ms', message: 'expected integer >= 1, got integer 0' },
      { file: 'pools/slow.toml', path: 'circuit_breaker.reset_timeout_ms', message: 'expected integer >= 1, got float 1.5' },
      { file: 'pools/slow.toml', path: 'circuit_breaker.volume_threshold', message: 'expected integer >= 1, got integer 0' },
    ]);
  });

  it('reports an unknown key in a pool [circuit_breaker], and a [circuit_breaker] that is not a table', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        'pools/slow.toml': slowPool('reset_timeout = 5'),
        'pools/fast.toml': `circuit_breaker = 5\n${SLOW_INSTANCES}`,
      }),
    );
    expect(issues.map((issue) => [issue.file, issue.path, issue.message.split(';')[0]])).toEqual([
      ['pools/fast.toml', 'circuit_breaker', 'expected a table, got integer 5'],
      ['pools/slow.toml', 'circuit_breaker.reset_timeout', 'unknown key "reset_timeout"'],
    ]);
  });

  describe('reports max_reset_timeout_ms < reset_timeout_ms after merging', () => {
    it('within one pool file, on max_reset_timeout_ms', async () => {
      const issue = singleIssue(await loadTree({ ...validTree(), 'pools/slow.toml': slowPool('reset_timeout_ms = 5000\nmax_reset_timeout_ms = 4000') }));
      expect(issue).toEqual({
        file: 'pools/slow.toml',
        path: 'circuit_breaker.max_reset_timeout_ms',
        message: 'expected max_reset_timeout_ms >= reset_timeout_ms, got max_reset_timeout_ms = 4000 (this pool) and reset_timeout_ms = 5000 (this pool)',
      });
    });

    it('in a pool that raises reset_timeout_ms over the inherited maximum, on reset_timeout_ms', async () => {
      const issue = singleIssue(await loadTree({ ...validTree(), 'pools/slow.toml': slowPool('reset_timeout_ms = 200000') }));
      expect(issue).toEqual({
        file: 'pools/slow.toml',
        path: 'circuit_breaker.reset_timeout_ms',
        message:
          'expected max_reset_timeout_ms >= reset_timeout_ms, got max_reset_timeout_ms = 120000 (built-in default) and reset_timeout_ms = 200000 (this pool)',
      });
    });

    it('in a pool whose maximum is below the registry reset_timeout_ms', async () => {
      const issue = singleIssue(
        await loadTree({
          ...validTree(),
          '_registry.toml': '[defaults.circuit_breaker]\nreset_timeout_ms = 30000',
          'pools/slow.toml': slowPool('max_reset_timeout_ms = 20000'),
        }),
      );
      expect(issue).toEqual({
        file: 'pools/slow.toml',
        path: 'circuit_breaker.max_reset_timeout_ms',
        message:
          'expected max_reset_timeout_ms >= reset_timeout_ms, got max_reset_timeout_ms = 20000 (this pool) and ' +
          'reset_timeout_ms = 30000 ([defaults.circuit_breaker] in _registry.toml)',
      });
    });

    it('in _registry.toml, once, and not again in pools that inherit it', async () => {
      const issue = singleIssue(
        await loadTree({
          ...validTree(),
          '_registry.toml': '[defaults.circuit_breaker]\nreset_timeout_ms = 150000',
          // Sets only the maximum: not judged against a registry that is itself inconsistent.
          'pools/slow.toml': slowPool('max_reset_timeout_ms = 100000'),
        }),
      );
      expect(issue).toEqual({
        file: '_registry.toml',
        path: 'defaults.circuit_breaker.reset_timeout_ms',
        message:
          'expected max_reset_timeout_ms >= reset_timeout_ms, got max_reset_timeout_ms = 120000 (built-in default) and ' +
          'reset_timeout_ms = 150000 ([defaults.circuit_breaker] in _registry.toml)',
      });
    });

    it('accepts a pool that fixes what it inherits, and equal values', async () => {
      const snapshot = loadedSnapshot(
        await loadTree({
          ...validTree(),
          '_registry.toml': '[defaults.circuit_breaker]\nreset_timeout_ms = 50000\nmax_reset_timeout_ms = 50000',
          'pools/slow.toml': slowPool('reset_timeout_ms = 200000\nmax_reset_timeout_ms = 300000'),
        }),
      );
      expect(snapshot.pools.get('fast')?.circuitBreaker).toMatchObject({ resetTimeoutMs: 50000, maxResetTimeoutMs: 50000 });
      expect(snapshot.pools.get('slow')?.circuitBreaker).toMatchObject({ resetTimeoutMs: 200000, maxResetTimeoutMs: 300000 });
    });
  });
});

describe('TomlConfigLoader idle_timeout_ms', () => {
  it('defaults to 30000 and follows [defaults] idle_timeout_ms, which a provider overrides', async () => {
    expect(loadedSnapshot(await loadTree(validTree())).providers.get('mock-a')?.idleTimeoutMs).toBe(30000);

    const snapshot = loadedSnapshot(
      await loadTree({
        ...validTree(),
        '_registry.toml': '[defaults]\nidle_timeout_ms = 4500',
        'providers/mock-b.toml': 'protocol = "mock"\nidle_timeout_ms = 750',
      }),
    );
    expect(snapshot.providers.get('mock-a')).toMatchObject({ idleTimeoutMs: 4500, requestTimeoutMs: 60000 });
    expect(snapshot.providers.get('mock-b')?.idleTimeoutMs).toBe(750);
  });

  it('must be an integer >= 1, in _registry.toml and in providers', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        '_registry.toml': '[defaults]\nidle_timeout_ms = 0',
        'providers/mock-b.toml': 'protocol = "mock"\nidle_timeout_ms = "5s"',
      }),
    );
    expect(issues).toEqual([
      { file: '_registry.toml', path: 'defaults.idle_timeout_ms', message: 'expected integer >= 1, got integer 0' },
      { file: 'providers/mock-b.toml', path: 'idle_timeout_ms', message: 'expected integer >= 1, got string "5s"' },
    ]);
  });
});
