import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { RateLimiter, clientAddress, UNKNOWN_ADDRESS, type RequestLike } from '../../bot/security/rateLimiter.js';

function limiter(overrides: Partial<ConstructorParameters<typeof RateLimiter>[0]> = {}) {
  const clock = new FixedClock(new Date('2025-01-01T00:00:00Z'));
  return { clock, rl: new RateLimiter({ capacity: 3, refillPerSecond: 1, clock, ...overrides }) };
}

describe('RateLimiter', () => {
  it('allows a burst up to capacity, then refuses with a Retry-After', () => {
    const { rl } = limiter();
    expect([1, 2, 3].map(() => rl.consume('1.2.3.4').allowed)).toEqual([true, true, true]);
    const denied = rl.consume('1.2.3.4');
    expect(denied.allowed).toBe(false);
    expect(denied.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('recovers once the clock passes the advertised Retry-After', () => {
    const { rl, clock } = limiter({ refillPerSecond: 0.5 });
    for (let i = 0; i < 3; i++) rl.consume('k');
    const denied = rl.consume('k');
    expect(denied).toMatchObject({ allowed: false, retryAfterSeconds: 2 });
    clock.advance(denied.retryAfterSeconds * 1000);
    expect(rl.consume('k')).toMatchObject({ allowed: true, retryAfterSeconds: 0 });
  });

  it('does not reward retrying early', () => {
    const { rl, clock } = limiter();
    for (let i = 0; i < 3; i++) rl.consume('k');
    for (let i = 0; i < 5; i++) {
      clock.advance(100);
      expect(rl.consume('k').allowed).toBe(false);
    }
  });

  it('keeps keys apart', () => {
    const { rl } = limiter({ capacity: 1 });
    expect(rl.consume('conversation-a').allowed).toBe(true);
    expect(rl.consume('conversation-a').allowed).toBe(false);
    expect(rl.consume('conversation-b').allowed).toBe(true);
  });

  it('never fills past capacity after a long idle time', () => {
    const { rl, clock } = limiter();
    rl.consume('k');
    clock.advance(3_600_000);
    expect([1, 2, 3, 4].map(() => rl.consume('k').allowed)).toEqual([true, true, true, false]);
  });

  it('stays within its key bound under a flood of distinct keys', () => {
    const { rl } = limiter({ maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) rl.consume(`10.0.${i >> 8}.${i & 255}`);
    expect(rl.size).toBe(100);
  });

  it('keeps limiting a busy key during a flood, since recently used keys are kept', () => {
    const { rl } = limiter({ maxKeys: 50, capacity: 2 });
    rl.consume('abuser');
    rl.consume('abuser');
    for (let i = 0; i < 1000; i++) {
      rl.consume(`flood-${i}`);
      if (i % 10 === 0) expect(rl.consume('abuser').allowed).toBe(false);
    }
  });

  it('sweeps idle keys without changing any decision', () => {
    const { rl, clock } = limiter();
    rl.consume('idle');
    for (let i = 0; i < 3; i++) rl.consume('busy');
    clock.advance(1500);
    expect(rl.sweep()).toBe(1);
    expect(rl.size).toBe(1);
    expect(rl.consume('busy').allowed).toBe(true);
    expect(rl.consume('busy').allowed).toBe(false);
  });

  it.each([
    [{ capacity: 0, refillPerSecond: 1 }],
    [{ capacity: 1, refillPerSecond: 0 }],
    [{ capacity: 1, refillPerSecond: 1, maxKeys: 0 }],
  ])('rejects the configuration %j', (options) => {
    expect(() => new RateLimiter(options)).toThrow(RangeError);
  });
});

describe('clientAddress', () => {
  const req = (xff: string | string[] | undefined, remote: string | null = '10.0.0.2'): RequestLike => ({
    headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
    socket: { remoteAddress: remote ?? undefined },
  });

  it.each([
    ['ignores X-Forwarded-For when no proxy is trusted', req('203.0.113.9'), false, '10.0.0.2'],
    ['uses the socket when trusted but no header came', req(undefined), true, '10.0.0.2'],
    ['takes the left-most address when every proxy is trusted', req('203.0.113.9, 198.51.100.1'), true, '203.0.113.9'],
    ['takes the entry our one proxy appended, not a client-forged one', req('6.6.6.6, 203.0.113.9'), 1, '203.0.113.9'],
    ['walks back two hops', req('203.0.113.9, 198.51.100.1'), 2, '203.0.113.9'],
    ['stops at the furthest address when the chain is shorter than the hops', req('203.0.113.9'), 3, '203.0.113.9'],
    ['treats zero hops as no proxy', req('203.0.113.9'), 0, '10.0.0.2'],
    ['reads repeated headers', req(['6.6.6.6', '203.0.113.9']), 1, '203.0.113.9'],
    ['unwraps IPv4-mapped IPv6 socket addresses', req(undefined, '::ffff:192.0.2.7'), false, '192.0.2.7'],
    ['strips a port from a forwarded address', req('203.0.113.9:5123'), 1, '203.0.113.9'],
    ['reads a bracketed IPv6 forwarded address', req('[2001:db8::1]:443'), 1, '2001:db8::1'],
    ['ignores a malformed forwarded entry', req('not-an-ip'), 1, '10.0.0.2'],
    ['ignores an injection attempt', req('203.0.113.9, <script>'), true, '10.0.0.2'],
    ['answers even when the socket has closed', req(undefined, null), false, UNKNOWN_ADDRESS],
  ])('%s', (_label, request, trust, expected) => {
    expect(clientAddress(request, trust)).toBe(expected);
  });
});
