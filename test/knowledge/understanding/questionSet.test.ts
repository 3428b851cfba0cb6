/**
 * The understanding question set (issue 14) is only a measurement if its held-out part stays
 * apart from what the bot was tuned on and every question says what a right answer is.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../../bot/i18n/locales.js';
import { normalizeText } from '../../../bot/knowledge/retriever.js';

interface Labelled {
  q: string;
  expected: string;
  municipality?: string;
  immigrant?: boolean;
}
type QuestionSet = { about: string; questions: Record<string, Labelled[]> };

function load(path: string): QuestionSet {
  return JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as QuestionSet;
}

const key = (q: string) => normalizeText(q).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

describe('understanding question set', () => {
  const heldout = load('./heldout.json');
  // The tuning part is also what the bot learns from (bot/understanding/examples.ts), so it ships with the data.
  const tuning = load('../../../prisma/data/understanding/tuning.json');

  it('has a held-out part of at least 50 questions in every locale', () => {
    for (const locale of SUPPORTED_LOCALES) expect(heldout.questions[locale]?.length ?? 0, locale).toBeGreaterThanOrEqual(50);
  });

  it('has at least 100 questions per locale, 15 of them from immigrants and 15 naming a municipality', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const all = [...heldout.questions[locale], ...tuning.questions[locale]];
      expect(all.length, locale).toBeGreaterThanOrEqual(100);
      expect(all.filter((x) => x.immigrant).length, locale).toBeGreaterThanOrEqual(15);
      expect(all.filter((x) => x.municipality).length, locale).toBeGreaterThanOrEqual(15);
    }
  });

  it('gives every question an expected article or dialog', () => {
    for (const set of [heldout, tuning]) {
      for (const locale of SUPPORTED_LOCALES) {
        for (const item of set.questions[locale]) {
          expect(item.q.trim(), locale).not.toBe('');
          expect(item.expected, `${locale}: ${item.q}`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        }
      }
    }
  });

  it('keeps every held-out question out of the tuning part', () => {
    const tuned = new Set(SUPPORTED_LOCALES.flatMap((l) => tuning.questions[l].map((x) => key(x.q))));
    const leaked = SUPPORTED_LOCALES.flatMap((l) => heldout.questions[l].filter((x) => tuned.has(key(x.q))).map((x) => `${l}: ${x.q}`));
    expect(leaked).toEqual([]);
  });
});

describe('held-out off-topic messages', () => {
  type Messages = { about: string; messages: Record<string, Array<string | { q: string }>> };
  const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Messages;
  const heldout = read('./offtopic-heldout.json');
  // The example model learns from this file, so no held-out message may be in it.
  const learnt = read('../../../prisma/data/understanding/off-topic.json');
  const text = (m: string | { q: string }) => (typeof m === 'string' ? m : m.q);

  it('has at least 15 messages in every locale, none of them empty', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const list = heldout.messages[locale] ?? [];
      expect(list.length, locale).toBeGreaterThanOrEqual(15);
      for (const m of list) expect(text(m).trim(), locale).not.toBe('');
    }
  });

  it('keeps every held-out message out of the messages the bot learns from', () => {
    const known = new Set(Object.values(learnt.messages).flatMap((l) => l.map((m) => key(text(m)))));
    const leaked = SUPPORTED_LOCALES.flatMap((l) => (heldout.messages[l] ?? []).filter((m) => known.has(key(text(m)))).map((m) => `${l}: ${text(m)}`));
    expect(leaked).toEqual([]);
  });
});
