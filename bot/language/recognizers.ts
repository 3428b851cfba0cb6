/**
 * Yes/no and choice recognition for all shipped locales. botbuilder's Confirm and Choice
 * prompts only know a few cultures, so these back custom prompt validators instead.
 */
import type { Locale } from '../i18n/locales.js';

type YesNoWords = { yes: readonly string[]; no: readonly string[] };

const EVERYWHERE: YesNoWords = {
  yes: ['ok', 'okay', 'okei', 'okej', '👍', '👌', '✅', '✔'],
  no: ['👎', '❌', '✖'],
};

const YES_NO: Record<Locale, YesNoWords> = {
  fi: { yes: ['kyllä', 'kylla', 'kyl', 'joo', 'juu', 'jep', 'jees', 'totta kai', 'ilman muuta', 'selvä'], no: ['ei', 'eipä', 'ei kiitos', 'ei käy'] },
  'fi-x-selko': { yes: ['kyllä', 'kylla', 'kyl', 'joo', 'juu', 'jep', 'jees', 'selvä'], no: ['ei', 'eipä', 'ei kiitos'] },
  sv: { yes: ['ja', 'jo', 'japp', 'jaa', 'visst', 'absolut', 'gärna', 'javisst'], no: ['nej', 'nä', 'nää', 'nej tack', 'nope'] },
  en: { yes: ['yes', 'yeah', 'yea', 'yep', 'yup', 'y', 'sure', 'of course', 'certainly', 'right'], no: ['no', 'nope', 'nah', 'n', 'no thanks', 'not really'] },
  ru: { yes: ['да', 'ага', 'угу', 'конечно', 'давай', 'хорошо', 'ладно'], no: ['нет', 'не', 'неа', 'нет спасибо', 'не надо'] },
  uk: { yes: ['так', 'ага', 'авжеж', 'звичайно', 'звісно', 'добре', 'гаразд'], no: ['ні', 'не', 'нi', 'ні дякую', 'не треба'] },
  et: { yes: ['jah', 'jaa', 'jaah', 'muidugi', 'olgu', 'sobib'], no: ['ei', 'ei aitäh', 'ei sobi'] },
  ar: { yes: ['نعم', 'ايوه', 'أيوه', 'ايوا', 'اي', 'أجل', 'اجل', 'بلى', 'طبعا', 'حسنا'], no: ['لا', 'كلا', 'لأ', 'لا شكرا'] },
  so: { yes: ['haa', 'haye', 'waa hagaag', 'hagaag', 'dabcan'], no: ['maya', 'may', 'maya mahadsanid'] },
  fa: { yes: ['بله', 'آره', 'اره', 'آری', 'باشه', 'البته', 'بلی'], no: ['نه', 'نخیر', 'خیر', 'نه ممنون', 'نه مرسی'] },
};

/** Words that mean something else in another locale are only trusted in their own (Somali "may" vs English "may"). */
const OWN_LOCALE_ONLY = new Set(['may', 'y', 'n', 'right', 'хорошо', 'добре', 'sobib', 'давай', 'حسنا']);

/** Words that say the same (yes or no) in every locale that lists them. */
const ANY_LOCALE: ReadonlyMap<string, boolean> = (() => {
  const seen = new Map<string, boolean | null>();
  const add = (w: string, v: boolean) => {
    if (OWN_LOCALE_ONLY.has(w)) return;
    const prev = seen.get(w);
    seen.set(w, prev === undefined || prev === v ? v : null);
  };
  for (const words of [EVERYWHERE, ...Object.values(YES_NO)]) {
    words.yes.forEach((w) => add(w, true));
    words.no.forEach((w) => add(w, false));
  }
  return new Map([...seen].filter((e): e is [string, boolean] => e[1] !== null));
})();

const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

/** Arabic-Indic and Persian digits to ASCII, so "٢" and "۲" read as 2. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/gu, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_INDIC_ZERO);
  });
}

/** Lower case, Persian/Arabic letter variants unified, punctuation dropped, spaces collapsed. */
function normalizeAnswer(text: string, locale?: Locale): string {
  const lang = locale === 'fi-x-selko' ? 'fi' : locale;
  return toAsciiDigits(text.normalize('NFC'))
    .toLocaleLowerCase(lang)
    .replace(/[\u064B-\u065F\u0670\u0640\u200c]/gu, '')
    .replace(/[^\p{L}\p{M}\p{N}\p{Extended_Pictographic}'’\s-]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

function lookup(phrase: string, locale: Locale | undefined): boolean | undefined {
  const own = locale ? YES_NO[locale] : undefined;
  if (own?.yes.includes(phrase) || EVERYWHERE.yes.includes(phrase)) return true;
  if (own?.no.includes(phrase) || EVERYWHERE.no.includes(phrase)) return false;
  return ANY_LOCALE.get(phrase);
}

/** A short answer longer than this is not read as yes or no. */
const MAX_ANSWER_WORDS = 5;

/**
 * true for yes, false for no, undefined when the text is neither. The user's locale is tried
 * first; words that mean yes or no in every language that has them work everywhere.
 */
export function recognizeYesNo(text: string, locale?: Locale): boolean | undefined {
  const phrase = normalizeAnswer(text, locale);
  if (!phrase) return undefined;
  const whole = lookup(phrase, locale);
  if (whole !== undefined) return whole;
  const words = phrase.split(' ');
  if (words.length > MAX_ANSWER_WORDS) return undefined;
  // "yes please", "ei kiitos", "да, конечно": the leading word decides.
  for (const n of [2, 1]) {
    if (words.length > n) {
      const head = lookup(words.slice(0, n).join(' '), locale);
      if (head !== undefined) return head;
    }
  }
  return undefined;
}

/* ---------- choices ---------- */

function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

function containsWords(haystack: string, needle: string): boolean {
  return needle.length > 0 && ` ${haystack} `.includes(` ${needle} `);
}

/** The single index matching `pred`, or undefined when none or several match. */
function unique(labels: readonly string[], pred: (label: string) => boolean): number | undefined {
  const hits = labels.flatMap((l, i) => (pred(l) ? [i] : []));
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * The index of the chosen label, or undefined when nothing matches unambiguously. In order: a
 * number ("2", "2.", "٢", "۲"), the exact label, a label contained in the text, the text
 * contained in one label, and a close misspelling of one label.
 */
export function recognizeChoice(text: string, labels: readonly string[], locale?: Locale): number | undefined {
  const answer = normalizeAnswer(text, locale);
  if (!answer || labels.length === 0) return undefined;
  const norm = labels.map((l) => normalizeAnswer(l, locale));

  const numeric = /^#?\s*(\d{1,3})\s*[.)]?$/u.exec(toAsciiDigits(text.trim()));
  if (numeric) {
    const n = Number(numeric[1]);
    const exactLabel = unique(norm, (l) => l === answer);
    if (exactLabel !== undefined) return exactLabel;
    return n >= 1 && n <= labels.length ? n - 1 : undefined;
  }

  const exact = unique(norm, (l) => l === answer);
  if (exact !== undefined) return exact;

  const contained = unique(norm, (l) => containsWords(answer, l));
  if (contained !== undefined) return contained;

  if ([...answer].length >= 3) {
    const partOf = unique(norm, (l) => containsWords(l, answer));
    if (partOf !== undefined) return partOf;
  }

  // Fuzzy: at most one edit per four letters, and closer to one label than to any other.
  const len = [...answer].length;
  if (len < 4) return undefined;
  const allowed = Math.max(1, Math.floor(len / 4));
  const distances = norm.map((l) => editDistance(answer, l));
  const best = Math.min(...distances);
  if (best > allowed) return undefined;
  const bestIdx = distances.indexOf(best);
  return distances.filter((d) => d === best).length === 1 ? bestIdx : undefined;
}
