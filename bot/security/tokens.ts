/** Opaque bearer tokens: generation, hashed storage and constant-time comparison. */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A URL-safe random token; 32 bytes gives 256 bits, far beyond guessing. */
export function newToken(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < 16 || bytes > 1024) {
    throw new RangeError('token length must be an integer from 16 to 1024 bytes');
  }
  return randomBytes(bytes).toString('base64url');
}

/**
 * The form a token is stored in. With a server-side pepper it is an HMAC, so a leaked
 * database alone does not let anyone test guesses offline.
 */
export function hashToken(token: string, pepper?: string | Buffer): string {
  if (pepper !== undefined && pepper.length > 0) {
    return createHmac('sha256', pepper).update(token, 'utf8').digest('hex');
  }
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time equality for secrets; different lengths are unequal without comparing. */
export function safeEqual(a: string | Buffer, b: string | Buffer): boolean {
  const left = typeof a === 'string' ? Buffer.from(a, 'utf8') : a;
  const right = typeof b === 'string' ? Buffer.from(b, 'utf8') : b;
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

/** Checks a presented token against a stored hash made by hashToken. */
export function verifyToken(token: string, storedHash: string, pepper?: string | Buffer): boolean {
  return safeEqual(hashToken(token, pepper), storedHash);
}

const MAX_HEADER_CHARS = 8192;
// RFC 6750 b64token.
const BEARER_RE = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The token from an `Authorization: Bearer …` header, or null for anything else. */
export function parseBearer(authorizationHeader: string | readonly string[] | undefined | null): string | null {
  if (typeof authorizationHeader !== 'string') return null;
  if (authorizationHeader.length > MAX_HEADER_CHARS) return null;
  const m = BEARER_RE.exec(authorizationHeader.trim());
  return m ? m[1] : null;
}
