/**
 * No double booking, ever: 24 jobseekers confirm the same slot at the same moment against
 * PostgreSQL (PGlite's single connection would serialise them and hide a race). Exactly one wins;
 * the others get SlotTakenError. Then the winner cancels and the slot can be booked again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingLimitError, SlotTakenError } from '../../bot/booking/errors.js';
import { openTestDatabase, postgresForSuite, type TestDatabase } from '../support/database.js';
import { jobseeker, makeService, mondayAt, seedTestCoaches } from './helpers.js';

const reachable = await postgresForSuite('test/booking/concurrency');

describe.skipIf(!reachable)('concurrent confirmations on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase({ backend: 'postgresql' });
    await seedTestCoaches(db.prisma);
  });
  afterAll(async () => db?.destroy());

  const booking = (who: string) => ({
    jobseeker: jobseeker(who),
    coachId: 'test-anna',
    startsAt: mondayAt('11:15'),
    mode: 'in_person' as const,
    topic: 'plan' as const,
    meetingLanguage: 'fi',
    locale: 'fi',
    name: `Asiakas ${who}`,
    email: `${who}@example.fi`,
  });

  it('lets exactly one of 24 simultaneous confirmations of one slot succeed, then rebooks it after a cancel', async () => {
    expect(db.kind).toBe('postgresql');
    const { service } = makeService(db.prisma);
    const results = await Promise.allSettled(Array.from({ length: 24 }, (_, i) => service.reserve(booking(`racer-${i}`))));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(23);
    expect(lost.every((r) => r.reason instanceof SlotTakenError)).toBe(true);

    const rows = await db.prisma.appointment.findMany({ where: { coachId: 'test-anna', startsAt: mondayAt('11:15') } });
    expect(rows).toHaveLength(1);
    // Only the winner's notifications exist: the losers' transactions left nothing behind.
    const outbox = await db.prisma.outboxMessage.findMany();
    expect(outbox.map((o) => o.appointmentId)).toEqual([rows[0].id, rows[0].id]);

    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof service.reserve>>>).value;
    await service.cancel(winner.appointment.id, { actor: 'jobseeker' });
    const again = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => service.reserve(booking(`second-${i}`))));
    expect(again.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const active = await db.prisma.appointment.findMany({ where: { coachId: 'test-anna', startsAt: mondayAt('11:15') }, orderBy: { createdAt: 'asc' } });
    expect(active.map((a) => a.status)).toEqual(['cancelled', 'booked']);
  });

  it('holds the upcoming-bookings limit when one jobseeker confirms several slots at once', async () => {
    const { service } = makeService(db.prisma);
    const starts = ['2026-12-08T09:00:00+02:00', '2026-12-08T09:45:00+02:00', '2026-12-08T10:30:00+02:00', '2026-12-08T11:15:00+02:00', '2026-12-09T09:00:00+02:00'];
    const results = await Promise.allSettled(starts.map((s) => service.reserve({ ...booking('greedy'), startsAt: new Date(s) })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof BookingLimitError)).toBe(true);
  });
});
