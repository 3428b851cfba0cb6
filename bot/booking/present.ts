/** How a booking reads to the jobseeker, in their language and Helsinki time (chat and manage page alike). */
import type { TFunction } from 'i18next';
import { intlLocale, TIME_ZONE } from '../language/format.js';
import { toSupportedLocale, DEFAULT_LOCALE, type Locale } from '../i18n/locales.js';
import { officeAddress } from '../kernel/calendar.js';
import type { MeetingMode, Office, Topic } from './types.js';

export interface BookingDetails {
  startsAt: Date;
  coachName: string;
  mode: MeetingMode;
  office?: Office;
  topic: Topic;
  meetingLanguage: string;
  interpreterLanguage?: string | null;
  name?: string;
  phone?: string | null;
  email?: string | null;
  videoLink?: string | null;
  note?: string | null;
}

export function localeOf(value: string): Locale {
  return toSupportedLocale(value) ?? DEFAULT_LOCALE;
}

/** A language's name in the reader's language, e.g. ("ar", "fi") → "arabia". */
export function languageName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const slotFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A meeting time with the weekday written out, e.g. fi "maanantaina 7.12.2026 klo 10.30". The
 * short form ("ma 7.12.…") reads as Somali to the language detector, so a tapped time button
 * would set off a language-switch offer.
 */
export function slotTime(date: Date, locale: Locale): string {
  let f = slotFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), {
      weekday: 'long', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: TIME_ZONE, calendar: 'gregory',
    });
    slotFormats.set(locale, f);
  }
  return f.format(date);
}

/** The summary lines, each a whole translated sentence. */
export function detailLines(t: TFunction, locale: Locale, d: BookingDetails): string[] {
  const lines = [
    String(t('booking:summary.time', { time: slotTime(d.startsAt, locale) })),
    String(t('booking:summary.coach', { coach: d.coachName })),
    String(t('booking:summary.mode', { mode: t(`booking:mode.${d.mode}`) })),
  ];
  if (d.mode === 'in_person' && d.office) lines.push(String(t('booking:summary.place', { address: officeAddress(d.office) })));
  if (d.mode === 'video' && d.videoLink) lines.push(String(t('booking:summary.video', { link: d.videoLink })));
  lines.push(String(t('booking:summary.topic', { topic: t(`booking:topic.${d.topic}`) })));
  lines.push(String(t('booking:summary.language', { language: languageName(d.meetingLanguage, locale) })));
  if (d.interpreterLanguage) lines.push(String(t('booking:summary.interpreter', { language: languageName(d.interpreterLanguage, locale) })));
  if (d.name) lines.push(String(t('booking:summary.name', { name: d.name })));
  if (d.phone) lines.push(String(t('booking:summary.phone', { phone: d.phone })));
  if (d.email) lines.push(String(t('booking:summary.email', { email: d.email })));
  if (d.note) lines.push(String(t('booking:summary.note', { note: d.note })));
  return lines;
}
