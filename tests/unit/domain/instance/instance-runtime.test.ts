import { InstanceRuntime } from '../../../../src/domain/instance/instance-runtime';

describe('InstanceRuntime', () => {
  it('counts requests in flight up on acquire and down on release', () => {
    const runtime = new InstanceRuntime();

    runtime.acquire();
    runtime.acquire();
    runtime.acquire();
    expect(runtime.inFlight).toBe(3);

    runtime.release();
    expect(runtime.inFlight).toBe(2);
  });

  it('never counts below zero, even after an extra release', () => {
    const runtime = new InstanceRuntime();
    runtime.acquire();

    runtime.release();
    runtime.release();
    runtime.release();
    expect(runtime.inFlight).toBe(0);

    runtime.acquire();
    expect(runtime.inFlight).toBe(1);
  });

  it('has no latency average before the first sample', () => {
    const runtime = new InstanceRuntime();

    expect(runtime.latencyEwmaMs).toBeUndefined();
    expect(runtime.samples).toBe(0);
  });

  it('takes the first sample as the average', () => {
    const runtime = new InstanceRuntime();

    runtime.recordLatency(240);

    expect(runtime.latencyEwmaMs).toBe(240);
    expect(runtime.samples).toBe(1);
  });

  it('smooths later samples with alpha 0.3', () => {
    const runtime = new InstanceRuntime();

    runtime.recordLatency(100);
    runtime.recordLatency(200); // 100 + 0.3 * 100
    expect(runtime.latencyEwmaMs).toBeCloseTo(130, 10);
    runtime.recordLatency(100); // 130 - 0.3 * 30
    expect(runtime.latencyEwmaMs).toBeCloseTo(121, 10);
    runtime.recordLatency(0); // 121 * 0.7
    expect(runtime.latencyEwmaMs).toBeCloseTo(84.7, 10);
    expect(runtime.samples).toBe(4);
  });

  it('uses a different smoothing factor when given one', () => {
    const runtime = new InstanceRuntime(0.5);

    runtime.recordLatency(100);
    runtime.recordLatency(300);

    expect(runtime.latencyEwmaMs).toBeCloseTo(200, 10);
  });

  it('keeps latency and in-flight counts apart', () => {
    const runtime = new InstanceRuntime();

    runtime.acquire();
    runtime.recordLatency(50);
    runtime.release();

    expect(runtime.inFlight).toBe(0);
    expect(runtime.latencyEwmaMs).toBe(50);
  });
});
