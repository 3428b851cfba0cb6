/**
 * Outbox delivery against a real SMTP server on loopback: the coach's email with its .ics, the
 * jobseeker's email in their language, and SMTP down then up (stop and restart the server):
 * nothing is lost and nothing arrives twice.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { silentLogger } from '../../bot/kernel/log.js';
import { OUTBOX_JOB } from '../../bot/notifications/feature.js';
import { SmtpMailer } from '../../bot/notifications/mailer.js';
import { OutboxDelivery } from '../../bot/notifications/outboxDelivery.js';
import { OutboxRepository } from '../../bot/notifications/outboxRepository.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { enqueue, freePort, icsValue, insertAppointment, insertCoach, startSmtp, type ReceivedMail, type SmtpSink } from './helpers.js';

const NOW = new Date('2026-12-01T08:00:00Z');
// Monday 7 December 2026, 10:00 in Helsinki (UTC+2).
const STARTS = new Date('2026-12-07T08:00:00Z');

describe('coach and jobseeker emails', () => {
  let smtp: SmtpSink;
  let running: RunningApp;
  const clock = new FixedClock(NOW);

  beforeAll(async () => {
    smtp = await startSmtp();
    running = await startTestApp(
      { SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://botti.example.fi', MAIL_FROM: 'OMA-botti <no-reply@botti.example.fi>' },
      { clock, manualJobs: true },
    );
  });
  afterAll(async () => {
    await running?.stop();
    await smtp?.stop();
  });
  afterEach(() => {
    smtp.received.length = 0;
  });

  const prisma = () => running.app.db.prisma;
  const deliver = () => running.app.jobs.runOnce(OUTBOX_JOB);

  it('sends the coach every detail the jobseeker gave, escaped in HTML, with a REQUEST invite', async () => {
    const coach = await insertCoach(prisma(), 'mail-coach-a', { name: 'Aino Valmentaja' });
    const a = await insertAppointment(prisma(), coach.id, STARTS, {
      jobseekerName: 'Amina <b>Hassan</b>',
      mode: 'phone',
      meetingLanguage: 'en',
      locale: 'en',
      interpreterNeeded: true,
      interpreterLanguage: 'ar',
      topic: 'education',
      note: 'I want to ask about a work trial <script>alert(1)</script>, please call after 12.',
      contactPhone: '+358401234567',
      contactEmail: 'amina@example.com',
    });
    const row = await enqueue(prisma(), 'coach.booked', a.id, { sequence: 0 }, NOW);
    expect(await deliver()).toBe(true);

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail.to).toEqual(['mail-coach-a@coaches.example.fi']);
    expect(mail.messageId).toBe(row.messageId);
    expect(mail.subject).toBe('Uusi tapaaminen ma 7.12.2026 klo 10.00: Amina <b>Hassan</b>');
    for (const line of [
      'Aika: ma 7.12.2026 klo 10.00–10.45',
      'Asiakas: Amina <b>Hassan</b>',
      'Tapaamistapa: Puhelinaika',
      'Puhelin: +358401234567',
      'Sähköposti: amina@example.com',
      'Tapaamisen kieli: englanti',
      'Tulkki: Tarvitaan, kieli: arabia',
      'Aihe: Koulutus ja opiskelu',
      'Asiakkaan viesti (englanti): I want to ask about a work trial <script>alert(1)</script>, please call after 12.',
    ]) {
      expect(mail.text).toContain(line);
    }
    // The HTML part never carries the jobseeker's text as markup.
    expect(mail.html).toContain('Amina &lt;b&gt;Hassan&lt;/b&gt;');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>Hassan');

    expect(mail.calendars.length).toBeGreaterThan(0);
    const cal = mail.calendars[0];
    expect(cal.contentType).toMatch(/method=REQUEST/i);
    expect(icsValue(cal.content, 'METHOD')).toBe('REQUEST');
    expect(icsValue(cal.content, 'UID')).toBe(`appointment-${a.id}@botti.example.fi`);
    expect(icsValue(cal.content, 'SEQUENCE')).toBe('0');
    expect(icsValue(cal.content, 'DTSTART')).toBe('20261207T080000Z');
    expect(icsValue(cal.content, 'DTEND')).toBe('20261207T084500Z');
    expect(icsValue(cal.content, 'SUMMARY')).toBe('Tapaaminen: Amina <b>Hassan</b> (Koulutus ja opiskelu)');

    const stored = await prisma().outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.status).toBe('sent');
    expect(stored.attempts).toBe(1);
    expect(stored.sentAt?.toISOString()).toBe(NOW.toISOString());
  });

  it('cancels with METHOD:CANCEL, the same UID and a higher SEQUENCE; a reschedule shows the old time', async () => {
    const coach = await insertCoach(prisma(), 'mail-coach-b');
    const later = new Date(STARTS.getTime() + 24 * 3600_000);
    const a = await insertAppointment(prisma(), coach.id, later, { sequence: 1 });
    await enqueue(prisma(), 'coach.rescheduled', a.id, { sequence: 1, previousStartsAt: STARTS.toISOString() }, NOW);
    await deliver();
    expect(smtp.received).toHaveLength(1);
    const moved = smtp.received[0];
    expect(moved.subject).toBe('Tapaaminen siirretty, uusi aika ti 8.12.2026 klo 10.00: Matti Meikäläinen');
    expect(moved.text).toContain('Aiempi aika: ma 7.12.2026 klo 10.00');
    expect(moved.text).toContain('Paikka: Tehdaskatu 2, 24100 Salo');
    expect(icsValue(moved.calendars[0].content, 'SEQUENCE')).toBe('1');
    expect(icsValue(moved.calendars[0].content, 'DTSTART')).toBe('20261208T080000Z');

    await prisma().appointment.update({ where: { id: a.id }, data: { status: 'cancelled', sequence: 2, cancelReason: 'Sain töitä!', cancelledBy: 'jobseeker' } });
    await enqueue(prisma(), 'coach.cancelled', a.id, { sequence: 2, reason: 'Sain töitä!' }, NOW);
    await deliver();
    expect(smtp.received).toHaveLength(2);
    const cancelled = smtp.received[1];
    expect(cancelled.subject).toBe('Peruttu tapaaminen ti 8.12.2026 klo 10.00: Matti Meikäläinen');
    expect(cancelled.text).toContain('Peruutuksen syy: Sain töitä!');
    const ics = cancelled.calendars[0].content;
    expect(icsValue(ics, 'METHOD')).toBe('CANCEL');
    expect(icsValue(ics, 'STATUS')).toBe('CANCELLED');
    expect(icsValue(ics, 'SEQUENCE')).toBe('2');
    expect(icsValue(ics, 'UID')).toBe(icsValue(moved.calendars[0].content, 'UID'));
  });

  it('emails the jobseeker in their own language with the manage link, and skips one who gave no email', async () => {
    const coach = await insertCoach(prisma(), 'mail-coach-c', { name: 'Leila' });
    const a = await insertAppointment(prisma(), coach.id, STARTS, { locale: 'ar', meetingLanguage: 'fi', interpreterNeeded: true, interpreterLanguage: 'ar', contactEmail: 'sara@example.com', jobseekerName: 'Sara' });
    const manageUrl = 'https://botti.example.fi/booking/manage/abcDEF123';
    await enqueue(prisma(), 'jobseeker.booked', a.id, { sequence: 0, manageUrl, icsUrl: `${manageUrl}/appointment.ics` }, NOW);
    const silent = await insertAppointment(prisma(), coach.id, new Date(STARTS.getTime() + 3600_000));
    const skipped = await enqueue(prisma(), 'jobseeker.booked', silent.id, { sequence: 0 }, NOW);
    await deliver();

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail.to).toEqual(['sara@example.com']);
    expect(mail.subject).toContain('موعدك مع مدربك (OMA-valmentaja)');
    expect(mail.text).toContain('مرحبًا Sara،');
    expect(mail.text).toContain('تم حجز موعدك مع المدرب (OMA-valmentaja) Leila.');
    expect(mail.text).toContain(`يمكنك عرض الموعد أو إلغاؤه أو نقله عبر هذا الرابط: ${manageUrl}`);
    expect(mail.html).toContain('dir="rtl"');
    expect(icsValue(mail.calendars[0].content, 'METHOD')).toBe('REQUEST');
    expect(icsValue(mail.calendars[0].content, 'URL')).toBe(manageUrl);
    expect(icsValue(mail.calendars[0].content, 'UID')).toBe(`appointment-${a.id}@botti.example.fi`);

    const row = await prisma().outboxMessage.findUniqueOrThrow({ where: { id: skipped.id } });
    expect(row.status).toBe('skipped');
    expect(row.lastError).toBe('no_recipient');
    // Once the email is out, the private manage token no longer sits in the outbox in clear.
    const sent = await prisma().outboxMessage.findFirstOrThrow({ where: { appointmentId: a.id, kind: 'jobseeker.booked' } });
    expect(sent.status).toBe('sent');
    expect(JSON.stringify(sent.payload)).not.toContain('abcDEF123');
    expect(sent.payload).toEqual({ sequence: 0 });
  });

  it('a move to another coach gives the new coach a REQUEST and the previous coach a CANCEL', async () => {
    const from = await insertCoach(prisma(), 'mail-coach-d', { name: 'Eeva' });
    const to = await insertCoach(prisma(), 'mail-coach-e', { name: 'Olli' });
    const a = await insertAppointment(prisma(), to.id, STARTS, { sequence: 1 });
    await enqueue(prisma(), 'coach.rescheduled', a.id, { sequence: 1, previousStartsAt: STARTS.toISOString(), previousCoachId: from.id }, NOW);
    await deliver();
    await deliver();
    const byRecipient = new Map(smtp.received.map((m) => [m.to[0], m]));
    expect(smtp.received).toHaveLength(2);
    const gained = byRecipient.get('mail-coach-e@coaches.example.fi')!;
    const lost = byRecipient.get('mail-coach-d@coaches.example.fi')!;
    expect(gained.subject).toBe('Uusi tapaaminen ma 7.12.2026 klo 10.00: Matti Meikäläinen');
    expect(icsValue(gained.calendars[0].content, 'METHOD')).toBe('REQUEST');
    expect(lost.subject).toBe('Tapaaminen ma 7.12.2026 klo 10.00 siirtyi toiselle valmentajalle: Matti Meikäläinen');
    expect(lost.text).toContain('Hei Eeva, asiakas siirsi tapaamisensa toiselle valmentajalle (Olli).');
    expect(icsValue(lost.calendars[0].content, 'METHOD')).toBe('CANCEL');
    expect(icsValue(lost.calendars[0].content, 'UID')).toBe(icsValue(gained.calendars[0].content, 'UID'));
  });
});

// Each test here starts its own app; on a busy machine that takes a while.
describe('SMTP down, then up', { timeout: 180_000 }, () => {
  it('keeps every notification while the SMTP server is stopped and delivers each exactly once after it restarts', async () => {
    const clock = new FixedClock(NOW);
    const received: ReceivedMail[] = [];
    let smtp = await startSmtp(0, received);
    const port = smtp.port;
    const running = await startTestApp({ SMTP_URL: smtp.url }, { clock, manualJobs: true });
    try {
      const prisma = running.app.db.prisma;
      const deliver = () => running.app.jobs.runOnce(OUTBOX_JOB);
      const coach = await insertCoach(prisma, 'down-coach');
      const first = await insertAppointment(prisma, coach.id, STARTS);
      await enqueue(prisma, 'coach.booked', first.id, { sequence: 0 }, clock.now());
      await deliver();
      expect(received).toHaveLength(1);

      await smtp.stop();
      const ids: string[] = [];
      for (let i = 1; i <= 3; i++) {
        const a = await insertAppointment(prisma, coach.id, new Date(STARTS.getTime() + i * 3600_000), { jobseekerName: `Asiakas ${i}` });
        ids.push((await enqueue(prisma, 'coach.booked', a.id, { sequence: 0 }, clock.now())).id);
      }
      await deliver();
      let rows = await prisma.outboxMessage.findMany({ where: { id: { in: ids } } });
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([['pending', 1], ['pending', 1], ['pending', 1]]);
      // A short error code, never message content.
      expect(rows.every((r) => /^E[A-Z]+$/.test(r.lastError ?? ''))).toBe(true);
      expect(rows.every((r) => r.nextAttemptAt.getTime() === NOW.getTime() + 30_000)).toBe(true);

      // Not due yet: nothing is tried.
      await deliver();
      rows = await prisma.outboxMessage.findMany({ where: { id: { in: ids } } });
      expect(rows.every((r) => r.attempts === 1)).toBe(true);

      // Still down at the first retry: the wait doubles.
      clock.advance(31_000);
      await deliver();
      rows = await prisma.outboxMessage.findMany({ where: { id: { in: ids } } });
      expect(rows.every((r) => r.attempts === 2 && r.status === 'pending' && r.nextAttemptAt.getTime() === clock.now().getTime() + 60_000)).toBe(true);

      smtp = await startSmtp(port, received);
      clock.advance(61_000);
      await deliver();
      clock.advance(3600_000);
      await deliver();
      await deliver();

      rows = await prisma.outboxMessage.findMany({ where: { id: { in: ids } } });
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 3 && r.lastError === null)).toBe(true);
      expect(received).toHaveLength(4);
      const messageIds = received.map((m) => m.messageId);
      expect(new Set(messageIds).size).toBe(4);
      expect(messageIds.slice(1).sort()).toEqual(rows.map((r) => r.messageId).sort());
      expect(received.slice(1).map((m) => m.subject).sort()).toEqual(
        ['Asiakas 1', 'Asiakas 2', 'Asiakas 3'].map((n, i) => `Uusi tapaaminen ma 7.12.2026 klo ${11 + i}.00: ${n}`),
      );
    } finally {
      await running.stop();
      await smtp.stop();
    }
  });

  it('gives up after OUTBOX_MAX_ATTEMPTS and marks the row failed', async () => {
    const clock = new FixedClock(NOW);
    const running = await startTestApp({}, { clock, manualJobs: true });
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${await freePort()}`, 'OMA-botti <no-reply@example.fi>');
    try {
      const prisma = running.app.db.prisma;
      const notifications = running.app.features.notifications;
      const delivery = new OutboxDelivery({ outbox: new OutboxRepository(prisma), clock, logger: silentLogger, render: notifications.render, maxAttempts: 3, mailer });
      const coach = await insertCoach(prisma, 'fail-coach');
      const a = await insertAppointment(prisma, coach.id, STARTS);
      const row = await enqueue(prisma, 'coach.booked', a.id, { sequence: 0 }, clock.now());
      const outcomes = [];
      for (let i = 0; i < 4; i++) {
        outcomes.push((await delivery.deliverDue()).failed);
        clock.advance(3600_000);
      }
      expect(outcomes).toEqual([0, 0, 1, 0]);
      const stored = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
      expect(stored.status).toBe('failed');
      expect(stored.attempts).toBe(3);
    } finally {
      mailer.close();
      await running.stop();
    }
  });

  it('without SMTP_URL, email stays pending in the outbox', async () => {
    const clock = new FixedClock(NOW);
    const running = await startTestApp({}, { clock, manualJobs: true });
    try {
      const prisma = running.app.db.prisma;
      const coach = await insertCoach(prisma, 'kept-coach');
      const a = await insertAppointment(prisma, coach.id, STARTS);
      const row = await enqueue(prisma, 'coach.booked', a.id, { sequence: 0 }, clock.now());
      await running.app.jobs.runOnce(OUTBOX_JOB);
      const stored = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
      expect([stored.status, stored.attempts]).toEqual(['pending', 0]);
      // Delivered rows go after RETENTION_DAYS (default 90); failed ones stay for the operator.
      const old = new Date(NOW.getTime() - 91 * 24 * 3600_000);
      const mk = (kind: string, status: string, createdAt: Date) =>
        prisma.outboxMessage.create({ data: { kind, appointmentId: a.id, payload: { sequence: 0 }, status, createdAt, messageId: `<${kind}.${status}.${createdAt.getTime()}@test>` } });
      const oldSent = await mk('coach.booked', 'sent', old);
      const oldFailed = await mk('coach.cancelled', 'failed', old);
      const recentSent = await mk('coach.rescheduled', 'sent', NOW);
      await running.app.jobs.runOnce(OUTBOX_JOB);
      const left = (await prisma.outboxMessage.findMany({ where: { id: { in: [oldSent.id, oldFailed.id, recentSent.id] } } })).map((r) => r.id);
      expect(left.sort()).toEqual([oldFailed.id, recentSent.id].sort());
      // Without ADMIN_TOKEN the admin endpoints do not exist; the CLI is the way in.
      expect((await fetch(`${running.baseUrl}/api/admin/outbox`, { headers: { authorization: 'Bearer anything-anything-anything' } })).status).toBe(404);
    } finally {
      await running.stop();
    }
  });
});
