/** How a booking reads to the jobseeker, in their language and Helsinki time (chat and manage page alike). */
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime, formatTime, formatWeekday, intlLocale } from '../language/format.js';
import { helsinkiLocalToUtcMs, parseLocalDate } from '../kernel/helsinkiTime.js';
import type { TypedTime } from './typedTime.js';
import { toSupportedLocale, DEFAULT_LOCALE, type Locale } from '../i18n/locales.js';
import { officeAddress } from '../kernel/calendar.js';
import { escapeMarkdown, markdownLink, markdownList } from '../kernel/markdown.js';
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

/**
 * A meeting time with the weekday written out, e.g. fi "maanantaina 7.12.2026 klo 10.30". The
 * short form ("ma 7.12.…") reads as Somali to the language detector, so a tapped time button
 * would set off a language-switch offer.
 */
export function slotTime(date: Date, locale: Locale): string {
  return formatDateTime(date, locale, 'long');
}

/**
 * What the user asked for at the time step, for the sentence that introduces the nearest free
 * times: the weekday in its dictionary form, the date and the time, each in the locale's style.
 */
export function typedTimeArgs(asked: TypedTime, locale: Locale): { weekday: string; date: string; time: string } {
  const day = asked.day !== undefined ? parseLocalDate(asked.day) : undefined;
  const at = new Date(helsinkiLocalToUtcMs(day ?? 0, asked.minuteOfDay ?? 0));
  return {
    weekday: day !== undefined ? formatWeekday(at, locale) : '',
    date: day !== undefined ? formatDate(at, locale) : '',
    time: asked.minuteOfDay !== undefined ? formatTime(at, locale) : '',
  };
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

/**
 * The summary for the chat: one labelled line per detail as a Markdown list, with what the user
 * typed (name, note) escaped and the video link as a link.
 */
export function summaryMarkdown(t: TFunction, locale: Locale, d: BookingDetails, lead: string): string {
  const lines = detailLines(t, locale, {
    ...d,
    name: d.name ? escapeMarkdown(d.name) : d.name,
    note: d.note ? escapeMarkdown(d.note) : d.note,
    videoLink: d.videoLink ? markdownLink(d.videoLink, d.videoLink) : d.videoLink,
  });
  return markdownList(lines, lead);
}
