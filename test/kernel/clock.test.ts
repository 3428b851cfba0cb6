import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';

describe('FixedClock', () => {
  it('advances only when told to', () => {
    const clock = new FixedClock(new Date('2021-03-01T08:00:00Z'));
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2021-03-01T08:01:00.000Z');
  });
});
