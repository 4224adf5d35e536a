import { adminExposedWithoutToken } from '../../../src/interfaces/http/admin-exposure';

describe('adminExposedWithoutToken', () => {
  it('is true only for a non-loopback listen address with no admin token', () => {
    expect(adminExposedWithoutToken('0.0.0.0', undefined)).toBe(true);
    expect(adminExposedWithoutToken('::', '')).toBe(true);
    expect(adminExposedWithoutToken('10.0.0.5', undefined)).toBe(true);
    expect(adminExposedWithoutToken('0.0.0.0', 'secret')).toBe(false);
    for (const loopback of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
      expect(adminExposedWithoutToken(loopback, undefined)).toBe(false);
    }
  });
});
