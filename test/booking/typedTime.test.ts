/**
 * Typed days and times at the booking's time step, per locale, read in Helsinki time on Monday
 * 7 December 2026 at 08:00, and matched to free times: the one asked for, or the nearest.
 */
import { describe, expect, it } from 'vitest';
import { matchTypedTime, parseTypedTime, type TypedTime } from '../../bot/booking/typedTime.js';
import { slotTime } from '../../bot/booking/present.js';
import type { Locale } from '../../bot/i18n/locales.js';
import { MONDAY_8AM } from './helpers.js';

const read = (text: string, locale: Locale) => parseTypedTime(text, locale, MONDAY_8AM);
const at = (day: string, hhmm?: string): TypedTime => {
  const out: TypedTime = { day };
  if (hhmm) out.minuteOfDay = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  return out;
};
const timeOnly = (hhmm: string): TypedTime => ({ minuteOfDay: Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) });

const cases: [Locale, string, TypedTime][] = [
  ['fi', 'tiistai 8.12. klo 9.45', at('2026-12-08', '09:45')],
  ['fi', '8.12. 9:45', at('2026-12-08', '09:45')],
  ['fi', 'huomenna klo 10', at('2026-12-08', '10:00')],
  ['fi', 'ylihuomenna', at('2026-12-09')],
  ['fi', 'ensi torstaina kello 13.30', at('2026-12-10', '13:30')],
  ['fi', 'käykö 10.30?', timeOnly('10:30')],
  ['fi', 'maanantaina', at('2026-12-07')],
  ['fi', 'keskiviikkona 2', at('2026-12-09', '14:00')],
  ['fi', 'Tiistaina 5.1. klo 9', at('2027-01-05', '09:00')],
  ['fi-x-selko', 'huomenna kello 9', at('2026-12-08', '09:00')],
  ['sv', 'i morgon kl. 10', at('2026-12-08', '10:00')],
  ['sv', 'tisdag 8.12 kl 9.45', at('2026-12-08', '09:45')],
  ['sv', 'nästa onsdag klockan 11', at('2026-12-09', '11:00')],
  ['en', 'next Tuesday at 10', at('2026-12-08', '10:00')],
  ['en', 'tomorrow at 2 pm', at('2026-12-08', '14:00')],
  ['en', 'Wednesday 11am', at('2026-12-09', '11:00')],
  ['en', 'day after tomorrow', at('2026-12-09')],
  ['en', 'at 9:30', timeOnly('09:30')],
  ['en', 'Monday next week', at('2026-12-14')],
  ['en', 'Thursday next week at 1pm', at('2026-12-17', '13:00')],
  ['en', 'sometime next week', at('2026-12-14')],
  ['fi', 'ensi viikon torstaina klo 13', at('2026-12-17', '13:00')],
  ['fi', 'haluan varata ajan torstaille klo 13', at('2026-12-10', '13:00')],
  ['fi', 'ens viikol tiistaina', at('2026-12-15')],
  ['sv', 'torsdag nästa vecka kl 13', at('2026-12-17', '13:00')],
  ['ru', 'в четверг на следующей неделе в 13', at('2026-12-17', '13:00')],
  ['uk', 'у четвер наступного тижня о 13', at('2026-12-17', '13:00')],
  ['et', 'järgmisel nädalal neljapäeval kell 13', at('2026-12-17', '13:00')],
  ['ar', 'الخميس الأسبوع القادم الساعة 1 ظهرا', at('2026-12-17', '13:00')],
  ['so', 'Khamiista toddobaadka soo socda 13:00', at('2026-12-17', '13:00')],
  ['fa', 'پنجشنبه هفته بعد ساعت ۱۳', at('2026-12-17', '13:00')],
  ['ru', 'завтра в 10', at('2026-12-08', '10:00')],
  ['ru', 'в среду в 13:30', at('2026-12-09', '13:30')],
  ['ru', 'послезавтра в 2 часа дня', at('2026-12-09', '14:00')],
  ['uk', 'у вівторок о 10', at('2026-12-08', '10:00')],
  ['uk', 'післязавтра о 9:15', at('2026-12-09', '09:15')],
  ['et', 'homme kell 10', at('2026-12-08', '10:00')],
  ['et', 'neljapäeval kell 13.30', at('2026-12-10', '13:30')],
  ['ar', 'غدًا الساعة ١٠', at('2026-12-08', '10:00')],
  ['ar', 'الثلاثاء ٨/١٢ الساعة ٩:٤٥', at('2026-12-08', '09:45')],
  ['ar', 'الأربعاء الساعة 2 مساءً', at('2026-12-09', '14:00')],
  ['so', 'berri saacadda 10', at('2026-12-08', '10:00')],
  ['so', 'Khamiis 13:30', at('2026-12-10', '13:30')],
  ['fa', 'فردا ساعت ۱۰', at('2026-12-08', '10:00')],
  ['fa', 'سه‌شنبه ساعت ۹:۴۵', at('2026-12-08', '09:45')],
  ['fa', 'سه شنبه', at('2026-12-08')],
  ['fa', 'شنبه', at('2026-12-12')],
  ['fa', 'پس فردا ساعت ۱۱', at('2026-12-09', '11:00')],
];

describe('reading a typed day or time', () => {
  it.each(cases)('%s: "%s"', (locale, text, expected) => {
    expect(read(text, locale)).toEqual(expected);
  });

  it('reads a time label copied from the buttons, in every locale', () => {
    const start = new Date('2026-12-08T07:45:00Z');
    for (const locale of ['fi', 'fi-x-selko', 'sv', 'en', 'ru', 'uk', 'et', 'ar', 'so', 'fa'] as const) {
      expect(read(slotTime(start, locale), locale), `${locale}: ${slotTime(start, locale)}`).toEqual(at('2026-12-08', '09:45'));
    }
  });

  it('finds nothing in text without a day or a time', () => {
    expect(read('en tiedä vielä', 'fi')).toBeUndefined();
    expect(read('whenever suits the coach', 'en')).toBeUndefined();
    expect(read('لا أعرف', 'ar')).toBeUndefined();
  });
});

describe('matching a typed time to the free times', () => {
  const slot = (iso: string, coachId = 'anna') => ({ start: new Date(iso), coachId });
  const free = [
    slot('2026-12-07T08:30:00Z'), // Mon 10.30
    slot('2026-12-08T07:00:00Z'), // Tue 9.00
    slot('2026-12-08T08:30:00Z'), // Tue 10.30
    slot('2026-12-08T11:00:00Z', 'omar'), // Tue 13.00
    slot('2026-12-09T07:00:00Z'), // Wed 9.00
    slot('2026-12-10T07:45:00Z'), // Thu 9.45
  ];

  it('selects the free time asked for', () => {
    expect(matchTypedTime(at('2026-12-08', '10:30'), free)).toEqual({ kind: 'exact', slot: free[2] });
    // Only a time: the earliest day that has it.
    expect(matchTypedTime(timeOnly('09:00'), free)).toEqual({ kind: 'exact', slot: free[1] });
  });

  it('offers the same day first, nearest to the asked time, when that time is not free', () => {
    const result = matchTypedTime(at('2026-12-08', '09:45'), free, 3);
    expect(result).toEqual({ kind: 'nearest', reason: 'nearestDayTime', slots: [free[1], free[2], free[3]] });
  });

  it('lists the free times of an asked day, or the nearest days when it has none', () => {
    expect(matchTypedTime(at('2026-12-09'), free, 2)).toEqual({ kind: 'nearest', reason: 'onDay', slots: [free[3], free[4]] });
    expect(matchTypedTime(at('2026-12-11'), free, 1)).toEqual({ kind: 'nearest', reason: 'nearestDay', slots: [free[5]] });
  });

  it('offers the times closest in the day when no day offers the asked time', () => {
    expect(matchTypedTime(timeOnly('09:30'), free, 2)).toEqual({ kind: 'nearest', reason: 'nearestTime', slots: [free[1], free[5]] });
  });
});
