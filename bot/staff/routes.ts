/**
 * The staff console's HTTP routes under /staff/. Every console route needs a session: a signed-out
 * GET is sent to the sign-in page (303), a signed-out POST is refused (403). Every POST carries the
 * session's CSRF token. Coach pages need the coach role, admin pages the admin role; a coach only
 * ever reaches their own appointments (the coach service checks the owner). Sign-in routes are rate
 * limited per client address. Pages are HTML with a strict CSP: one stylesheet and only the
 * console's own script files (a section's live updates), no inline script or style.
 */
import fs from 'node:fs';
import type { Request, Response, Server } from 'restify';
import type { CoordinatorReportService } from '../analytics/coordinatorReport.js';
import { ReportRangeError } from '../analytics/coordinatorReport.js';
import type { CoachAdminService } from '../coaches/adminService.js';
import type { CoachService } from '../coaches/coachService.js';
import { CoachApiError } from '../coaches/errors.js';
import type { Translator } from '../i18n/i18n.js';
import { fromAcceptLanguage } from '../i18n/locales.js';
import type { Clock } from '../kernel/clock.js';
import { lastHelsinkiDays } from '../kernel/helsinkiTime.js';
import type { Logger } from '../kernel/log.js';
import { projectPath } from '../kernel/paths.js';
import type { GapReport } from '../knowledge/gapRepository.js';
import { clientAddress, RateLimiter } from '../security/rateLimiter.js';
import { safeEqual } from '../security/tokens.js';
import { coachesPage, coachPage, OUTBOX_FILTERS, outboxPage } from './adminPages.js';
import { actorOf, SignInError, type StaffAuthService, type StaffPrincipal } from './auth.js';
import { appointmentsPage, availabilityPage, renderSections, type FormState } from './coachPages.js';
import { FormError, serviceFromForm, weeklyFromForm, weeklyToForm, type StaffConsoleService } from './consoleService.js';
import { CONSOLE_LOCALES, notice, tx, type ConsoleLocale, type View } from './html.js';
import { gapsPage, reportPage } from './reportPages.js';
import type { CoachConsoleSection, ConsoleSectionContext } from './sections.js';
import { linkConfirmPage, problemPage, signInPage } from './signInPages.js';

export interface StaffRouteDeps {
  auth: StaffAuthService;
  console: StaffConsoleService;
  coaches: CoachService;
  admin: CoachAdminService;
  reports: CoordinatorReportService;
  gaps: { report(range: { from: string; to: string }): Promise<GapReport> };
  translator: Translator;
  logger: Logger;
  clock: Clock;
  sections: readonly CoachConsoleSection[];
  settings: {
    /** Cookies only over https (PUBLIC_BASE_URL is https). */
    secureCookies: boolean;
    service: string;
    trustProxy: boolean | number;
    /** SMTP_URL is set: without it mail waits in the outbox. */
    smtp: boolean;
    /** Sign-in attempts per minute per client address. */
    signInPerMinute?: number;
    /** PUBLIC_BASE_URL: the identity provider's redirect URI is {publicBaseUrl}/staff/auth/callback. */
    publicBaseUrl: string;
    /** Real time for the sign-in rate limit (tests may hold it still). */
    rateLimitClock?: Clock;
  };
}

/** Only its stylesheet and its own script files (no inline script or style), fetches and forms only here, never framed. */
export const CONSOLE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const LANG_COOKIE = 'omabotti_staff_lang';
const LOGIN_COOKIE = 'omabotti_staff_login';
const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const CSS = fs.readFileSync(projectPath('bot', 'staff', 'static', 'console.css'));
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b3a6e"/><path d="M4 8h8M8 4v8" stroke="#fff" stroke-width="2"/></svg>';

type Role = 'coach' | 'admin' | 'any';
type Form = Record<string, string | string[]>;

interface Ctx {
  req: Request;
  res: Response;
  v: View;
  p: StaffPrincipal;
  form: Form;
}

/** A console route: method, path, the role it needs, and its handler. */
interface ConsoleRoute {
  method: 'GET' | 'POST';
  path: string;
  role: Role;
  handle(ctx: Ctx): Promise<void>;
}

function cookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  const header = req.headers.cookie;
  if (typeof header !== 'string' || header.length > 8192) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

function formOf(req: Request): Form {
  const body: unknown = req.body;
  const out: Form = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) return out;
  for (const [k, val] of Object.entries(body as Record<string, unknown>)) {
    if (typeof val === 'string') out[k] = val.slice(0, 5000);
    else if (Array.isArray(val) && val.every((x) => typeof x === 'string')) out[k] = (val as string[]).slice(0, 500).map((x) => x.slice(0, 500));
  }
  return out;
}

/** A section's script asks for JSON; a plain form post wants the page back. */
function wantsJson(req: Request): boolean {
  const accept = req.headers.accept;
  return typeof accept === 'string' && accept.includes('application/json');
}

const str = (f: Form, k: string) => (typeof f[k] === 'string' ? (f[k] as string).trim() : '');

function param(req: Request, name: string): string {
  const value = (req.params as Record<string, string | undefined>)[name];
  if (typeof value !== 'string' || !ID_RE.test(value)) throw new CoachApiError(404, 'NotFound', 'Not found.');
  return value;
}

function query(req: Request): Record<string, string> {
  const q = (req.query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(q).filter((kv): kv is [string, string] => typeof kv[1] === 'string'));
}

/** The installer, and every console route that needs a session (the tests refuse a signed-out visitor on each). */
export type StaffRouteInstaller = ((server: Server) => void) & { sessionRoutes: ReadonlyArray<{ method: 'GET' | 'POST'; path: string }> };

export function staffRoutes(deps: StaffRouteDeps): StaffRouteInstaller {
  const { auth, translator, logger, settings } = deps;
  const sessionCookie = settings.secureCookies ? '__Host-omabotti_staff' : 'omabotti_staff';
  const secure = settings.secureCookies ? '; Secure' : '';
  const perMinute = settings.signInPerMinute ?? 10;
  const signInLimiter = new RateLimiter({ capacity: perMinute, refillPerSecond: perMinute / 60, clock: settings.rateLimitClock });

  const localeOf = (req: Request): ConsoleLocale => {
    const chosen = cookies(req)[LANG_COOKIE];
    if ((CONSOLE_LOCALES as readonly string[]).includes(chosen)) return chosen as ConsoleLocale;
    const header = req.headers['accept-language'];
    return (fromAcceptLanguage(typeof header === 'string' ? header : undefined, [...CONSOLE_LOCALES]) as ConsoleLocale | undefined) ?? 'fi';
  };
  const viewOf = (req: Request, p?: StaffPrincipal): View => {
    const locale = localeOf(req);
    return { t: translator.t(locale), locale, principal: p, service: settings.service };
  };

  const send = (res: Response, status: number, html: string, setCookies: string[] = []): void => {
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONSOLE_CSP,
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
      'Content-Length': Buffer.byteLength(html),
      ...(setCookies.length ? { 'Set-Cookie': setCookies } : {}),
    });
    res.end(html);
  };
  const redirect = (res: Response, location: string, setCookies: string[] = []): void => {
    res.writeHead(303, { Location: location, 'Cache-Control': 'no-store', 'Content-Length': 0, ...(setCookies.length ? { 'Set-Cookie': setCookies } : {}) });
    res.end();
  };
  const sessionSet = (token: string) => `${sessionCookie}=${token}; Path=/; HttpOnly; SameSite=Lax${secure}`;
  const sessionClear = `${sessionCookie}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
  const done = (ctx: Ctx, path: string, key: string) => redirect(ctx.res, `${path}${path.includes('?') ? '&' : '?'}done=${key}`);
  /** The message of a finished POST (?done=key): only our own translations, never text from the URL. */
  const doneMessage = (ctx: Ctx): string => {
    const key = query(ctx.req).done;
    if (!key || !/^[a-zA-Z]{1,40}$/.test(key)) return '';
    const text = String(ctx.v.t(`console:done.${key}`, { defaultValue: '' }));
    return text ? notice(tx(ctx.v, `done.${key}`)) : '';
  };
  const errorText = (v: View, err: FormError) => String(v.t(`console:errors.${err.reason}`));

  const limited = (req: Request, res: Response): boolean => {
    const decision = signInLimiter.consume(clientAddress(req, settings.trustProxy));
    if (decision.allowed) return false;
    res.header('Retry-After', String(decision.retryAfterSeconds));
    send(res, 429, problemPage(viewOf(req), 'problem.tooManyTitle', 'problem.tooMany'));
    return true;
  };

  /** Wraps a console route: session, role, CSRF, then the handler; failures become pages. */
  const consoleHandler =
    (route: ConsoleRoute) =>
    async (req: Request, res: Response): Promise<void> => {
      let v = viewOf(req);
      try {
        const p = await auth.authenticate(cookies(req)[sessionCookie]);
        if (!p) {
          if (route.method === 'GET') redirect(res, '/staff/?expired=1', [sessionClear]);
          else send(res, 403, problemPage(v, 'problem.signedOutTitle', 'problem.signedOut'), [sessionClear]);
          return;
        }
        v = viewOf(req, p);
        if ((route.role === 'coach' && !p.coachId) || (route.role === 'admin' && !p.admin)) {
          send(res, 403, problemPage(v, 'problem.forbiddenTitle', 'problem.forbidden'));
          return;
        }
        const form = route.method === 'POST' ? formOf(req) : {};
        if (route.method === 'POST') {
          const token = typeof form._csrf === 'string' ? form._csrf : '';
          if (!token || !safeEqual(token, p.csrfToken)) {
            logger.warn({ staff: { csrf: 'refused', path: route.path } }, 'staff console: form without a valid CSRF token refused');
            send(res, 403, problemPage(v, 'problem.csrfTitle', 'problem.csrf'));
            return;
          }
        }
        await route.handle({ req, res, v, p, form });
      } catch (err) {
        if (res.headersSent) return;
        if (err instanceof CoachApiError) {
          const key = err.status === 404 ? 'notFound' : err.status === 403 ? 'forbidden' : 'conflict';
          send(res, err.status, problemPage(v, `problem.${key}Title`, err.status === 409 ? 'problem.conflict' : `problem.${key}`));
          return;
        }
        logger.error({ err, route: route.path }, 'staff console route failed');
        send(res, 500, problemPage(v, 'problem.errorTitle', 'problem.error'));
      }
    };

  const coachId = (ctx: Ctx) => ctx.p.coachId!;
  const actor = (ctx: Ctx) => actorOf(ctx.p.coachId, ctx.p.admin);

  // Coach pages.
  const showAppointments = async (ctx: Ctx, status = 200, message?: string, state?: FormState & { id?: string }) => {
    const day = await deps.console.coachDay(coachId(ctx));
    send(ctx.res, status, appointmentsPage(ctx.v, day, deps.clock.now(), { message: message ?? doneMessage(ctx), state }));
  };
  const showAvailability = async (ctx: Ctx, opts: { status?: number; form?: 'weekly' | 'absence' | 'service'; state?: FormState; feedUrl?: string; message?: string } = {}) => {
    const id = coachId(ctx);
    const [availability, coach] = await Promise.all([deps.coaches.availability(id), deps.admin.listCoaches().then((all) => all.find((c) => c.id === id)!)]);
    const weekly = opts.form === 'weekly' && opts.state?.values ? (opts.state.values as Record<string, string>) : weeklyToForm(availability.weekly);
    const weeklyFields = Object.fromEntries(Object.entries(weekly).map(([k, val]) => [k.replace(/^weekly\./, ''), String(val)]));
    const serviceValues = opts.form === 'service' && opts.state?.values ? opts.state.values : undefined;
    const sections = await renderSections(deps.sections, sectionContext(ctx));
    send(
      ctx.res,
      opts.status ?? 200,
      availabilityPage(
        ctx.v,
        {
          availability,
          weekly: weeklyFields as ReturnType<typeof weeklyToForm>,
          coach: serviceValues
            ? { languages: [serviceValues.languages ?? []].flat(), area: String(serviceValues.area ?? ''), municipalities: [serviceValues.municipalities ?? []].flat() }
            : { languages: coach.languages, area: coach.area, municipalities: coach.municipalities },
          sections,
        },
        { ...opts, message: opts.message ?? doneMessage(ctx) },
      ),
    );
  };
  const sectionContext = (ctx: Ctx): ConsoleSectionContext => ({ coachId: coachId(ctx), locale: ctx.v.locale, t: ctx.v.t, csrfToken: ctx.p.csrfToken, actor: actor(ctx) });

  // Admin pages.
  const emptyWeekly = weeklyToForm({});
  const showCoaches = async (ctx: Ctx, status = 200, state?: FormState) => {
    send(ctx.res, status, coachesPage(ctx.v, await deps.console.coachOverview(), { message: doneMessage(ctx), state, emptyWeekly: (state?.values ? weeklyValues(state.values) : emptyWeekly) as typeof emptyWeekly }));
  };
  const weeklyValues = (values: Form) => Object.fromEntries(Object.keys(emptyWeekly).map((d) => [d, String(values[`weekly.${d}`] ?? '')]));
  const showCoach = async (ctx: Ctx, id: string, status = 200, opts: { state?: FormState; form?: 'details' | 'hours' } = {}) => {
    const c = (await deps.console.coachOverview()).find((x) => x.id === id);
    if (!c) throw new CoachApiError(404, 'NotFound', 'No such coach.');
    const availability = await deps.coaches.availability(id);
    const weekly = opts.form === 'hours' && opts.state?.values ? weeklyValues(opts.state.values) : weeklyToForm(availability.weekly);
    send(ctx.res, status, coachPage(ctx.v, c, { weekly: weekly as typeof emptyWeekly, appointments: await deps.admin.appointmentCount(id) }, { ...opts, message: doneMessage(ctx) }));
  };
  /** The admin's coach form as the admin service's input. */
  const coachInput = (form: Form, current?: { area: string; municipalities: string[] }) => {
    const service = serviceFromForm(form, current);
    return { name: str(form, 'name'), email: str(form, 'email'), ...service, office: { street: str(form, 'street'), postalCode: str(form, 'postalCode'), city: str(form, 'city') } };
  };
  /** A validation failure of the admin service ("\"office.city\" …") as a field error. */
  const fieldOf = (err: CoachApiError): string => /^"([\w.]+)"/.exec(err.message)?.[1] ?? 'name';
  const formErrors = (v: View, err: unknown): Record<string, string> | undefined => {
    if (err instanceof FormError) return { [err.field]: errorText(v, err) };
    if (err instanceof CoachApiError && err.status === 400) return { [fieldOf(err)]: String(v.t('console:errors.invalid')) };
    if (err instanceof CoachApiError && err.status === 409 && /exists already/.test(err.message)) return { id: String(v.t('console:errors.idTaken')) };
    return undefined;
  };

  const rangeOf = (req: Request) => {
    const q = query(req);
    const fallback = lastHelsinkiDays(deps.clock, 30);
    return { from: q.from ?? fallback.from, to: q.to ?? fallback.to };
  };

  const routes: ConsoleRoute[] = [
    { method: 'GET', path: '/staff/appointments', role: 'coach', handle: (ctx) => showAppointments(ctx) },
    {
      method: 'POST',
      path: '/staff/appointments/:id/complete',
      role: 'coach',
      handle: async (ctx) => {
        const id = param(ctx.req, 'id');
        await deps.coaches.complete(coachId(ctx), id);
        await deps.console.audit(actor(ctx), 'appointment.complete', `appointment:${id}`);
        done(ctx, '/staff/appointments', 'completed');
      },
    },
    {
      method: 'POST',
      path: '/staff/appointments/:id/not-attended',
      role: 'coach',
      handle: async (ctx) => {
        const id = param(ctx.req, 'id');
        await deps.coaches.notAttended(coachId(ctx), id);
        await deps.console.audit(actor(ctx), 'appointment.not_attended', `appointment:${id}`);
        done(ctx, '/staff/appointments', 'notAttended');
      },
    },
    {
      method: 'POST',
      path: '/staff/appointments/:id/cancel',
      role: 'coach',
      handle: async (ctx) => {
        const id = param(ctx.req, 'id');
        try {
          await deps.console.cancelByCoach(actor(ctx), coachId(ctx), id, str(ctx.form, 'reason'));
        } catch (err) {
          if (err instanceof FormError) return showAppointments(ctx, 400, notice(errorText(ctx.v, err), 'error'), { id, errors: { reason: errorText(ctx.v, err) } });
          throw err;
        }
        done(ctx, '/staff/appointments', 'cancelled');
      },
    },
    { method: 'GET', path: '/staff/availability', role: 'coach', handle: (ctx) => showAvailability(ctx) },
    {
      method: 'POST',
      path: '/staff/availability/weekly',
      role: 'coach',
      handle: async (ctx) => {
        try {
          await deps.coaches.setWeeklyHours(coachId(ctx), weeklyFromForm(ctx.form as Record<string, string>));
        } catch (err) {
          const errors = err instanceof FormError ? { [err.field]: errorText(ctx.v, err) } : err instanceof CoachApiError && err.status === 400 ? { 'weekly.mon': String(ctx.v.t('console:errors.hours')) } : undefined;
          if (!errors) throw err;
          return showAvailability(ctx, { status: 400, form: 'weekly', state: { errors, values: ctx.form }, message: notice(tx(ctx.v, 'errors.fixBelow'), 'error') });
        }
        await deps.console.audit(actor(ctx), 'availability.weekly', `coach:${coachId(ctx)}`);
        done(ctx, '/staff/availability', 'saved');
      },
    },
    {
      method: 'POST',
      path: '/staff/availability/absences',
      role: 'coach',
      handle: async (ctx) => {
        const from = str(ctx.form, 'from');
        const to = str(ctx.form, 'to');
        const reason = str(ctx.form, 'reason');
        try {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new FormError('from', 'date');
          if (to && !/^\d{4}-\d{2}-\d{2}$/.test(to)) throw new FormError('to', 'date');
          if (to && to < from) throw new FormError('to', 'beforeFrom');
          const created = await deps.coaches.addException(coachId(ctx), { kind: 'off', from, ...(to && to !== from ? { to } : {}), ...(reason ? { reason } : {}) }).catch((err: unknown) => {
            if (err instanceof CoachApiError && err.status === 400) throw new FormError('from', 'date');
            throw err;
          });
          await deps.console.audit(actor(ctx), 'availability.exception.add', `coach:${coachId(ctx)}`, { exceptionId: created.id });
        } catch (err) {
          if (err instanceof FormError) return showAvailability(ctx, { status: 400, form: 'absence', state: { errors: { [err.field]: errorText(ctx.v, err) }, values: ctx.form }, message: notice(tx(ctx.v, 'errors.fixBelow'), 'error') });
          throw err;
        }
        done(ctx, '/staff/availability', 'absenceAdded');
      },
    },
    {
      method: 'POST',
      path: '/staff/availability/absences/:id/delete',
      role: 'coach',
      handle: async (ctx) => {
        const id = param(ctx.req, 'id');
        await deps.coaches.deleteException(coachId(ctx), id);
        await deps.console.audit(actor(ctx), 'availability.exception.delete', `coach:${coachId(ctx)}`, { exceptionId: id });
        done(ctx, '/staff/availability', 'absenceRemoved');
      },
    },
    {
      method: 'POST',
      path: '/staff/availability/service',
      role: 'coach',
      handle: async (ctx) => {
        const id = coachId(ctx);
        const current = (await deps.admin.listCoaches()).find((c) => c.id === id)!;
        try {
          await deps.console.setService(actor(ctx), id, serviceFromForm(ctx.form, current));
        } catch (err) {
          if (err instanceof FormError) return showAvailability(ctx, { status: 400, form: 'service', state: { errors: { [err.field]: errorText(ctx.v, err) }, values: ctx.form }, message: notice(tx(ctx.v, 'errors.fixBelow'), 'error') });
          throw err;
        }
        done(ctx, '/staff/availability', 'saved');
      },
    },
    {
      method: 'POST',
      path: '/staff/calendar/reissue',
      role: 'coach',
      handle: async (ctx) => {
        const { feedUrl } = await deps.admin.reissueFeed(actor(ctx), coachId(ctx));
        // Shown once, in this response; only its hash is stored.
        await showAvailability(ctx, { feedUrl });
      },
    },
    {
      method: 'POST',
      path: '/staff/sections/:section/:action',
      role: 'coach',
      handle: async (ctx) => {
        const section = deps.sections.find((s) => s.id === param(ctx.req, 'section'));
        const action = section?.actions?.[param(ctx.req, 'action')];
        if (!action) throw new CoachApiError(404, 'NotFound', 'Not found.');
        const form = Object.fromEntries(Object.entries(ctx.form).filter((kv): kv is [string, string] => typeof kv[1] === 'string'));
        await action(sectionContext(ctx), form);
        // The section's script posts the same form and stays on the page.
        if (wantsJson(ctx.req)) {
          ctx.res.writeHead(204, { 'Cache-Control': 'no-store' });
          ctx.res.end();
          return;
        }
        done(ctx, '/staff/availability', 'saved');
      },
    },
    {
      method: 'GET',
      path: '/staff/sections/:section/data/:action',
      role: 'coach',
      handle: async (ctx) => {
        const section = deps.sections.find((s) => s.id === param(ctx.req, 'section'));
        const read = section?.reads?.[param(ctx.req, 'action')];
        if (!read) throw new CoachApiError(404, 'NotFound', 'Not found.');
        const body = JSON.stringify(await read(sectionContext(ctx), query(ctx.req)));
        ctx.res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
        ctx.res.end(body);
      },
    },
    // Admin pages.
    { method: 'GET', path: '/staff/coaches', role: 'admin', handle: (ctx) => showCoaches(ctx) },
    {
      method: 'POST',
      path: '/staff/coaches',
      role: 'admin',
      handle: async (ctx) => {
        try {
          const weekly = weeklyFromForm(ctx.form as Record<string, string>);
          const added = await deps.admin.addCoach(actor(ctx), { id: str(ctx.form, 'id'), ...coachInput(ctx.form), weekly });
          return done(ctx, `/staff/coaches/${added.id}`, 'coachAdded');
        } catch (err) {
          const errors = formErrors(ctx.v, err);
          if (!errors) throw err;
          return showCoaches(ctx, 400, { errors, values: ctx.form });
        }
      },
    },
    { method: 'GET', path: '/staff/coaches/:id', role: 'admin', handle: (ctx) => showCoach(ctx, param(ctx.req, 'id')) },
    {
      method: 'POST',
      path: '/staff/coaches/:id',
      role: 'admin',
      handle: async (ctx) => {
        const id = param(ctx.req, 'id');
        const current = (await deps.admin.listCoaches()).find((c) => c.id === id);
        if (!current) throw new CoachApiError(404, 'NotFound', 'No such coach.');
        try {
          await deps.admin.updateCoach(actor(ctx), id, coachInput(ctx.form, current));
        } catch (err) {
          const errors = formErrors(ctx.v, err);
          if (!errors) throw err;
          return showCoach(ctx, id, 400, { form: 'details', state: { errors, values: ctx.form } });
        }
        done(ctx, `/staff/coaches/${id}`, 'saved');
      },
    },
    {
      method: 'POST',
      path: '/staff/coaches/:id/hours',
      role: 'admin',
      handle: async (ctx) => {
        const id = param(ctx.req, 'id');
        try {
          await deps.coaches.setWeeklyHours(id, weeklyFromForm(ctx.form as Record<string, string>));
        } catch (err) {
          const errors = err instanceof FormError ? { [err.field]: errorText(ctx.v, err) } : err instanceof CoachApiError && err.status === 400 ? { 'weekly.mon': String(ctx.v.t('console:errors.hours')) } : undefined;
          if (!errors) throw err;
          return showCoach(ctx, id, 400, { form: 'hours', state: { errors, values: ctx.form } });
        }
        await deps.console.audit(actor(ctx), 'availability.weekly', `coach:${id}`);
        done(ctx, `/staff/coaches/${id}`, 'saved');
      },
    },
    {
      method: 'POST',
      path: '/staff/coaches/:id/deactivate',
      role: 'admin',
      handle: async (ctx) => {
        const id = param(ctx.req, 'id');
        await deps.admin.setActive(actor(ctx), id, false);
        done(ctx, `/staff/coaches/${id}`, 'deactivated');
      },
    },
    {
      method: 'POST',
      path: '/staff/coaches/:id/activate',
      role: 'admin',
      handle: async (ctx) => {
        const id = param(ctx.req, 'id');
        await deps.admin.setActive(actor(ctx), id, true);
        done(ctx, `/staff/coaches/${id}`, 'activated');
      },
    },
    {
      method: 'POST',
      path: '/staff/coaches/:id/delete',
      role: 'admin',
      handle: async (ctx) => {
        await deps.admin.deleteCoach(actor(ctx), param(ctx.req, 'id'));
        done(ctx, '/staff/coaches', 'coachDeleted');
      },
    },
    {
      method: 'GET',
      path: '/staff/outbox',
      role: 'admin',
      handle: async (ctx) => {
        const status = query(ctx.req).status;
        const filter = (OUTBOX_FILTERS as readonly string[]).includes(status ?? '') ? (status as (typeof OUTBOX_FILTERS)[number]) : 'all';
        const rows = await deps.admin.listOutbox(actor(ctx), { status: filter === 'all' ? undefined : filter, limit: 200 });
        send(ctx.res, 200, outboxPage(ctx.v, rows, filter, { message: doneMessage(ctx), smtp: settings.smtp }));
      },
    },
    {
      method: 'POST',
      path: '/staff/outbox/:id/retry',
      role: 'admin',
      handle: async (ctx) => {
        await deps.admin.retryOutbox(actor(ctx), param(ctx.req, 'id'));
        done(ctx, '/staff/outbox', 'retried');
      },
    },
    {
      method: 'GET',
      path: '/staff/gaps',
      role: 'admin',
      handle: async (ctx) => {
        const range = rangeOf(ctx.req);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}-\d{2}$/.test(range.to) || range.from > range.to) {
          return send(ctx.res, 400, gapsPage(ctx.v, range, undefined, String(ctx.v.t('console:errors.range'))));
        }
        send(ctx.res, 200, gapsPage(ctx.v, range, await deps.gaps.report(range)));
      },
    },
    {
      method: 'GET',
      path: '/staff/report',
      role: 'admin',
      handle: async (ctx) => {
        const range = rangeOf(ctx.req);
        try {
          send(ctx.res, 200, reportPage(ctx.v, range, await deps.reports.report(range)));
        } catch (err) {
          if (!(err instanceof ReportRangeError)) throw err;
          send(ctx.res, 400, reportPage(ctx.v, range, undefined, String(ctx.v.t('console:errors.range'))));
        }
      },
    },
    {
      method: 'POST',
      path: '/staff/signout',
      role: 'any',
      handle: async (ctx) => {
        await auth.signOut(ctx.p);
        redirect(ctx.res, '/staff/?signedOut=1', [sessionClear]);
      },
    },
  ];

  const install = (server: Server): void => {
    server.get('/staff/console.css', async (_req: Request, res: Response) => {
      res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'Content-Length': CSS.length });
      res.end(CSS);
    });
    for (const section of deps.sections) {
      if (!section.scriptFile) continue;
      const script = fs.readFileSync(section.scriptFile);
      server.get(`/staff/scripts/${section.id}.js`, async (_req: Request, res: Response) => {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'Content-Length': script.length });
        res.end(script);
      });
    }
    server.get('/staff/favicon.svg', async (_req: Request, res: Response) => {
      res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400', 'Content-Length': Buffer.byteLength(FAVICON) });
      res.end(FAVICON);
    });
    server.get('/staff', async (_req: Request, res: Response) => redirect(res, '/staff/'));
    server.get('/staff/', async (req: Request, res: Response) => {
      const p = await auth.authenticate(cookies(req)[sessionCookie]).catch(() => null);
      if (p) return redirect(res, p.coachId ? '/staff/appointments' : '/staff/coaches');
      const q = query(req);
      const failure = q.error && /^[a-z_]{1,30}$/.test(q.error) ? (q.error as SignInError['reason']) : q.signedOut ? 'signedOut' : q.expired ? 'expired' : undefined;
      send(res, 200, signInPage(viewOf(req), { providerConfigured: auth.providerConfigured, failure }));
    });
    server.get('/staff/lang/:locale', async (req: Request, res: Response) => {
      const locale = String((req.params as Record<string, string>).locale);
      if (!(CONSOLE_LOCALES as readonly string[]).includes(locale)) return redirect(res, '/staff/');
      redirect(res, '/staff/', [`${LANG_COOKIE}=${locale}; Path=/staff; Max-Age=31536000; SameSite=Lax${secure}`]);
    });
    server.get('/staff/signin/oidc', async (req: Request, res: Response) => {
      if (limited(req, res)) return;
      try {
        const { url, state } = await auth.startProvider();
        redirect(res, url, [`${LOGIN_COOKIE}=${state}; Path=/staff/auth; HttpOnly; SameSite=Lax; Max-Age=600${secure}`]);
      } catch (err) {
        logger.warn({ err }, 'staff console: identity provider unavailable');
        redirect(res, '/staff/?error=provider_failed');
      }
    });
    server.get('/staff/auth/callback', async (req: Request, res: Response) => {
      if (limited(req, res)) return;
      const clearLogin = `${LOGIN_COOKIE}=; Path=/staff/auth; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
      try {
        const url = new URL(req.url ?? '/', 'http://console.invalid');
        const callback = new URL(`${settings.publicBaseUrl}/staff/auth/callback${url.search}`);
        const token = await auth.finishProvider(callback, cookies(req)[LOGIN_COOKIE]);
        redirect(res, '/staff/', [sessionSet(token), clearLogin]);
      } catch (err) {
        const reason = err instanceof SignInError ? err.reason : 'provider_failed';
        if (!(err instanceof SignInError)) logger.error({ err }, 'staff console: sign-in callback failed');
        redirect(res, `/staff/?error=${reason}`, [clearLogin]);
      }
    });
    server.get('/staff/signin/link/:token', async (req: Request, res: Response) => {
      const token = String((req.params as Record<string, string>).token ?? '');
      const usable = await auth.linkUsable(token);
      send(res, usable ? 200 : 410, linkConfirmPage(viewOf(req), usable ? token : '', usable));
    });
    server.post('/staff/signin/link/:token', async (req: Request, res: Response) => {
      if (limited(req, res)) return;
      try {
        const token = await auth.signInWithLink(String((req.params as Record<string, string>).token ?? ''));
        redirect(res, '/staff/', [sessionSet(token)]);
      } catch (err) {
        if (!(err instanceof SignInError)) throw err;
        redirect(res, `/staff/?error=${err.reason}`);
      }
    });
    for (const route of routes) {
      const handler = consoleHandler(route);
      if (route.method === 'GET') server.get(route.path, handler);
      else server.post(route.path, handler);
    }
  };
  return Object.assign(install, { sessionRoutes: routes.map((r) => ({ method: r.method, path: r.path })) });
}
