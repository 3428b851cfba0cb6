/**
 * Reminders with an injectable clock: the proactive message reaches the conversation where the
 * booking was made (a channel listener here receives the connector POST), the email reaches a real
 * SMTP server, and the schedule is read from the database, so a restarted app still sends it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../bot/app.js';
import { FixedClock } from '../../bot/kernel/clock.js';
import { loadConfig } from '../../bot/config.js';
import { silentLogger } from '../../bot/kernel/log.js';
import { OUTBOX_JOB, REMINDER_JOB } from '../../bot/notifications/feature.js';
import { freshDatabaseLocation, type TestDatabaseLocation } from '../support/database.js';
import { icsValue, insertAppointment, insertCoach, startSmtp, type SmtpSink } from './helpers.js';

const NOW = new Date('2026-12-01T08:00:00Z');
// Wednesday 2 December 2026 at 14:00 in Helsinki.
const STARTS = new Date('2026-12-02T12:00:00Z');
const HOUR = 3600_000;

interface ChannelPost {
  url: string;
  body: { type: string; text?: string; locale?: string };
}

let channel: http.Server;
let channelUrl = '';
const posts: ChannelPost[] = [];
let smtp: SmtpSink;
const locations: TestDatabaseLocation[] = [];
const apps: App[] = [];

beforeAll(async () => {
  // A stand-in channel: the bot delivers proactive messages to {serviceUrl}/v3/conversations/{id}/activities.
  channel = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      posts.push({ url: req.url ?? '', body: JSON.parse(data || '{}') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${posts.length}` }));
    });
  });
  await new Promise<void>((r) => channel.listen(0, '127.0.0.1', r));
  channelUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}/`;
  smtp = await startSmtp();
});

afterAll(async () => {
  await smtp?.stop();
  await new Promise((r) => channel?.close(r));
  for (const l of locations) await l.drop();
});

/** Each test has its own database; a test that reopens it passes the same location. */
async function newLocation(): Promise<TestDatabaseLocation> {
  const l = await freshDatabaseLocation();
  locations.push(l);
  return l;
}

async function openApp(clock: FixedClock, location: TestDatabaseLocation) {
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATA_DIR: location.dataDir,
    ...(location.databaseUrl ? { DATABASE_URL: location.databaseUrl } : {}),
    SMTP_URL: smtp.url,
    PUBLIC_BASE_URL: 'https://botti.example.fi',
  });
  const app = await createApp(config, { clock, logger: silentLogger, manualJobs: true });
  apps.push(app);
  await app.listen();
  return app;
}

function reference(conversationId: string) {
  return {
    channelId: 'test',
    serviceUrl: channelUrl,
    conversation: { id: conversationId },
    bot: { id: 'oma-botti', name: 'OMA-botti' },
    user: { id: `user-${conversationId}` },
    locale: 'fi-FI',
  };
}

// Closing is idempotent: whatever a failed test left open is closed before the next one starts.
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

// Each test opens the app (and the first one reopens it); on a busy machine that takes a while.
describe('booking reminders', { timeout: 180_000 }, () => {
  it('are sent once when due, in the booking language, to the conversation and by email; cancelled ones are not', async () => {
    const clock = new FixedClock(NOW);
    const location = await newLocation();
    let app = await openApp(clock, location);
    const prisma = () => app.db.prisma;
    const coach = await insertCoach(prisma(), 'remind-coach', { name: 'Aino' });
    const fi = await insertAppointment(prisma(), coach.id, STARTS, {
      conversationRef: reference('conv-fi'),
      channelId: 'test',
      conversationId: 'conv-fi',
      contactEmail: 'matti@example.com',
      reminderDueAt: new Date(STARTS.getTime() - 24 * HOUR),
    });
    const ar = await insertAppointment(prisma(), coach.id, new Date(STARTS.getTime() + HOUR), {
      locale: 'ar',
      mode: 'phone',
      contactPhone: '+358401112223',
      jobseekerName: 'Sara',
      conversationRef: reference('conv-ar'),
      reminderDueAt: new Date(STARTS.getTime() - 23 * HOUR),
    });
    const cancelled = await insertAppointment(prisma(), coach.id, new Date(STARTS.getTime() + 2 * HOUR), {
      status: 'cancelled',
      conversationRef: reference('conv-cancelled'),
      reminderDueAt: new Date(STARTS.getTime() - 22 * HOUR),
    });

    // Nothing is due yet (the first reminder is due at 12:00 UTC today).
    await app.jobs.runOnce(REMINDER_JOB);
    expect(posts).toHaveLength(0);

    // The process restarts before the reminder is due: the schedule lives in the database.
    await app.close();
    clock.advance(4 * HOUR + 1000);
    app = await openApp(clock, location);
    await app.jobs.runOnce(REMINDER_JOB);

    expect(posts.map((p) => p.url)).toEqual([expect.stringMatching(/^\/v3\/conversations\/conv-fi\/activities/)]);
    expect(posts[0].body.type).toBe('message');
    expect(posts[0].body.text).toContain('Muistutus: sinulla on tapaaminen OMA-valmentajan Aino kanssa ke 2.12.2026 klo 14.00–14.45.');
    expect(posts[0].body.text).toContain('Paikka: Tehdaskatu 2, 24100 Salo');
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail.to).toEqual(['matti@example.com']);
    expect(mail.subject).toBe('Muistutus: tapaaminen OMA-valmentajan kanssa ke 2.12.2026 klo 14.00');
    expect(mail.messageId).toBe(`<${fi.id}.jobseeker.reminder.0@oma-botti>`);
    expect(icsValue(mail.calendars[0].content, 'UID')).toBe(`appointment-${fi.id}@botti.example.fi`);
    expect((await prisma().appointment.findUniqueOrThrow({ where: { id: fi.id } })).reminderSentAt?.toISOString()).toBe(clock.now().toISOString());

    // Running again sends nothing new.
    await app.jobs.runOnce(REMINDER_JOB);
    expect(posts).toHaveLength(1);

    clock.advance(HOUR);
    await app.jobs.runOnce(REMINDER_JOB);
    expect(posts).toHaveLength(2);
    expect(posts[1].url).toMatch(/^\/v3\/conversations\/conv-ar\/activities/);
    expect(posts[1].body.text).toContain('تذكير: لديك موعد مع المدرب (OMA-valmentaja) Aino في');
    expect(posts[1].body.text).toContain('سيتصل بك المدرب على الرقم: +358401112223');
    // No email address, no email.
    expect(smtp.received).toHaveLength(1);

    clock.advance(HOUR);
    await app.jobs.runOnce(REMINDER_JOB);
    expect(posts).toHaveLength(2);
    expect((await prisma().appointment.findUniqueOrThrow({ where: { id: cancelled.id } })).reminderSentAt).toBeNull();
    expect((await prisma().appointment.findUniqueOrThrow({ where: { id: ar.id } })).reminderSentAt).not.toBeNull();
    await app.close();
  });

  it('tells the jobseeker in their conversation when an admin moves the booking to another coach', async () => {
    const clock = new FixedClock(NOW);
    const app = await openApp(clock, await newLocation());
    try {
      const prisma = app.db.prisma;
      await insertCoach(prisma, 'away-coach', { name: 'Eeva' });
      await insertCoach(prisma, 'cover-coach', { name: 'Pekka' });
      const a = await insertAppointment(prisma, 'away-coach', STARTS, { locale: 'uk', conversationRef: reference('conv-uk') });
      const coaches = app.features.coaches;
      expect(await coaches.admin.reassign('admin-test', 'away-coach', 'cover-coach')).toEqual({ moved: [a.id], conflicts: [] });
      await app.jobs.runOnce(OUTBOX_JOB);
      const got = posts.filter((p) => p.url.includes('/conv-uk/'));
      expect(got).toHaveLength(1);
      expect(got[0].body.text).toContain('передано іншому коучу (OMA-valmentaja). Ваш новий коуч — Pekka. Час не змінюється.');
      // Both coaches were emailed: a CANCEL to the absent one, a REQUEST to the new one.
      await app.jobs.runOnce(OUTBOX_JOB);
      const all = smtp.received.filter((m) => ['away-coach@coaches.example.fi', 'cover-coach@coaches.example.fi'].includes(m.to[0]));
      expect(all.map((m) => [m.to[0], icsValue(m.calendars[0].content, 'METHOD')]).sort()).toEqual([
        ['away-coach@coaches.example.fi', 'CANCEL'],
        ['cover-coach@coaches.example.fi', 'REQUEST'],
      ]);
    } finally {
      await app.close();
    }
  });

  it('a channel that is down gets the message on a later try', async () => {
    const clock = new FixedClock(NOW);
    const app = await openApp(clock, await newLocation());
    try {
      const prisma = app.db.prisma;
      const coach = await insertCoach(prisma, 'remind-coach-2', { name: 'Olli' });
      const deadUrl = 'http://127.0.0.1:9/';
      const a = await insertAppointment(prisma, coach.id, STARTS, {
        conversationRef: { ...reference('conv-retry'), serviceUrl: deadUrl },
        reminderDueAt: new Date(NOW.getTime() - 1000),
      });
      await app.jobs.runOnce(REMINDER_JOB);
      const row = await prisma.outboxMessage.findFirstOrThrow({ where: { appointmentId: a.id, kind: 'chat.reminder' } });
      expect([row.status, row.attempts, row.lastError]).toEqual(['pending', 1, 'proactive_failed']);

      // The channel is reachable again (the conversation now points at the live listener).
      await prisma.appointment.update({ where: { id: a.id }, data: { conversationRef: reference('conv-retry') } });
      clock.advance(31_000);
      await app.jobs.runOnce('outbox-delivery');
      expect(posts.filter((p) => p.url.includes('/conv-retry/'))).toHaveLength(1);
      expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('sent');
    } finally {
      await app.close();
    }
  });
});
