/**
 * The private manage link: GET /booking/manage/:token shows the booking in its own language and
 * lets the jobseeker cancel it or move it without the chat (a web chat is anonymous, and closing
 * the tab loses it). GET …/appointment.ics is the calendar file. The token is the only credential,
 * stored hashed; unknown, erased or expired tokens get a plain 404.
 */
import type { Request, Response, Server } from 'restify';
import type { Clock } from '../kernel/clock.js';
import type { Translator } from '../i18n/i18n.js';
import { isRtl, DEFAULT_LOCALE, type Locale } from '../i18n/locales.js';
import type { Logger } from '../kernel/log.js';
import type { BookingService } from './bookingService.js';
import { isDependencyOutage, OUTAGE_RETRY_AFTER_SECONDS } from '../http/errors.js';
import { AppointmentNotChangeableError, AppointmentNotFoundError, SlotTakenError } from './errors.js';
import { buildInvite } from '../kernel/ics.js';
import { appointmentEvent } from '../kernel/calendar.js';
import { detailLines, localeOf, slotTime } from './present.js';
import type { AppointmentView } from './types.js';
import type { FreeSlot, SlotCursor } from './slots.js';
import { escapeHtml } from '../kernel/html.js';

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex, nofollow',
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
};

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
h1{font-size:1.4rem}ul.details{list-style:none;padding:0}ul.details li{margin:.3rem 0}
.notice{background:#eef6ee;border:1px solid #9c9;padding:.6rem;border-radius:.3rem}.warn{background:#fff4e5;border-color:#e8b26a}
form{margin:.4rem 0}button{font-size:1rem;padding:.5rem .8rem;cursor:pointer}.slots button{display:block;width:100%;text-align:start;margin:.3rem 0}
small{color:#555}`;

function page(locale: Locale, title: string, body: string): string {
  const dir = isRtl(locale) ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>`;
}

function sendHtml(res: Response, status: number, html: string, headers: Record<string, string> = {}): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
}

function redirect(res: Response, location: string): void {
  res.writeHead(303, { ...SECURITY_HEADERS, Location: location, 'Content-Length': 0 });
  res.end();
}

const SLOT_RE = /^([a-z0-9-]{3,64})\|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z)$/;

/** "coachId|ISO instant" as used in the forms and the "later times" link. */
function parseSlotValue(value: unknown): { coachId: string; start: Date } | undefined {
  if (typeof value !== 'string' || value.length > 120) return undefined;
  const m = SLOT_RE.exec(value);
  if (!m) return undefined;
  const start = new Date(m[2]);
  return Number.isNaN(start.getTime()) ? undefined : { coachId: m[1], start };
}

function slotValue(s: { coachId: string; start: Date }): string {
  return `${s.coachId}|${s.start.toISOString()}`;
}

export interface ManageRouteDeps {
  service: BookingService;
  translator: Translator;
  logger: Logger;
  publicBaseUrl: string;
  clock: Clock;
}

type Notice = 'cancelled' | 'rescheduled' | 'taken' | 'notChangeable';

export class ManagePages {
  constructor(private readonly deps: ManageRouteDeps) {}

  install(server: Server): void {
    server.get('/booking/manage/:token', async (req: Request, res: Response) => this.guard(req, res, () => this.show(req, res)));
    server.get('/booking/manage/:token/appointment.ics', async (req: Request, res: Response) => this.guard(req, res, () => this.ics(req, res)));
    server.post('/booking/manage/:token/cancel', async (req: Request, res: Response) => this.guard(req, res, () => this.cancel(req, res)));
    server.post('/booking/manage/:token/reschedule', async (req: Request, res: Response) => this.guard(req, res, () => this.reschedule(req, res)));
  }

  private async guard(_req: Request, res: Response, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.deps.logger.error({ err }, 'booking manage page failed');
      if (!res.headersSent) {
        const t = this.deps.translator.t(DEFAULT_LOCALE);
        // The database being down is worth a retry: 503 with Retry-After, the same apology page.
        const outage = isDependencyOutage(err);
        sendHtml(res, outage ? 503 : 500, page(DEFAULT_LOCALE, String(t('booking:manage.errorTitle')), `<h1>${escapeHtml(String(t('booking:manage.errorTitle')))}</h1><p>${escapeHtml(String(t('booking:manage.errorText')))}</p>`), outage ? { 'Retry-After': String(OUTAGE_RETRY_AFTER_SECONDS) } : {});
      }
    }
  }

  private token(req: Request): string {
    return String((req.params as Record<string, string> | undefined)?.token ?? '');
  }

  private notFound(res: Response): void {
    const t = this.deps.translator.t(DEFAULT_LOCALE);
    const tEn = this.deps.translator.t('en');
    const body = [DEFAULT_LOCALE, 'en' as Locale]
      .map((l, i) => {
        const tt = i === 0 ? t : tEn;
        return `<section lang="${l}"><h1>${escapeHtml(String(tt('booking:manage.notFoundTitle')))}</h1><p>${escapeHtml(String(tt('booking:manage.notFoundText')))}</p></section>`;
      })
      .join('');
    sendHtml(res, 404, page(DEFAULT_LOCALE, String(t('booking:manage.notFoundTitle')), body));
  }

  private async show(req: Request, res: Response): Promise<void> {
    const token = this.token(req);
    const a = await this.deps.service.findByToken(token);
    if (!a) return this.notFound(res);
    const query = (req.query ?? {}) as Record<string, unknown>;
    const done = typeof query.done === 'string' && ['cancelled', 'rescheduled', 'taken', 'notChangeable'].includes(query.done) ? (query.done as Notice) : undefined;
    const after = parseSlotValue(query.after);
    const confirmCancel = query.confirm === 'cancel';
    const move = parseSlotValue(query.move);
    sendHtml(res, 200, await this.render(token, a, { notice: done, after: after ? { coachId: after.coachId, start: after.start } : undefined, confirmCancel, move }));
  }

  private async render(
    token: string,
    a: AppointmentView,
    view: { notice?: Notice; after?: SlotCursor; confirmCancel?: boolean; move?: { coachId: string; start: Date } },
  ): Promise<string> {
    const { notice, after } = view;
    const locale = localeOf(a.locale);
    const t = this.deps.translator.t(locale);
    const s = (key: string, args?: Record<string, unknown>) => escapeHtml(String(t(key, args)));
    const base = `/booking/manage/${encodeURIComponent(token)}`;
    const parts: string[] = [`<h1>${s('booking:manage.title')}</h1>`];
    if (notice) {
      // Say the coach has been told only once the message has gone; until then, that they will be.
      const told = notice === 'cancelled' || notice === 'rescheduled' ? (await this.deps.service.coachNotice(a.id)) === 'sent' : false;
      const key = {
        cancelled: told ? 'booking:manage.cancelled' : 'booking:manage.cancelledPending',
        rescheduled: told ? 'booking:manage.rescheduled' : 'booking:manage.rescheduledPending',
        taken: 'booking:slots.taken',
        notChangeable: 'booking:manage.notChangeable',
      }[notice];
      parts.push(`<p class="notice${notice === 'taken' || notice === 'notChangeable' ? ' warn' : ''}" role="status">${s(key)}</p>`);
    }
    parts.push(`<p><strong>${s('booking:manage.status')}</strong> ${s(`booking:manage.statusValue.${a.status}`)}</p>`);
    const lines = detailLines(t, locale, {
      startsAt: a.startsAt,
      coachName: a.coach.name,
      mode: a.mode,
      office: a.coach.office,
      topic: a.topic,
      meetingLanguage: a.meetingLanguage,
      interpreterLanguage: a.interpreterNeeded ? a.interpreterLanguage : null,
      name: a.jobseekerName,
      phone: a.contactPhone,
      email: a.contactEmail,
      videoLink: a.videoLink,
      note: a.note,
    });
    parts.push(`<ul class="details">${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`);
    if (a.status !== 'cancelled') parts.push(`<p><a href="${base}/appointment.ics" download>${s('booking:manage.ics')}</a></p>`);
    const changeable = a.status === 'booked' && a.startsAt.getTime() > this.deps.clock.now().getTime();
    if (changeable && view.confirmCancel) {
      // A second, deliberate click: a cancelled meeting cannot be brought back.
      parts.push(`<h2>${s('booking:manage.cancelTitle')}</h2><p>${s('booking:manage.cancelConfirm')}</p>`);
      parts.push(`<form method="post" action="${base}/cancel"><button type="submit">${s('booking:manage.cancelButton')}</button></form>`);
      parts.push(`<p><a href="${base}">${s('booking:manage.keep')}</a></p>`);
    } else if (changeable && view.move && view.move.coachId === a.coach.id) {
      // One tap on a time only asks; the move happens when the user confirms it.
      const time = slotTime(view.move.start, locale);
      parts.push(`<h2>${s('booking:manage.rescheduleTitle')}</h2><p>${s('booking:manage.moveConfirm', { time })}</p>`);
      parts.push(
        `<form method="post" action="${base}/reschedule"><input type="hidden" name="slot" value="${escapeHtml(slotValue(view.move))}"><button type="submit">${s('booking:manage.moveButton')}</button></form>`,
      );
      parts.push(`<p><a href="${base}">${s('booking:manage.keepTime')}</a></p>`);
    } else if (changeable) {
      parts.push(`<h2>${s('booking:manage.rescheduleTitle')}</h2>`);
      const page = await this.deps.service.listSlots([a.coach.id], { after, limit: 6 });
      const slots = page.slots.filter((x: FreeSlot) => x.start.getTime() !== a.startsAt.getTime());
      if (slots.length === 0) parts.push(`<p>${s('booking:manage.noSlots')}</p>`);
      else {
        parts.push(
          `<form method="get" action="${base}" class="slots">${slots
            .map((x) => `<button type="submit" name="move" value="${escapeHtml(slotValue(x))}">${escapeHtml(slotTime(x.start, locale))}</button>`)
            .join('')}</form>`,
        );
      }
      if (page.next) parts.push(`<p><a href="${base}?after=${encodeURIComponent(slotValue({ coachId: page.next.coachId, start: page.next.start }))}">${s('booking:slots.later')}</a></p>`);
      parts.push(`<h2>${s('booking:manage.cancelTitle')}</h2>`);
      parts.push(`<form method="get" action="${base}"><input type="hidden" name="confirm" value="cancel"><button type="submit">${s('booking:manage.cancelButton')}</button></form>`);
    } else if (a.status === 'booked') {
      parts.push(`<p>${s('booking:manage.notChangeable')}</p>`);
    }
    parts.push(`<p><small>${s('booking:manage.private')}</small></p>`);
    return page(locale, String(t('booking:manage.title')), parts.join('\n'));
  }

  private async ics(req: Request, res: Response): Promise<void> {
    const a = await this.deps.service.findByToken(this.token(req));
    if (!a) return this.notFound(res);
    const locale = localeOf(a.locale);
    const t = this.deps.translator.t(locale);
    const description = detailLines(t, locale, {
      startsAt: a.startsAt,
      coachName: a.coach.name,
      mode: a.mode,
      office: a.coach.office,
      topic: a.topic,
      meetingLanguage: a.meetingLanguage,
      interpreterLanguage: a.interpreterNeeded ? a.interpreterLanguage : null,
      videoLink: a.videoLink,
    }).join('\n');
    const manageUrl = `${this.deps.publicBaseUrl}/booking/manage/${this.token(req)}`;
    const body = buildInvite(
      a.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
      appointmentEvent(a, {
        publicBaseUrl: this.deps.publicBaseUrl,
        office: a.coach.office,
        summary: String(t('booking:ics.summary', { coach: a.coach.name })),
        description: `${description}\n\n${String(t('booking:ics.manage', { url: manageUrl }))}`,
        url: a.mode === 'video' && a.videoLink ? a.videoLink : undefined,
        organizer: { email: a.coach.email, name: a.coach.name },
        attendees: a.contactEmail ? [{ email: a.contactEmail, name: a.jobseekerName }] : [],
      }),
    );
    const buf = Buffer.from(body, 'utf8');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/calendar; charset=utf-8; method=' + (a.status === 'cancelled' ? 'CANCEL' : 'REQUEST'),
      'Content-Disposition': 'attachment; filename="appointment.ics"',
      'Content-Length': buf.length,
    });
    res.end(buf);
  }

  private async cancel(req: Request, res: Response): Promise<void> {
    const token = this.token(req);
    const a = await this.deps.service.findByToken(token);
    if (!a) return this.notFound(res);
    const base = `/booking/manage/${encodeURIComponent(token)}`;
    try {
      await this.deps.service.cancelByToken(token);
      redirect(res, `${base}?done=cancelled`);
    } catch (err) {
      if (err instanceof AppointmentNotChangeableError || err instanceof AppointmentNotFoundError) return redirect(res, `${base}?done=notChangeable`);
      throw err;
    }
  }

  private async reschedule(req: Request, res: Response): Promise<void> {
    const token = this.token(req);
    const a = await this.deps.service.findByToken(token);
    if (!a) return this.notFound(res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const slot = parseSlotValue(typeof body === 'object' ? body.slot : undefined);
    const base = `/booking/manage/${encodeURIComponent(token)}`;
    if (!slot || slot.coachId !== a.coach.id) {
      const t = this.deps.translator.t(localeOf(a.locale));
      sendHtml(res, 400, page(localeOf(a.locale), String(t('booking:manage.badRequest')), `<h1>${escapeHtml(String(t('booking:manage.badRequest')))}</h1><p><a href="${base}">${escapeHtml(String(t('booking:manage.back')))}</a></p>`));
      return;
    }
    try {
      await this.deps.service.rescheduleByToken(token, { coachId: slot.coachId, startsAt: slot.start });
      redirect(res, `${base}?done=rescheduled`);
    } catch (err) {
      if (err instanceof SlotTakenError) return redirect(res, `${base}?done=taken`);
      if (err instanceof AppointmentNotChangeableError || err instanceof AppointmentNotFoundError) return redirect(res, `${base}?done=notChangeable`);
      throw err;
    }
  }
}
