/**
 * Pilot answers as text in the turn's language. Pure, so the dialogs and tests share it. Place
 * names follow the locale where a Swedish or English name exists; otherwise the official
 * Finnish name, which is what the user will see on signs and websites.
 */
import type { TFunction } from 'i18next';
import type { Locale } from '../i18n/locales.js';
import { formatDate, intlLocale } from '../language/format.js';
import type { EligibilityResult, ReasonCode } from './eligibility.js';
import type { Municipality, NationalFallback } from './pilotData.js';
import type { InfoTopic, PilotDates, PilotOverview, ServedAnswer } from './pilotInfoService.js';
import { nameInSentence } from './places.js';

type Named = { fi: string; sv?: string; en?: string };

/** With an id, the established name in the reader's script beside the Finnish one ("Хельсинки (Helsinki)"). */
function placeName(name: Named, locale: Locale, id?: string): string {
  return nameInSentence(id, name, locale);
}

function areaName(name: Named, locale: Locale): string {
  if (locale === 'sv') return name.sv ?? name.fi;
  if (locale === 'en') return name.en ?? name.fi;
  return name.fi;
}

function listOf(items: string[], locale: Locale): string {
  return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(items);
}

function dateArgs(dates: PilotDates, locale: Locale) {
  return {
    start: formatDate(dates.start, locale),
    plannedEnd: formatDate(dates.plannedEnd, locale),
    end: formatDate(dates.end, locale),
    areasSince: formatDate(dates.areasSince, locale),
    areaCount: dates.areaCount,
    law: dates.law,
  };
}

const s = (t: TFunction, key: string, args: Record<string, unknown> = {}) => String(t(key, args));

/** The messages of one information topic ("today" without a municipality gives its introduction). */
export function renderTopic(topic: Exclude<InfoTopic, 'today'>, overview: PilotOverview, locale: Locale, t: TFunction): string[] {
  const args = dateArgs(overview.dates, locale);
  const ended = overview.phase === 'ended';
  switch (topic) {
    case 'what':
      return [s(t, `pilot:info.what.${overview.phase === 'before' ? 'before' : ended ? 'ended' : 'active'}`, args)];
    case 'who':
      return [s(t, ended ? 'pilot:info.who.leadEnded' : 'pilot:info.who.lead'), s(t, 'pilot:info.who.groups')];
    case 'gets':
      return [s(t, ended ? 'pilot:info.gets.leadEnded' : 'pilot:info.gets.lead'), s(t, 'pilot:info.gets.list'), ...(ended ? [s(t, 'pilot:info.gets.now', args)] : [])];
    case 'when':
      return [s(t, `pilot:info.when.${overview.phase}`, args)];
    case 'where': {
      const lines = overview.areas.map(({ area, municipalities }) =>
        // "Salo, Marttila and Koski Tl" already names its municipalities.
        area.kind === 'single_city' || municipalities.length <= 1 || municipalities.every((m) => areaName(area.name, locale).includes(placeName(m.name, locale)))
          ? s(t, 'pilot:info.where.areaSingle', { area: areaName(area.name, locale) })
          : s(t, 'pilot:info.where.area', {
              area: areaName(area.name, locale),
              municipalities: listOf(municipalities.map((m) => placeName(m.name, locale, m.id)), locale),
            }),
      );
      const messages = [
        s(t, ended ? 'pilot:info.where.leadEnded' : 'pilot:info.where.lead', { areas: overview.size.areas, municipalities: overview.size.municipalities }),
        lines.join('\n'),
      ];
      if (overview.pori) {
        messages.push(
          s(t, 'pilot:info.where.pori', {
            confirmed: listOf(overview.pori.confirmed.map((m) => placeName(m.name, locale, m.id)), locale),
            applying: listOf(overview.pori.applying.map((m) => placeName(m.name, locale, m.id)), locale),
            interested: listOf(overview.pori.interested.map((m) => placeName(m.name, locale, m.id)), locale),
          }),
        );
      }
      if (overview.offices.length > 0) {
        const officeLines = overview.offices.map(({ office, area }) =>
          s(t, `pilot:info.where.office.${office.kind}`, {
            area: areaName(area.name, locale),
            street: office.address?.street ?? '',
            city: office.address?.city ?? '',
          }),
        );
        messages.push(s(t, 'pilot:info.where.officesLead'), officeLines.join('\n'));
      }
      return messages;
    }
  }
}

/** Where the person is served now, how to register, and how to reach the coach. */
export function renderServed(served: Exclude<ServedAnswer, { kind: 'suggest' }>, locale: Locale, t: TFunction, dates: PilotDates): string[] {
  const fallbackArgs = { fallbackName: served.fallback.name, fallbackUrl: served.fallback.url };
  const register = s(t, 'pilot:today.register', fallbackArgs);
  if (served.kind === 'unrecognised') return [s(t, 'pilot:today.outsideUnnamed', fallbackArgs), register];
  if (served.kind === 'aland') {
    // Åland was in neither the pilot nor the employment areas, so the answer is the same on every date.
    const authority = locale === 'fi' || locale === 'fi-x-selko' ? served.authority.name.fi : served.authority.name.sv;
    return [s(t, 'pilot:today.aland', { municipality: placeName({ fi: served.name, sv: served.svName }, locale, served.id), authority, url: served.authority.url })];
  }
  if (served.phase !== 'ended') return [s(t, 'pilot:today.duringPilot', dateArgs(dates, locale)), register];
  if (served.kind === 'outside') {
    return [s(t, 'pilot:today.outside', { municipality: placeName({ fi: served.name, sv: served.svName }, locale, served.id), ...fallbackArgs }), register];
  }
  const municipality = placeName(served.municipality.name, locale, served.municipality.id);
  const area = areaName(served.area.name, locale);
  const url = served.area.contactUrl;
  return [
    url === null
      ? s(t, 'pilot:today.servedNoUrl', { municipality, area, ...fallbackArgs })
      : s(t, served.certainty === 'stated' ? 'pilot:today.served' : 'pilot:today.servedInferred', { municipality, area, url }),
    register,
    s(t, 'pilot:today.coach'),
  ];
}

/** "Where am I served?" while the pilot runs: it depends on customer status, not on the place. */
export function renderDuringPilot(dates: PilotDates, fallback: NationalFallback, locale: Locale, t: TFunction): string[] {
  return [s(t, 'pilot:today.duringPilot', dateArgs(dates, locale)), s(t, 'pilot:today.register', { fallbackName: fallback.name, fallbackUrl: fallback.url })];
}

export function suggestionLabel(m: Municipality, locale: Locale): string {
  return placeName(m.name, locale, m.id);
}

const PAST_REASONS: ReadonlySet<ReasonCode> = new Set(['under_30', 'age_30_or_over', 'lives_in_pilot_municipality']);

// Reasons already said by the headline of the result.
const HEADLINE_REASONS: ReadonlySet<ReasonCode> = new Set(['pilot_ended', 'pilot_not_started']);

export interface ResultRenderOptions {
  dates: PilotDates;
  /** Whether a booking dialog is wired in, so "book a time here" is true. */
  canBook: boolean;
  fallback: NationalFallback;
}

/** The outcome in plain words, the reasons, the next step and the note on what is stored. */
export function renderResult(result: EligibilityResult, locale: Locale, t: TFunction, options: ResultRenderOptions): string[] {
  const args = dateArgs(options.dates, locale);
  const municipalityName = result.municipality
    ? placeName(result.municipality.name, locale, result.municipality.id)
    : result.outsideMunicipality
      ? placeName(result.outsideMunicipality, locale)
      : '';
  const pilotAreaName = result.pilotArea ? areaName(result.pilotArea.name, locale) : municipalityName;
  const messages: string[] = [];
  switch (result.outcome) {
    case 'eligible':
      messages.push(s(t, 'pilot:result.eligible', { area: pilotAreaName }));
      break;
    case 'not_eligible':
      messages.push(s(t, result.phase === 'before' ? 'pilot:result.notStarted' : 'pilot:result.notEligible', args));
      break;
    case 'cant_tell':
      messages.push(s(t, 'pilot:result.cantTell'));
      break;
    case 'pilot_over': {
      // Two parts: the verdict for the time the pilot ran, then who serves the person now.
      const past = result.duringPilot;
      if (past) {
        const key = past.outcome === 'eligible' ? 'pilot:result.pastEligible' : past.outcome === 'not_eligible' ? 'pilot:result.pastNotEligible' : 'pilot:result.pastCantTell';
        const vars = { municipality: municipalityName, ...args };
        // Said of the pilot period where the present tense would be wrong ("you were under 30 then").
        const reason = (r: ReasonCode) => (PAST_REASONS.has(r) ? s(t, `pilot:pastReasons.${r}`, vars) : s(t, `pilot:reasons.${r}`, vars));
        const why = past.reasons.filter((r) => !HEADLINE_REASONS.has(r)).map((r) => `• ${reason(r)}`);
        messages.push(why.length > 0 ? `${s(t, key, args)}\n${why.join('\n')}` : s(t, key, args));
      }
      messages.push(s(t, 'pilot:result.pilotOver', args));
      break;
    }
  }
  const reasons = result.reasons
    .filter((r) => !HEADLINE_REASONS.has(r))
    .map((r) => s(t, `pilot:reasons.${r}`, { municipality: municipalityName, ...args }));
  if (reasons.length > 0) messages.push(s(t, 'pilot:result.why', { reasons: reasons.map((r) => `• ${r}`).join('\n') }));

  const fallback = { fallbackName: options.fallback.name, fallbackUrl: options.fallback.url };
  for (const step of [result.nextStep, ...result.otherSteps]) {
    switch (step) {
      case 'book_coach':
        messages.push(s(t, options.canBook ? 'pilot:next.bookCoachHere' : 'pilot:next.bookCoach', { area: pilotAreaName }));
        break;
      case 'contact_te_office':
        messages.push(s(t, result.outcome === 'cant_tell' ? 'pilot:next.askTeOffice' : 'pilot:next.teOffice'));
        break;
      case 'contact_employment_area': {
        const served = result.employmentArea;
        if (served) {
          const area = areaName(served.area.name, locale);
          const url = served.area.contactUrl;
          messages.push(
            url === null
              ? s(t, 'pilot:today.servedNoUrl', { municipality: municipalityName, area, ...fallback })
              : s(t, served.certainty === 'stated' ? 'pilot:today.served' : 'pilot:today.servedInferred', { municipality: municipalityName, area, url }),
          );
        }
        break;
      }
      case 'contact_municipality_employment_services':
        messages.push(
          municipalityName && result.outcome === 'pilot_over'
            ? s(t, 'pilot:today.outside', { municipality: municipalityName, ...fallback })
            : s(t, 'pilot:next.municipalityServices'),
        );
        break;
      case 'register_tyomarkkinatori':
        messages.push(s(t, 'pilot:today.register', fallback));
        break;
    }
  }
  return messages;
}
