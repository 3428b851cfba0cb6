/**
 * End to end across the outbox contract: the jobseeker side (BookingService) books, moves and
 * cancels; the outbox job delivers; a real SMTP server receives the coach's and the jobseeker's
 * emails, whose calendar UID matches the jobseeker's own .ics download.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { OUTBOX_JOB } from '../../bot/notifications/feature.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { icsValue, insertCoach, startSmtp, type SmtpSink } from './helpers.js';

const NOW = new Date('2026-12-01T06:00:00Z');

let smtp: SmtpSink;
let running: RunningApp;

beforeAll(async () => {
  smtp = await startSmtp();
  running = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://botti.example.fi', SEED_DEMO_DATA: 'false' }, { clock: new FixedClock(NOW), manualJobs: true });
});
afterAll(async () => {
  await running?.stop();
  await smtp?.stop();
});

it('book, move and cancel reach the coach and the jobseeker, each once, with one calendar UID', async () => {
  const prisma = running.app.db.prisma;
  await insertCoach(prisma, 'e2e-coach', { name: 'Aino E2E', languages: ['fi', 'en'] });
  const booking = running.app.features.booking;
  const slots = (await booking.service.listSlots(['e2e-coach'], { limit: 3 })).slots;
  expect(slots.length).toBeGreaterThanOrEqual(2);

  const reservation = await booking.service.reserve({
    jobseeker: { channelId: 'test', channelUserId: 'e2e-user' },
    coachId: 'e2e-coach',
    startsAt: slots[0].start,
    mode: 'phone',
    topic: 'benefits',
    meetingLanguage: 'en',
    locale: 'en',
    name: 'Amina Hassan',
    phone: '+358401234567',
    email: 'amina@example.com',
    note: 'Question about työmarkkinatuki',
  });
  await running.app.jobs.runOnce(OUTBOX_JOB);
  expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['amina@example.com', 'e2e-coach@coaches.example.fi']);
  const coachMail = smtp.received.find((m) => m.to[0] === 'e2e-coach@coaches.example.fi')!;
  const jobseekerMail = smtp.received.find((m) => m.to[0] === 'amina@example.com')!;
  expect(coachMail.subject).toContain('Uusi tapaaminen');
  expect(coachMail.text).toContain('Asiakas: Amina Hassan');
  expect(coachMail.text).toContain('Puhelin: +358401234567');
  expect(coachMail.text).toContain('Asiakkaan viesti (englanti): Question about työmarkkinatuki');
  expect(jobseekerMail.subject).toContain('Your appointment with your coach (OMA-valmentaja)');
  expect(jobseekerMail.text).toContain(reservation.manageUrl);

  // The jobseeker's own .ics download names the same event.
  const download = await fetch(`${running.baseUrl}${new URL(reservation.icsUrl).pathname}`);
  expect(download.status).toBe(200);
  const uid = icsValue(await download.text(), 'UID');
  expect(icsValue(coachMail.calendars[0].content, 'UID')).toBe(uid);
  expect(icsValue(jobseekerMail.calendars[0].content, 'UID')).toBe(uid);

  const token = new URL(reservation.manageUrl).pathname.split('/').pop()!;
  await booking.service.rescheduleByToken(token, { startsAt: slots[1].start });
  await running.app.jobs.runOnce(OUTBOX_JOB);
  await booking.service.cancelByToken(token, 'Found a job');
  await running.app.jobs.runOnce(OUTBOX_JOB);
  await running.app.jobs.runOnce(OUTBOX_JOB);

  const toCoach = smtp.received.filter((m) => m.to[0] === 'e2e-coach@coaches.example.fi');
  expect(toCoach.map((m) => [icsValue(m.calendars[0].content, 'METHOD'), icsValue(m.calendars[0].content, 'SEQUENCE')])).toEqual([
    ['REQUEST', '0'],
    ['REQUEST', '1'],
    ['CANCEL', '2'],
  ]);
  expect(toCoach.every((m) => icsValue(m.calendars[0].content, 'UID') === uid)).toBe(true);
  expect(toCoach[2].text).toContain('Peruutuksen syy: Found a job');
  const toJobseeker = smtp.received.filter((m) => m.to[0] === 'amina@example.com');
  expect(toJobseeker).toHaveLength(3);
  expect(toJobseeker[2].subject).toContain('has been cancelled');
  expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(6);
  const pending = await prisma.outboxMessage.count({ where: { status: 'pending' } });
  expect(pending).toBe(0);
}, 180_000);

it('"delete my data" before the booking email went out: the coach gets a cancellation without any of the jobseeker\'s details, and nothing with an empty name', async () => {
  const prisma = running.app.db.prisma;
  await insertCoach(prisma, 'erase-coach', { name: 'Eero Poisto', languages: ['fi', 'en'] });
  const booking = running.app.features.booking;
  const slots = (await booking.service.listSlots(['erase-coach'], { limit: 1 })).slots;
  await booking.service.reserve({
    jobseeker: { channelId: 'test', channelUserId: 'erasing-user' },
    coachId: 'erase-coach',
    startsAt: slots[0].start,
    mode: 'in_person',
    topic: 'benefits',
    meetingLanguage: 'fi',
    locale: 'fi',
    name: 'Ville Vaitelias',
    phone: '+358409876543',
    email: 'ville@example.com',
    note: 'Soitan ennen tapaamista',
  });
  // The jobseeker deletes their data before the outbox job has sent the "new appointment" email.
  const privacy = running.app.features.privacy.personalDataService;
  await privacy.erase(await privacy.subject({ channelId: 'test', channelUserId: 'erasing-user', conversationId: 'erasing-conversation' }));
  const before = smtp.received.length;
  await running.app.jobs.runOnce(OUTBOX_JOB);
  await running.app.jobs.runOnce(OUTBOX_JOB);

  const mails = smtp.received.slice(before);
  expect(mails.map((m) => m.to[0])).toEqual(['erase-coach@coaches.example.fi']);
  const [cancellation] = mails;
  expect(cancellation.subject).toMatch(/^Peruttu tapaaminen /);
  expect(cancellation.subject).not.toMatch(/:\s*$/);
  expect(cancellation.text).toContain('asiakas on poistanut tietonsa OMA-botista, joten alla oleva tapaaminen on peruttu');
  expect(icsValue(cancellation.calendars[0].content, 'METHOD')).toBe('CANCEL');
  for (const part of [cancellation.raw, cancellation.text, cancellation.html, cancellation.calendars[0].content]) {
    for (const detail of ['Ville', 'Vaitelias', '+358409876543', 'ville@example.com', 'Soitan ennen', 'erasure']) expect(part).not.toContain(detail);
  }
  // No line with an empty value (the name used to be sent as "Asiakas: ").
  expect(cancellation.text).not.toMatch(/^[^\n:]+:\s*$/m);
  expect(await prisma.outboxMessage.count({ where: { status: 'pending' } })).toBe(0);
}, 180_000);
