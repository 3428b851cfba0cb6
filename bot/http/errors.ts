/** The one shape of an HTTP error body: `{ error, message }`, never internals. */
import type { Response } from 'restify';

export function sendError(res: Response, status: number, error: string, message: string, headers?: Record<string, string>): void {
  if (res.headersSent) return;
  res.send(status, { error, message }, headers);
}

/** Seconds a client is asked to wait while a dependency is down. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** Prisma's codes for "the database cannot be reached or dropped the connection". */
const PRISMA_OUTAGE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** Driver adapter error kinds for the same. */
const ADAPTER_OUTAGE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TransactionAlreadyClosed']);
/** Socket errors from a client library. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATE classes that mean the server is unavailable rather than the request wrong: 08
 * (connection exception), 57P01–57P03 (shut down, crash, starting up), 53300 (too many
 * connections).
 */
function isOutageSqlState(code: string): boolean {
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';
}

/**
 * Whether an error means a dependency (the database) is unavailable, so the request may succeed
 * when retried: the answer is then 503 with Retry-After, not 500. Looks through `cause` and the
 * driver adapter error Prisma wraps, by shape, since errors come from several libraries.
 */
export function isDependencyOutage(err: unknown, depth = 0): boolean {
  if (depth > 5 || typeof err !== 'object' || err === null) return false;
  const e = err as { name?: unknown; code?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown }; message?: unknown };
  if (e.name === 'PrismaClientInitializationError') return true;
  if (typeof e.code === 'string' && (PRISMA_OUTAGE_CODES.has(e.code) || SOCKET_CODES.has(e.code) || (/^[0-9A-Z]{5}$/.test(e.code) && isOutageSqlState(e.code)))) return true;
  if (typeof e.kind === 'string' && ADAPTER_OUTAGE_KINDS.has(e.kind)) return true;
  if (e.kind === 'postgres' && typeof (e as { code?: unknown }).code === 'string' && isOutageSqlState((e as { code: string }).code)) return true;
  if (typeof e.message === 'string' && /Connection terminated|Client has encountered a connection error|terminating connection due to administrator command|the database system is (starting up|shutting down)/i.test(e.message)) return true;
  return isDependencyOutage(e.cause, depth + 1) || isDependencyOutage(e.meta?.driverAdapterError, depth + 1);
}

/** For a failed request: 503 with Retry-After when a dependency is down, 500 otherwise. */
export function sendFailure(res: Response, err: unknown): void {
  if (isDependencyOutage(err)) {
    sendError(res, 503, 'ServiceUnavailable', 'The service is temporarily unavailable; please try again shortly.', { 'Retry-After': String(OUTAGE_RETRY_AFTER_SECONDS) });
  } else {
    sendError(res, 500, 'InternalError', 'Internal error');
  }
}
