/**
 * The staff console over real HTTP against the real server and database: signed-out refusals on
 * every console route, one-time sign-in links, CSRF refusal, a coach's appointments in Helsinki
 * time and marking them, cancelling with a reason (the jobseeker is told through the outbox), the
 * unbookable-coach warning, coach administration and the outbox, all written to the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock, systemClock } from '../../bot/kernel/clock.js';
import { formatDateTime, formatTime } from '../../bot/language/format.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { mondayAt, MONDAY_8AM, seedTestCoaches } from '../booking/helpers.js';
import { ConsoleClient, text } from './helpers.js';

let running: RunningApp;
const clock = new FixedClock(MONDAY_8AM);
const ADMIN_TOKEN = 'console-test-admin-token-0123456789';

beforeAll(async () => {
  running = await startTestApp(
    { SEED_DEMO_DATA: 'false', ADMIN_TOKEN, STAFF_ADMIN_EMAILS: 'paivi.admin@salo.example.fi', PUBLIC_BASE_URL: 'http://127.0.0.1:9', STAFF_SIGNIN_PER_MINUTE: '200' },
    { clock, rateLimitClock: systemClock, manualJobs: true },
  );
  await seedTestCoaches(running.app.db.prisma);
}, 120_000);

afterAll(async () => {
  await running?.stop();
});

const staff = () => running.app.features.staff;
const link = async (email: string, admin = false) => (await staff().auth.createLink('test', email, { admin })).url;
const signedIn = async (email: string, admin = false) => {
  const c = new ConsoleClient(running.baseUrl);
  await c.signInWithLink(await link(email, admin));
  return c;
};

async function book(coachId: string, startsAt: Date, extra: Record<string, unknown> = {}) {
  const { appointment } = await running.app.features.booking.service.reserve({
    jobseeker: { channelId: 'test', channelUserId: `user-${startsAt.getTime()}-${coachId}` },
    coachId,
    startsAt,
    mode: 'phone',
    topic: 'job_search',
    meetingLanguage: 'fi',
    locale: 'fi',
    name: 'Maija Meikäläinen',
    phone: '040 123 4567',
    email: 'maija@example.fi',
    ...extra,
  });
  return appointment;
}

describe('signed out', () => {
  it('shows the sign-in page at /staff/ under a strict CSP, in Finnish', async () => {
    const res = await new ConsoleClient(running.baseUrl).get('/staff/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    expect(res.html).toContain('<html lang="fi">');
    expect(text(res.html)).toContain('Kirjaudu sisään');
    expect(res.html).not.toContain('<script');
  });

  it('refuses every console route: GET goes to sign-in, POST is forbidden, nothing leaks', async () => {
    const anna = await book('test-anna', mondayAt('10:30'));
    const client = new ConsoleClient(running.baseUrl);
    const routes = staff().sessionRoutes;
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const r of routes) {
      const path = r.path.replace(':id', r.path.startsWith('/staff/appointments') ? anna.id : 'test-anna').replace(':section', 'x').replace(':action', 'y');
      const res = await client.request(r.method, path, r.method === 'POST' ? { reason: 'x' } : undefined);
      if (r.method === 'GET') {
        expect(res.status, `${r.method} ${path}`).toBe(303);
        expect(res.location).toBe('/staff/?expired=1');
      } else {
        expect(res.status, `${r.method} ${path}`).toBe(403);
      }
      expect(res.html).not.toContain('Maija');
    }
    const row = await running.app.db.prisma.appointment.findUniqueOrThrow({ where: { id: anna.id } });
    expect(row.status).toBe('booked');
  });

  it('refuses a used or unknown sign-in link, and a person who is neither coach nor admin', async () => {
    const url = await link('anna@example.org');
    const c = new ConsoleClient(running.baseUrl);
    await c.signInWithLink(url);
    const again = await new ConsoleClient(running.baseUrl).get(new URL(url).pathname);
    expect(again.status).toBe(410);
    expect(text(again.html)).toContain('Tämä kirjautumislinkki ei toimi');

    const stranger = new ConsoleClient(running.baseUrl);
    const path = new URL(await link('someone@example.org')).pathname;
    const res = await stranger.post(path);
    expect(res.location).toBe('/staff/?error=no_access');
    expect(text((await stranger.open('/staff/appointments')).html)).toContain('Istuntosi on päättynyt');
  });
});

describe('a coach', () => {
  it('sees their appointments in Helsinki time with the jobseeker’s details, and marks one completed; the form needs its CSRF token', async () => {
    clock.set(MONDAY_8AM);
    const a = await book('test-anna', mondayAt('11:15'), { note: 'Haluan puhua työkokeilusta.' });
    const anna = await signedIn('Anna@Example.org');
    const page = await anna.open('/staff/');
    expect(page.status).toBe(200);
    const seen = text(page.html);
    expect(seen).toContain('Tapaamiset');
    // 11:15 in Helsinki on Monday 7.12.2026 (09:15 UTC).
    expect(seen).toMatch(/7\.12\.2026.{0,20}11\.15.{0,3}12\.00 · Maija Meikäläinen/);
    expect(seen).toContain('+358401234567');
    expect(seen).toContain('maija@example.fi');
    expect(seen).toContain('Haluan puhua työkokeilusta.');
    expect(seen).toContain('Tapaamistapa Puhelinaika');

    // The meeting has begun: it can be marked. Three idle hours have ended the session, though.
    clock.set(mondayAt('11:20'));
    const idle = await anna.get('/staff/appointments');
    expect(idle.status).toBe(303);
    expect(idle.location).toBe('/staff/?expired=1');
    await anna.signInWithLink(await link('anna@example.org'));
    const before = await anna.open('/staff/appointments');
    const csrf = ConsoleClient.csrf(before.html);
    const refused = await anna.post(`/staff/appointments/${a.id}/complete`, {});
    expect(refused.status).toBe(403);
    expect(text(refused.html)).toContain('Lomake vanhentui');
    const wrong = await anna.post(`/staff/appointments/${a.id}/complete`, { _csrf: `${csrf}x` });
    expect(wrong.status).toBe(403);
    expect((await running.app.db.prisma.appointment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('booked');

    const ok = await anna.post(`/staff/appointments/${a.id}/complete`, { _csrf: csrf });
    expect(ok.status).toBe(303);
    const after = await anna.open(ok.location!);
    expect(text(after.html)).toContain('Tapaaminen on merkitty pidetyksi.');
    const row = await running.app.db.prisma.appointment.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.status).toBe('completed');
    const audit = await running.app.db.prisma.auditLog.findMany({ where: { action: 'appointment.complete', target: `appointment:${a.id}` } });
    expect(audit.map((x) => x.actor)).toEqual(['coach:test-anna']);
  });

  it('marks a meeting not attended, and cannot touch or see another coach’s appointment', async () => {
    clock.set(MONDAY_8AM);
    const omars = await book('test-omar', mondayAt('13:00'), { name: 'Omarin Asiakas' });
    const annas = await book('test-anna', new Date('2026-12-08T09:00:00+02:00'), { name: 'Annan Asiakas' });
    clock.set(new Date('2026-12-08T09:10:00+02:00'));
    const anna = await signedIn('anna@example.org');
    const page = await anna.open('/staff/appointments');
    expect(text(page.html)).not.toContain('Omarin Asiakas');
    const csrf = ConsoleClient.csrf(page.html);
    const other = await anna.post(`/staff/appointments/${omars.id}/not-attended`, { _csrf: csrf });
    expect(other.status).toBe(403);
    expect((await running.app.db.prisma.appointment.findUniqueOrThrow({ where: { id: omars.id } })).status).toBe('booked');

    const ok = await anna.post(`/staff/appointments/${annas.id}/not-attended`, { _csrf: csrf });
    expect(ok.status).toBe(303);
    expect((await running.app.db.prisma.appointment.findUniqueOrThrow({ where: { id: annas.id } })).status).toBe('not_attended');
    expect(text((await anna.open('/staff/appointments')).html)).toMatch(/Annan Asiakas Ei saapunut/);
  });

  it('cancels with a reason; the jobseeker is told by email and in the chat where they booked, through the outbox', async () => {
    clock.set(MONDAY_8AM);
    const a = await book('test-anna', new Date('2026-12-10T10:30:00+02:00'), {
      locale: 'en',
      meetingLanguage: 'en',
      conversation: { channelId: 'test', conversationId: 'conv-cancel', reference: { conversation: { id: 'conv-cancel' } as never, serviceUrl: 'http://127.0.0.1:9/' } },
    });
    const anna = await signedIn('anna@example.org');
    const page = await anna.open('/staff/appointments');
    const csrf = ConsoleClient.csrf(page.html);
    const empty = await anna.post(`/staff/appointments/${a.id}/cancel`, { _csrf: csrf, reason: '  ' });
    expect(empty.status).toBe(400);
    expect(text(empty.html)).toContain('Tämä kenttä on pakollinen.');
    const res = await anna.post(`/staff/appointments/${a.id}/cancel`, { _csrf: csrf, reason: 'Olen sairaana.' });
    expect(res.status).toBe(303);
    const row = await running.app.db.prisma.appointment.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ status: 'cancelled', cancelledBy: 'coach', cancelReason: 'Olen sairaana.' });
    const outbox = await running.app.db.prisma.outboxMessage.findMany({ where: { appointmentId: a.id, kind: { in: ['jobseeker.cancelled', 'chat.cancelled'] } }, orderBy: { kind: 'asc' } });
    expect(outbox.map((o) => o.kind)).toEqual(['chat.cancelled', 'jobseeker.cancelled']);
    expect(outbox[1].payload).toMatchObject({ reason: 'Olen sairaana.' });
    // What the jobseeker reads, in the language they booked in.
    const admin = running.app.features.coaches.admin;
    const chat = await admin.showOutbox('test', outbox[0].id);
    // 10.30 in Helsinki, written as English writes dates and times.
    const when = `${formatDateTime(new Date('2026-12-10T08:30:00Z'), 'en')}–${formatTime(new Date('2026-12-10T09:15:00Z'), 'en')}`;
    expect(chat.text).toBe(`Your coach (OMA-valmentaja) Anna Testinen has cancelled your appointment on ${when}. You can book a new time from the menu.\nReason: Olen sairaana.`);
    const mail = await admin.showOutbox('test', outbox[1].id);
    expect(mail.to).toBe('maija@example.fi');
    expect(mail.text).toContain('Olen sairaana.');
  });

  it('sets weekly hours with validation, adds and removes an absence, and gets a new calendar link that works', async () => {
    clock.set(MONDAY_8AM);
    const omar = await signedIn('omar@example.org');
    let page = await omar.open('/staff/availability');
    const csrf = ConsoleClient.csrf(page.html);
    const bad = await omar.post('/staff/availability/weekly', { _csrf: csrf, 'weekly.mon': '13-15' });
    expect(bad.status).toBe(400);
    expect(text(bad.html)).toContain('Kirjoita ajat muodossa 09:00–11:30');
    const ok = await omar.post('/staff/availability/weekly', { _csrf: csrf, 'weekly.mon': '12:00–14:00, 14:30-16:00', 'weekly.wed': '9.00-11.00' });
    expect(ok.status).toBe(303);
    const availability = await running.app.features.coaches.coaches.availability('test-omar');
    expect(availability.weekly).toEqual({ mon: [{ start: '12:00', end: '14:00' }, { start: '14:30', end: '16:00' }], wed: [{ start: '09:00', end: '11:00' }] });

    const absence = await omar.post('/staff/availability/absences', { _csrf: csrf, from: '2026-12-21', to: '2026-12-23', reason: 'holiday' });
    expect(absence.status).toBe(303);
    page = await omar.open('/staff/availability');
    expect(text(page.html)).toContain('21.12.2026–23.12.2026 · Loma');
    const [stored] = (await running.app.features.coaches.coaches.availability('test-omar')).exceptions;
    expect(stored).toMatchObject({ kind: 'off', from: '2026-12-21', to: '2026-12-23', reason: 'holiday' });
    expect((await omar.post(`/staff/availability/absences/${stored.id}/delete`, { _csrf: csrf })).status).toBe(303);
    expect((await running.app.features.coaches.coaches.availability('test-omar')).exceptions).toEqual([]);

    const reissued = await omar.post('/staff/calendar/reissue', { _csrf: csrf });
    expect(reissued.status).toBe(200);
    const feedUrl = /<code>([^<]+\.ics)<\/code>/.exec(reissued.html)?.[1];
    expect(feedUrl).toMatch(/\/coach\/feed\/[A-Za-z0-9_-]+\.ics$/);
    const feed = await fetch(`${running.baseUrl}${new URL(feedUrl!).pathname}`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  });

  it('cannot open the admin pages', async () => {
    const anna = await signedIn('anna@example.org');
    expect((await anna.get('/staff/coaches')).status).toBe(403);
    expect((await anna.get('/staff/outbox')).status).toBe(403);
  });
});

describe('an admin', () => {
  it('is warned about an active coach without hours until hours are set; every change is audited', async () => {
    clock.set(MONDAY_8AM);
    const admin = await signedIn('paivi.admin@salo.example.fi');
    let page = await admin.open('/staff/');
    expect(text(page.html)).toContain('Valmentajat');
    const csrf = ConsoleClient.csrf(page.html);

    const unknownArea = await admin.post('/staff/coaches', { _csrf: csrf, id: 'salo-ville', name: 'Ville Valmentaja', email: 'ville@salo.example.fi', languages: ['fi'], area: 'turku-x', street: 'Katu 1', postalCode: '24100', city: 'Salo' });
    expect(unknownArea.status).toBe(400);
    expect(text(unknownArea.html)).toContain('Valitse alue luettelosta.');

    const added = await admin.post('/staff/coaches', { _csrf: csrf, id: 'salo-ville', name: 'Ville Valmentaja', email: 'ville@salo.example.fi', languages: ['fi', 'en'], area: 'salo', street: 'Katu 1', postalCode: '24100', city: 'Salo' });
    expect(added.status).toBe(303);
    expect(added.location).toBe('/staff/coaches/salo-ville?done=coachAdded');
    page = await admin.open('/staff/coaches');
    expect(text(page.html)).toContain('Ville Valmentaja Ei varattavissa: työaikoja ei ole asetettu.');
    const coach = await running.app.db.prisma.coach.findUniqueOrThrow({ where: { id: 'salo-ville' } });
    expect(coach.municipalities).toContain('Salo');

    const hours = await admin.post('/staff/coaches/salo-ville/hours', { _csrf: csrf, 'weekly.tue': '09:00–12:00' });
    expect(hours.status).toBe(303);
    page = await admin.open('/staff/coaches');
    expect(text(page.html)).not.toContain('Ville Valmentaja Ei varattavissa');
    const slots = await running.app.features.booking.service.listSlots(['salo-ville'], { limit: 1 });
    expect(slots.slots[0].start).toEqual(new Date('2026-12-08T09:00:00+02:00'));

    // Deactivate, reactivate and delete (no appointments).
    expect((await admin.post('/staff/coaches/salo-ville/deactivate', { _csrf: csrf })).status).toBe(303);
    expect((await running.app.db.prisma.coach.findUniqueOrThrow({ where: { id: 'salo-ville' } })).active).toBe(false);
    expect((await admin.post('/staff/coaches/salo-ville/activate', { _csrf: csrf })).status).toBe(303);
    expect((await admin.post('/staff/coaches/salo-ville/delete', { _csrf: csrf })).status).toBe(303);
    expect(await running.app.db.prisma.coach.findUnique({ where: { id: 'salo-ville' } })).toBeNull();
    // A coach with appointments cannot be deleted.
    expect((await admin.post('/staff/coaches/test-anna/delete', { _csrf: csrf })).status).toBe(409);

    const actions = (await running.app.db.prisma.auditLog.findMany({ where: { target: 'coach:salo-ville' }, orderBy: { at: 'asc' } })).map((x) => `${x.actor} ${x.action}`);
    expect(actions).toEqual(['staff-admin coach.add', 'staff-admin availability.weekly', 'staff-admin coach.deactivate', 'staff-admin coach.activate', 'staff-admin coach.delete']);
  });

  it('sees the outbox in Helsinki time and retries a failed message', async () => {
    const prisma = running.app.db.prisma;
    const a = await prisma.appointment.findFirstOrThrow({ where: { coachId: 'test-anna' } });
    const failed = await prisma.outboxMessage.create({
      data: { kind: 'coach.booked', appointmentId: a.id, payload: { sequence: 0 }, status: 'failed', attempts: 20, lastError: 'EAUTH', messageId: '<failed-test@oma-botti>', createdAt: new Date('2026-12-07T06:30:00Z'), nextAttemptAt: new Date('2026-12-07T06:30:00Z') },
    });
    const admin = await signedIn('paivi.admin@salo.example.fi');
    const page = await admin.open('/staff/outbox?status=failed');
    const seen = text(page.html);
    expect(seen).toContain('Sähköpostipalvelinta ei ole määritetty');
    expect(seen).toMatch(/Epäonnistui coach\.booked anna@example\.org .* 7\.12\.2026 klo 8\.30/);
    const res = await admin.post(`/staff/outbox/${failed.id}/retry`, { _csrf: ConsoleClient.csrf(page.html) });
    expect(res.status).toBe(303);
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe('pending');
  });

  it('reads the knowledge gaps and the report as pages with charts', async () => {
    const admin = await signedIn('paivi.admin@salo.example.fi');
    const gaps = await admin.open('/staff/gaps?from=2026-11-08&to=2026-12-07');
    expect(gaps.status).toBe(200);
    expect(text(gaps.html)).toContain('Tietoaukot');
    const report = await admin.open('/staff/report?from=2026-12-01&to=2026-12-07');
    expect(report.status).toBe(200);
    expect(report.html).toContain('<svg role="img"');
    expect(text(report.html)).toContain('Varaukset jaksolla');
    const bad = await admin.open('/staff/report?from=2026-12-07&to=2026-11-01');
    expect(bad.status).toBe(400);
  });

  it('gets a sign-in link from the running bot over HTTP with ADMIN_TOKEN', async () => {
    const refused = await fetch(`${running.baseUrl}/api/admin/staff/signin-links`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@b.fi' }) });
    expect(refused.status).toBe(401);
    const res = await fetch(`${running.baseUrl}/api/admin/staff/signin-links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'kaisa@salo.example.fi', admin: true }),
    });
    expect(res.status).toBe(201);
    const { url } = (await res.json()) as { url: string };
    const kaisa = new ConsoleClient(running.baseUrl);
    const page = await kaisa.signInWithLink(url);
    expect(text(page.html)).toContain('Kirjautunut: kaisa@salo.example.fi');
    // Signing out ends the session.
    const out = await kaisa.post('/staff/signout', { _csrf: ConsoleClient.csrf(page.html) });
    expect(out.location).toBe('/staff/?signedOut=1');
    expect((await kaisa.get('/staff/coaches')).status).toBe(303);
  });
});
