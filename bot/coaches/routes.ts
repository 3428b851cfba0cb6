/**
 * HTTP routes for coaches and admins:
 * - GET /coach/feed/{token}.ics: the coach's personal calendar (feed token in the URL);
 * - /api/coach/*: the coach REST API (Authorization: Bearer <coach api token>);
 * - /api/admin/coaches*, /api/admin/tokens*, /api/admin/outbox*: administration (Bearer ADMIN_TOKEN),
 *   installed only when ADMIN_TOKEN is set.
 * Failures are typed (CoachApiError) and answered with their status; nothing internal leaks.
 */
import type { Request, Response, Server } from 'restify';
import type { CoachRow as Coach } from '../booking/coachRepository.js';
import { sendError, sendFailure } from '../http/errors.js';
import { requireAdmin } from '../kernel/adminAuth.js';
import type { Logger } from '../kernel/log.js';
import type { RenderSettings } from '../notifications/render.js';
import type { AuditLog } from '../privacy/audit.js';
import { parseBearer } from '../security/tokens.js';
import type { CoachAdminService } from './adminService.js';
import type { CoachService } from './coachService.js';
import { CoachApiError } from './errors.js';
import { body, ID_RE, param } from './requestInput.js';
import type { CoachTokenService } from './tokens.js';

type Handler = (req: Request, res: Response) => Promise<void>;

const ADMIN_ACTOR = 'admin-api';

function guard(logger: Logger, fn: Handler): Handler {
  return async (req, res) => {
    try {
      res.header('Cache-Control', 'no-store');
      await fn(req, res);
    } catch (err) {
      if (err instanceof CoachApiError) {
        sendError(res, err.status, err.code, err.message);
        return;
      }
      logger.error({ err, route: req.getRoute?.()?.path }, 'coach route failed');
      sendFailure(res, err);
    }
  };
}

function query(req: Request): Record<string, string | undefined> {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(q)) {
    if (typeof v !== 'string') throw new CoachApiError(400, 'BadRequest', `"${k}" must be given once.`);
    out[k] = v;
  }
  return out;
}

function unauthorized(res: Response, message: string): void {
  sendError(res, 401, 'Unauthorized', message, { 'WWW-Authenticate': 'Bearer' });
}

export interface CoachRouteDeps {
  logger: Logger;
  tokens: CoachTokenService;
  coaches: CoachService;
  audit: AuditLog;
  render: RenderSettings;
}

export function coachFeedRoute(deps: CoachRouteDeps) {
  return (server: Server): void => {
    server.get(
      '/coach/feed/:file',
      guard(deps.logger, async (req, res) => {
        const file = String((req.params as Record<string, string>).file ?? '');
        const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
        const coach = token ? await deps.tokens.authenticate(token, 'feed') : null;
        if (!coach) {
          sendError(res, 401, 'Unauthorized', 'This calendar link is not valid. Ask for a new one.');
          return;
        }
        const ics = await deps.coaches.feed(coach, deps.render);
        res.writeHead(200, {
          'Content-Type': 'text/calendar; charset=utf-8',
          'Content-Disposition': 'inline; filename="oma-botti.ics"',
          'Cache-Control': 'private, no-store',
          'X-Robots-Tag': 'noindex',
        });
        res.end(ics);
      }),
    );
  };
}

export function coachApiRoutes(deps: CoachRouteDeps) {
  const authed = (fn: (coach: Coach, req: Request, res: Response) => Promise<void>): Handler =>
    guard(deps.logger, async (req, res) => {
      const token = parseBearer(req.headers.authorization);
      if (!token) return unauthorized(res, 'A coach bearer token is required.');
      const coach = await deps.tokens.authenticate(token, 'api');
      if (!coach) return unauthorized(res, 'The coach token is not valid.');
      await fn(coach, req, res);
    });
  const actor = (coach: Coach) => `coach:${coach.id}`;

  return (server: Server): void => {
    server.get(
      '/api/coach/me',
      authed(async (coach, _req, res) => {
        res.send(200, { id: coach.id, name: coach.name, email: coach.email, languages: coach.languages, area: coach.area, municipalities: coach.municipalities });
      }),
    );
    server.get(
      '/api/coach/appointments',
      authed(async (coach, req, res) => {
        const q = query(req);
        res.send(200, { appointments: await deps.coaches.listAppointments(coach.id, { from: q.from, to: q.to, status: q.status }) });
      }),
    );
    server.get(
      '/api/coach/appointments/:id',
      authed(async (coach, req, res) => {
        res.send(200, await deps.coaches.getAppointment(coach.id, param(req, 'id')));
      }),
    );
    server.post(
      '/api/coach/appointments/:id/complete',
      authed(async (coach, req, res) => {
        const id = param(req, 'id');
        const done = await deps.coaches.complete(coach.id, id);
        await deps.audit.audit(actor(coach), 'appointment.complete', `appointment:${id}`);
        res.send(200, done);
      }),
    );
    server.post(
      '/api/coach/appointments/:id/not-attended',
      authed(async (coach, req, res) => {
        const id = param(req, 'id');
        const marked = await deps.coaches.notAttended(coach.id, id);
        await deps.audit.audit(actor(coach), 'appointment.not_attended', `appointment:${id}`);
        res.send(200, marked);
      }),
    );
    server.get(
      '/api/coach/availability',
      authed(async (coach, _req, res) => {
        res.send(200, await deps.coaches.availability(coach.id));
      }),
    );
    server.put(
      '/api/coach/availability/weekly',
      authed(async (coach, req, res) => {
        const b = body(req);
        const view = await deps.coaches.setWeeklyHours(coach.id, 'weekly' in b ? b.weekly : b);
        await deps.audit.audit(actor(coach), 'availability.weekly', `coach:${coach.id}`);
        res.send(200, view);
      }),
    );
    server.post(
      '/api/coach/availability/exceptions',
      authed(async (coach, req, res) => {
        const created = await deps.coaches.addException(coach.id, body(req));
        await deps.audit.audit(actor(coach), 'availability.exception.add', `coach:${coach.id}`, { exceptionId: created.id });
        res.send(201, created);
      }),
    );
    server.del(
      '/api/coach/availability/exceptions/:id',
      authed(async (coach, req, res) => {
        const id = param(req, 'id');
        await deps.coaches.deleteException(coach.id, id);
        await deps.audit.audit(actor(coach), 'availability.exception.delete', `coach:${coach.id}`, { exceptionId: id });
        res.send(204);
      }),
    );
  };
}

export function adminRoutes(deps: { logger: Logger; admin: CoachAdminService; adminToken: string }) {
  const admin = (fn: Handler): Handler =>
    guard(deps.logger, async (req, res) => {
      if (!requireAdmin(req, res, deps.adminToken)) return;
      await fn(req, res);
    });
  const svc = deps.admin;

  return (server: Server): void => {
    server.get('/api/admin/coaches', admin(async (_req, res) => res.send(200, { coaches: await svc.listCoaches() })));
    server.post('/api/admin/coaches', admin(async (req, res) => res.send(201, await svc.addCoach(ADMIN_ACTOR, body(req)))));
    server.post('/api/admin/coaches/:id/deactivate', admin(async (req, res) => res.send(200, await svc.setActive(ADMIN_ACTOR, param(req, 'id'), false))));
    server.post('/api/admin/coaches/:id/activate', admin(async (req, res) => res.send(200, await svc.setActive(ADMIN_ACTOR, param(req, 'id'), true))));
    server.get('/api/admin/coaches/:id/tokens', admin(async (req, res) => res.send(200, { tokens: await svc.listTokens(param(req, 'id')) })));
    server.post(
      '/api/admin/coaches/:id/tokens',
      admin(async (req, res) => {
        const b = body(req);
        res.send(201, await svc.issueToken(ADMIN_ACTOR, param(req, 'id'), b.kind, b.label));
      }),
    );
    server.post('/api/admin/tokens/:id/revoke', admin(async (req, res) => res.send(200, await svc.revokeToken(ADMIN_ACTOR, param(req, 'id')))));
    server.post(
      '/api/admin/coaches/:id/reassign',
      admin(async (req, res) => {
        const b = body(req);
        const to = b.toCoachId;
        if (typeof to !== 'string' || !ID_RE.test(to)) throw new CoachApiError(400, 'BadRequest', '"toCoachId" must be a coach id.');
        for (const k of ['from', 'to'] as const) {
          if (b[k] !== undefined && typeof b[k] !== 'string') throw new CoachApiError(400, 'BadRequest', `"${k}" must be a date as YYYY-MM-DD.`);
        }
        res.send(200, await svc.reassign(ADMIN_ACTOR, param(req, 'id'), to, { from: b.from as string | undefined, to: b.to as string | undefined }));
      }),
    );
    server.get(
      '/api/admin/outbox',
      admin(async (req, res) => {
        const q = query(req);
        const limit = q.limit === undefined ? undefined : Number(q.limit);
        res.send(200, { messages: await svc.listOutbox(ADMIN_ACTOR, { status: q.status, limit }) });
      }),
    );
    server.get('/api/admin/outbox/:id', admin(async (req, res) => res.send(200, await svc.showOutbox(ADMIN_ACTOR, param(req, 'id')))));
    server.post('/api/admin/outbox/:id/retry', admin(async (req, res) => res.send(200, await svc.retryOutbox(ADMIN_ACTOR, param(req, 'id')))));
  };
}
