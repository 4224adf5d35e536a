import { setImmediate as realSetImmediate } from 'node:timers';
import { HealthMonitor } from '../../../src/application/health/health-monitor';
import type { ProbeResult } from '../../../src/application/ports/health-probe';
import { InstanceRuntime } from '../../../src/domain/instance/instance-runtime';
import { CapturingLogger } from '../../support/capturing-logger';
import { globalTimersClock } from '../../support/fake-clock';
import { snapshotOf } from '../../support/snapshots';
import { CHECKS, checkedPool, FAIL, member, PASS, scriptedProbe } from './health-monitor-fixture';
import { instanceUnavailability } from '../../../src/domain/instance/instance-unavailability';

describe('HealthMonitor', () => {
  let monitor: HealthMonitor | undefined;

  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
  });

  afterEach(() => {
    monitor?.stop();
    monitor = undefined;
    jest.useRealTimers();
  });

  function start(probe: ReturnType<typeof scriptedProbe>, random: () => number = () => 0.5) {
    const logger = new CapturingLogger();
    monitor = new HealthMonitor({ probe: probe.probe, clock: globalTimersClock, logger, random });
    return { monitor, logger };
  }

  describe('thresholds', () => {
    it('takes a healthy instance out of rotation after unhealthy_threshold failures in a row, not before', async () => {
      const a = member('a');
      const b = member('b', { index: 1 });
      const pool = checkedPool('main', [a, b]);
      const probe = scriptedProbe();
      probe.answer('a', FAIL);
      const { monitor, logger } = start(probe);
      monitor.sync(snapshotOf({ pools: [pool] }));

      await jest.advanceTimersByTimeAsync(1000);
      expect(a.runtime.health).toEqual({ kind: 'healthy' });

      await jest.advanceTimersByTimeAsync(1000);
      expect(a.runtime.health).toEqual({ kind: 'unhealthy', since: Date.now(), reason: 'upstream answered 503' });
      expect(b.runtime.health.kind).toBe('healthy');
      // Out of rotation: the pool only hands out b now.
      expect(new Set([1, 2, 3, 4].map(() => pool.pick(new Set(), Date.now())?.name))).toEqual(new Set(['b']));
      expect(logger.lines).toEqual([
        {
          level: 'warn',
          message: 'instance out of rotation: health checks failing',
          fields: { pool: 'main', instance: 'a', failures: 2, status: 503, reason: 'upstream answered 503' },
        },
      ]);
    });

    it('starts counting again after a pass', async () => {
      const a = member('a');
      const probe = scriptedProbe();
      const { monitor } = start(probe);
      monitor.sync(snapshotOf({ pools: [checkedPool('main', [a])] }));
      for (const answer of [FAIL, PASS, FAIL, PASS, FAIL]) {
        probe.answer('a', answer);
        await jest.advanceTimersByTimeAsync(1000);
      }
      expect(probe.callsOf('a')).toHaveLength(5);
      expect(a.runtime.health.kind).toBe('healthy');
    });

    it('brings an unhealthy instance back after healthy_threshold passes in a row, with one log line each way', async () => {
      const a = member('a');
      const probe = scriptedProbe();
      probe.answer('a', FAIL);
      const { monitor, logger } = start(probe);
      monitor.sync(snapshotOf({ pools: [checkedPool('main', [a], { ...CHECKS, unhealthyThreshold: 1, healthyThreshold: 3 })] }));

      await jest.advanceTimersByTimeAsync(3000);
      expect(a.runtime.health.kind).toBe('unhealthy');

      probe.answer('a', PASS);
      await jest.advanceTimersByTimeAsync(2000);
      expect(a.runtime.health.kind).toBe('unhealthy');
      await jest.advanceTimersByTimeAsync(1000);
      expect(a.runtime.health).toEqual({ kind: 'healthy' });
      await jest.advanceTimersByTimeAsync(5000);

      expect(logger.lines.map((line) => [line.level, line.message, line.fields.reason, line.fields.was])).toEqual([
        ['warn', 'instance out of rotation: health checks failing', 'upstream answered 503', undefined],
        ['info', 'instance back in rotation: health checks passing', 'passed 3 consecutive health checks', 'unhealthy'],
      ]);
      expect(logger.lines.every((line) => line.fields.pool === 'main' && line.fields.instance === 'a')).toBe(true);
    });

    it('brings a misconfigured instance back after passing checks, long before its retry time', async () => {
      const a = member('a');
      const probe = scriptedProbe();
      const { monitor, logger } = start(probe);
      monitor.sync(snapshotOf({ pools: [checkedPool('main', [a])] }));
      await jest.advanceTimersByTimeAsync(500);
      const now = Date.now();
      a.runtime.setHealth({ kind: 'misconfigured', since: now, status: 401, retryAt: now + 600_000, reason: 'upstream answered 401' });
      expect(instanceUnavailability(a, Date.now())).toBeDefined();

      // The pass at 1000 ms is the first since the instance went wrong; the one at 2000 ms is the second.
      await jest.advanceTimersByTimeAsync(500);
      expect(a.runtime.health.kind).toBe('misconfigured');
      await jest.advanceTimersByTimeAsync(1000);
      expect(a.runtime.health).toEqual({ kind: 'healthy' });
      expect(instanceUnavailability(a, Date.now())).toBeUndefined();
      expect(logger.lines).toEqual([
        {
          level: 'info',
          message: 'instance back in rotation: health checks passing',
          fields: { pool: 'main', instance: 'a', was: 'misconfigured', reason: 'passed 2 consecutive health checks' },
        },
      ]);
    });

    it('leaves a misconfigured instance misconfigured while its checks fail', async () => {
      const a = member('a');
      const probe = scriptedProbe();
      probe.answer('a', { ok: false, status: 401, message: 'upstream answered 401' });
      const { monitor, logger } = start(probe);
      const misconfigured = { kind: 'misconfigured', since: 0, status: 401, retryAt: 2_000_000, reason: 'bad key' } as const;
      a.runtime.setHealth(misconfigured);
      monitor.sync(snapshotOf({ pools: [checkedPool('main', [a])] }));
      await jest.advanceTimersByTimeAsync(5000);
      expect(a.runtime.health).toBe(misconfigured);
      expect(logger.lines).toEqual([]);
    });
  });

  describe('timing', () => {
    it('waits interval × (1 ± jitter_ratio) between checks, within the bounds', async () => {
      const draws = [0, 0.5, 0.999_999, 0.25];
      const probe = scriptedProbe();
      const { monitor } = start(probe, () => draws.shift() ?? 0.5);
      const started = Date.now();
      monitor.sync(snapshotOf({ pools: [checkedPool('main', [member('a')], { ...CHECKS, jitterRatio: 0.2 })] }));

      await jest.advanceTimersByTimeAsync(799);
      expect(probe.calls).toHaveLength(0);
      await jest.advanceTimersByTimeAsync(1);
      expect(probe.calls).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1000 + 1200 + 900);
      expect(probe.calls.map((call) => call.at - started)).toEqual([800, 1800, 3000, 3900]);
    });

    it('spreads checks over the whole jitter range with the default random source', async () => {
      const probe = scriptedProbe();
      const logger = new CapturingLogger();
      monitor = new HealthMonitor({ probe: probe.probe, clock: globalTimersClock, logger });
      monitor.sync(snapshotOf({ pools: [checkedPool('main', [member('a')], { ...CHECKS, jitterRatio: 0.5 })] }));
      await jest.advanceTimersByTimeAsync(200_000);
      const at = probe.calls.map((call) => call.at);
      const gaps = at.slice(1).map((time, index) => time - (at[index] as number));
      expect(gaps.length).toBeGreaterThan(100);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);
      expect(Math.max(...gaps)).toBeLessThanOrEqual(1500);
      expect(Math.max(...gaps) - Math.min(...gaps)).toBeGreaterThan(500);
    });

    it('never runs two checks of one instance at once: a slow probe delays the next one', async () => {
      const a = member('a');
      const probe = scriptedProbe();
      // Ignores its signal and answers only after 3 s, well past the timeout and the interval.
      probe.answer('a', () => new Promise<ProbeResult>((resolve) => setTimeout(() => resolve(PASS), 3000)));
      const { monitor } = start(probe);
      monitor.sync(snapshotOf({ pools: [checkedPool('main', [a], { ...CHECKS, unhealthyThreshold: 1 })] }));

      await jest.advanceTimersByTimeAsync(1000);
      expect(probe.calls).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(3999);
      expect(probe.calls).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(probe.calls.map((call) => call.at - 1_000_000)).toEqual([1000, 5000]);
      // It answered, but too late: the check failed.
      expect(a.runtime.health).toMatchObject({ kind: 'unhealthy', reason: 'health check timed out after 200 ms' });
    });

    it('aborts a probe at timeout_ms and counts it as a failure', async () => {
      const a = member('a');
      const probe = scriptedProbe();
      probe.answer(
        'a',
        (signal) =>
          new Promise<ProbeResult>((resolve) => {
            signal.addEventListener('abort', () => resolve({ ok: false, message: 'aborted' }));
          }),
      );
      const { monitor } = start(probe);
      monitor.sync(snapshotOf({ pools: [checkedPool('main', [a], { ...CHECKS, unhealthyThreshold: 1 })] }));

      await jest.advanceTimersByTimeAsync(1199);
      const signal = probe.calls[0]?.signal;
      expect(signal?.aborted).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(signal?.aborted).toBe(true);
      expect(a.runtime.health).toMatchObject({ kind: 'unhealthy', reason: 'health check timed out after 200 ms', since: Date.now() });
      // The next check starts one interval after the aborted one ended.
      await jest.advanceTimersByTimeAsync(1000);
      expect(probe.calls).toHaveLength(2);
    });

    it('counts a probe that throws or rejects as a failure, and lets nothing escape', async () => {
      const escaped: unknown[] = [];
      const onRejection = (reason: unknown): void => {
        escaped.push(reason);
      };
      process.on('unhandledRejection', onRejection);
      try {
        const a = member('a');
        const probe = scriptedProbe();
        probe.answer('a', () => {
          throw new Error('probe blew up');
        });
        const { monitor, logger } = start(probe);
        monitor.sync(snapshotOf({ pools: [checkedPool('main', [a])] }));
        await jest.advanceTimersByTimeAsync(1000);
        probe.answer('a', () => Promise.reject(new Error('socket hang up')));
        await jest.advanceTimersByTimeAsync(1000);
        expect(a.runtime.health).toMatchObject({ kind: 'unhealthy', reason: 'health probe failed: socket hang up' });
        expect(logger.lines.map((line) => line.level)).toEqual(['warn']);
        await jest.advanceTimersByTimeAsync(3000);
        expect(probe.calls).toHaveLength(5);
        // Node reports unhandled rejections once the microtask queue drains; give it a real turn.
        await new Promise<void>((resolve) => realSetImmediate(resolve));
        expect(escaped).toEqual([]);
      } finally {
        process.off('unhandledRejection', onRejection);
      }
    });
  });

  describe('which instances are checked', () => {
    it('checks enabled instances of pools with checks enabled, once per instance identity', async () => {
      const shared = member('shared');
      const probe = scriptedProbe();
      const { monitor } = start(probe);
      monitor.sync(
        snapshotOf({
          pools: [
            checkedPool('first', [shared, member('off', { disabled: true, index: 1 })]),
            checkedPool('second', [member('shared', { runtime: shared.runtime }), member('other', { index: 1 })]),
            checkedPool('unchecked', [member('quiet')], { ...CHECKS, enabled: false }),
          ],
        }),
      );
      await jest.advanceTimersByTimeAsync(3000);
      expect(probe.callsOf('shared')).toHaveLength(3);
      expect(probe.callsOf('other')).toHaveLength(3);
      expect(probe.callsOf('off')).toHaveLength(0);
      expect(probe.callsOf('quiet')).toHaveLength(0);
    });

    it('stops the loops of instances that left the config, keeps unchanged ones running, starts new ones', async () => {
      const runtimeA = new InstanceRuntime();
      const probe = scriptedProbe();
      const { monitor } = start(probe);
      monitor.sync(snapshotOf({ pools: [checkedPool('main', [member('a', { runtime: runtimeA }), member('b', { index: 1 })])] }));
      await jest.advanceTimersByTimeAsync(1600);
      expect(probe.calls.map((call) => call.instance).sort()).toEqual(['a', 'b']);

      // A reload: a is unchanged (same identity and runtime), b is gone, c is new.
      monitor.sync(snapshotOf({ pools: [checkedPool('main', [member('a', { runtime: runtimeA }), member('c', { index: 1 })])] }));
      await jest.advanceTimersByTimeAsync(400);
      // a was not restarted: its check still came 1000 ms after the previous one.
      expect(probe.callsOf('a').map((call) => call.at - 1_000_000)).toEqual([1000, 2000]);
      await jest.advanceTimersByTimeAsync(5000);
      expect(probe.callsOf('b')).toHaveLength(1);
      expect(probe.callsOf('c').map((call) => call.at - 1_000_000)).toEqual([2600, 3600, 4600, 5600, 6600]);

      monitor.stop();
      expect(jest.getTimerCount()).toBe(0);
      await jest.advanceTimersByTimeAsync(10_000);
      expect(probe.calls).toHaveLength(2 + 6 + 5);
    });

    it('stops checking an instance whose provider became disabled, and all instances of a pool whose checks were switched off', async () => {
      const probe = scriptedProbe();
      const { monitor } = start(probe);
      monitor.sync(snapshotOf({ pools: [checkedPool('p', [member('a')]), checkedPool('q', [member('b')])] }));
      await jest.advanceTimersByTimeAsync(1000);
      monitor.sync(snapshotOf({ pools: [checkedPool('p', [member('a', { disabled: true })]), checkedPool('q', [member('b')], { ...CHECKS, enabled: false })] }));
      expect(jest.getTimerCount()).toBe(0);
    });

    it('applies changed settings from the next check on', async () => {
      const a = member('a');
      const probe = scriptedProbe();
      probe.answer('a', FAIL);
      const { monitor } = start(probe);
      monitor.sync(snapshotOf({ pools: [checkedPool('main', [a], { ...CHECKS, unhealthyThreshold: 5 })] }));
      await jest.advanceTimersByTimeAsync(1500);
      monitor.sync(snapshotOf({ pools: [checkedPool('main', [member('a', { runtime: a.runtime })], { ...CHECKS, intervalMs: 300, timeoutMs: 100, unhealthyThreshold: 2 })] }));
      await jest.advanceTimersByTimeAsync(500);
      // Checks at 1000 (old wait), 2000 (the wait already running), then every 300 ms.
      expect(probe.calls.map((call) => call.at - 1_000_000)).toEqual([1000, 2000]);
      expect(a.runtime.health.kind).toBe('unhealthy');
      await jest.advanceTimersByTimeAsync(300);
      expect(probe.calls.map((call) => call.at - 1_000_000)).toEqual([1000, 2000, 2300]);
    });

    it('aborts a probe in flight on stop, ignores its answer and leaves no timer behind', async () => {
      const a = member('a');
      const probe = scriptedProbe();
      probe.answer('a', () => new Promise<ProbeResult>((resolve) => setTimeout(() => resolve(FAIL), 100)));
      const { monitor, logger } = start(probe);
      monitor.sync(snapshotOf({ pools: [checkedPool('main', [a], { ...CHECKS, unhealthyThreshold: 1 })] }));
      await jest.advanceTimersByTimeAsync(1050);
      monitor.stop();
      expect(probe.calls[0]?.signal.aborted).toBe(true);
      await jest.advanceTimersByTimeAsync(100);
      expect(a.runtime.health.kind).toBe('healthy');
      expect(logger.lines).toEqual([]);
      expect(jest.getTimerCount()).toBe(0);
    });
  });
});
