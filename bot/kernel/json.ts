/** Guards for values that arrived as JSON (request bodies, stored payloads) and may hold anything. */

/** An object with string keys: not null and not an array, which typeof also calls 'object'. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
