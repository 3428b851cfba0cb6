/**
 * Booking end to end through the real server: POST /api/messages (expectReplies) from the main
 * menu to the confirmation, then the stored Appointment and OutboxMessage rows and the manage link.
 * Demo coaches come from the startup seed (SEED_DEMO_DATA=true, on either backend).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoachRepository } from '../../bot/booking/coachRepository.js';
import { seedDemoCoaches } from '../../bot/booking/seed.js';
import { FixedClock } from '../../bot/kernel/clock.js';
import { translator } from '../support/dialogs.js';
import { activity, expectReplies, startTestApp, type BotReply, type RunningApp } from '../support/app.js';
import { MONDAY_8AM } from './helpers.js';

let running: RunningApp;

beforeAll(async () => {
  running = await startTestApp({ SEED_DEMO_DATA: 'true', PUBLIC_BASE_URL: 'https://bot.example.fi' }, { clock: new FixedClock(MONDAY_8AM), manualJobs: true });
});
afterAll(async () => running?.stop());

const t = translator.t('en');
const s = (key: string, args?: Record<string, unknown>) => String(t(key, args));

async function say(text: string): Promise<BotReply[]> {
  return expectReplies(running.baseUrl, activity({ type: 'message', text, locale: 'en' }, 'conv-book', 'user-book'));
}
const textsOf = (replies: BotReply[]) => replies.map((r) => r.text ?? '');
const suggestions = (replies: BotReply[]) => [...replies].reverse().find((r) => r.suggestedActions?.actions.length)?.suggestedActions?.actions.map((a) => a.title) ?? [];

describe('booking over /api/messages', () => {
  it('seeds the demo coaches idempotently, marked as demo', async () => {
    const prisma = running.app.db.prisma;
    const before = await prisma.coach.count();
    expect(before).toBeGreaterThanOrEqual(10);
    await seedDemoCoaches(new CoachRepository(prisma));
    expect(await prisma.coach.count()).toBe(before);
    expect(await prisma.coach.count({ where: { demo: false } })).toBe(0);
    expect((await prisma.coach.findUniqueOrThrow({ where: { id: 'salo-ville' } })).municipalities).toContain('Salo');
  });

  it('books a phone meeting from the main menu and stores the appointment with its outbox rows', async () => {
    const welcome = await expectReplies(running.baseUrl, activity({ type: 'conversationUpdate', membersAdded: [{ id: 'user-book' }], locale: 'en' }, 'conv-book', 'user-book'));
    expect(suggestions(welcome)).toEqual(expect.arrayContaining([s('booking:menu.book'), s('booking:menu.mine')]));

    expect(textsOf(await say(s('booking:menu.book')))).toContain(s('booking:topic.prompt'));
    expect(textsOf(await say(s('booking:topic.benefits')))).toContain(s('booking:mode.prompt'));
    expect(textsOf(await say(s('booking:mode.phone')))).toContain(s('booking:municipality.prompt'));
    const slots = await say('Salo');
    expect(textsOf(slots)).toContain(s('booking:slots.prompt'));
    const time = suggestions(slots)[0];
    expect(time).toBe('Monday 07/12/2026, 10:30');
    expect(textsOf(await say(time))).toContain(s('booking:name.prompt'));
    expect(textsOf(await say('Sam Smith'))).toContain(s('booking:phone.promptRequired'));
    expect(textsOf(await say('040 123 4567'))).toContain(s('booking:email.prompt'));
    expect(textsOf(await say('sam@example.fi'))).toContain(s('booking:note.prompt'));
    const summary = textsOf(await say('I need help with my unemployment benefit'));
    expect(summary.join('\n')).toContain(s('booking:summary.coach', { coach: 'Ville (demo)' }));
    const doneReplies = await say(s('common:choices.yes'));
    const done = textsOf(doneReplies);
    const attachment = doneReplies.flatMap((r) => (r.attachments as Array<{ contentType: string; contentUrl: string }> | undefined) ?? [])[0];
    expect(attachment).toMatchObject({ contentType: 'text/calendar', contentUrl: expect.stringMatching(/\/appointment\.ics$/) });
    const ics = await fetch(`${running.baseUrl}${new URL(attachment.contentUrl).pathname}`);
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain('ATTENDEE;CN=Sam Smith;');
    expect(done.join('\n')).toContain(s('booking:booked.text', { time, coach: 'Ville (demo)' }));
    const links = done.find((x) => x.includes('/booking/manage/'))!;
    const manageUrl = /https:\/\/bot\.example\.fi\/booking\/manage\/[A-Za-z0-9_-]+(?=\s|$|\))/.exec(links)![0];

    const prisma = running.app.db.prisma;
    const user = await prisma.user.findUniqueOrThrow({ where: { channelId_channelUserId: { channelId: 'test', channelUserId: 'user-book' } } });
    const [row] = await prisma.appointment.findMany({ where: { userId: user.id } });
    expect(row).toMatchObject({
      coachId: 'salo-ville',
      status: 'booked',
      mode: 'phone',
      topic: 'benefits',
      locale: 'en',
      meetingLanguage: 'en',
      interpreterNeeded: false,
      jobseekerName: 'Sam Smith',
      contactPhone: '+358401234567',
      contactEmail: 'sam@example.fi',
      note: 'I need help with my unemployment benefit',
      channelId: 'test',
      conversationId: 'conv-book',
      startsAt: new Date('2026-12-07T08:30:00Z'),
      endsAt: new Date('2026-12-07T09:15:00Z'),
    });
    expect(row.conversationRef).toMatchObject({ conversation: { id: 'conv-book' }, user: { id: 'user-book' }, serviceUrl: 'http://127.0.0.1:9/' });
    const outbox = await prisma.outboxMessage.findMany({ where: { appointmentId: row.id }, orderBy: { kind: 'asc' } });
    expect(outbox.map((o) => [o.kind, o.status, o.messageId])).toEqual([
      ['coach.booked', expect.any(String), `<${row.id}.coach.booked.0@oma-botti>`],
      ['jobseeker.booked', expect.any(String), `<${row.id}.jobseeker.booked.0@oma-botti>`],
    ]);
    expect(outbox[1].payload).toMatchObject({ sequence: 0, manageUrl });

    const page = await fetch(`${running.baseUrl}${new URL(manageUrl).pathname}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Sam Smith');

    // "My appointments" lists it.
    const mine = textsOf(await say(s('booking:menu.mine')));
    expect(mine.join('\n')).toContain(s('booking:mine.item', { time, coach: 'Ville (demo)', mode: s('booking:mode.phone') }));
  });
});
