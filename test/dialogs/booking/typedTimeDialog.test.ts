/**
 * Typing a day or a time at the booking's time step, through the real bot dialogs and database on
 * Monday 7 December 2026 at 08:00: a free time is taken as if tapped, a taken or unknown one brings
 * the nearest free times (same day first) in the user's language, and text with no time a hint.
 */
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BookingService } from '../../../bot/booking/bookingService.js';
import { slotTime, typedTimeArgs } from '../../../bot/booking/present.js';
import type { Locale } from '../../../bot/i18n/locales.js';
import { createMatcher } from '../../../bot/pilot/municipalityMatcher.js';
import { BookingDialog } from '../../../dialogs/booking/bookingDialog.js';
import { makeService, seedTestCoaches } from '../../booking/helpers.js';
import { openTestDatabase, type TestDatabase } from '../../support/database.js';
import { createMainDialogHarness, lastSuggestions, translator, type DialogHarness } from '../../support/dialogs.js';

let db: TestDatabase;
let service: BookingService;

beforeAll(async () => {
  db = await openTestDatabase();
  await seedTestCoaches(db.prisma);
  service = makeService(db.prisma).service;
});
afterAll(async () => db?.destroy());
beforeEach(async () => {
  await db.prisma.outboxMessage.deleteMany();
  await db.prisma.appointment.deleteMany();
});

const at = (isoLocal: string) => new Date(`${isoLocal}:00+02:00`);
const texts = (replies: Activity[]) => replies.map((r) => r.text ?? '');

function conversation(locale: Locale) {
  const h: DialogHarness = createMainDialogHarness({
    locale,
    features: () => [{ id: 'booking', labelKey: 'booking:menu.book', dialog: new BookingDialog({ service, matchMunicipality: createMatcher() }) }],
  });
  const t = translator.t(locale);
  const s = (key: string, args?: Record<string, unknown>) => String(t(key, args));
  /** Menu, topic, in person, Salo (and an interpreter when no coach speaks the language): the first times. */
  async function toTimes(interpreter = false): Promise<string[]> {
    await h.say(s('booking:menu.book'));
    await h.say(s('booking:topic.job_search'));
    await h.say(s('booking:mode.in_person'));
    let replies = await h.say('Salo');
    if (interpreter) replies = await h.say(s('booking:interpreter.with'));
    expect(texts(replies)).toContain(s('booking:slots.prompt'));
    return lastSuggestions(replies);
  }
  return { h, s, toTimes };
}

/** The times shown with the coach's name when several coaches fit, as the buttons read. */
const label = (s: (k: string, a?: Record<string, unknown>) => string, locale: Locale, start: Date, coach?: string) =>
  coach ? s('booking:slots.withCoach', { time: slotTime(start, locale), coach }) : slotTime(start, locale);

describe('typing a time at the booking', () => {
  it('fi: "tiistai 8.12. klo 9.45" takes that free time and the booking goes on', async () => {
    const { h, s, toTimes } = conversation('fi');
    const first = await toTimes();
    expect(first).not.toContain(label(s, 'fi', at('2026-12-08T09:45'), 'Anna Testinen'));
    expect(texts(await h.say('tiistai 8.12. klo 9.45'))).toEqual([s('booking:name.prompt')]);
    await h.say('Leila Virtanen');
    await h.say(s('booking:skip'));
    await h.say(s('booking:skip'));
    const summary = texts(await h.say(s('booking:skip'))).join('\n');
    expect(summary).toContain(s('booking:summary.time', { time: slotTime(at('2026-12-08T09:45'), 'fi') }));
    expect(summary).toContain(s('booking:summary.coach', { coach: 'Anna Testinen' }));
    await h.say(s('common:choices.yes'));
    const [row] = await db.prisma.appointment.findMany();
    expect(row).toMatchObject({ coachId: 'test-anna', startsAt: at('2026-12-08T09:45'), status: 'booked' });
  });

  it('fi: a time that is not free brings the nearest free times of that day, not the same list', async () => {
    const { h, s, toTimes } = conversation('fi');
    const first = await toTimes();
    const replies = await h.say('tiistaina klo 10');
    const asked = { day: '2026-12-08', minuteOfDay: 600 };
    expect(texts(replies)).toEqual([s('booking:slots.nearestDayTime', typedTimeArgs(asked, 'fi'))]);
    expect(texts(replies)[0]).toContain('tiistai 8.12.2026 klo 10.00');
    const offered = lastSuggestions(replies);
    expect(offered).not.toEqual(first);
    expect(offered.slice(0, 3)).toEqual([
      label(s, 'fi', at('2026-12-08T09:00'), 'Anna Testinen'),
      label(s, 'fi', at('2026-12-08T09:45'), 'Anna Testinen'),
      label(s, 'fi', at('2026-12-08T10:30'), 'Anna Testinen'),
    ]);
    expect(offered.at(-1)).toBe(s('booking:slots.earliest'));
    // Tapping one of them goes on as usual; "earliest times" brings the first list back.
    expect(texts(await h.say(s('booking:slots.earliest')))).toContain(s('booking:slots.prompt'));
  });

  it('fi: "haluaisin ensi viikon tiistaina klo 9.45" takes Tuesday of the following week, not this one', async () => {
    const { h, s, toTimes } = conversation('fi');
    await toTimes();
    expect(texts(await h.say('haluaisin ensi viikon tiistaina klo 9.45'))).toEqual([s('booking:name.prompt')]);
    await h.say('Leila Virtanen');
    await h.say(s('booking:skip'));
    await h.say(s('booking:skip'));
    const summary = texts(await h.say(s('booking:skip'))).join('\n');
    expect(summary).toContain(s('booking:summary.time', { time: slotTime(at('2026-12-15T09:45'), 'fi') }));
    await h.say(s('common:choices.yes'));
    const [row] = await db.prisma.appointment.findMany();
    expect(row).toMatchObject({ startsAt: at('2026-12-15T09:45'), status: 'booked' });
  });

  it('sv: "i morgon kl 10.30" takes that free time', async () => {
    const { h, s, toTimes } = conversation('sv');
    await toTimes();
    expect(texts(await h.say('i morgon kl 10.30'))).toEqual([s('booking:name.prompt')]);
    await h.say('Stina');
    await h.say(s('booking:skip'));
    await h.say(s('booking:skip'));
    const summary = texts(await h.say(s('booking:skip'))).join('\n');
    expect(summary).toContain(s('booking:summary.time', { time: slotTime(at('2026-12-08T10:30'), 'sv') }));
  });

  it('en: "next Wednesday at 2 pm" (the coach works mornings) offers that Wednesday\'s times; words with no time get a hint', async () => {
    const { h, s, toTimes } = conversation('en');
    await toTimes();
    const replies = await h.say('next Wednesday at 2 pm');
    expect(texts(replies)).toEqual([s('booking:slots.nearestDayTime', typedTimeArgs({ day: '2026-12-09', minuteOfDay: 14 * 60 }, 'en'))]);
    expect(texts(replies)[0]).toContain('Wednesday 09/12/2026 at 14:00');
    expect(lastSuggestions(replies).slice(0, 4)).toEqual(['09:00', '09:45', '10:30', '11:15'].map((x) => label(s, 'en', at(`2026-12-09T${x}`))));
    const unclear = await h.say('whenever suits the coach');
    expect(texts(unclear)).toEqual([s('booking:slots.typedUnclear')]);
    expect(lastSuggestions(unclear)).toContain(s('booking:slots.later'));
    // "Wednesday" alone lists that day's free times.
    const day = await h.say('Wednesday');
    expect(texts(day)).toEqual([s('booking:slots.onDay', typedTimeArgs({ day: '2026-12-09' }, 'en'))]);
    expect(texts(await h.say('Wednesday 11:15'))).toEqual([s('booking:name.prompt')]);
  });

  it('ar: "غدًا الساعة ١:٤٥ مساءً" in Arabic-Indic digits takes that free time', async () => {
    const { h, s, toTimes } = conversation('ar');
    await toTimes();
    expect(texts(await h.say('غدًا الساعة ١:٤٥ مساءً'))).toEqual([s('booking:name.prompt')]);
    await h.say('ليلى');
    await h.say(s('booking:skip'));
    await h.say(s('booking:skip'));
    const summary = texts(await h.say(s('booking:skip'))).join('\n');
    expect(summary).toContain(s('booking:summary.time', { time: slotTime(at('2026-12-08T13:45'), 'ar') }));
    expect(summary).toContain(s('booking:summary.coach', { coach: 'Omar Testi' }));
  });

  it('ru: "завтра в 12" brings the nearest free times of tomorrow, in Russian', async () => {
    const { h, s, toTimes } = conversation('ru');
    await toTimes(true);
    const replies = await h.say('завтра в 12');
    expect(texts(replies)).toEqual([s('booking:slots.nearestDayTime', typedTimeArgs({ day: '2026-12-08', minuteOfDay: 720 }, 'ru'))]);
    expect(texts(replies)[0]).toMatch(/^Время 08\.12\.2026 \(вторник\) в 12:00 занято/);
    const offered = lastSuggestions(replies);
    // Both Salo coaches speak Finnish, the meeting language with the interpreter: 11.15 and 13.00 are nearest.
    expect(offered.slice(0, 5)).toEqual([
      label(s, 'ru', at('2026-12-08T09:45'), 'Anna Testinen'),
      label(s, 'ru', at('2026-12-08T10:30'), 'Anna Testinen'),
      label(s, 'ru', at('2026-12-08T11:15'), 'Anna Testinen'),
      label(s, 'ru', at('2026-12-08T13:00'), 'Omar Testi'),
      label(s, 'ru', at('2026-12-08T13:45'), 'Omar Testi'),
    ]);
  });
});
