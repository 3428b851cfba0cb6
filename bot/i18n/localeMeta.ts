/**
 * Per-locale metadata in locales/{lng}/meta.json: the language's own name, its writing
 * direction, and whether its strings are machine-made and whether a native speaker has
 * reviewed them. It is data about a locale, not strings to show, so it is not an i18next
 * namespace.
 */
export const META_FILE = 'meta.json';

export interface LocaleMeta {
  /** The language in its own name ("Suomi", "العربية"). */
  name: string;
  dir: 'ltr' | 'rtl';
  /** True for the locale the others are translated from (Finnish). */
  source: boolean;
  /** True when the strings were translated by machine or by non-native writers. */
  machineTranslated: boolean;
  /** True only after a native speaker has checked every string of the locale. */
  reviewed: boolean;
}

/** Validates a parsed meta.json; throws with the file's locale in the message. */
export function parseLocaleMeta(locale: string, raw: unknown): LocaleMeta {
  const m = raw as Partial<LocaleMeta> | null;
  const problems: string[] = [];
  if (!m || typeof m !== 'object') throw new Error(`locales/${locale}/${META_FILE}: not an object`);
  if (typeof m.name !== 'string' || !m.name.trim()) problems.push('name');
  if (m.dir !== 'ltr' && m.dir !== 'rtl') problems.push('dir');
  for (const flag of ['source', 'machineTranslated', 'reviewed'] as const) if (typeof m[flag] !== 'boolean') problems.push(flag);
  if (problems.length) throw new Error(`locales/${locale}/${META_FILE}: missing or invalid ${problems.join(', ')}`);
  return { name: m.name!, dir: m.dir!, source: m.source!, machineTranslated: m.machineTranslated!, reviewed: m.reviewed! };
}
