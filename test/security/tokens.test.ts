import { describe, expect, it } from 'vitest';
import { hashToken, newToken, parseBearer, safeEqual, verifyToken } from '../../bot/security/tokens.js';

describe('newToken', () => {
  it('gives distinct URL-safe tokens of the requested strength', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newToken()));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken(48)).toHaveLength(64);
  });

  it.each([0, 8, 15, 1.5, 2000])('refuses a weak or absurd length of %s bytes', (bytes) => {
    expect(() => newToken(bytes)).toThrow(RangeError);
  });
});

describe('hashToken', () => {
  it('is a stable sha256 hex digest', () => {
    // sha256("abc") is a published test vector.
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashToken('abc')).toBe(hashToken('abc'));
  });

  it('depends on the pepper, so stored hashes alone cannot be checked offline', () => {
    const token = newToken();
    expect(hashToken(token, 'pepper-1')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token, 'pepper-1')).toBe(hashToken(token, 'pepper-1'));
    expect(hashToken(token, 'pepper-1')).not.toBe(hashToken(token, 'pepper-2'));
    expect(hashToken(token, 'pepper-1')).not.toBe(hashToken(token));
  });

  it('verifies a presented token against its stored hash', () => {
    const token = newToken();
    const stored = hashToken(token, 'p');
    expect(verifyToken(token, stored, 'p')).toBe(true);
    expect(verifyToken(`${token}x`, stored, 'p')).toBe(false);
    expect(verifyToken(token, stored)).toBe(false);
  });
});

describe('safeEqual', () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'abcd', false],
    ['', '', true],
    ['ä', 'a', false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(safeEqual(a, b)).toBe(expected);
    expect(safeEqual(Buffer.from(a), Buffer.from(b))).toBe(expected);
  });
});

describe('parseBearer', () => {
  it.each([
    ['Bearer abc.DEF-123_~+/=', 'abc.DEF-123_~+/='],
    ['bearer abc', 'abc'],
    ['  Bearer   abc  ', 'abc'],
  ])('reads %j', (header, token) => {
    expect(parseBearer(header)).toBe(token);
  });

  it.each([
    [undefined],
    [null],
    [''],
    ['Bearer'],
    ['Bearer '],
    ['Basic dXNlcjpwdw=='],
    ['Bearer a b'],
    ['Bearer <script>'],
    [['Bearer a', 'Bearer b']],
    [`Bearer ${'a'.repeat(10_000)}`],
  ])('refuses %j', (header) => {
    expect(parseBearer(header as string | string[] | undefined | null)).toBeNull();
  });
});
