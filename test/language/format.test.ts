import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES, type Locale } from '../../bot/i18n/locales.js';
import { formatDate, formatDateTime, formatNumber, formatTime, formatWeekday, weekdayNames } from '../../bot/language/format.js';

// Helsinki moved to summer time at 03:00 on 30.3.2025 and back at 04:00 on 26.10.2025.
const BEFORE_SPRING = new Date('2025-03-30T00:30:00Z');
const AFTER_SPRING = new Date('2025-03-30T01:30:00Z');
const BEFORE_AUTUMN = new Date('2025-10-26T00:30:00Z');
const AFTER_AUTUMN = new Date('2025-10-26T01:30:00Z');
// Late evening UTC is already the next day in Helsinki.
const SATURDAY_EVENING_UTC = new Date('2025-03-29T22:30:00Z');

describe('formatTime in Helsinki across DST', () => {
  const cases: [Locale, Date, string][] = [
    ['fi', BEFORE_SPRING, '2.30'],
    ['fi', AFTER_SPRING, '4.30'],
    ['fi', BEFORE_AUTUMN, '3.30'],
    ['fi', AFTER_AUTUMN, '3.30'],
    ['fi-x-selko', AFTER_SPRING, '4.30'],
    ['ru', AFTER_SPRING, '4:30'],
    ['et', BEFORE_SPRING, '2:30'],
    ['fa', AFTER_SPRING, '۴:۳۰'],
    ['fi', SATURDAY_EVENING_UTC, '0.30'],
  ];
  it.each(cases)('%s %s -> %s', (locale, date, expected) => {
    expect(formatTime(date, locale)).toBe(expected);
  });
});

describe('formatDate', () => {
  const cases: [Locale, string][] = [
    ['fi', '30.3.2025'],
    ['fi-x-selko', '30.3.2025'],
    ['sv', '30.3.2025'],
    ['en', '30/03/2025'],
    ['ru', '30.03.2025'],
    ['uk', '30.03.2025'],
    ['et', '30.3.2025'],
    ['ar', '30\u200f/3\u200f/2025'],
    ['so', '30/3/2025'],
    ['fa', '۳۰/۳/۲۰۲۵'],
  ];
  it.each(cases)('%s -> %s (the Helsinki date, Gregorian calendar)', (locale, expected) => {
    expect(formatDate(SATURDAY_EVENING_UTC, locale)).toBe(expected);
  });
});

describe('formatWeekday', () => {
  const sunday: Record<Locale, string> = {
    fi: 'sunnuntai',
    'fi-x-selko': 'sunnuntai',
    sv: 'söndag',
    en: 'Sunday',
    ru: 'воскресенье',
    uk: 'неділя',
    et: 'pühapäev',
    ar: 'الأحد',
    so: 'Axad',
    fa: 'یکشنبه',
  };
  it.each(SUPPORTED_LOCALES)('%s names the Helsinki weekday', (locale) => {
    expect(formatWeekday(SATURDAY_EVENING_UTC, locale)).toBe(sunday[locale]);
  });

  it('lists seven distinct names starting on Monday in every locale', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const names = weekdayNames(locale);
      expect(new Set(names).size).toBe(7);
      expect(names[6]).toBe(sunday[locale]);
    }
    expect(weekdayNames('fi')[0]).toBe('maanantai');
  });
});

describe('formatDateTime', () => {
  it.each([
    ['fi', 'su 30.3.2025 klo 4.30'],
    ['ru', 'вс, 30.03.2025, 4:30'],
  ] as [Locale, string][])('%s -> %s', (locale, expected) => {
    expect(formatDateTime(AFTER_SPRING, locale)).toBe(expected);
  });

  it('includes the Helsinki time, not UTC, in every locale', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const text = formatDateTime(AFTER_SPRING, locale).replace(/[۰-۹]/gu, (d) => String(d.charCodeAt(0) - 0x06f0));
      expect(text, locale).toMatch(/4[.:]30/u);
    }
  });
});

describe('formatNumber', () => {
  const cases: [Locale, number, string][] = [
    ['fi', 1234.5, '1\u00a0234,5'],
    ['fi-x-selko', 1234.5, '1\u00a0234,5'],
    ['en', 0.5, '0.5'],
    ['en', 1234.5, '1,234.5'],
    ['so', 1234.5, '1,234.5'],
    ['sv', 1234.5, '1\u00a0234,5'],
    ['ar', 1234.5, '1,234.5'],
    ['fa', 12, '۱۲'],
  ];
  it.each(cases)('%s %d -> %s', (locale, value, expected) => {
    expect(formatNumber(value, locale)).toBe(expected);
  });

  it('passes Intl options through', () => {
    expect(formatNumber(0.153, 'fi', { style: 'percent', maximumFractionDigits: 0 })).toBe('15\u00a0%');
  });
});

// Monday 7 December 2026, 8:05 and 20:05 in Helsinki (UTC+2): every locale, against the strings a
// reader of that language expects: day before month, a 24-hour clock, no "8.00" in English.
describe('every locale: day-month order, 24-hour clock, Helsinki time', () => {
  const MORNING = new Date('2026-12-07T06:05:00Z');
  const EVENING = new Date('2026-12-07T18:05:00Z');
  const expected: Record<Locale, { date: string; morning: string; evening: string; dateTime: string; slot: string }> = {
    fi: { date: '7.12.2026', morning: '8.05', evening: '20.05', dateTime: 'ma 7.12.2026 klo 20.05', slot: 'maanantaina 7.12.2026 klo 20.05' },
    'fi-x-selko': { date: '7.12.2026', morning: '8.05', evening: '20.05', dateTime: 'ma 7.12.2026 klo 20.05', slot: 'maanantaina 7.12.2026 klo 20.05' },
    sv: { date: '7.12.2026', morning: '8.05', evening: '20.05', dateTime: 'mån 7.12.2026 kl. 20.05', slot: 'måndag 7.12.2026 kl. 20.05' },
    en: { date: '07/12/2026', morning: '08:05', evening: '20:05', dateTime: 'Mon 07/12/2026, 20:05', slot: 'Monday 07/12/2026, 20:05' },
    ru: { date: '07.12.2026', morning: '8:05', evening: '20:05', dateTime: 'пн, 07.12.2026, 20:05', slot: 'понедельник, 07.12.2026, 20:05' },
    uk: { date: '07.12.2026', morning: '8:05', evening: '20:05', dateTime: 'пн, 07.12.2026, 20:05', slot: 'понеділок, 07.12.2026, 20:05' },
    et: { date: '7.12.2026', morning: '8:05', evening: '20:05', dateTime: 'E, 7.12.2026, 20:05', slot: 'esmaspäev, 7.12.2026, 20:05' },
    ar: { date: '7\u200f/12\u200f/2026', morning: '8:05', evening: '20:05', dateTime: 'الاثنين، 7\u200f/12\u200f/2026، 20:05', slot: 'الاثنين، 7\u200f/12\u200f/2026، 20:05' },
    so: { date: '7/12/2026', morning: '8:05', evening: '20:05', dateTime: 'Isn, 7/12/2026, 20:05', slot: 'Isniin, 7/12/2026, 20:05' },
    fa: { date: '۷/۱۲/۲۰۲۶', morning: '۸:۰۵', evening: '۲۰:۰۵', dateTime: 'دوشنبه ۷/۱۲/۲۰۲۶، ۲۰:۰۵', slot: 'دوشنبه ۷/۱۲/۲۰۲۶، ۲۰:۰۵' },
  };
  it.each(SUPPORTED_LOCALES)('%s', (locale) => {
    const e = expected[locale];
    expect(formatDate(MORNING, locale)).toBe(e.date);
    expect(formatTime(MORNING, locale)).toBe(e.morning);
    expect(formatTime(EVENING, locale)).toBe(e.evening);
    expect(formatDateTime(EVENING, locale)).toBe(e.dateTime);
    expect(formatDateTime(EVENING, locale, 'long')).toBe(e.slot);
  });

  it('never writes a 12-hour marker or month-first date in any locale', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const text = formatDateTime(EVENING, locale, 'long');
      expect(text, locale).not.toMatch(/\b(?:AM|PM|GH|GD)\b|[صم](?:\s|$)|ب\.ظ|ق\.ظ/u);
      expect(text, locale).not.toMatch(/12\D7\D2026/u);
    }
  });
});
