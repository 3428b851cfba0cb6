/**
 * BookingService on a real database (PGlite, or PostgreSQL with TEST_DATABASE=postgresql): what a
 * booking, a cancellation and a reschedule store, the outbox rows each writes in the same
 * transaction, the upcoming-bookings limit, coach matching and erasure.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BookingLimitError, SlotTakenError, InvalidBookingInputError } from '../../bot/booking/errors.js';
import { hashToken } from '../../bot/security/tokens.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { jobseeker, makeService, MONDAY_8AM, mondayAt, seedTestCoaches } from './helpers.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
  await seedTestCoaches(db.prisma);
});
afterAll(async () => db?.destroy());

beforeEach(async () => {
  await db.prisma.outboxMessage.deleteMany();
  await db.prisma.appointment.deleteMany();
});

const base = {
  mode: 'in_person' as const,
  topic: 'job_search' as const,
  meetingLanguage: 'fi',
  locale: 'fi',
  name: 'Maija Meikäläinen',
};

describe('free slots', () => {
  it('lists times in order after the lead time, pages on with "later times", and hides booked ones', async () => {
    const { service } = makeService(db.prisma);
    const first = await service.listSlots(['test-anna'], { limit: 2 });
    // 08:00 + 2 h lead: 09:00 and 09:45 are too soon.
    expect(first.slots.map((s) => s.start)).toEqual([mondayAt('10:30'), mondayAt('11:15')]);
    const later = await service.listSlots(['test-anna'], { after: first.next, limit: 2 });
    expect(later.slots[0].start).toEqual(new Date('2026-12-08T09:00:00+02:00'));

    await service.reserve({ ...base, jobseeker: jobseeker('u-slots'), coachId: 'test-anna', startsAt: mondayAt('10:30') });
    const after = await service.listSlots(['test-anna'], { limit: 1 });
    expect(after.slots[0].start).toEqual(mondayAt('11:15'));
  });
});

describe('reserve', () => {
  it('stores the appointment, a hashed manage token, the reminder time and the outbox rows', async () => {
    const { service } = makeService(db.prisma);
    const result = await service.reserve({
      ...base,
      mode: 'phone',
      jobseeker: jobseeker('u1'),
      coachId: 'test-anna',
      startsAt: mondayAt('11:15'),
      phone: '040 123 4567',
      email: 'Maija@Example.FI',
      note: 'Minulla on kysymys, hetu 010190-123M',
      conversation: { channelId: 'test', conversationId: 'conv-9', reference: { conversation: { id: 'conv-9' } as never } },
    });
    const token = result.manageUrl.split('/').pop()!;
    const row = await db.prisma.appointment.findUniqueOrThrow({ where: { id: result.appointment.id } });
    expect(row).toMatchObject({
      coachId: 'test-anna',
      status: 'booked',
      sequence: 0,
      contactPhone: '+358401234567',
      contactEmail: 'Maija@example.fi',
      jobseekerName: 'Maija Meikäläinen',
      conversationId: 'conv-9',
      manageTokenHash: hashToken(token),
    });
    // The identity code in the note is redacted before it is stored.
    expect(row.note).not.toContain('010190-123M');
    expect(row.endsAt.getTime() - row.startsAt.getTime()).toBe(45 * 60_000);
    // Booked on Monday for Monday: the reminder time (24 h before) is already past, so none is due.
    expect(row.reminderDueAt).toBeNull();
    expect(JSON.stringify(row)).not.toContain(token);
    expect(result.icsUrl).toBe(`${result.manageUrl}/appointment.ics`);
    expect(result.manageUrl).toMatch(/^https:\/\/bot\.example\.fi\/booking\/manage\/[A-Za-z0-9_-]{40,}$/);

    const outbox = await db.prisma.outboxMessage.findMany({ orderBy: { kind: 'asc' } });
    expect(outbox.map((o) => [o.kind, o.messageId, o.status])).toEqual([
      ['coach.booked', `<${row.id}.coach.booked.0@oma-botti>`, 'pending'],
      ['jobseeker.booked', `<${row.id}.jobseeker.booked.0@oma-botti>`, 'pending'],
    ]);
    expect(outbox[0].payload).toEqual({ sequence: 0 });
    expect(outbox[1].payload).toEqual({ sequence: 0, manageUrl: result.manageUrl, icsUrl: result.icsUrl });
    expect(outbox.every((o) => o.appointmentId === row.id && o.nextAttemptAt.getTime() === MONDAY_8AM.getTime())).toBe(true);
  });

  it('sets the reminder BOOKING_REMINDER_HOURS before a later meeting and writes no jobseeker mail without an email', async () => {
    const { service } = makeService(db.prisma);
    const { appointment } = await service.reserve({ ...base, jobseeker: jobseeker('u2'), coachId: 'test-anna', startsAt: new Date('2026-12-09T09:00:00+02:00') });
    const row = await db.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(row.reminderDueAt).toEqual(new Date('2026-12-08T09:00:00+02:00'));
    expect((await db.prisma.outboxMessage.findMany()).map((o) => o.kind)).toEqual(['coach.booked']);
  });

  it('makes a video link from the template, and requires a phone number for a phone meeting', async () => {
    const { service } = makeService(db.prisma);
    const { appointment } = await service.reserve({ ...base, mode: 'video', jobseeker: jobseeker('u3'), coachId: 'test-anna', startsAt: mondayAt('10:30') });
    expect(appointment.videoLink).toBe(`https://meet.example.fi/oma/${appointment.id}`);
    await expect(service.reserve({ ...base, mode: 'phone', jobseeker: jobseeker('u3b'), coachId: 'test-anna', startsAt: mondayAt('11:15') })).rejects.toBeInstanceOf(InvalidBookingInputError);
  });

  it('refuses a taken slot and a time the coach does not offer, leaving no outbox rows', async () => {
    const { service } = makeService(db.prisma);
    await service.reserve({ ...base, jobseeker: jobseeker('u4'), coachId: 'test-anna', startsAt: mondayAt('10:30') });
    await expect(service.reserve({ ...base, jobseeker: jobseeker('u5'), coachId: 'test-anna', startsAt: mondayAt('10:30') })).rejects.toBeInstanceOf(SlotTakenError);
    await expect(service.reserve({ ...base, jobseeker: jobseeker('u5'), coachId: 'test-anna', startsAt: mondayAt('10:40') })).rejects.toBeInstanceOf(SlotTakenError);
    await expect(service.reserve({ ...base, jobseeker: jobseeker('u5'), coachId: 'test-anna', startsAt: mondayAt('09:00') })).rejects.toBeInstanceOf(SlotTakenError);
    expect(await db.prisma.appointment.count()).toBe(1);
    expect(await db.prisma.outboxMessage.count()).toBe(1);
  });

  it('is backed by the database itself: a second booked row for the same coach and start is rejected, a cancelled one is not', async () => {
    const row = (id: string, status: string) => ({
      id, coachId: 'test-omar', startsAt: mondayAt('13:45'), endsAt: mondayAt('14:30'), mode: 'phone', meetingLanguage: 'fi', locale: 'fi', topic: 'other',
      status, manageTokenHash: `hash-${id}`, jobseekerName: 'X',
    });
    await db.prisma.appointment.create({ data: row('raw-1', 'cancelled') });
    await db.prisma.appointment.create({ data: row('raw-2', 'booked') });
    await expect(db.prisma.appointment.create({ data: row('raw-3', 'booked') })).rejects.toThrow();
    expect(await db.prisma.appointment.count({ where: { coachId: 'test-omar', startsAt: mondayAt('13:45') } })).toBe(2);
  });

  it('never books overlapping times, even when the slot length changes between bookings', async () => {
    const { service, clock } = makeService(db.prisma);
    await service.reserve({ ...base, jobseeker: jobseeker('o1'), coachId: 'test-anna', startsAt: new Date('2026-12-08T10:30:00+02:00') });
    // An operator sets 60-minute meetings: the grid is now 09:00, 10:00, 11:00.
    const hourly = makeService(db.prisma, clock, { BOOKING_SLOT_MINUTES: '60' }).service;
    for (const at of ['10:00', '11:00']) {
      await expect(hourly.reserve({ ...base, jobseeker: jobseeker(`o-${at}`), coachId: 'test-anna', startsAt: new Date(`2026-12-08T${at}:00+02:00`) })).rejects.toBeInstanceOf(SlotTakenError);
    }
    await hourly.reserve({ ...base, jobseeker: jobseeker('o3'), coachId: 'test-anna', startsAt: new Date('2026-12-08T09:00:00+02:00') });
    expect(await db.prisma.appointment.count({ where: { status: 'booked' } })).toBe(2);
    expect(await db.prisma.outboxMessage.count()).toBe(2);
  });

  it('enforces BOOKING_MAX_UPCOMING per jobseeker; a refused booking writes nothing', async () => {
    const { service } = makeService(db.prisma);
    const who = jobseeker('u-limit');
    await service.reserve({ ...base, jobseeker: who, coachId: 'test-anna', startsAt: mondayAt('10:30') });
    await service.reserve({ ...base, jobseeker: who, coachId: 'test-anna', startsAt: mondayAt('11:15') });
    const third = service.reserve({ ...base, jobseeker: who, coachId: 'test-omar', startsAt: mondayAt('13:00') });
    await expect(third).rejects.toBeInstanceOf(BookingLimitError);
    await expect(third).rejects.toMatchObject({ limit: 2 });
    expect(await db.prisma.appointment.count()).toBe(2);
    expect(await db.prisma.outboxMessage.count()).toBe(2);
    // Someone else can still book that time.
    await service.reserve({ ...base, jobseeker: jobseeker('u-other'), coachId: 'test-omar', startsAt: mondayAt('13:00') });
  });

  it('rolls the appointment back when its outbox rows cannot be written', async () => {
    const { service } = makeService(db.prisma);
    const { appointment } = await service.reserve({ ...base, jobseeker: jobseeker('u6'), coachId: 'test-anna', startsAt: mondayAt('10:30') });
    await service.cancel(appointment.id, { actor: 'jobseeker' });
    // A trigger makes every outbox insert fail, as a broken outbox table would.
    const before = await db.prisma.appointment.count();
    await db.prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION reject_outbox() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'outbox unavailable'; END $$ LANGUAGE plpgsql`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER reject_outbox BEFORE INSERT ON "OutboxMessage" FOR EACH ROW EXECUTE FUNCTION reject_outbox()`);
    try {
      await expect(service.reserve({ ...base, jobseeker: jobseeker('u7'), coachId: 'test-anna', startsAt: mondayAt('11:15') })).rejects.toThrow();
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER reject_outbox ON "OutboxMessage"`);
    }
    expect(await db.prisma.appointment.count()).toBe(before);
    expect(await db.prisma.appointment.count({ where: { startsAt: mondayAt('11:15') } })).toBe(0);
  });
});

describe('cancel and reschedule', () => {
  it('cancelling bumps the sequence, writes coach and jobseeker rows, and frees the slot for someone else', async () => {
    const { service } = makeService(db.prisma);
    const { appointment } = await service.reserve({ ...base, jobseeker: jobseeker('c1'), coachId: 'test-anna', startsAt: mondayAt('10:30'), email: 'c1@example.fi' });
    const cancelled = await service.cancelOwn(jobseeker('c1'), appointment.id, 'Sain työpaikan');
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 1, cancelledBy: 'jobseeker', cancelReason: 'Sain työpaikan' });
    const rows = await db.prisma.outboxMessage.findMany({ where: { kind: { endsWith: 'cancelled' } }, orderBy: { kind: 'asc' } });
    expect(rows.map((r) => r.messageId)).toEqual([`<${appointment.id}.coach.cancelled.1@oma-botti>`, `<${appointment.id}.jobseeker.cancelled.1@oma-botti>`]);
    expect(rows[0].payload).toEqual({ sequence: 1, reason: 'Sain työpaikan' });
    const again = await service.reserve({ ...base, jobseeker: jobseeker('c2'), coachId: 'test-anna', startsAt: mondayAt('10:30') });
    expect(again.appointment.status).toBe('booked');
  });

  it('another jobseeker cannot cancel or move your booking from the chat', async () => {
    const { service } = makeService(db.prisma);
    const { appointment } = await service.reserve({ ...base, jobseeker: jobseeker('own'), coachId: 'test-anna', startsAt: mondayAt('10:30') });
    await expect(service.cancelOwn(jobseeker('stranger'), appointment.id)).rejects.toThrow('No such appointment');
    await expect(service.rescheduleOwn(jobseeker('stranger'), appointment.id, { coachId: 'test-anna', startsAt: mondayAt('11:15') })).rejects.toThrow('No such appointment');
    expect((await db.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe('booked');
  });

  it('rescheduling moves the time, bumps the sequence, recomputes the reminder and tells the coach', async () => {
    const { service } = makeService(db.prisma);
    const { appointment } = await service.reserve({ ...base, jobseeker: jobseeker('r1'), coachId: 'test-anna', startsAt: mondayAt('10:30'), email: 'r1@example.fi' });
    const moved = await service.rescheduleOwn(jobseeker('r1'), appointment.id, { coachId: 'test-anna', startsAt: new Date('2026-12-10T09:45:00+02:00') });
    expect(moved).toMatchObject({ status: 'booked', sequence: 1, startsAt: new Date('2026-12-10T09:45:00+02:00') });
    const row = await db.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
    expect(row.reminderDueAt).toEqual(new Date('2026-12-09T09:45:00+02:00'));
    const outbox = await db.prisma.outboxMessage.findMany({ where: { kind: { endsWith: 'rescheduled' } }, orderBy: { kind: 'asc' } });
    expect(outbox.map((o) => o.kind)).toEqual(['coach.rescheduled', 'jobseeker.rescheduled']);
    expect(outbox[0].payload).toEqual({ sequence: 1, previousStartsAt: mondayAt('10:30').toISOString() });
    // The old time is free again; the new one is not.
    await service.reserve({ ...base, jobseeker: jobseeker('r2'), coachId: 'test-anna', startsAt: mondayAt('10:30') });
    await expect(service.reserve({ ...base, jobseeker: jobseeker('r3'), coachId: 'test-anna', startsAt: new Date('2026-12-10T09:45:00+02:00') })).rejects.toBeInstanceOf(SlotTakenError);
  });

  it('rescheduling onto a taken time fails with SlotTakenError and changes nothing', async () => {
    const { service } = makeService(db.prisma);
    const mine = await service.reserve({ ...base, jobseeker: jobseeker('t1'), coachId: 'test-anna', startsAt: mondayAt('10:30') });
    await service.reserve({ ...base, jobseeker: jobseeker('t2'), coachId: 'test-anna', startsAt: mondayAt('11:15') });
    await expect(service.rescheduleOwn(jobseeker('t1'), mine.appointment.id, { coachId: 'test-anna', startsAt: mondayAt('11:15') })).rejects.toBeInstanceOf(SlotTakenError);
    const row = await db.prisma.appointment.findUniqueOrThrow({ where: { id: mine.appointment.id } });
    expect(row).toMatchObject({ startsAt: mondayAt('10:30'), sequence: 0 });
    expect(await db.prisma.outboxMessage.count({ where: { kind: 'coach.rescheduled' } })).toBe(0);
  });
});

describe('coach matching', () => {
  it('matches by municipality and language, and offers an interpreter when nobody speaks it', async () => {
    const { service } = makeService(db.prisma);
    expect(await service.matchCoaches({ municipality: 'Salo', locale: 'en' })).toEqual({ kind: 'speaks', coachIds: ['test-anna'], meetingLanguage: 'en' });
    expect(await service.matchCoaches({ municipality: 'salo', locale: 'fi-x-selko' })).toEqual({ kind: 'speaks', coachIds: ['test-anna', 'test-omar'], meetingLanguage: 'fi' });
    expect(await service.matchCoaches({ municipality: 'Salo', locale: 'so' })).toEqual({ kind: 'interpreter', coachIds: ['test-anna', 'test-omar'], meetingLanguages: ['fi', 'ar', 'en', 'sv'] });
    expect(await service.matchCoaches({ municipality: 'Inari', locale: 'fi' })).toEqual({ kind: 'none' });
  });

  it('keeps the jobseeker with the coach of their earlier booking', async () => {
    const { service } = makeService(db.prisma);
    await service.reserve({ ...base, jobseeker: jobseeker('m1'), coachId: 'test-omar', startsAt: mondayAt('13:00') });
    expect(await service.matchCoaches({ municipality: 'Salo', locale: 'fi', jobseeker: jobseeker('m1') })).toMatchObject({ coachIds: ['test-omar'] });
  });
});

describe('personal data', () => {
  it('erasure cancels upcoming bookings (the coach is told) and anonymises every row in place', async () => {
    const { service, clock } = makeService(db.prisma);
    const past = await service.reserve({ ...base, jobseeker: jobseeker('e1'), coachId: 'test-anna', startsAt: mondayAt('10:30'), email: 'e1@example.fi', phone: '0401234567' });
    clock.set(new Date('2026-12-07T12:00:00+02:00'));
    const upcoming = await service.reserve({ ...base, jobseeker: jobseeker('e1'), coachId: 'test-omar', startsAt: new Date('2026-12-08T13:00:00+02:00'), email: 'e1@example.fi' });
    const userId = (await db.prisma.user.findFirstOrThrow({ where: { channelUserId: 'e1' } })).id;
    const exported = await service.exportFor(userId);
    expect(exported.map((a) => a.contactEmail)).toEqual(['e1@example.fi', 'e1@example.fi']);

    await service.eraseFor(userId);
    const rows = await db.prisma.appointment.findMany({ where: { id: { in: [past.appointment.id, upcoming.appointment.id] } }, orderBy: { startsAt: 'asc' } });
    for (const r of rows) {
      expect(r).toMatchObject({ userId: null, jobseekerName: '', contactEmail: null, contactPhone: null, note: null, conversationId: null, channelId: null, conversationRef: null });
    }
    expect(rows.map((r) => r.status)).toEqual(['booked', 'cancelled']);
    const outbox = await db.prisma.outboxMessage.findMany({ where: { appointmentId: upcoming.appointment.id } });
    expect(outbox.map((o) => o.kind).sort()).toEqual(['coach.booked', 'coach.cancelled']);
    expect(await service.findByToken(upcoming.manageUrl.split('/').pop()!)).toBeUndefined();
  });
});
