/** An admin's pages: coaches (with the unbookable warning), one coach, and the outbox. */
import type { WeekdayKey } from '../booking/slots.js';
import type { OutboxEntry } from '../coaches/adminService.js';
import { formatDateTime } from '../language/format.js';
import { languageName } from '../notifications/render.js';
import { areaName, knownArea } from './areas.js';
import { serviceFields, weeklyFields, type FormState } from './coachPages.js';
import type { CoachOverview } from './consoleService.js';
import { button, e, field, layout, notice, postForm, table, tx, type View } from './html.js';

function coachForm(v: View, action: string, values: Record<string, string | string[]>, opts: { withId: boolean; weekly?: Record<WeekdayKey, string>; errors: Record<string, string>; submit: string }): string {
  const val = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const list = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : values[k] ? [values[k] as string] : []);
  const err = opts.errors;
  return postForm(
    v,
    action,
    [
      opts.withId ? field({ id: 'coach-id', name: 'id', label: tx(v, 'coach.id'), hint: tx(v, 'coach.idHint'), value: val('id'), error: err.id, required: true, attrs: 'autocomplete="off" pattern="[a-z0-9\\-]{3,64}"' }) : '',
      field({ id: 'coach-name', name: 'name', label: tx(v, 'coach.name'), value: val('name'), error: err.name, required: true, attrs: 'autocomplete="off"' }),
      field({ id: 'coach-email', name: 'email', type: 'email', label: tx(v, 'coach.email'), hint: tx(v, 'coach.emailHint'), value: val('email'), error: err.email, required: true, attrs: 'autocomplete="off"' }),
      serviceFields(v, { languages: list('languages'), area: val('area'), municipalities: list('municipalities') }, err),
      `<fieldset><legend>${tx(v, 'coach.office')}</legend>${field({ id: 'coach-street', name: 'street', label: tx(v, 'coach.street'), value: val('street'), error: err['office.street'], required: true })}${field({
        id: 'coach-postal',
        name: 'postalCode',
        label: tx(v, 'coach.postalCode'),
        value: val('postalCode'),
        error: err['office.postalCode'],
        required: true,
        attrs: 'inputmode="numeric" pattern="[0-9]{5}"',
      })}${field({ id: 'coach-city', name: 'city', label: tx(v, 'coach.city'), value: val('city'), error: err['office.city'], required: true })}</fieldset>`,
      opts.weekly ? weeklyFields(v, opts.weekly, err) : '',
      button(opts.submit),
    ].join(''),
  );
}

function warning(v: View, c: CoachOverview): string {
  return c.unbookable ? `<p class="warning-text" id="warn-${e(c.id)}"><strong>${tx(v, 'coaches.unbookable')}</strong> ${tx(v, `coaches.reason.${c.unbookable}`)}</p>` : '';
}

export function coachesPage(v: View, coaches: CoachOverview[], opts: { message?: string; state?: FormState; emptyWeekly: Record<WeekdayKey, string> } = { emptyWeekly: {} as Record<WeekdayKey, string> }): string {
  const unbookable = coaches.filter((c) => c.unbookable);
  const rows = coaches.map((c) => {
    const area = knownArea(c.area);
    return [
      `<a href="/staff/coaches/${e(c.id)}">${e(c.name)}</a>${c.demo ? ` <span class="badge">${tx(v, 'coaches.demo')}</span>` : ''}${warning(v, c)}`,
      e(c.email),
      e(c.languages.map((l) => languageName(l, v.locale)).join(', ')),
      e(area ? areaName(area, v.locale) : c.area),
      c.active ? tx(v, 'coaches.active') : tx(v, 'coaches.inactive'),
    ];
  });
  const body = [
    opts.message ?? '',
    unbookable.length ? notice(tx(v, 'coaches.unbookableSummary', { count: unbookable.length }), 'warning') : '',
    table(tx(v, 'coaches.tableCaption'), [tx(v, 'coach.name'), tx(v, 'coach.email'), tx(v, 'service.languages'), tx(v, 'service.area'), tx(v, 'coaches.state')], rows),
    `<section aria-labelledby="h-add"><h2 id="h-add">${tx(v, 'coaches.add')}</h2>${coachForm(v, '/staff/coaches', opts.state?.values ?? {}, {
      withId: true,
      weekly: opts.emptyWeekly,
      errors: opts.state?.errors ?? {},
      submit: tx(v, 'coaches.addButton'),
    })}</section>`,
  ].join('');
  return layout(v, { title: String(v.t('console:coaches.title')), path: '/staff/coaches', body });
}

export function coachPage(
  v: View,
  c: CoachOverview,
  data: { weekly: Record<WeekdayKey, string>; appointments: number },
  opts: { message?: string; state?: FormState; form?: 'details' | 'hours' } = {},
): string {
  const values =
    opts.form === 'details' && opts.state?.values
      ? opts.state.values
      : { name: c.name, email: c.email, languages: c.languages, area: c.area, municipalities: c.municipalities, street: c.office.street, postalCode: c.office.postalCode, city: c.office.city };
  const errs = opts.state?.errors ?? {};
  const lifecycle = c.active
    ? postForm(v, `/staff/coaches/${c.id}/deactivate`, `<p class="hint">${tx(v, 'coach.deactivateHint')}</p>${button(tx(v, 'coach.deactivate'), 'secondary')}`)
    : postForm(v, `/staff/coaches/${c.id}/activate`, button(tx(v, 'coach.activate')));
  const deletion =
    data.appointments === 0
      ? postForm(v, `/staff/coaches/${c.id}/delete`, `<p class="hint">${tx(v, 'coach.deleteHint')}</p>${button(tx(v, 'coach.delete'), 'danger')}`)
      : `<p>${tx(v, 'coach.cannotDelete', { count: data.appointments })}</p>`;
  const body = [
    opts.message ?? '',
    warning(v, c) ? notice(`${tx(v, 'coaches.unbookable')} ${tx(v, `coaches.reason.${c.unbookable}`)}`, 'warning') : '',
    `<p>${c.active ? tx(v, 'coaches.active') : tx(v, 'coaches.inactive')} · ${tx(v, 'coach.idIs', { id: c.id })}</p>`,
    `<section aria-labelledby="h-details"><h2 id="h-details">${tx(v, 'coach.details')}</h2>${coachForm(v, `/staff/coaches/${c.id}`, values, { withId: false, errors: opts.form === 'details' ? errs : {}, submit: tx(v, 'save') })}</section>`,
    `<section aria-labelledby="h-hours"><h2 id="h-hours">${tx(v, 'hours.title')}</h2>${postForm(v, `/staff/coaches/${c.id}/hours`, `${weeklyFields(v, data.weekly, opts.form === 'hours' ? errs : {})}${button(tx(v, 'save'))}`)}</section>`,
    `<section aria-labelledby="h-lifecycle"><h2 id="h-lifecycle">${tx(v, 'coach.lifecycle')}</h2>${lifecycle}${deletion}</section>`,
  ].join('');
  return layout(v, { title: c.name, path: '/staff/coaches', body });
}

export const OUTBOX_FILTERS = ['all', 'pending', 'failed', 'sent'] as const;

export function outboxPage(v: View, rows: OutboxEntry[], filter: (typeof OUTBOX_FILTERS)[number], opts: { message?: string; smtp: boolean }): string {
  const when = (d: Date | null) => (d ? `<time datetime="${d.toISOString()}">${e(formatDateTime(d, v.locale))}</time>` : '–');
  const filters = `<ul class="filters" aria-label="${tx(v, 'outbox.filter')}">${OUTBOX_FILTERS.map(
    (f) => `<li><a href="/staff/outbox${f === 'all' ? '' : `?status=${f}`}"${f === filter ? ' aria-current="true"' : ''}>${tx(v, `outbox.status.${f}`)}</a></li>`,
  ).join('')}</ul>`;
  const list = rows.map((m) => [
    `${tx(v, `outbox.status.${m.status}`, { defaultValue: m.status })}`,
    e(m.kind),
    e(m.to ?? '–'),
    e(m.subject ?? '–'),
    when(m.createdAt),
    m.status === 'sent' ? when(m.sentAt) : m.status === 'pending' ? when(m.nextAttemptAt) : '–',
    `${m.attempts}${m.lastError ? ` (${e(m.lastError)})` : ''}`,
    m.status === 'failed' ? postForm(v, `/staff/outbox/${m.id}/retry`, button(tx(v, 'outbox.retry'), 'secondary')) : '',
  ]);
  const body = [
    opts.message ?? '',
    opts.smtp ? '' : notice(tx(v, 'outbox.noSmtp'), 'warning'),
    `<p>${tx(v, 'appointments.timesIn')}</p>`,
    filters,
    rows.length
      ? table(tx(v, 'outbox.caption'), [tx(v, 'outbox.col.status'), tx(v, 'outbox.col.kind'), tx(v, 'outbox.col.to'), tx(v, 'outbox.col.subject'), tx(v, 'outbox.col.created'), tx(v, 'outbox.col.when'), tx(v, 'outbox.col.attempts'), tx(v, 'outbox.col.action')], list)
      : `<p>${tx(v, 'outbox.empty')}</p>`,
  ].join('');
  return layout(v, { title: String(v.t('console:outbox.title')), path: '/staff/outbox', body });
}
