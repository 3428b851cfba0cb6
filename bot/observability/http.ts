/**
 * Observability at the HTTP edge: a request id and child logger per request, one access-log line
 * per request (route pattern, never the raw URL, which may hold tokens), request counters, and
 * GET /metrics — on the main port behind a bearer token, or on an internal port.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../kernel/log.js';
import { METRICS_CONTENT_TYPE, type Metrics } from './metrics.js';
import { REQUEST_ID_HEADER, requestIdFrom } from './correlation.js';

const REQUEST_LOGGER = Symbol('omabotti.reqLogger');

type CorrelatedRequest = Request & { [REQUEST_LOGGER]?: Logger };

/** Probes and scrapes are frequent and uninteresting: their access lines are logged at debug. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** The request's logger (carries `reqId`); the app logger for requests that bypassed the edge. */
export function requestLogger(req: Request, fallback: Logger): Logger {
  return (req as CorrelatedRequest)[REQUEST_LOGGER] ?? fallback;
}

function routeOf(req: Request): string {
  try {
    const route = req.getRoute?.();
    return route?.path ? String(route.path) : 'unmatched';
  } catch {
    return 'unmatched';
  }
}

/** Installs request ids, access logs and request counters on the server. Call before routes. */
export function installRequestObservability(server: Server, logger: Logger, metrics?: Metrics): void {
  server.pre((req: Request, res: Response, next: () => void) => {
    const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    const log = logger.child({ reqId: id });
    (req as CorrelatedRequest)[REQUEST_LOGGER] = log;
    res.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = routeOf(req);
      const status = res.statusCode;
      metrics?.httpRequests.inc({ route, method: req.method ?? 'OTHER', status: String(status) });
      const fields = { method: req.method, route, status, ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000 };
      if (status >= 500) log.error(fields, 'request');
      else if (QUIET_ROUTES.has(route) || req.method === 'GET') log.debug(fields, 'request');
      else log.info(fields, 'request');
    });
    next();
  });
}

export interface MetricsExposure {
  /** Bearer token required for /metrics (METRICS_TOKEN). */
  token?: string;
  /** Serve /metrics on this separate port instead of the main one (METRICS_PORT). */
  port?: number;
  host: string;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!match) return false;
  const given = crypto.createHash('sha256').update(match[1].trim()).digest();
  const wanted = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(given, wanted);
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Where /metrics is served:
 * - METRICS_PORT set: on that port only (token still required if METRICS_TOKEN is set);
 * - else METRICS_TOKEN set: on the main port, with `Authorization: Bearer <token>`;
 * - else on the main port without a token only while the server binds to loopback (local mode);
 *   a publicly bound server without either setting answers 404.
 */
function metricsOnMainPort(exposure: MetricsExposure): 'token' | 'open' | 'off' {
  if (exposure.port !== undefined) return 'off';
  if (exposure.token) return 'token';
  return LOOPBACK.has(exposure.host) ? 'open' : 'off';
}

async function answerScrape(metrics: Metrics, authorization: string | undefined, token: string | undefined): Promise<{ status: number; body: string; headers: Record<string, string> }> {
  if (token && !bearerMatches(authorization, token)) {
    return { status: 401, body: JSON.stringify({ error: 'Unauthorized', message: 'A valid bearer token is required.' }), headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' } };
  }
  return { status: 200, body: await metrics.render(), headers: { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' } };
}

/** Adds GET /metrics to the main server when the exposure rules allow it. */
export function metricsRoute(metrics: Metrics, exposure: MetricsExposure): (server: Server) => void {
  return (server) => {
    const mode = metricsOnMainPort(exposure);
    if (mode === 'off') return;
    server.get('/metrics', async (req: Request, res: Response) => {
      const answer = await answerScrape(metrics, req.headers.authorization, mode === 'token' ? exposure.token : undefined);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
  };
}

/** The internal metrics listener (METRICS_PORT): /metrics only, everything else 404. */
export class MetricsServer {
  private server?: http.Server;

  constructor(
    private readonly metrics: Metrics,
    private readonly exposure: MetricsExposure,
    private readonly logger: Logger,
  ) {}

  async listen(): Promise<number | undefined> {
    if (this.exposure.port === undefined) return undefined;
    const server = http.createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method !== 'GET' || path !== '/metrics') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'NotFound', message: 'Only GET /metrics is served on this port.' }));
        return;
      }
      answerScrape(this.metrics, req.headers.authorization, this.exposure.token).then(
        (a) => {
          res.writeHead(a.status, a.headers);
          res.end(a.body);
        },
        (err: Error) => {
          this.logger.error({ err }, 'metrics: scrape failed');
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'InternalError', message: 'Internal error' }));
        },
      );
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.exposure.port, this.exposure.host, () => resolve());
    });
    return (server.address() as { port: number }).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }
}
