/**
 * The security edge of the HTTP server: headers on every response (a deny-all CSP unless the
 * route sets its own), CORS only for configured origins, and per-client rate limits.
 */
import type { Request, Response, Server } from 'restify';
import type { Clock } from '../kernel/clock.js';
import { clientAddress, RateLimiter, type RateDecision } from './rateLimiter.js';

export interface EdgeOptions {
  corsOrigins: readonly string[];
  trustProxy: boolean | number;
  /** Requests per minute per client address. */
  ratePerMinute: number;
  /** Messages per minute per conversation on /api/messages. */
  conversationPerMinute: number;
  /** Channel auth on: /api/messages comes from the Bot Service, whose address all users share. */
  production: boolean;
  /** Send Strict-Transport-Security (the public address is https). */
  hsts: boolean;
  clock?: Clock;
}

/** For responses whose route did not set a policy: JSON and errors need no sources at all. */
const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const STATIC_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'X-Permitted-Cross-Domain-Policies': 'none',
};

/**
 * Paths outside the per-client limit: health and metrics probes, and the widget's Direct Line
 * channel and assets, which long-poll and have their own per-conversation limits.
 */
const UNLIMITED_PREFIXES = ['/healthz', '/readyz', '/metrics', '/v3/directline/', '/api/webchat/', '/webchat/'];

function pathOf(req: Request): string {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

export function tooManyRequests(res: Response, decision: RateDecision, message: string): void {
  if (res.headersSent) return;
  res.send(429, { error: 'TooManyRequests', message }, { 'Retry-After': String(decision.retryAfterSeconds) });
}

export class HttpEdge {
  readonly clientLimiter: RateLimiter;
  readonly conversationLimiter: RateLimiter;
  private readonly origins: Set<string>;

  constructor(private readonly o: EdgeOptions) {
    this.clientLimiter = new RateLimiter({ capacity: o.ratePerMinute, refillPerSecond: o.ratePerMinute / 60, clock: o.clock });
    this.conversationLimiter = new RateLimiter({ capacity: o.conversationPerMinute, refillPerSecond: o.conversationPerMinute / 60, clock: o.clock });
    this.origins = new Set(o.corsOrigins.map((x) => x.toLowerCase()));
  }

  install(server: Server): void {
    server.pre((req: Request, res: Response, next: (err?: unknown) => void) => {
      this.headers(res);
      const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
      const allowed = origin !== undefined && this.origins.has(origin.toLowerCase());
      if (allowed) {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Vary', 'Origin');
      }
      if (req.method === 'OPTIONS') {
        if (allowed) {
          res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
          res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
          res.setHeader('Access-Control-Max-Age', '600');
          res.writeHead(204);
        } else {
          res.writeHead(403, { 'Content-Type': 'application/json' });
          res.write(JSON.stringify({ error: 'Forbidden', message: 'This origin may not call this API.' }));
        }
        res.end();
        return next(false);
      }
      const path = pathOf(req);
      const exempt = UNLIMITED_PREFIXES.some((p) => path === p || path.startsWith(p)) || (this.o.production && path === '/api/messages');
      if (!exempt) {
        const decision = this.clientLimiter.consume(clientAddress(req, this.o.trustProxy));
        if (!decision.allowed) {
          tooManyRequests(res, decision, 'Too many requests; please wait a moment.');
          return next(false);
        }
      }
      return next();
    });
    const sweeper = setInterval(() => {
      this.clientLimiter.sweep();
      this.conversationLimiter.sweep();
    }, 60_000);
    sweeper.unref();
    server.on('close', () => clearInterval(sweeper));
  }

  /** Per conversation on /api/messages; undefined when allowed. */
  conversationDecision(channelId: unknown, conversationId: string): RateDecision | undefined {
    const decision = this.conversationLimiter.consume(`${typeof channelId === 'string' ? channelId : ''}\u0000${conversationId}`);
    return decision.allowed ? undefined : decision;
  }

  /**
   * Defaults are added when the head is written, and only where the route set nothing: restify's
   * res.header() appends, and two CSP headers would both apply.
   */
  private headers(res: Response): void {
    const defaults: Record<string, string> = { ...STATIC_HEADERS, 'Content-Security-Policy': DEFAULT_CSP };
    if (this.o.hsts) defaults['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
    const raw = res as unknown as { writeHead: (...args: unknown[]) => unknown; hasHeader(n: string): boolean; setHeader(n: string, v: string): void; headersSent: boolean };
    const writeHead = raw.writeHead;
    raw.writeHead = function patchedWriteHead(this: typeof raw, ...args: unknown[]) {
      const given = args.find((a, i) => i > 0 && typeof a === 'object' && a !== null && !Array.isArray(a)) as Record<string, unknown> | undefined;
      const givenNames = new Set(Object.keys(given ?? {}).map((k) => k.toLowerCase()));
      if (!this.headersSent) {
        for (const [name, value] of Object.entries(defaults)) {
          if (!this.hasHeader(name) && !givenNames.has(name.toLowerCase())) this.setHeader(name, value);
        }
      }
      return writeHead.apply(this, args);
    };
  }
}
