/**
 * Reading a coach or staff request's path id and JSON body, shared by the coach and hand-off
 * routes: a malformed id is a 404 and a body that is not a JSON object a 400, never a 500.
 */
import type { Request } from 'restify';
import { CoachApiError } from './errors.js';

/** Ids in paths and bodies: what the database hands out (cuid-like), nothing that could be a path or a query. */
export const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

export function param(req: Request, name: string): string {
  const value = (req.params as Record<string, string | undefined>)[name];
  if (typeof value !== 'string' || !ID_RE.test(value)) throw new CoachApiError(404, 'NotFound', 'Not found.');
  return value;
}

export function body(req: Request): Record<string, unknown> {
  const b: unknown = req.body;
  if (b === undefined || b === null || b === '') return {};
  if (typeof b !== 'object' || Array.isArray(b)) throw new CoachApiError(400, 'BadRequest', 'The request body must be a JSON object.');
  return b as Record<string, unknown>;
}
