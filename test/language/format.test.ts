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
    ['fa', '۲۰۲۵/۳/۳۰'],
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
    ['en', 0.5, '0,5'],
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
