/** The admin bearer token (ADMIN_TOKEN), checked the same way on every admin route. */
import type { Request, Response } from 'restify';
import { sendError } from '../http/errors.js';
import { parseBearer, safeEqual } from '../security/tokens.js';

/** True when the Authorization header carries the admin bearer token. */
export function isAdmin(req: Pick<Request, 'headers'>, adminToken: string): boolean {
  const token = parseBearer(req.headers.authorization);
  return token !== null && safeEqual(token, adminToken);
}

/** Answers 401 and returns false unless the request carries the admin bearer token. */
export function requireAdmin(req: Request, res: Response, adminToken: string): boolean {
  if (isAdmin(req, adminToken)) return true;
  sendError(res, 401, 'Unauthorized', 'A valid admin bearer token is required.', { 'WWW-Authenticate': 'Bearer' });
  return false;
}
