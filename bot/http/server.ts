/**
 * The HTTP edge: validates input before it reaches the SDK (malformed JSON and activities get
 * a 400 with a clear message, oversize bodies 413) and never leaks internals in a response.
 */
import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { Database } from '../db/database.js';
import type { Logger } from '../kernel/log.js';
import type { RouteInstaller, TurnHandler } from '../kernel/contracts.js';
import { setRequestLogger } from '../observability/correlation.js';
import { installRequestObservability, requestLogger } from '../observability/http.js';
import type { Metrics } from '../observability/metrics.js';
import { activityShapeProblem } from '../security/activityShape.js';
import { tooManyRequests, type HttpEdge } from '../security/httpEdge.js';
import { isDependencyOutage, OUTAGE_RETRY_AFTER_SECONDS, sendError, sendFailure } from './errors.js';
import type { InflightTracker } from './inflight.js';
import { isPlainObject } from '../kernel/json.js';

export interface HttpServerDeps {
  adapter: CloudAdapter;
  bot: TurnHandler;
  db: Database;
  logger: Logger;
  inflight: InflightTracker;
  maxBodyBytes: number;
  /** True once shutdown has begun: new turns get 503. */
  isShuttingDown(): boolean;
  metrics?: Metrics;
  /** Longest a turn may hold its HTTP request (TURN_TIMEOUT_MS). */
  turnTimeoutMs?: number;
  /** Security headers, CORS and rate limits (bot/security/httpEdge.ts). */
  edge?: HttpEdge;
  /**
   * Production mode: checks the channel's token before any per-conversation budget is spent, so
   * an unauthenticated caller who names a conversation cannot lock its user out. Throws when the
   * request is not authenticated.
   */
  authenticate?(activity: Record<string, unknown>, authHeader: string): Promise<unknown>;
}

export function createHttpServer(deps: HttpServerDeps, installers: RouteInstaller[] = []): Server {
  const server = restify.createServer({ name: 'oma-botti', handleUncaughtExceptions: false });
  // Once shutdown begins, every answer closes its connection: a widget tab polls again 200 ms after
  // each answer on the same keep-alive socket, which would otherwise never become idle and would
  // hold server.close() open for as long as the tab stays open.
  server.pre((_req: Request, res: Response, next: () => void) => {
    if (deps.isShuttingDown()) res.setHeader('Connection', 'close');
    next();
  });
  // Request id, per-request child logger, access log line and request counters.
  installRequestObservability(server, deps.logger, deps.metrics);
  deps.edge?.install(server);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: deps.maxBodyBytes, mapParams: false, mapFiles: false, keepExtensions: false }));

  // Uniform, internals-free error bodies for everything restify rejects itself.
  server.on('restifyError', (req: Request, res: Response, err: { statusCode?: number; body?: { code?: string; message?: string }; toJSON?: () => unknown; message: string }, callback: () => void) => {
    // A route that let a database outage escape: worth a retry, so 503 with Retry-After.
    if ((err.statusCode === undefined || err.statusCode === 500) && isDependencyOutage(err)) {
      err.statusCode = 503;
      err.toJSON = () => ({ error: 'ServiceUnavailable', message: 'The service is temporarily unavailable; please try again shortly.' });
      if (!res.headersSent) res.setHeader('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS));
      return callback();
    }
    const status = err.statusCode ?? 500;
    const code = err.body?.code ?? 'Error';
    const message = status >= 500 ? 'Internal error' : status === 413 ? `Request body is larger than ${deps.maxBodyBytes} bytes` : (err.body?.message ?? err.message);
    err.toJSON = () => ({ error: code, message });
    if (status >= 500) {
      requestLogger(req, deps.logger).error({ status, code }, 'request failed');
      deps.metrics?.errors.inc({ kind: 'http' });
    }
    callback();
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    const body: unknown = req.body;
    if (!isPlainObject(body)) {
      sendError(res, 400, 'BadRequest', 'The request body must be a JSON Activity object.');
      return;
    }
    if (typeof body.type !== 'string' || body.type.trim() === '') {
      sendError(res, 400, 'BadRequest', 'The Activity must have a non-empty string "type".');
      return;
    }
    if (!isPlainObject(body.conversation) || typeof body.conversation.id !== 'string' || !body.conversation.id) {
      sendError(res, 400, 'BadRequest', 'The Activity must have "conversation.id".');
      return;
    }
    const problem = activityShapeProblem(body);
    if (problem) {
      sendError(res, 400, 'BadRequest', problem);
      return;
    }
    if (deps.isShuttingDown()) {
      sendError(res, 503, 'ShuttingDown', 'The server is restarting; please retry.', { 'Retry-After': '2' });
      return;
    }
    if (deps.authenticate) {
      try {
        await deps.authenticate(body, typeof req.headers.authorization === 'string' ? req.headers.authorization : '');
      } catch {
        sendError(res, 401, 'Unauthorized', 'A valid Bot Framework token is required.');
        return;
      }
    }
    const limited = deps.edge?.conversationDecision(body.channelId, body.conversation.id);
    if (limited) {
      tooManyRequests(res, limited, 'Too many messages in this conversation; please wait a moment.');
      return;
    }
    // A turn that outlives TURN_TIMEOUT_MS is answered now and finishes in the background; the
    // adapter's late response is dropped. Connector-path replies still reach the user.
    let answered = false;
    let status = 200;
    // Set when the turn failed because the database is down. onTurnError still apologises (on
    // the connector path the user sees it), but the HTTP answer is a 503 the caller may retry.
    let outage = false;
    const guarded = Object.assign(Object.create(res) as Response, {
      status: (code: number) => {
        status = code;
        if (!answered) res.status(code);
        return guarded;
      },
      send: (payload?: unknown) => {
        if (answered) return;
        if (outage) {
          sendError(res, 503, 'ServiceUnavailable', 'The service is temporarily unavailable; please try again shortly.', { 'Retry-After': String(OUTAGE_RETRY_AFTER_SECONDS) });
          return;
        }
        // The SDK puts its error messages (token details, stack text) in the body; they stay here.
        if (status === 401) res.send({ error: 'Unauthorized', message: 'A valid Bot Framework token is required.' });
        else if (status >= 500) res.send({ error: 'InternalError', message: 'Internal error' });
        else res.send(payload);
      },
      end: () => {
        if (!answered) res.end();
        answered = true;
      },
    });
    const timer = deps.turnTimeoutMs
      ? setTimeout(() => {
          if (answered || res.headersSent) return;
          answered = true;
          requestLogger(req, deps.logger).warn({ timeoutMs: deps.turnTimeoutMs }, 'turn timed out');
          if (body.deliveryMode === 'expectReplies') {
            sendError(res, 503, 'TurnTimeout', 'The answer is taking too long; please try again in a moment.', { 'Retry-After': '2' });
          } else {
            res.send(202);
          }
        }, deps.turnTimeoutMs)
      : undefined;
    try {
      await deps.inflight.track(() =>
        deps.adapter.process(req, guarded, (context) => {
          setRequestLogger(context, requestLogger(req, deps.logger));
          return deps.bot.run(context).catch((err: unknown) => {
            if (isDependencyOutage(err)) outage = true;
            throw err;
          });
        }),
      );
    } catch (err) {
      requestLogger(req, deps.logger).error({ err }, 'activity processing failed');
      deps.metrics?.errors.inc({ kind: 'http' });
      sendFailure(res, err);
    } finally {
      clearTimeout(timer);
    }
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    try {
      await deps.db.ping();
      res.send(200, { status: 'ok', database: deps.db.kind });
    } catch {
      res.send(503, { status: 'unavailable', database: deps.db.kind }, { 'Retry-After': String(OUTAGE_RETRY_AFTER_SECONDS) });
    }
  });

  // Readiness for a load balancer: the database answers, its schema is current, and the
  // process is not shutting down. /healthz stays a liveness check of the database alone.
  server.get('/readyz', async (_req: Request, res: Response) => {
    if (deps.isShuttingDown()) {
      res.send(503, { status: 'shutting down', database: deps.db.kind });
      return;
    }
    try {
      await deps.db.ping();
      const pending = await deps.db.pendingMigrations();
      if (pending.length > 0) {
        res.send(503, { status: 'migrations pending', database: deps.db.kind, pendingMigrations: pending });
        return;
      }
      res.send(200, { status: 'ready', database: deps.db.kind });
    } catch {
      res.send(503, { status: 'unavailable', database: deps.db.kind }, { 'Retry-After': String(OUTAGE_RETRY_AFTER_SECONDS) });
    }
  });

  for (const install of installers) install(server);
  return server;
}
