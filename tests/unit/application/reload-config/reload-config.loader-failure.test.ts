import { removeConfigTrees } from '../../../support/config-tree';
import { baseTree, FakeLoader, loadSnapshot, reloadRig } from './reload-fixture';

afterEach(removeConfigTrees);

describe('ReloadConfig when the loader itself fails', () => {
  it('records a rejected attempt naming the reason, logs it, and keeps the configuration in force', async () => {
    const before = await loadSnapshot(baseTree());
    const loader = new FakeLoader().willReturn(new RangeError('Maximum call stack size exceeded'));
    const { reload, snapshots, logger } = reloadRig(before, loader);

    const attempt = await reload.execute('watch');

    expect(attempt).toMatchObject({
      trigger: 'watch',
      result: 'rejected',
      errors: [{ file: '', path: '', message: 'the configuration could not be loaded: Maximum call stack size exceeded' }],
    });
    expect(reload.status().lastAttempt).toBe(attempt);
    expect(snapshots.current()).toBe(before);
    expect(logger.messages('error')).toContain('config reload rejected');
  });

  it('keeps secrets out of the reason it records', async () => {
    const before = await loadSnapshot(baseTree());
    const loader = new FakeLoader().willReturn(new Error('upstream said Bearer sk-live-0123456789abcdef'));
    const { reload } = reloadRig(before, loader);
    const attempt = await reload.execute('admin');
    expect(JSON.stringify(attempt.errors)).not.toContain('0123456789abcdef');
  });
});
