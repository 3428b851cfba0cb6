import { describe, expect, it } from 'vitest';
import { translator } from '../support/dialogs.js';
import { CommandWords } from '../../bot/i18n/commandWords.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_LOCALES, type Locale } from '../../bot/i18n/locales.js';
import {
  DEFAULT_KNOWLEDGE_DIR,
  KnowledgeBaseError,
  buildKnowledgeBase,
  loadKnowledgeBase,
} from '../../bot/knowledge/knowledgeBase.js';

const kb = loadKnowledgeBase();

function rawFiles(): Record<Locale, any> {
  const out = {} as Record<Locale, any>;
  for (const l of SUPPORTED_LOCALES) out[l] = JSON.parse(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, `${l}.json`), 'utf8'));
  return out;
}
const rawMeta = () => JSON.parse(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'meta.json'), 'utf8'));

// The required coverage: a jobseeker asking about any of these must find an article.
const REQUIRED = [
  'pilot', 'target-groups', 'under-30', 'immigrants', 'benefits', 'dates', 'after-pilot', 'municipalities',
  'coach', 'booking', 'eligibility', 'offices', 'work-trial', 'rehab-work', 'duties', 'privacy',
];

describe('shipped knowledge base', () => {
  it('covers every required topic in every locale', () => {
    for (const locale of SUPPORTED_LOCALES) {
      for (const id of REQUIRED) expect(kb.get(id, locale), `${locale}/${id}`).toBeDefined();
    }
  });

  it.each(SUPPORTED_LOCALES)('%s has the same ids, follow-ups and actions as Finnish', (locale) => {
    const fi = kb.articles('fi');
    const theirs = kb.articles(locale);
    expect(theirs.map((a) => a.id)).toEqual(fi.map((a) => a.id));
    for (const a of fi) {
      expect(kb.get(a.id, locale)?.followUps).toEqual(a.followUps);
      expect(kb.get(a.id, locale)?.action).toBe(a.action);
    }
  });

  it('names a source for every article and every follow-up exists', () => {
    for (const locale of SUPPORTED_LOCALES) {
      for (const a of kb.articles(locale)) {
        expect(a.sources.length, `${locale}/${a.id}`).toBeGreaterThan(0);
        for (const f of a.followUps) expect(kb.ids, `${locale}/${a.id} -> ${f}`).toContain(f);
      }
    }
  });

  it('cites only seed files that exist', () => {
    const seeds = new Set(['000_3d3d119ede2d22b5.txt', '001_b53a797fbeb0de54.txt', '002_6b3e67d0ae0b1b21.txt', '003_a62e4394150911d6.txt', '004_d529c91541edc2ec.txt']);
    for (const locale of SUPPORTED_LOCALES) {
      for (const a of kb.articles(locale)) {
        for (const s of a.sources.filter((x) => x.startsWith('seed:'))) expect(seeds.has(s.slice(5)), s).toBe(true);
      }
    }
  });

  it.each([
    ['municipalities', 'municipalities'],
    ['booking', 'booking'],
    ['eligibility', 'eligibility'],
    ['privacy', 'privacy'],
  ])('article %s starts the %s dialog', (id, action) => {
    expect(kb.get(id, 'fi')?.action).toBe(action);
  });

  it('keeps answers short: at most three sentences', () => {
    for (const locale of SUPPORTED_LOCALES) {
      for (const a of kb.articles(locale)) {
        // Dates like 1.3.2021 contain dots, so count sentence ends followed by a space or the end.
        const sentences = a.short.split(/[.!?。؟]["”»“]?(?:\s+|$)/).filter((s) => s.trim().length > 0);
        expect(sentences.length, `${locale}/${a.id}: ${a.short}`).toBeLessThanOrEqual(4);
      }
    }
  });

  it('never claims the pilot is still running and never shows phone numbers or emails', () => {
    for (const locale of SUPPORTED_LOCALES) {
      for (const a of kb.articles(locale)) {
        const text = [a.title, a.short, a.long ?? ''].join(' ');
        expect(text, `${locale}/${a.id}`).not.toMatch(/@|\b0\d{2}[ -]?\d{3}[ -]?\d{3,4}\b|puh\./i);
      }
    }
    for (const locale of SUPPORTED_LOCALES) expect(kb.get('dates', locale)?.short).toContain('31.12.2024');
    expect(kb.get('pilot', 'fi')?.short).toMatch(/päättynyt/);
    expect(kb.get('pilot', 'en')?.short).toMatch(/has ended/);
  });

  it('keeps the Finnish service term beside translated terms', () => {
    const terms: [string, string][] = [['work-trial', 'työkokeilu'], ['rehab-work', 'kuntouttava työtoiminta'], ['coach', 'OMA-valmentaja'], ['benefits', 'työmarkkinatuki']];
    for (const locale of SUPPORTED_LOCALES.filter((l) => l !== 'fi' && l !== 'fi-x-selko')) {
      for (const [id, term] of terms) expect(kb.get(id, locale)?.short, `${locale}/${id}`).toContain(`(${term})`);
    }
  });

  it('the privacy article quotes the delete command exactly as the bot understands it, in every locale', () => {
    const commands = new CommandWords(translator);
    for (const locale of SUPPORTED_LOCALES) {
      const quoted = [...kb.get('privacy', locale)!.short.matchAll(/[”"«“„]([^”"»“]+)[”"»“]/gu)].map((m) => m[1]);
      expect(quoted, locale).toHaveLength(1);
      expect(commands.recognize(quoted[0]), `${locale}: ${quoted[0]}`).toBe('deleteData');
    }
  });

  it('the booking article names the "My appointments" menu entry as the menu shows it', () => {
    for (const locale of SUPPORTED_LOCALES.filter((l) => l !== 'fi-x-selko')) {
      expect(kb.get('booking', locale)!.short, locale).toContain(String(translator.t(locale)('booking:menu.mine')));
    }
  });

  it('writes each locale in its own script', () => {
    const scripts: Partial<Record<Locale, RegExp>> = { ru: /\p{Script=Cyrillic}/u, uk: /\p{Script=Cyrillic}/u, ar: /\p{Script=Arabic}/u, fa: /\p{Script=Arabic}/u };
    for (const [locale, re] of Object.entries(scripts) as [Locale, RegExp][]) {
      for (const a of kb.articles(locale)) expect(a.title, `${locale}/${a.id}`).toMatch(re);
    }
  });

  it('plain Finnish is its own text, not a copy of Finnish', () => {
    for (const a of kb.articles('fi')) expect(kb.get(a.id, 'fi-x-selko')?.short).not.toBe(a.short);
  });

  // Issue 14's topics: each answer shows the day its facts were checked, and a translation must
  // not quietly cite other sources or carry another check date than the Finnish text it renders.
  it.each(['register', 'te-offices', 'language-courses', 'cv-help', 'pay-subsidy', 'studying', 'appeal', 'residence-permit', 'temporary-protection', 'integration-plan'])(
    '%s carries a checked date and a named public source, the same in every locale',
    (id) => {
      const fi = kb.get(id, 'fi')!;
      expect(fi.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(fi.sources.some((src) => src.startsWith('public:'))).toBe(true);
      for (const l of SUPPORTED_LOCALES) expect({ l, checked: kb.get(id, l)?.checked, sources: kb.get(id, l)?.sources }).toEqual({ l, checked: fi.checked, sources: fi.sources });
    },
  );

  it('records translation state, with Finnish as the reviewed-later source', () => {
    expect(kb.source).toBe('fi');
    expect(kb.meta.fi.machineTranslated).toBe(false);
    for (const l of ['sv', 'en', 'ru', 'uk', 'et', 'ar', 'so', 'fa'] as const) expect(kb.meta[l].machineTranslated).toBe(true);
    for (const l of SUPPORTED_LOCALES) expect(kb.meta[l].reviewed).toBe(false);
  });

  it('agrees with each locale\'s meta.json on machine-made and reviewed', () => {
    for (const l of SUPPORTED_LOCALES) {
      const ui = translator.meta(l)!;
      expect({ l, machineTranslated: kb.meta[l].machineTranslated, reviewed: kb.meta[l].reviewed }).toEqual({ l, machineTranslated: ui.machineTranslated, reviewed: ui.reviewed });
    }
  });
});

describe('validation rejects broken data', () => {
  const cases: [string, (files: Record<Locale, any>, meta: any) => void, RegExp][] = [
    ['an article missing in one locale', (f) => f.sv.articles.pop(), /sv: missing article/],
    ['an extra article in one locale', (f) => f.en.articles.push({ ...f.en.articles[0], id: 'extra' }), /en: extra article "extra"/],
    ['a follow-up to nowhere', (f) => (f.fi.articles[0].followUps = ['nowhere']), /follow-up "nowhere" does not exist/],
    ['follow-ups that differ from Finnish', (f) => f.ru.articles[0].followUps.reverse(), /ru\/pilot: followUps differ/],
    ['an article with no source', (f) => (f.et.articles[0].sources = []), /et:/],
    ['a made-up source format', (f) => (f.so.articles[0].sources = ['wikipedia']), /so:/],
    ['an unknown action', (f) => (f.fa.articles[0].action = 'teleport'), /fa:/],
    ['a duplicate id', (f) => f.ar.articles.push(f.ar.articles[0]), /ar: duplicate id "pilot"/],
    ['a file labelled with the wrong locale', (f) => (f.uk.locale = 'ru'), /uk: file says locale "ru"/],
    ['a locale missing from meta.json', (_f, m) => delete m.locales.so, /meta.json: no entry for so/],
  ];
  it.each(cases)('%s', (_name, breakIt, message) => {
    const files = rawFiles();
    const meta = rawMeta();
    breakIt(files, meta);
    expect(() => buildKnowledgeBase(files, meta)).toThrow(KnowledgeBaseError);
    expect(() => buildKnowledgeBase(files, meta)).toThrow(message);
  });

  it('accepts the shipped files unchanged', () => {
    expect(() => buildKnowledgeBase(rawFiles(), rawMeta())).not.toThrow();
  });
});
