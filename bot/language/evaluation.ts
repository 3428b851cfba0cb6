/** Accuracy and false-switch figures for a detector over a labelled set; shared by the tests and the benchmark. */
import { SUPPORTED_LOCALES, type Locale } from '../i18n/locales.js';
import type { Detection } from './detect.js';

export interface LabelledMessage {
  text: string;
  lang: Exclude<Locale, 'fi-x-selko'> | 'none';
}

export interface Evaluation {
  accuracy: number;
  falseSwitchRate: number;
  /** Share of wanted switches (message in another language than the user's) that were offered. */
  switchRecall: number;
  errors: string[];
}

/**
 * Accuracy: detected language equals the label (null for "none").
 * False switch: for every message and every locale's user, a suggestion where none is wanted
 * (the message is neutral or in the user's own language) or to a language other than the label.
 */
export function evaluate(
  set: readonly LabelledMessage[],
  detect: (text: string) => Detection,
  suggest: (text: string, current: Locale) => Locale | null,
): Evaluation {
  let correct = 0;
  let trials = 0;
  let falseSwitches = 0;
  let wanted = 0;
  let offered = 0;
  const errors: string[] = [];
  for (const m of set) {
    const got = detect(m.text).locale ?? 'none';
    if (got === m.lang) correct++;
    else errors.push(`detect ${JSON.stringify(m.text)}: ${m.lang} -> ${got}`);
    for (const current of SUPPORTED_LOCALES) {
      const own = m.lang === 'none' || m.lang === (current === 'fi-x-selko' ? 'fi' : current);
      const s = suggest(m.text, current);
      trials++;
      if (s !== null && (own || s !== m.lang)) {
        falseSwitches++;
        errors.push(`switch ${JSON.stringify(m.text)} for ${current}: -> ${s}`);
      }
      if (!own) {
        wanted++;
        if (s === m.lang) offered++;
      }
    }
  }
  return { accuracy: correct / set.length, falseSwitchRate: falseSwitches / trials, switchRecall: offered / wanted, errors };
}

/** How often a switch is offered for ordinary sentences of one language in a chat held in another (or the same) locale. */
export interface OfferRate {
  sentences: number;
  /** Offers of any language. */
  offers: number;
  /** Offers of the sentences' own language. */
  ownOffers: number;
  /** Offers of a language the sentences are not written in. */
  wrongOffers: number;
  /** The sentences that got a wrong offer, or (in the chat's own language) any offer. */
  examples: string[];
}

export function offerRate(
  sentences: readonly string[],
  language: Exclude<Locale, 'fi-x-selko'>,
  chat: Locale,
  suggest: (text: string, current: Locale) => Locale | null,
): OfferRate {
  let offers = 0;
  let ownOffers = 0;
  let wrongOffers = 0;
  const examples: string[] = [];
  const sameLanguage = language === (chat === 'fi-x-selko' ? 'fi' : chat);
  for (const text of sentences) {
    const s = suggest(text, chat);
    if (s === null) continue;
    offers++;
    if (s === language) ownOffers++;
    else wrongOffers++;
    if (sameLanguage || s !== language) examples.push(`${JSON.stringify(text)} -> ${s}`);
  }
  return { sentences: sentences.length, offers, ownOffers, wrongOffers, examples };
}
