/**
 * Booking dialog transcripts on a real database, at a fixed time: book, reschedule and cancel in
 * Finnish, English and Arabic, plus "that time was just taken" and the interpreter offer.
 */
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BookingService } from '../../../bot/booking/bookingService.js';
import { slotTime } from '../../../bot/booking/present.js';
import type { Locale } from '../../../bot/i18n/locales.js';
import { createMatcher } from '../../../bot/pilot/municipalityMatcher.js';
import { BookingDialog } from '../../../dialogs/booking/bookingDialog.js';
import { MyAppointmentsDialog } from '../../../dialogs/booking/myAppointmentsDialog.js';
import { makeService, mondayAt, seedTestCoaches } from '../../booking/helpers.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';
import { createMainDialogHarness, lastSuggestions, translator, type DialogHarness } from '../../support/dialogs.js';

let db: TestDatabase;
let service: BookingService;
const matcher = createMatcher();

beforeAll(async () => {
  db = await openTestDatabase();
  await seedTestCoaches(db.prisma);
  service = makeService(db.prisma).service;
});
afterAll(async () => db?.destroy());
beforeEach(async () => {
  await db.prisma.outboxMessage.deleteMany();
  await db.prisma.appointment.deleteMany();
  await db.prisma.eligibilityCheck.deleteMany();
});

function harness(locale: Locale): DialogHarness {
  const deps = { service, matchMunicipality: matcher };
  return createMainDialogHarness({
    locale,
    features: () => [
      { id: 'booking', labelKey: 'booking:menu.book', dialog: new BookingDialog(deps) },
      { id: 'myAppointments', labelKey: 'booking:menu.mine', dialog: new MyAppointmentsDialog(deps) },
    ],
  });
}

const texts = (replies: Activity[]) => replies.map((r) => r.text ?? '');

/** Sends `say`, checks every expected reply is there, and returns the replies. */
async function step(h: DialogHarness, say: string, expected: string[]): Promise<Activity[]> {
  const replies = await h.say(say);
  for (const want of expected) {
    expect(texts(replies).some((t) => t.includes(want)), `after "${say}" expected "${want}" in ${JSON.stringify(texts(replies))}`).toBe(true);
  }
  return replies;
}

interface LocaleCase {
  locale: Locale;
  /** The coach who speaks the language in Salo. */
  coach: string;
  /** Typed municipality, as a user of this language would write it. */
  municipality: string;
  /** Ask the municipality, or take it from the eligibility answers. */
  fromEligibility: boolean;
  /** Both Salo coaches speak the language, so each time names its coach. */
  several: boolean;
}

const cases: LocaleCase[] = [
  { locale: 'fi', coach: 'Anna Testinen', municipality: 'Salossa', fromEligibility: true, several: true },
  { locale: 'en', coach: 'Anna Testinen', municipality: 'Salo', fromEligibility: false, several: false },
  { locale: 'ar', coach: 'Omar Testi', municipality: 'Salo', fromEligibility: false, several: false },
];

describe.each(cases)('booking dialog in $locale', ({ locale, coach, municipality, fromEligibility, several }) => {
  const t = translator.t(locale);
  const s = (key: string, args?: Record<string, unknown>) => String(t(key, args));

  it('books, moves and cancels a meeting', async () => {
    if (fromEligibility) {
      const user = await db.prisma.user.upsert({ where: { channelId_channelUserId: { channelId: 'test', channelUserId: 'user1' } }, create: { channelId: 'test', channelUserId: 'user1' }, update: {} });
      await db.prisma.eligibilityCheck.create({
        data: { userId: user.id, municipalityName: 'Salo', outcome: 'eligible', reasons: [], nextStep: 'book', phase: 'ended', locale, evaluatedAt: new Date('2026-12-01T10:00:00Z') },
      });
    }
    const h = harness(locale);
    await step(h, s('booking:menu.book'), [s('booking:topic.prompt')]);
    await step(h, s('booking:topic.plan'), [s('booking:mode.prompt')]);
    let replies = await step(h, s('booking:mode.in_person'), fromEligibility ? [s('booking:slots.prompt')] : [s('booking:municipality.prompt')]);
    if (!fromEligibility) replies = await step(h, municipality, [s('booking:slots.prompt')]);

    const slots = lastSuggestions(replies);
    expect(slots.at(-1)).toBe(s('booking:slots.later'));
    const first = slots[0];
    // Times in the user's locale and Helsinki time, with the coach's name when several coaches fit.
    const firstTime = slotTime(coach === 'Omar Testi' ? mondayAt('13:00') : mondayAt('10:30'), locale);
    expect(first).toBe(several ? s('booking:slots.withCoach', { time: firstTime, coach }) : firstTime);

    // "Later times" pages on.
    const later = await step(h, s('booking:slots.later'), [s('booking:slots.prompt')]);
    expect(lastSuggestions(later)).not.toContain(first);
    const chosenLabel = lastSuggestions(later)[0];
    const chosen = chosenLabel.split(' – ')[0];

    await step(h, chosenLabel, [s('booking:name.prompt')]);
    await step(h, 'Leila Virtanen', [s('booking:phone.promptOptional')]);
    await step(h, '12ab', [s('booking:phone.invalid')]);
    await step(h, '0401234', [s('booking:phone.tooShort')]);
    await step(h, '040 765 4321', [s('booking:email.prompt')]);
    await step(h, 'leila@', [s('booking:email.invalid')]);
    await step(h, 'leila@example.fi', [s('booking:note.prompt')]);
    const summary = await step(h, s('booking:skip'), [s('booking:summary.intro'), s('booking:summary.confirm')]);
    const summaryText = texts(summary).join('\n');
    expect(summaryText).toContain(s('booking:summary.coach', { coach }));
    expect(summaryText).toContain(s('booking:summary.phone', { phone: '+358407654321' }));
    expect(summaryText).toContain(chosen);
    // Short labelled lines (a Markdown list), not one run-on paragraph.
    const summaryBubble = texts(summary).find((x) => x.startsWith(s('booking:summary.intro')))!;
    expect(summaryBubble).toMatch(/^[^\n]+\n\n- /);
    expect(summaryBubble).toContain(`\n- ${s('booking:summary.coach', { coach })}\n`);
    expect(summaryBubble).toContain(`\n- ${s('booking:summary.phone', { phone: '+358407654321' })}`);

    const done = await step(h, s('common:choices.yes'), [s('booking:booked.emailed', { email: 'leila@example.fi' })]);
    const links = texts(done).find((x) => x.includes('/booking/manage/'))!;
    expect(links).toMatch(/https:\/\/bot\.example\.fi\/booking\/manage\/[A-Za-z0-9_-]+\/appointment\.ics/);
    // One confirmation; its links have readable text, and no address runs into a sentence.
    expect(links).toContain(s('booking:booked.emailed', { email: 'leila@example.fi' }));
    expect(links).toMatch(/^- \[[^\]]+\]\(https:\/\/bot\.example\.fi\/booking\/manage\/[A-Za-z0-9_-]+\/appointment\.ics\)$/m);
    expect(links).toMatch(/^- \[[^\]]+\]\(https:\/\/bot\.example\.fi\/booking\/manage\/[A-Za-z0-9_-]+\)/m);
    expect(links.replace(/\]\([^)]*\)/g, '')).not.toContain('https://');

    const [row] = await db.prisma.appointment.findMany();
    expect(row).toMatchObject({ status: 'booked', locale, topic: 'plan', mode: 'in_person', jobseekerName: 'Leila Virtanen', contactPhone: '+358407654321', contactEmail: 'leila@example.fi', channelId: 'test', conversationId: expect.any(String) });
    expect(slotTime(row.startsAt, locale)).toBe(chosen);
    expect(row.conversationRef).toMatchObject({ conversation: { id: row.conversationId } });
    expect((await db.prisma.outboxMessage.findMany()).map((o) => o.kind).sort()).toEqual(['coach.booked', 'jobseeker.booked']);

    // Move it.
    const list = await step(h, s('booking:menu.mine'), [s('booking:mine.list'), s('booking:mine.choose')]);
    await step(h, lastSuggestions(list)[0], [s('booking:mine.action', { time: chosen })]);
    const newSlots = await step(h, s('booking:mine.reschedule'), [s('booking:reschedule.prompt')]);
    const newTime = lastSuggestions(newSlots)[0];
    expect(newTime).not.toBe(chosen);
    await step(h, newTime, [s('booking:reschedule.confirm', { time: newTime })]);
    await step(h, s('common:choices.yes'), [s('booking:reschedule.done', { time: newTime })]);
    const moved = await db.prisma.appointment.findUniqueOrThrow({ where: { id: row.id } });
    expect(slotTime(moved.startsAt, locale)).toBe(newTime);
    expect(moved.sequence).toBe(1);

    // Cancel it.
    const list2 = await step(h, s('booking:menu.mine'), [s('booking:mine.choose')]);
    await step(h, lastSuggestions(list2)[0], [s('booking:mine.action', { time: newTime })]);
    await step(h, s('booking:mine.cancel'), [s('booking:mine.confirmCancel', { time: newTime })]);
    await step(h, s('common:choices.yes'), [s('booking:mine.cancelled', { time: newTime })]);
    expect((await db.prisma.appointment.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('cancelled');
    expect((await db.prisma.outboxMessage.findMany()).map((o) => o.kind).sort()).toEqual([
      'coach.booked', 'coach.cancelled', 'coach.rescheduled', 'jobseeker.booked', 'jobseeker.cancelled', 'jobseeker.rescheduled',
    ]);
    await step(h, s('booking:menu.mine'), [s('booking:mine.none')]);
  });
});

describe('booking dialog edge cases', () => {
  const t = translator.t('en');
  const s = (key: string, args?: Record<string, unknown>) => String(t(key, args));

  async function toSlots(h: DialogHarness, mode = 'booking:mode.phone'): Promise<string[]> {
    await h.say(s('booking:menu.book'));
    await h.say(s('booking:topic.job_search'));
    await h.say(s(mode));
    return lastSuggestions(await h.say('Salo'));
  }

  it('says "that time was just taken" and shows fresh times when someone books first', async () => {
    const h = harness('en');
    const slots = await toSlots(h);
    await h.say(slots[0]);
    await step(h, 'Sam', [s('booking:phone.promptRequired')]);
    await step(h, s('booking:skip'), [s('booking:phone.invalid')]);
    await step(h, '+358 40 111 2222', [s('booking:email.prompt')]);
    await h.say(s('booking:skip'));
    await h.say(s('booking:skip'));
    // Another jobseeker takes the time between the summary and the confirmation.
    await service.reserve({ jobseeker: { channelId: 'test', channelUserId: 'someone-else' }, coachId: 'test-anna', startsAt: mondayAt('10:30'), mode: 'in_person', topic: 'other', meetingLanguage: 'en', locale: 'en', name: 'Other' });
    const taken = await step(h, s('common:choices.yes'), [s('booking:slots.taken'), s('booking:slots.prompt')]);
    const fresh = lastSuggestions(taken);
    expect(fresh).not.toContain(slots[0]);
    // The details are kept: a new time goes straight to the summary.
    await step(h, fresh[0], [s('booking:summary.intro'), s('booking:summary.phone', { phone: '+358401112222' })]);
    await step(h, s('common:choices.yes'), [s('booking:booked.links', { icsUrl: 'X', manageUrl: 'X' }).split('X')[0]]);
    const mine = await db.prisma.appointment.findFirstOrThrow({ where: { jobseekerName: 'Sam' } });
    expect(mine).toMatchObject({ mode: 'phone', contactPhone: '+358401112222', status: 'booked' });
  });

  it('refuses a third upcoming booking with the limit message, up front and at confirmation', async () => {
    const mine = { channelId: 'test', channelUserId: 'user1' };
    await service.reserve({ jobseeker: mine, coachId: 'test-anna', startsAt: mondayAt('10:30'), mode: 'in_person', topic: 'other', meetingLanguage: 'en', locale: 'en', name: 'Me' });
    const h = harness('en');
    const slots = await toSlots(h, 'booking:mode.in_person');
    await h.say(slots[0]);
    await h.say('Me');
    await h.say(s('booking:skip'));
    await h.say(s('booking:skip'));
    await h.say(s('booking:skip'));
    // Meanwhile the second allowed booking is made elsewhere (another tab, the manage page…).
    await service.reserve({ jobseeker: mine, coachId: 'test-omar', startsAt: mondayAt('13:00'), mode: 'in_person', topic: 'other', meetingLanguage: 'fi', locale: 'en', name: 'Me' });
    const replies = await h.say(s('common:choices.yes'));
    expect(texts(replies)).toContain(s('booking:limit', { count: 2 }));
    expect(await db.prisma.appointment.count()).toBe(2);
    // Starting again now says so before asking anything.
    const again = await h.say(s('booking:menu.book'));
    expect(texts(again)).toContain(s('booking:limit', { count: 2 }));
    expect(texts(again)).not.toContain(s('booking:topic.prompt'));
  });

  it('offers an interpreter when no coach in the municipality speaks the language', async () => {
    const uk = translator.t('uk');
    const h = harness('uk');
    await h.say(String(uk('booking:menu.book')));
    await h.say(String(uk('booking:topic.education')));
    await h.say(String(uk('booking:mode.video')));
    const offer = await h.say('Salo');
    expect(texts(offer).join('\n')).toContain(String(uk('booking:interpreter.prompt', { municipality: 'Salo', language: 'українська' })));
    expect(lastSuggestions(offer)[0]).toBe(String(uk('booking:interpreter.with')));
    const slots = await h.say(String(uk('booking:interpreter.with')));
    // Both Finnish-speaking coaches are offered, so each time names its coach.
    expect(lastSuggestions(slots)[0]).toContain('Anna Testinen');
  });

  it('keeps the booking when the user answers no to cancelling it', async () => {
    const { appointment } = await service.reserve({ jobseeker: { channelId: 'test', channelUserId: 'user1' }, coachId: 'test-anna', startsAt: mondayAt('11:15'), mode: 'phone', topic: 'other', meetingLanguage: 'en', locale: 'en', name: 'Me', phone: '0401234567' });
    const h = harness('en');
    const list = await step(h, s('booking:menu.mine'), [s('booking:mine.choose')]);
    await h.say(lastSuggestions(list)[0]);
    await step(h, s('booking:mine.cancel'), [s('booking:mine.confirmCancel', { time: slotTime(mondayAt('11:15'), 'en') })]);
    await step(h, s('common:choices.no'), [s('booking:mine.kept')]);
    expect((await db.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe('booked');
    expect(await db.prisma.outboxMessage.count({ where: { kind: 'coach.cancelled' } })).toBe(0);
  });

  it('tells the user when no coach serves their municipality', async () => {
    const h = harness('en');
    await h.say(s('booking:menu.book'));
    await h.say(s('booking:topic.job_search'));
    await h.say(s('booking:mode.phone'));
    const replies = await h.say('Inari');
    expect(texts(replies)).toContain(s('booking:coach.none', { municipality: 'Inari' }));
  });
});
