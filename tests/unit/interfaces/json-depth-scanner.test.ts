import { JsonDepthScanner } from '../../../src/interfaces/http/json-depth-scanner';

/** Feeds `text` to a fresh scanner in chunks cut at `cuts` (byte offsets); whether it stayed within `maxDepth`. */
function accepts(text: string, maxDepth: number, cuts: readonly number[] = []): boolean {
  const bytes = Buffer.from(text);
  const scanner = new JsonDepthScanner(maxDepth);
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (!scanner.accept(bytes.subarray(start, cut))) return false;
    start = cut;
  }
  return true;
}

/** How deeply a parsed JSON value nests arrays and objects. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + children.reduce<number>((deepest, child) => Math.max(deepest, depthOf(child)), 0);
}

describe('JsonDepthScanner', () => {
  it('accepts nesting up to the limit and refuses one level more', () => {
    expect(accepts('{"a":[1,{"b":[]}]}', 4)).toBe(true);
    expect(accepts('{"a":[1,{"b":[]}]}', 3)).toBe(false);
    expect(accepts('[[[[]]]]', 4)).toBe(true);
    expect(accepts('[[[[[]]]]]', 4)).toBe(false);
    expect(accepts('[],[],[],[],[],[]', 1)).toBe(true);
  });

  it('ignores brackets inside strings, including after escaped quotes and backslashes', () => {
    expect(accepts('{"a":"[[[[{{{{"}', 1)).toBe(true);
    expect(accepts('{"a":"say \\"[[[[\\" twice"}', 1)).toBe(true);
    expect(accepts('{"a":"ends in a backslash \\\\","b":[[]]}', 2)).toBe(false);
    expect(accepts('{"a":"ends in a backslash \\\\","b":[[]]}', 3)).toBe(true);
    expect(accepts('{"a":"\\\\\\"[[[["}', 1)).toBe(true);
    expect(accepts('{"é€😀":"[[[", "b":"ü{"}', 1)).toBe(true);
  });

  it('gives the same verdict wherever the body is split into chunks', () => {
    const samples = [
      '{"a":"x\\\\\\"[[","b":[{"c":"\\\\"},[["\\"{{"]]]}',
      '{"metadata":{"k":"v\\\\"},"messages":[{"role":"user","content":"[{\\"x\\":1}]"}]}',
      '[["\\\\\\\\"],["\\""],[[[[]]]]]',
    ];
    for (const text of samples) {
      const depth = depthOf(JSON.parse(text));
      const length = Buffer.byteLength(text);
      for (let a = 0; a <= length; a += 1) {
        for (let b = a; b <= length; b += 3) {
          expect([a, b, accepts(text, depth, [a, b])]).toEqual([a, b, true]);
          expect([a, b, accepts(text, depth - 1, [a, b])]).toEqual([a, b, false]);
        }
      }
    }
  });

  it('refuses a hostile body as soon as the limit is passed', () => {
    const scanner = new JsonDepthScanner(64);
    expect(scanner.accept(Buffer.from('{"a":'.repeat(64)))).toBe(true);
    expect(scanner.accept(Buffer.from('{"a":'))).toBe(false);
  });
});
