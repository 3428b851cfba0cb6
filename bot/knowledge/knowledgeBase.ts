import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SUPPORTED_LOCALES, type Locale } from '../i18n/locales.js';
import { projectPath } from '../kernel/paths.js';

/**
 * The embedded knowledge base: one JSON file per locale under prisma/data/knowledge,
 * all with the same article ids. Finnish is the source text; the others are translations
 * whose review state is recorded in meta.json.
 */

const ARTICLE_ACTIONS = ['eligibility', 'booking', 'municipalities', 'privacy'] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

// A source is either one of the seed articles or a named public reference, so every
// answer can say where it comes from.
const SOURCE_PATTERN = /^(seed:\d{3}_[0-9a-f]{16}\.txt|public:\S.*)$/;
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const nonEmpty = z.string().trim().min(1);

const articleSchema = z.strictObject({
  id: z.string().regex(ID_PATTERN),
  topic: nonEmpty,
  title: nonEmpty,
  short: nonEmpty,
  long: nonEmpty.optional(),
  followUps: z.array(z.string().regex(ID_PATTERN)),
  sources: z.array(z.string().regex(SOURCE_PATTERN)).min(1),
  action: z.enum(ARTICLE_ACTIONS).optional(),
  /** The day the article's facts were last compared with its named sources (ISO date), shown with the sources. */
  checked: z.iso.date().optional(),
  /** Alternative phrasings, used only to find the article, never shown. */
  questions: z.array(nonEmpty).optional(),
});
export type Article = z.infer<typeof articleSchema>;

const localeFileSchema = z.strictObject({
  locale: z.enum(SUPPORTED_LOCALES),
  articles: z.array(articleSchema).min(1),
});

const localeMetaSchema = z.strictObject({ machineTranslated: z.boolean(), reviewed: z.boolean() });
export type LocaleMeta = z.infer<typeof localeMetaSchema>;

const metaSchema = z.strictObject({
  source: z.enum(SUPPORTED_LOCALES),
  about: z.string().optional(),
  locales: z.record(z.string(), localeMetaSchema),
});

export class KnowledgeBaseError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid knowledge base:\n- ${problems.join('\n- ')}`);
    this.name = 'KnowledgeBaseError';
  }
}

export interface KnowledgeBase {
  readonly source: Locale;
  readonly locales: readonly Locale[];
  /** Article ids in file order (the same in every locale). */
  readonly ids: readonly string[];
  readonly meta: Readonly<Record<Locale, LocaleMeta>>;
  articles(locale: Locale): readonly Article[];
  get(id: string, locale: Locale): Article | undefined;
}

export const DEFAULT_KNOWLEDGE_DIR = projectPath('prisma', 'data', 'knowledge');

/**
 * Checks parsed file contents and builds the knowledge base. Pure, so tests can feed broken
 * data; throws KnowledgeBaseError listing every problem found, not just the first.
 */
export function buildKnowledgeBase(files: Partial<Record<Locale, unknown>>, rawMeta: unknown): KnowledgeBase {
  const problems: string[] = [];
  const byLocale = new Map<Locale, Article[]>();

  const meta = metaSchema.safeParse(rawMeta);
  if (!meta.success) problems.push(`meta.json: ${z.prettifyError(meta.error)}`);

  for (const locale of SUPPORTED_LOCALES) {
    const raw = files[locale];
    if (raw === undefined) {
      problems.push(`${locale}: file missing`);
      continue;
    }
    const parsed = localeFileSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(`${locale}: ${z.prettifyError(parsed.error)}`);
      continue;
    }
    if (parsed.data.locale !== locale) problems.push(`${locale}: file says locale "${parsed.data.locale}"`);
    const seen = new Set<string>();
    for (const a of parsed.data.articles) {
      if (seen.has(a.id)) problems.push(`${locale}: duplicate id "${a.id}"`);
      seen.add(a.id);
    }
    byLocale.set(locale, parsed.data.articles);
    if (meta.success && !meta.data.locales[locale]) problems.push(`meta.json: no entry for ${locale}`);
  }

  const source: Locale = meta.success ? meta.data.source : 'fi';
  const reference = byLocale.get(source);
  if (reference) {
    const ids = new Set(reference.map((a) => a.id));
    for (const a of reference) {
      for (const f of a.followUps) {
        if (!ids.has(f)) problems.push(`${source}/${a.id}: follow-up "${f}" does not exist`);
        if (f === a.id) problems.push(`${source}/${a.id}: follows up to itself`);
      }
    }
    // Translations must mirror the source: same ids, same links, same dialog triggers,
    // otherwise a follow-up button could lead nowhere in one language.
    for (const [locale, articles] of byLocale) {
      if (locale === source) continue;
      const theirs = new Map(articles.map((a) => [a.id, a]));
      for (const a of reference) {
        const t = theirs.get(a.id);
        if (!t) {
          problems.push(`${locale}: missing article "${a.id}"`);
          continue;
        }
        if (t.followUps.join(',') !== a.followUps.join(',')) problems.push(`${locale}/${a.id}: followUps differ from ${source}`);
        if (t.action !== a.action) problems.push(`${locale}/${a.id}: action differs from ${source}`);
      }
      for (const t of articles) if (!ids.has(t.id)) problems.push(`${locale}: extra article "${t.id}" not in ${source}`);
    }
  } else if (meta.success) {
    problems.push(`source locale ${source} could not be read`);
  }

  if (problems.length > 0 || !reference || !meta.success) throw new KnowledgeBaseError(problems);

  const order = reference.map((a) => a.id);
  const index = new Map<Locale, Map<string, Article>>();
  for (const [locale, articles] of byLocale) {
    const sorted = [...articles].sort((x, y) => order.indexOf(x.id) - order.indexOf(y.id));
    byLocale.set(locale, sorted);
    index.set(locale, new Map(sorted.map((a) => [a.id, a])));
  }
  const metaByLocale = Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, meta.data.locales[l]])) as Record<Locale, LocaleMeta>;

  return {
    source,
    locales: SUPPORTED_LOCALES,
    ids: order,
    meta: metaByLocale,
    articles: (locale) => byLocale.get(locale) ?? [],
    get: (id, locale) => index.get(locale)?.get(id),
  };
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Reads and validates every locale file in `dir`. Throws KnowledgeBaseError when anything is off. */
export function loadKnowledgeBase(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeBase {
  const files: Partial<Record<Locale, unknown>> = {};
  const problems: string[] = [];
  for (const locale of SUPPORTED_LOCALES) {
    try {
      files[locale] = readJson(join(dir, `${locale}.json`));
    } catch (err) {
      problems.push(`${locale}.json: ${(err as Error).message}`);
    }
  }
  let meta: unknown;
  try {
    meta = readJson(join(dir, 'meta.json'));
  } catch (err) {
    problems.push(`meta.json: ${(err as Error).message}`);
  }
  if (problems.length > 0) throw new KnowledgeBaseError(problems);
  return buildKnowledgeBase(files, meta);
}

let cached: KnowledgeBase | undefined;

/** The shipped knowledge base, loaded once per process. */
export function getKnowledgeBase(): KnowledgeBase {
  cached ??= loadKnowledgeBase();
  return cached;
}
