/**
 * The private manage link over real HTTP: the jobseeker sees the booking in its own language,
 * downloads the .ics, moves it and cancels it without the chat; bad tokens get a plain 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingFeature } from '../../bot/booking/feature.js';
import { FixedClock } from '../../bot/kernel/clock.js';
import { slotTime } from '../../bot/booking/present.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { MONDAY_8AM, mondayAt, seedTestCoaches } from './helpers.js';

let running: RunningApp;
let feature: BookingFeature;
const clock = new FixedClock(MONDAY_8AM);

beforeAll(async () => {
  running = await startTestApp({ SEED_DEMO_DATA: 'false', PUBLIC_BASE_URL: 'https://bot.example.fi' }, { clock, manualJobs: true });
  await seedTestCoaches(running.app.db.prisma);
  feature = running.app.features.booking;
});
afterAll(async () => running?.stop());

async function book(who: string, locale: string, name: string, startsAt = mondayAt('10:30'), coachId = 'test-anna') {
  const r = await feature.service.reserve({
    jobseeker: { channelId: 'test', channelUserId: who },
    coachId,
    startsAt,
    mode: 'in_person',
    topic: 'education',
    meetingLanguage: 'fi',
    locale,
    name,
    email: `${who}@example.fi`,
  });
  const path = new URL(r.manageUrl).pathname;
  return { ...r, path, url: `${running.baseUrl}${path}` };
}

describe('manage page', () => {
  it('shows the booking in its language with the name HTML-escaped, and serves the .ics', async () => {
    const b = await book('m-fi', 'fi', '<script>alert(1)</script> Matti');
    const res = await fetch(b.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('<html lang="fi" dir="ltr">');
    expect(html).toContain('Tapaamisesi OMA-valmentajan kanssa');
    expect(html).toContain('Anna Testinen');
    expect(html).toContain('Testikatu 1, 24100 Salo');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Matti');
    expect(html).toContain('maanantaina 7.12.2026 klo 10.30');

    const ics = await fetch(`${b.url}/appointment.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const body = await ics.text();
    expect(body).toContain('METHOD:REQUEST');
    expect(body).toContain(`UID:appointment-${b.appointment.id}@bot.example.fi`);
    expect(body).toContain('DTSTART:20261207T083000Z');
    expect(body).toContain('SEQUENCE:0');
    expect(body).toContain('ORGANIZER;CN=Anna Testinen:mailto:anna@example.org');
  });

  it('renders Arabic right to left', async () => {
    const b = await book('m-ar', 'ar', 'سارة', mondayAt('11:15'));
    const html = await (await fetch(b.url)).text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('لقاؤك مع المدرب');
  });

  it('moves the booking to another offered time and then cancels it, telling the coach each time', async () => {
    const b = await book('m-move', 'en', 'Sam Smith', new Date('2026-12-08T09:00:00+02:00'));
    const page = await (await fetch(b.url)).text();
    const slot = /name="move" value="([^"]+)"/.exec(page)![1].replace(/&#39;|&quot;|&amp;/g, '');
    expect(slot).toMatch(/^test-anna\|/);

    // Tapping a time only asks: the page names the new time, and nothing has moved yet.
    const asked = await fetch(`${b.url}?move=${encodeURIComponent(slot)}`);
    expect(asked.status).toBe(200);
    const askHtml = await asked.text();
    const [, iso] = slot.split('|');
    expect(askHtml).toContain(`Move the meeting to ${slotTime(new Date(iso), 'en')}?`);
    expect(askHtml).toContain(`action="${b.path}/reschedule"`);
    expect(askHtml).toContain('Yes, move the meeting');
    expect(askHtml).toContain(`<a href="${b.path}">Keep the current time</a>`);
    expect((await running.app.db.prisma.appointment.findUniqueOrThrow({ where: { id: b.appointment.id } })).startsAt.toISOString()).toBe('2026-12-08T07:00:00.000Z');
    const confirmedSlot = /name="slot" value="([^"]+)"/.exec(askHtml)![1].replace(/&#39;|&quot;|&amp;/g, '');
    expect(confirmedSlot).toBe(slot);

    const moved = await fetch(`${b.url}/reschedule`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `slot=${encodeURIComponent(slot)}`, redirect: 'manual' });
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toBe(`${b.path}?done=rescheduled`);
    // The coach's message is still in the outbox: the page says the coach will be notified.
    const after = await (await fetch(`${running.baseUrl}${moved.headers.get('location')}`)).text();
    expect(after).toContain('The meeting is moved to the new time. The coach will be notified shortly.');
    expect(after).not.toContain('has been told');
    // Once it has gone, the same page says the coach has been told.
    await running.app.db.prisma.outboxMessage.updateMany({ where: { appointmentId: b.appointment.id, kind: 'coach.rescheduled' }, data: { status: 'sent', sentAt: new Date() } });
    const told = await (await fetch(`${running.baseUrl}${moved.headers.get('location')}`)).text();
    expect(told).toContain('The meeting is moved to the new time. The coach has been told.');
    const row = await running.app.db.prisma.appointment.findUniqueOrThrow({ where: { id: b.appointment.id } });
    expect(row.startsAt.toISOString()).toBe(slot.split('|')[1]);
    expect(row.sequence).toBe(1);

    // The cancel button asks once more before anything changes.
    const ask = await (await fetch(`${b.url}?confirm=cancel`)).text();
    expect(ask).toContain('Do you really want to cancel the meeting?');
    expect(ask).toContain(`action="${b.path}/cancel"`);
    expect((await running.app.db.prisma.appointment.findUniqueOrThrow({ where: { id: b.appointment.id } })).status).toBe('booked');
    const cancelled = await fetch(`${b.url}/cancel`, { method: 'POST', redirect: 'manual' });
    expect(cancelled.status).toBe(303);
    const final = await (await fetch(`${running.baseUrl}${cancelled.headers.get('location')}`)).text();
    expect(final).toContain('The meeting is cancelled. The coach will be notified shortly.');
    expect(final).not.toContain('name="slot"');
    const outbox = await running.app.db.prisma.outboxMessage.findMany({ where: { appointmentId: b.appointment.id }, orderBy: { createdAt: 'asc' } });
    expect(outbox.map((o) => o.kind).sort()).toEqual(['coach.booked', 'coach.cancelled', 'coach.rescheduled', 'jobseeker.booked', 'jobseeker.cancelled', 'jobseeker.rescheduled']);
    const ics = await (await fetch(`${b.url}/appointment.ics`)).text();
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('SEQUENCE:2');
  });

  it('pages on to later times', async () => {
    const b = await book('m-later', 'en', 'Pat', new Date('2026-12-14T09:00:00+02:00'));
    const page = await (await fetch(b.url)).text();
    const firstSlots = [...page.matchAll(/name="move" value="([^"]+)"/g)].map((m) => m[1]);
    const later = /href="([^"]+\?after=[^"]+)"/.exec(page)![1].replace(/&amp;/g, '&');
    const next = await (await fetch(`${running.baseUrl}${later}`)).text();
    const nextSlots = [...next.matchAll(/name="move" value="([^"]+)"/g)].map((m) => m[1]);
    expect(nextSlots.length).toBeGreaterThan(0);
    expect(nextSlots[0] > firstSlots.at(-1)!).toBe(true);
    expect(nextSlots.some((x) => firstSlots.includes(x))).toBe(false);
  });

  it('says the time was taken when someone booked it first', async () => {
    const mine = await book('m-race', 'en', 'Kim', new Date('2026-12-09T09:00:00+02:00'));
    const page = await (await fetch(mine.url)).text();
    const slot = /name="move" value="([^"]+)"/.exec(page)![1];
    const [coachId, iso] = slot.split('|');
    await book('m-other', 'en', 'Other', new Date(iso), coachId);
    const res = await fetch(`${mine.url}/reschedule`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `slot=${encodeURIComponent(slot)}`, redirect: 'manual' });
    expect(res.headers.get('location')).toBe(`${mine.path}?done=taken`);
    const html = await (await fetch(`${running.baseUrl}${res.headers.get('location')}`)).text();
    expect(html).toContain('that time was just taken');
  });

  it('answers 404 for unknown or malformed tokens and 400 for a bad slot, never 5xx', async () => {
    for (const path of ['/booking/manage/not-a-real-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '/booking/manage/x', '/booking/manage/%3Cscript%3E/appointment.ics']) {
      const res = await fetch(`${running.baseUrl}${path}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Varausta ei löytynyt');
    }
    const cancel = await fetch(`${running.baseUrl}/booking/manage/${'a'.repeat(43)}/cancel`, { method: 'POST' });
    expect(cancel.status).toBe(404);
    const b = await book('m-bad', 'en', 'Bad Input', new Date('2026-12-10T09:00:00+02:00'));
    for (const body of ['slot=nonsense', 'slot=test-omar%7C2026-12-10T11%3A00%3A00.000Z', '']) {
      const res = await fetch(`${b.url}/reschedule`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      expect(res.status).toBe(400);
    }
    const offGrid = await fetch(`${b.url}/reschedule`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `slot=${encodeURIComponent('test-anna|2026-12-10T07:10:00.000Z')}`, redirect: 'manual' });
    expect(offGrid.headers.get('location')).toBe(`${b.path}?done=taken`);
  });

  it('stops working a while after the meeting', async () => {
    const b = await book('m-old', 'fi', 'Vanha', new Date('2026-12-11T09:00:00+02:00'));
    expect((await fetch(b.url)).status).toBe(200);
    clock.set(new Date('2027-02-01T10:00:00+02:00'));
    try {
      expect((await fetch(b.url)).status).toBe(404);
    } finally {
      clock.set(MONDAY_8AM);
    }
  });
});
