/** The one shape of an HTTP error body: `{ error, message }`, never internals. */
import type { Response } from 'restify';

export function sendError(res: Response, status: number, error: string, message: string, headers?: Record<string, string>): void {
  if (res.headersSent) return;
  res.send(status, { error, message }, headers);
}
