/**
 * The coach's side of live chat over HTTP (Authorization: Bearer <coach api token>), for the staff
 * console and any coach client:
 *
 *   GET  /api/coach/live                       the "available for live chat" switch and working hours
 *   PUT  /api/coach/live                       { available: boolean }
 *   GET  /api/coach/handoffs                   { queue, active }: jobseekers waiting in the coach's area, and own chats
 *   POST /api/coach/handoffs/{id}/accept       take a jobseeker from the queue
 *   GET  /api/coach/handoffs/{id}              the chat: the conversation with the bot so far and the messages
 *   GET  /api/coach/handoffs/{id}/messages?after=seq&wait=ms   new messages (held up to `wait` ms for one)
 *   POST /api/coach/handoffs/{id}/messages     { text, language? }
 *   POST /api/coach/handoffs/{id}/typing       the coach is typing
 *   POST /api/coach/handoffs/{id}/end          end the chat; the jobseeker is back with the bot
 *   GET  /api/coach/callbacks?status=open|done  call-back requests of the coach's area
 *   POST /api/coach/callbacks/{id}/done        mark one handled
 */
import type { Request, Response, Server } from 'restify';
import { CoachApiError } from '../coaches/errors.js';
import { body, param } from '../coaches/requestInput.js';
import type { CoachTokenService } from '../coaches/tokens.js';
import { sendError, sendFailure } from '../http/errors.js';
import type { Logger } from '../kernel/log.js';
import type { AuditLog } from '../privacy/audit.js';
import { parseBearer } from '../security/tokens.js';
import type { HandoffService } from './handoffService.js';

type Handler = (req: Request, res: Response) => Promise<void>;

/** The longest a poll for new messages is held open. */
export const MAX_WAIT_MS = 10_000;

export interface HandoffRouteDeps {
  logger: Logger;
  tokens: CoachTokenService;
  service: HandoffService;
  audit: AuditLog;
  /** True once the app is shutting down: held polls answer at once. */
  isShuttingDown(): boolean;
}

function queryNumber(req: Request, name: string, fallback: number, max: number): number {
  const raw = (req.query as Record<string, unknown> | undefined)?.[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) throw new CoachApiError(400, 'BadRequest', `"${name}" must be a whole number.`);
  return Math.min(Number(raw), max);
}

export function handoffRoutes(deps: HandoffRouteDeps) {
  const { service } = deps;
  const authed = (fn: (coachId: string, req: Request, res: Response) => Promise<void>): Handler => async (req, res) => {
    try {
      res.header('Cache-Control', 'no-store');
      const token = parseBearer(req.headers.authorization);
      const coach = token ? await deps.tokens.authenticate(token, 'api') : null;
      if (!coach) {
        sendError(res, 401, 'Unauthorized', token ? 'The coach token is not valid.' : 'A coach bearer token is required.', { 'WWW-Authenticate': 'Bearer' });
        return;
      }
      await fn(coach.id, req, res);
    } catch (err) {
      if (err instanceof CoachApiError) {
        sendError(res, err.status, err.code, err.message);
        return;
      }
      deps.logger.error({ err, route: req.getRoute?.()?.path }, 'handoff route failed');
      sendFailure(res, err);
    }
  };
  const actor = (coachId: string) => `coach:${coachId}`;

  return (server: Server): void => {
    server.get('/api/coach/live', authed(async (coachId, _req, res) => res.send(200, await service.liveStatus(coachId))));
    server.put(
      '/api/coach/live',
      authed(async (coachId, req, res) => {
        const available = body(req).available;
        if (typeof available !== 'boolean') throw new CoachApiError(400, 'BadRequest', '"available" must be true or false.');
        const status = await service.setLive(coachId, available);
        await deps.audit.audit(actor(coachId), available ? 'live.available' : 'live.unavailable', `coach:${coachId}`);
        res.send(200, status);
      }),
    );
    server.get(
      '/api/coach/handoffs',
      authed(async (coachId, _req, res) => res.send(200, { queue: await service.queueFor(coachId), active: await service.activeFor(coachId) })),
    );
    server.post(
      '/api/coach/handoffs/:id/accept',
      authed(async (coachId, req, res) => {
        const id = param(req, 'id');
        const chat = await service.accept(coachId, id);
        await deps.audit.audit(actor(coachId), 'handoff.accept', `handoff:${id}`);
        res.send(200, chat);
      }),
    );
    server.get('/api/coach/handoffs/:id', authed(async (coachId, req, res) => res.send(200, await service.chat(coachId, param(req, 'id')))));
    server.get(
      '/api/coach/handoffs/:id/messages',
      authed(async (coachId, req, res) => {
        const id = param(req, 'id');
        const after = queryNumber(req, 'after', 0, Number.MAX_SAFE_INTEGER);
        const wait = queryNumber(req, 'wait', 0, MAX_WAIT_MS);
        res.send(200, await service.awaitMessages(coachId, id, after, wait, deps.isShuttingDown));
      }),
    );
    server.post(
      '/api/coach/handoffs/:id/messages',
      authed(async (coachId, req, res) => {
        const b = body(req);
        if (typeof b.text !== 'string') throw new CoachApiError(400, 'BadRequest', '"text" must be a string.');
        if (b.language !== undefined && (typeof b.language !== 'string' || !/^[a-z]{2,3}$/.test(b.language))) {
          throw new CoachApiError(400, 'BadRequest', '"language" must be a language code such as "fi".');
        }
        res.send(201, await service.send(coachId, param(req, 'id'), b.text, b.language as string | undefined));
      }),
    );
    server.post(
      '/api/coach/handoffs/:id/typing',
      authed(async (coachId, req, res) => {
        await service.coachTyping(coachId, param(req, 'id'));
        res.send(204);
      }),
    );
    server.post(
      '/api/coach/handoffs/:id/end',
      authed(async (coachId, req, res) => {
        const id = param(req, 'id');
        await service.end(coachId, id);
        await deps.audit.audit(actor(coachId), 'handoff.end', `handoff:${id}`);
        res.send(200, await service.chat(coachId, id));
      }),
    );
    server.get(
      '/api/coach/callbacks',
      authed(async (coachId, req, res) => {
        const status = (req.query as Record<string, unknown> | undefined)?.status;
        if (status !== undefined && status !== 'open' && status !== 'done') throw new CoachApiError(400, 'BadRequest', '"status" must be open or done.');
        res.send(200, { callbacks: await service.listCallbacks(coachId, status) });
      }),
    );
    server.post(
      '/api/coach/callbacks/:id/done',
      authed(async (coachId, req, res) => {
        const id = param(req, 'id');
        const done = await service.callbackDone(coachId, id);
        await deps.audit.audit(actor(coachId), 'callback.done', `callback:${id}`);
        res.send(200, done);
      }),
    );
  };
}
