import { DEFAULT_HEALTH_CHECK, type HealthCheckSettings } from '../../../../src/domain/health/health-check-settings';
import { removeConfigTrees } from '../../../support/config-tree';
import { issuesOf, loadedSnapshot, loadTree, singleIssue, validTree } from './config-tree-fixture';

afterEach(removeConfigTrees);

const SLOW_INSTANCES = '[[instances]]\nprovider = "mock-b"\nmodel = "m2"\n';

function slowPool(healthCheck: string): string {
  return `[health_check]\n${healthCheck}\n${SLOW_INSTANCES}`;
}

const ENABLED: HealthCheckSettings = { ...DEFAULT_HEALTH_CHECK, enabled: true };

describe('TomlConfigLoader [health_check]', () => {
  it('leaves checks off with the built-in defaults when nothing sets them', async () => {
    const snapshot = loadedSnapshot(await loadTree(validTree()));
    expect(snapshot.pools.get('fast')?.healthCheck).toEqual(DEFAULT_HEALTH_CHECK);
    expect(snapshot.pools.get('slow')?.healthCheck).toEqual(DEFAULT_HEALTH_CHECK);
    expect(DEFAULT_HEALTH_CHECK.enabled).toBe(false);
  });

  it('turns checks on for a pool whose table does not set enabled, and only for that pool', async () => {
    const snapshot = loadedSnapshot(await loadTree({ ...validTree(), 'pools/slow.toml': slowPool('interval_ms = 8000') }));
    expect(snapshot.pools.get('slow')?.healthCheck).toEqual({ ...ENABLED, intervalMs: 8000 });
    expect(snapshot.pools.get('fast')?.healthCheck.enabled).toBe(false);
  });

  it('merges built-in defaults, [defaults.health_check] and the pool table key by key', async () => {
    const snapshot = loadedSnapshot(
      await loadTree({
        ...validTree(),
        '_registry.toml': `
          [defaults.health_check]
          interval_ms = 3000
          timeout_ms = 1000
          path = "/health"
          unhealthy_threshold = 4
        `,
        'pools/slow.toml': slowPool('timeout_ms = 500\nhealthy_threshold = 3\njitter_ratio = 0.5'),
      }),
    );
    const fromRegistry: HealthCheckSettings = {
      ...ENABLED,
      intervalMs: 3000,
      timeoutMs: 1000,
      probe: { kind: 'path', path: '/health' },
      unhealthyThreshold: 4,
    };
    expect(snapshot.pools.get('fast')?.healthCheck).toEqual(fromRegistry);
    expect(snapshot.pools.get('slow')?.healthCheck).toEqual({ ...fromRegistry, timeoutMs: 500, healthyThreshold: 3, jitterRatio: 0.5 });
  });

  it('lets a pool switch off checks the registry turns on, and turn on checks the registry switches off', async () => {
    const off = loadedSnapshot(
      await loadTree({
        ...validTree(),
        '_registry.toml': '[defaults.health_check]\ninterval_ms = 2000\ntimeout_ms = 100',
        'pools/slow.toml': slowPool('enabled = false'),
      }),
    );
    expect(off.pools.get('fast')?.healthCheck).toMatchObject({ enabled: true, intervalMs: 2000, timeoutMs: 100 });
    expect(off.pools.get('slow')?.healthCheck).toMatchObject({ enabled: false, intervalMs: 2000, timeoutMs: 100 });

    const on = loadedSnapshot(
      await loadTree({
        ...validTree(),
        '_registry.toml': '[defaults.health_check]\nenabled = false\nhealthy_threshold = 5',
        'pools/slow.toml': slowPool('unhealthy_threshold = 1'),
      }),
    );
    expect(on.pools.get('fast')?.healthCheck).toEqual({ ...DEFAULT_HEALTH_CHECK, healthyThreshold: 5 });
    expect(on.pools.get('slow')?.healthCheck).toEqual({ ...ENABLED, healthyThreshold: 5, unhealthyThreshold: 1 });
  });

  it('probes by completion when asked, and by path otherwise, keeping an inherited path', async () => {
    const snapshot = loadedSnapshot(
      await loadTree({
        ...validTree(),
        '_registry.toml': '[defaults.health_check]\npath = "/ping"',
        'pools/slow.toml': slowPool('probe = "completion"'),
        'pools/fast.toml': `[health_check]\nprobe = "path"\n${SLOW_INSTANCES}`,
      }),
    );
    expect(snapshot.pools.get('slow')?.healthCheck.probe).toEqual({ kind: 'completion' });
    expect(snapshot.pools.get('fast')?.healthCheck.probe).toEqual({ kind: 'path', path: '/ping' });
  });

  it('goes back to the default path when a pool asks for the path probe over a registry that probes by completion', async () => {
    const snapshot = loadedSnapshot(
      await loadTree({
        ...validTree(),
        '_registry.toml': '[defaults.health_check]\nprobe = "completion"',
        'pools/slow.toml': slowPool('probe = "path"'),
      }),
    );
    expect(snapshot.pools.get('fast')?.healthCheck.probe).toEqual({ kind: 'completion' });
    expect(snapshot.pools.get('slow')?.healthCheck.probe).toEqual(DEFAULT_HEALTH_CHECK.probe);
  });

  it('inherits [health_check] through extends, key by key', async () => {
    const snapshot = loadedSnapshot(
      await loadTree({
        ...validTree(),
        'pools/base.toml': slowPool('interval_ms = 4000\ntimeout_ms = 300\npath = "/up"'),
        'pools/slow.toml': 'extends = "base"\n[health_check]\ntimeout_ms = 200',
      }),
    );
    expect(snapshot.pools.get('slow')?.healthCheck).toEqual({
      ...ENABLED,
      intervalMs: 4000,
      timeoutMs: 200,
      probe: { kind: 'path', path: '/up' },
    });
  });

  it('reports out-of-range values, wrong types and unknown keys with file and key path', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        '_registry.toml': `
          [defaults.health_check]
          enabled = "yes"
          interval_ms = 99
          jitter_ratio = 0.6
          every = 5
        `,
        'pools/slow.toml': slowPool(
          'timeout_ms = 0\npath = "models"\nprobe = "tcp"\nhealthy_threshold = 0\nunhealthy_threshold = 1.5\njitter_ratio = -0.1',
        ),
      }),
    );
    expect(issues).toEqual([
      { file: '_registry.toml', path: 'defaults.health_check.enabled', message: 'expected true or false, got string "yes"' },
      {
        file: '_registry.toml',
        path: 'defaults.health_check.every',
        message:
          'unknown key "every"; allowed keys: enabled, interval_ms, timeout_ms, path, probe, healthy_threshold, ' +
          'unhealthy_threshold, jitter_ratio',
      },
      { file: '_registry.toml', path: 'defaults.health_check.interval_ms', message: 'expected integer >= 100, got integer 99' },
      { file: '_registry.toml', path: 'defaults.health_check.jitter_ratio', message: 'expected number between 0 and 0.5, got float 0.6' },
      { file: 'pools/slow.toml', path: 'health_check.healthy_threshold', message: 'expected integer >= 1, got integer 0' },
      { file: 'pools/slow.toml', path: 'health_check.jitter_ratio', message: 'expected number between 0 and 0.5, got float -0.1' },
      { file: 'pools/slow.toml', path: 'health_check.path', message: 'expected a path starting with "/", got string "mode…" (6 characters)' },
      { file: 'pools/slow.toml', path: 'health_check.probe', message: 'expected one of "path", "completion", got string "tcp"' },
      { file: 'pools/slow.toml', path: 'health_check.timeout_ms', message: 'expected integer >= 1, got integer 0' },
      { file: 'pools/slow.toml', path: 'health_check.unhealthy_threshold', message: 'expected integer >= 1, got float 1.5' },
    ]);
  });

  it('reports a [health_check] that is not a table', async () => {
    const issue = singleIssue(await loadTree({ ...validTree(), 'pools/slow.toml': `health_check = true\n${SLOW_INSTANCES}` }));
    expect(issue).toEqual({ file: 'pools/slow.toml', path: 'health_check', message: 'expected a table, got boolean true' });
  });

  it('rejects path when the merged probe is "completion"', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        '_registry.toml': '[defaults.health_check]\nprobe = "completion"',
        'pools/slow.toml': slowPool('path = "/health"'),
        'pools/fast.toml': `[health_check]\nprobe = "completion"\npath = "/health"\n${SLOW_INSTANCES}`,
      }),
    );
    expect(issues).toEqual([
      {
        file: 'pools/fast.toml',
        path: 'health_check.path',
        message: 'path is allowed only when probe = "path", but probe = "completion" (this pool)',
      },
      {
        file: 'pools/slow.toml',
        path: 'health_check.path',
        message: 'path is allowed only when probe = "path", but probe = "completion" ([defaults.health_check] in _registry.toml)',
      },
    ]);
  });

  describe('reports timeout_ms >= interval_ms after merging', () => {
    it('within one pool file, on timeout_ms', async () => {
      const issue = singleIssue(await loadTree({ ...validTree(), 'pools/slow.toml': slowPool('interval_ms = 1000\ntimeout_ms = 1000') }));
      expect(issue).toEqual({
        file: 'pools/slow.toml',
        path: 'health_check.timeout_ms',
        message: 'expected timeout_ms < interval_ms, got timeout_ms = 1000 (this pool) and interval_ms = 1000 (this pool)',
      });
    });

    it('halves an inherited timeout that would not fit a pool\'s shorter interval, as in `interval_ms = 2000` alone', async () => {
      const snapshot = loadedSnapshot(await loadTree({ ...validTree(), 'pools/slow.toml': slowPool('interval_ms = 2000') }));
      expect(snapshot.pools.get('slow')?.healthCheck).toMatchObject({ intervalMs: 2000, timeoutMs: 1000 });
    });

    it('in a pool whose timeout reaches the registry interval', async () => {
      const issue = singleIssue(
        await loadTree({
          ...validTree(),
          '_registry.toml': '[defaults.health_check]\ninterval_ms = 3000\ntimeout_ms = 1000',
          'pools/slow.toml': slowPool('timeout_ms = 3500'),
        }),
      );
      expect(issue).toEqual({
        file: 'pools/slow.toml',
        path: 'health_check.timeout_ms',
        message:
          'expected timeout_ms < interval_ms, got timeout_ms = 3500 (this pool) and ' +
          'interval_ms = 3000 ([defaults.health_check] in _registry.toml)',
      });
    });

    it('in _registry.toml, once, and not again in pools that inherit it', async () => {
      const issue = singleIssue(
        await loadTree({
          ...validTree(),
          '_registry.toml': '[defaults.health_check]\ninterval_ms = 1000\ntimeout_ms = 1000',
          // Sets only the timeout: not judged against a registry that is itself inconsistent.
          'pools/slow.toml': slowPool('timeout_ms = 2000'),
        }),
      );
      expect(issue).toEqual({
        file: '_registry.toml',
        path: 'defaults.health_check.timeout_ms',
        message:
          'expected timeout_ms < interval_ms, got timeout_ms = 1000 ([defaults.health_check] in _registry.toml) and ' +
          'interval_ms = 1000 ([defaults.health_check] in _registry.toml)',
      });
    });

    it('also when checks are switched off, since the settings are still wrong', async () => {
      const issue = singleIssue(await loadTree({ ...validTree(), 'pools/slow.toml': slowPool('enabled = false\ntimeout_ms = 20000') }));
      expect(issue.path).toBe('health_check.timeout_ms');
    });

    it('accepts a pool that fixes what it inherits', async () => {
      const snapshot = loadedSnapshot(
        await loadTree({
          ...validTree(),
          '_registry.toml': '[defaults.health_check]\ninterval_ms = 1000\ntimeout_ms = 900',
          'pools/slow.toml': slowPool('interval_ms = 100\ntimeout_ms = 50'),
        }),
      );
      expect(snapshot.pools.get('fast')?.healthCheck).toMatchObject({ intervalMs: 1000, timeoutMs: 900 });
      expect(snapshot.pools.get('slow')?.healthCheck).toMatchObject({ intervalMs: 100, timeoutMs: 50 });
    });
  });
});
