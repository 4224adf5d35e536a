import { InstanceRuntime } from '../../../../src/domain/instance/instance-runtime';
import { PoolInstance, type PoolInstanceInit } from '../../../../src/domain/instance/pool-instance';
import { providerSpec } from '../../../support/snapshots';

function init(overrides: Partial<PoolInstanceInit> = {}): PoolInstanceInit {
  return {
    name: 'primary',
    provider: providerSpec(),
    model: 'model-1',
    weight: 1,
    maxConcurrency: 1,
    index: 0,
    runtime: new InstanceRuntime(),
    ...overrides,
  };
}

describe('PoolInstance', () => {
  it('accepts the smallest valid weight and concurrency', () => {
    const instance = new PoolInstance(init({ weight: 1, maxConcurrency: 1 }));

    expect(instance.weight).toBe(1);
    expect(instance.maxConcurrency).toBe(1);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects weight %p', (weight) => {
    expect(() => new PoolInstance(init({ weight }))).toThrow(/weight/);
  });

  it.each([0, -2, 2.5, Number.NaN])('rejects max_concurrency %p', (maxConcurrency) => {
    expect(() => new PoolInstance(init({ maxConcurrency }))).toThrow(/max_concurrency/);
  });

  it('rejects an empty name or model', () => {
    expect(() => new PoolInstance(init({ name: '' }))).toThrow(RangeError);
    expect(() => new PoolInstance(init({ model: '' }))).toThrow(/model/);
  });

  it('is disabled when its provider carries a disabled reason', () => {
    expect(new PoolInstance(init()).enabled).toBe(true);
    expect(new PoolInstance(init({ provider: providerSpec({ disabledReason: 'OPENAI_API_KEY is not set' }) })).enabled).toBe(
      false,
    );
  });

  it('is saturated once its in-flight count reaches max_concurrency', () => {
    const instance = new PoolInstance(init({ maxConcurrency: 2 }));

    instance.runtime.acquire();
    expect(instance.saturated).toBe(false);
    instance.runtime.acquire();
    expect(instance.saturated).toBe(true);
    instance.runtime.release();
    expect(instance.saturated).toBe(false);
  });

  it('has an identity that differs whenever provider, model, base URL or name differ', () => {
    const base = new PoolInstance(init()).identity;

    expect(new PoolInstance(init()).identity).toBe(base);
    expect(new PoolInstance(init({ weight: 5, maxConcurrency: 9, index: 3 })).identity).toBe(base);
    expect(new PoolInstance(init({ name: 'other' })).identity).not.toBe(base);
    expect(new PoolInstance(init({ model: 'model-2' })).identity).not.toBe(base);
    expect(new PoolInstance(init({ provider: providerSpec({ name: 'other' }) })).identity).not.toBe(base);
    expect(new PoolInstance(init({ provider: providerSpec({ baseUrl: 'http://127.0.0.1:9102/v1' }) })).identity).not.toBe(
      base,
    );
  });
});
