/** A coach's pages: their appointments, and their hours, absences, areas, languages and calendar link. */
import { COACH_LANGUAGES } from '../booking/coachData.js';
import { WEEKDAY_KEYS, type WeekdayKey } from '../booking/slots.js';
import type { AvailabilityView } from '../coaches/coachService.js';
import { formatDate, formatDateTime, formatTime, weekdayNames } from '../language/format.js';
import { languageName } from '../notifications/render.js';
import { areaName, knownArea, knownAreas } from './areas.js';
import type { CoachDay, ConsoleAppointment } from './consoleService.js';
import { button, e, field, layout, notice, postForm, tx, type View } from './html.js';
import type { CoachConsoleSection } from './sections.js';

/** Field errors of a submitted form: field name → translated message; and the values to show again. */
export interface FormState {
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
}

function contact(a: ConsoleAppointment): string {
  const parts = [];
  if (a.contactPhone) parts.push(`<a href="tel:${e(a.contactPhone)}">${e(a.contactPhone)}</a>`);
  if (a.contactEmail) parts.push(`<a href="mailto:${e(a.contactEmail)}">${e(a.contactEmail)}</a>`);
  return parts.join(', ') || '–';
}

function appointmentCard(v: View, a: ConsoleAppointment, now: Date, state?: FormState & { id?: string }): string {
  const start = new Date(a.startsAt);
  const end = new Date(a.endsAt);
  const t = v.t;
  const dl = (label: string, value: string) => `<div><dt>${label}</dt><dd>${value}</dd></div>`;
  const lines = [
    dl(tx(v, 'appointment.contact'), contact(a)),
    dl(tx(v, 'appointment.topic'), e(String(t(`notifications:topic.${a.topic}`, { defaultValue: a.topic })))),
    dl(tx(v, 'appointment.mode'), e(String(t(`notifications:mode.${a.mode}`, { defaultValue: a.mode }))) + (a.videoLink ? ` (<a href="${e(a.videoLink)}">${tx(v, 'appointment.videoLink')}</a>)` : '')),
    dl(tx(v, 'appointment.language'), e(languageName(a.meetingLanguage, v.locale))),
    dl(
      tx(v, 'appointment.interpreter'),
      a.interpreterNeeded ? tx(v, 'appointment.interpreterYes', { language: languageName(a.interpreterLanguage ?? a.locale, v.locale) }) : tx(v, 'appointment.interpreterNo'),
    ),
  ];
  if (a.note) {
    lines.push(dl(tx(v, 'appointment.note', { language: languageName(a.locale, v.locale) }), `<span lang="${e(a.locale === 'fi-x-selko' ? 'fi' : a.locale)}">${e(a.note)}</span>`));
    if (a.noteFinnish) lines.push(dl(tx(v, 'appointment.noteFinnish'), `<span lang="fi">${e(a.noteFinnish)}</span>`));
  }
  if (a.status === 'cancelled' && a.cancelReason) lines.push(dl(tx(v, 'appointment.cancelReason'), e(a.cancelReason)));
  let actions = '';
  if (a.status === 'booked' && start.getTime() <= now.getTime()) {
    actions = `<div class="actions">${postForm(v, `/staff/appointments/${a.id}/complete`, button(tx(v, 'appointment.markCompleted')))}${postForm(v, `/staff/appointments/${a.id}/not-attended`, button(tx(v, 'appointment.markNotAttended'), 'secondary'))}</div>`;
  } else if (a.status === 'booked') {
    const error = state?.id === a.id ? state.errors?.reason : undefined;
    const fid = `reason-${a.id}`;
    actions = `<details class="cancel"${error ? ' open' : ''}><summary>${tx(v, 'appointment.cancel')}</summary>${postForm(
      v,
      `/staff/appointments/${a.id}/cancel`,
      `<div class="field${error ? ' has-error' : ''}"><label for="${fid}">${tx(v, 'appointment.cancelReasonLabel')}</label><p class="hint" id="${fid}-hint">${tx(v, 'appointment.cancelHint')}</p>${
        error ? `<p class="field-error" id="${fid}-error">${error}</p>` : ''
      }<textarea id="${fid}" name="reason" rows="2" maxlength="500" required aria-describedby="${fid}-hint${error ? ` ${fid}-error` : ''}"${error ? ' aria-invalid="true"' : ''}></textarea></div>${button(tx(v, 'appointment.cancelConfirm'), 'danger')}`,
    )}</details>`;
  }
  const status = a.status === 'booked' ? '' : ` <span class="badge badge-${e(a.status)}">${tx(v, `status.${a.status}`)}</span>`;
  return `<li class="card" id="appointment-${e(a.id)}"><h3><time datetime="${e(a.startsAt)}">${e(formatDateTime(start, v.locale))}–${e(formatTime(end, v.locale))}</time> · ${e(a.jobseekerName)}${status}</h3><dl>${lines.join('')}</dl>${actions}</li>`;
}

export function appointmentsPage(v: View, day: CoachDay, now: Date, opts: { message?: string; state?: FormState & { id?: string } } = {}): string {
  const section = (key: string, list: ConsoleAppointment[], empty: string) =>
    `<section aria-labelledby="h-${key}"><h2 id="h-${key}">${tx(v, `appointments.${key}`)}</h2>${list.length ? `<ul class="cards">${list.map((a) => appointmentCard(v, a, now, opts.state)).join('')}</ul>` : `<p>${tx(v, empty)}</p>`}</section>`;
  const body = [
    opts.message ?? '',
    `<p>${tx(v, 'appointments.timesIn')}</p>`,
    day.toMark.length ? section('toMark', day.toMark, 'appointments.none') : '',
    section('today', day.today, 'appointments.noneToday'),
    section('upcoming', day.upcoming, 'appointments.noneUpcoming'),
    day.other.length ? section('other', day.other, 'appointments.none') : '',
  ].join('');
  return layout(v, { title: String(v.t('console:appointments.title')), path: '/staff/appointments', body });
}

/** The weekly hours fieldset (also used by the admin's coach pages). */
export function weeklyFields(v: View, weekly: Record<WeekdayKey, string>, errors: Record<string, string> = {}): string {
  return `<fieldset><legend>${tx(v, 'hours.legend')}</legend><p class="hint" id="weekly-hint">${tx(v, 'hours.hint')}</p>${WEEKDAY_KEYS.map((d, i) =>
    field({ id: `weekly-${d}`, name: `weekly.${d}`, label: e(weekdayNames(v.locale)[i]), value: weekly[d], error: errors[`weekly.${d}`], describedBy: 'weekly-hint', attrs: 'autocomplete="off"' }),
  ).join('')}</fieldset>`;
}

/** Languages, area and municipalities (coach page and admin's coach form). */
export function serviceFields(v: View, current: { languages: string[]; area: string; municipalities: string[] }, errors: Record<string, string> = {}): string {
  const langs = COACH_LANGUAGES.map(
    (l) => `<li><input type="checkbox" id="lang-${l}" name="languages" value="${l}"${current.languages.includes(l) ? ' checked' : ''}><label for="lang-${l}">${e(languageName(l, v.locale))}</label></li>`,
  ).join('');
  const area = knownArea(current.area);
  const options = [
    `<option value=""${current.area ? '' : ' selected'}>${tx(v, 'service.chooseArea')}</option>`,
    ...(current.area && !area ? [`<option value="${e(current.area)}" selected>${tx(v, 'service.ownArea', { area: current.area })}</option>`] : []),
    ...knownAreas().map((a) => `<option value="${e(a.id)}"${a.id === current.area ? ' selected' : ''}>${e(areaName(a, v.locale))}</option>`),
  ].join('');
  const municipalities = area
    ? `<fieldset><legend>${tx(v, 'service.municipalities', { area: areaName(area, v.locale) })}</legend><p class="hint">${tx(v, 'service.municipalitiesHint')}</p><ul class="checks">${area.municipalities
        .map((m, i) => `<li><input type="checkbox" id="mun-${i}" name="municipalities" value="${e(m)}"${current.municipalities.includes(m) ? ' checked' : ''}><label for="mun-${i}">${e(m)}</label></li>`)
        .join('')}</ul></fieldset>`
    : current.municipalities.length
      ? `<p>${tx(v, 'service.currentMunicipalities', { list: current.municipalities.join(', ') })}</p>`
      : '';
  const errorOf = (k: string) => (errors[k] ? `<p class="field-error" id="${k}-error">${errors[k]}</p>` : '');
  return `<fieldset${errors.languages ? ' class="has-error" aria-describedby="languages-error"' : ''}><legend>${tx(v, 'service.languages')}</legend>${errorOf('languages')}<ul class="checks">${langs}</ul></fieldset><div class="field${errors.area ? ' has-error' : ''}"><label for="area">${tx(v, 'service.area')}</label>${errorOf('area')}<select id="area" name="area"${errors.area ? ' aria-invalid="true" aria-describedby="area-error"' : ''}>${options}</select></div>${municipalities}`;
}

export function availabilityPage(
  v: View,
  data: { availability: AvailabilityView; weekly: Record<WeekdayKey, string>; coach: { languages: string[]; area: string; municipalities: string[] }; sections: string[] },
  opts: { message?: string; form?: 'weekly' | 'absence' | 'service'; state?: FormState; feedUrl?: string } = {},
): string {
  const errs = opts.state?.errors ?? {};
  const formErr = (f: string) => (opts.form === f ? errs : {});
  const absences = data.availability.exceptions.filter((x) => x.kind === 'off');
  const absenceRows = absences.length
    ? `<ul class="cards">${absences
        .map(
          (x) =>
            `<li class="card row"><span>${e(formatDate(new Date(`${x.from}T12:00:00Z`), v.locale))}${x.to && x.to !== x.from ? `–${e(formatDate(new Date(`${x.to}T12:00:00Z`), v.locale))}` : ''}${x.start ? ` ${e(x.start)}–${e(x.end ?? '')}` : ''}${
              x.reason ? ` · ${tx(v, `absence.reason.${x.reason}`)}` : ''
            }</span>${postForm(v, `/staff/availability/absences/${x.id}/delete`, button(tx(v, 'absence.remove'), 'secondary'))}</li>`,
        )
        .join('')}</ul>`
    : `<p>${tx(v, 'absence.none')}</p>`;
  const values = opts.form === 'absence' ? (opts.state?.values ?? {}) : {};
  const aErr = formErr('absence');
  const reasonOptions = ['holiday', 'sick', 'training', 'other'].map((r) => `<option value="${r}"${values.reason === r ? ' selected' : ''}>${tx(v, `absence.reason.${r}`)}</option>`).join('');
  const body = [
    opts.message ?? '',
    `<section aria-labelledby="h-hours"><h2 id="h-hours">${tx(v, 'hours.title')}</h2>${postForm(v, '/staff/availability/weekly', `${weeklyFields(v, data.weekly, formErr('weekly'))}${button(tx(v, 'save'))}`)}</section>`,
    `<section aria-labelledby="h-absences"><h2 id="h-absences">${tx(v, 'absence.title')}</h2>${absenceRows}<h3>${tx(v, 'absence.add')}</h3>${postForm(
      v,
      '/staff/availability/absences',
      `${field({ id: 'absence-from', name: 'from', type: 'date', label: tx(v, 'absence.from'), value: String(values.from ?? ''), error: aErr.from, required: true })}${field({
        id: 'absence-to',
        name: 'to',
        type: 'date',
        label: tx(v, 'absence.to'),
        hint: tx(v, 'absence.toHint'),
        value: String(values.to ?? ''),
        error: aErr.to,
      })}<div class="field"><label for="absence-reason">${tx(v, 'absence.reasonLabel')}</label><select id="absence-reason" name="reason">${reasonOptions}</select></div>${button(tx(v, 'absence.addButton'))}`,
    )}</section>`,
    `<section aria-labelledby="h-service"><h2 id="h-service">${tx(v, 'service.title')}</h2>${postForm(v, '/staff/availability/service', `${serviceFields(v, data.coach, formErr('service'))}${button(tx(v, 'save'))}`)}</section>`,
    `<section aria-labelledby="h-calendar"><h2 id="h-calendar">${tx(v, 'calendar.title')}</h2><p>${tx(v, 'calendar.help')}</p>${
      opts.feedUrl ? `${notice(tx(v, 'calendar.newLink'))}<p class="feed"><code>${e(opts.feedUrl)}</code></p>` : ''
    }${postForm(v, '/staff/calendar/reissue', button(tx(v, 'calendar.reissue'), 'secondary'))}</section>`,
    ...data.sections,
  ].join('');
  return layout(v, { title: String(v.t('console:availability.title')), path: '/staff/availability', body });
}

/** Renders the extra sections other features add to the coach's page (e.g. "available for live chat"). */
export async function renderSections(sections: readonly CoachConsoleSection[], ctx: Parameters<CoachConsoleSection['render']>[0]): Promise<string[]> {
  return Promise.all(sections.map(async (s) => `<section id="section-${e(s.id)}" aria-labelledby="h-section-${e(s.id)}">${await s.render(ctx)}</section>`));
}
