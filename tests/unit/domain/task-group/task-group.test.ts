import { TaskGroup, type TaskGroupInit } from '../../../../src/domain/task-group/task-group';
import { instances, pool } from '../builders';

function init(overrides: Partial<TaskGroupInit> = {}): TaskGroupInit {
  return {
    name: 'chat',
    tiers: [
      { name: 'premium', pools: [pool('big', instances('big-1'))] },
      { name: 'budget', pools: [pool('small', instances('small-1'))] },
    ],
    maxAttempts: 3,
    timeoutMs: 30_000,
    fallbackGroups: [],
    ...overrides,
  };
}

describe('TaskGroup', () => {
  it('keeps its tiers in the configured order', () => {
    const group = new TaskGroup(init({ maxAttempts: 1, timeoutMs: 1, description: 'general chat' }));

    expect(group.tiers.map((tier) => tier.name)).toEqual(['premium', 'budget']);
    expect(group.maxAttempts).toBe(1);
    expect(group.timeoutMs).toBe(1);
    expect(group.description).toBe('general chat');
  });

  it.each([0, -1, 2.5, Number.NaN])('rejects max_attempts %p', (maxAttempts) => {
    expect(() => new TaskGroup(init({ maxAttempts }))).toThrow(/max_attempts/);
  });

  it.each([0, -100, 10.5, Number.NaN])('rejects timeout_ms %p', (timeoutMs) => {
    expect(() => new TaskGroup(init({ timeoutMs }))).toThrow(/timeout_ms/);
  });

  it('rejects a tier name used twice', () => {
    const tiers = [
      { name: 'premium', pools: [pool('big', instances('big-1'))] },
      { name: 'premium', pools: [pool('small', instances('small-1'))] },
    ];

    expect(() => new TaskGroup(init({ tiers }))).toThrow(/tier "premium" appears twice/);
  });

  it('rejects a group without tiers', () => {
    expect(() => new TaskGroup(init({ tiers: [] }))).toThrow(/at least one tier/);
  });

  it('rejects an empty name', () => {
    expect(() => new TaskGroup(init({ name: '' }))).toThrow(RangeError);
  });
});
