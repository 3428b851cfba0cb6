/**
 * Text a database can store. PostgreSQL refuses U+0000 in text and jsonb and a lone UTF-16
 * surrogate in jsonb, so either one in a user's input used to fail the statement (a 500, or a
 * whole batch of other users' rows lost). Free text is repaired; identifiers and structured
 * values are refused, since repairing them would change their meaning.
 */

const LONE_SURROGATE_SOURCE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const NUL_ALL = /\u0000/g;
const LONE_SURROGATE_ALL = new RegExp(LONE_SURROGATE_SOURCE, 'g');
const UNSTORABLE = new RegExp(`\\u0000|${LONE_SURROGATE_SOURCE}`);

/** Free text with NUL removed and each lone surrogate replaced by U+FFFD. */
export function cleanText(text: string): string {
  return text.replace(NUL_ALL, '').replace(LONE_SURROGATE_ALL, '\ufffd');
}

/** True when the string holds NUL or a lone surrogate. */
export function hasUnstorableChars(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** True when any string or key in a JSON value holds NUL or a lone surrogate. */
export function jsonHasUnstorableChars(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return hasUnstorableChars(value);
  if (typeof value !== 'object' || value === null || depth > 64) return false;
  if (Array.isArray(value)) return value.some((v) => jsonHasUnstorableChars(v, depth + 1));
  return Object.entries(value).some(([k, v]) => hasUnstorableChars(k) || jsonHasUnstorableChars(v, depth + 1));
}

/** A JSON value with every string and key cleaned like free text (stored copies, not input). */
export function cleanJson(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (typeof value !== 'object' || value === null || depth > 64) return value;
  if (Array.isArray(value)) return value.map((v) => cleanJson(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanJson(v, depth + 1)]));
}
