/**
 * The language command ("kieli", "change language", "زبان", ...) and language names typed by
 * the user ("englanniksi", "по-русски", "af-soomaali"), in every shipped locale.
 */
import { isLocale, NATIVE_NAMES, SUPPORTED_LOCALES, type Locale } from '../i18n/locales.js';

function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640\u200c]/gu, '')
    .replace(/[^\p{L}\p{M}\p{N}\s-]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/* ---------- language command ---------- */

/** Words that mean "language" or "language menu"; any one of them alone is a command. */
const COMMAND_WORDS = new Set([
  'kieli', 'kieltä', 'kielen', 'kielet', 'kielivalinta', 'kielivalikko', 'kielivalinnat', 'kieliasetus', 'kieliasetukset',
  'språk', 'språket', 'språkval', 'språkmeny',
  'language', 'languages', 'lang',
  'язык', 'языка', 'языки', 'языков',
  'мова', 'мову', 'мови', 'мов',
  'keel', 'keelt', 'keeled', 'keelevalik',
  'اللغة', 'لغة', 'اللغات', 'اللغه', 'لغه',
  'luuqad', 'luuqadda', 'luuqadaha', 'luqad', 'luqadda',
  'زبان', 'زبانها', 'زبانو',
]);

/** Verbs and fillers that may surround a command word ("vaihda kieli", "change the language please"). */
const COMMAND_FILLERS = new Set([
  'vaihda', 'vaihtaa', 'valitse', 'muuta', 'toinen', 'kiitos', 'haluan', 'vaihto',
  'byt', 'byta', 'ändra', 'välj', 'annat', 'tack',
  'change', 'switch', 'select', 'choose', 'set', 'the', 'my', 'please', 'another', 'other', 'menu',
  'сменить', 'смени', 'поменять', 'поменяй', 'изменить', 'выбрать', 'другой', 'пожалуйста', 'выбор',
  'змінити', 'зміни', 'вибрати', 'обрати', 'інша', 'іншу', 'будь', 'ласка', 'вибір',
  'muuda', 'vaheta', 'vali', 'teine', 'palun',
  'تغيير', 'غير', 'بدل', 'تبديل', 'اختيار', 'اختر', 'من', 'فضلك', 'أخرى',
  'beddel', 'bedel', 'dooro', 'kale', 'fadlan',
  'تغییر', 'عوض', 'انتخاب', 'کن', 'کنید', 'را', 'رو', 'لطفا', 'دیگر', 'بده',
]);

const MAX_COMMAND_WORDS = 4;

/** True when the whole message asks for the language menu, in any shipped language. */
export function isLanguageCommand(text: string): boolean {
  const words = normalize(text).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > MAX_COMMAND_WORDS) return false;
  const commandWords = words.filter((w) => COMMAND_WORDS.has(w)).length;
  return commandWords >= 1 && words.every((w) => COMMAND_WORDS.has(w) || COMMAND_FILLERS.has(w));
}

/* ---------- language names ---------- */

/**
 * Word beginnings that name a language, in Latin or Cyrillic script, across the shipped
 * languages (inflected forms such as "englanniksi", "по-русски" share them).
 */
const NAME_STEMS: Record<Exclude<Locale, 'fi-x-selko'>, readonly string[]> = {
  fi: ['suomi', 'suome', 'suomen', 'finn', 'finsk', 'soome', 'фински', 'финск', 'фінськ', 'finlandees'],
  sv: ['ruotsi', 'ruotsa', 'svensk', 'swedish', 'rootsi', 'шведск', 'шведськ', 'iswiidhish', 'iswidhish', 'swiidhish'],
  en: ['englan', 'englann', 'english', 'engelsk', 'inglise', 'английск', 'англійськ', 'ingiriis', 'ingriis'],
  ru: ['venäj', 'russian', 'rysk', 'vene', 'русск', 'російськ', 'ruush'],
  uk: ['ukrain', 'украинск', 'українськ', 'yukreen'],
  et: ['viro', 'eston', 'estnisk', 'eesti', 'эстонск', 'естонськ'],
  ar: ['arabi', 'arabic', 'arabisk', 'araabia', 'арабск', 'арабськ', 'carabi', 'carab'],
  so: ['somali', 'soomaal', 'somaal', 'сомалийск', 'сомалійськ'],
  fa: ['persia', 'persian', 'persisk', 'farsi', 'pärsia', 'faarsi', 'faarisi', 'персидск', 'перськ', 'фарси'],
};

/** Arabic-script names, matched as whole words. */
const ARABIC_SCRIPT_NAMES: Record<Exclude<Locale, 'fi-x-selko'>, readonly string[]> = {
  fi: ['الفنلندية', 'فنلندي', 'الفنلندي', 'فنلاندی', 'فنلاندي'],
  sv: ['السويدية', 'سويدي', 'سوئدی'],
  en: ['الإنجليزية', 'الانجليزية', 'الإنكليزية', 'انجليزي', 'إنجليزي', 'انگلیسی'],
  ru: ['الروسية', 'روسي', 'روسی'],
  uk: ['الأوكرانية', 'الاوكرانية', 'اوكراني', 'اوکراینی'],
  et: ['الإستونية', 'الاستونية', 'استوني', 'استونیایی', 'استونیائی'],
  ar: ['العربية', 'عربي', 'عربی', 'بالعربية', 'بالعربي', 'العربي'],
  so: ['الصومالية', 'صومالي', 'سومالیایی', 'سومالی'],
  fa: ['الفارسية', 'فارسي', 'فارسی', 'بالفارسية', 'پارسی'],
};

/** Plain Finnish; checked before Finnish, whose stems these phrases contain. */
const SELKO_STEMS = ['selko'];
const SELKO_PHRASES = ['plain finnish', 'easy finnish', 'simple finnish', 'selkeä suomi', 'selkeää suomea', 'lätt finska', 'lättläst finska', 'helppo suomi'];

function latinLocales(word: string): Set<Locale> {
  const found = new Set<Locale>();
  if (SELKO_STEMS.some((s) => word.startsWith(s))) {
    found.add('fi-x-selko');
    return found;
  }
  for (const [locale, stems] of Object.entries(NAME_STEMS) as [Locale, readonly string[]][]) {
    if (stems.some((s) => word.startsWith(s))) found.add(locale);
  }
  return found;
}

/**
 * The locale a language name in the text refers to, in any shipped language or in the
 * language's own name; undefined when no language, or more than one, is named.
 */
export function parseLanguageName(text: string): Locale | undefined {
  const norm = normalize(text);
  if (!norm) return undefined;
  // A bare locale code, as a menu answer ("en", "fi-x-selko").
  if (isLocale(norm)) return norm;
  if (SELKO_PHRASES.some((p) => ` ${norm} `.includes(` ${p} `))) return 'fi-x-selko';
  for (const locale of SUPPORTED_LOCALES) if (norm === normalize(NATIVE_NAMES[locale])) return locale;

  const found = new Set<Locale>();
  const words = norm.split(/[\s-]+/u).filter(Boolean);
  for (const word of words) {
    for (const l of latinLocales(word)) found.add(l);
    for (const [locale, names] of Object.entries(ARABIC_SCRIPT_NAMES) as [Locale, readonly string[]][]) {
      if (names.includes(word)) found.add(locale);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/* ---------- "in English", "suomeksi": a request to speak a language ---------- */

/**
 * Words that, beside a language name, ask to speak it ("in English", "på svenska", "به فارسی",
 * "English please"). Verbs like "speak" are left out: "I speak Somali" may answer a question.
 */
const REQUEST_WORDS = new Set([
  'in', 'please', 'puhutaan', 'kiitos', 'på', 'tack', 'на', 'пожалуйста', 'будь', 'ласка', 'palun', 'keeles', 'af',
  'fadlan', 'به', 'لطفا', 'لطفاً', 'من', 'فضلك',
]);

/** Word forms that mean "in <language>" on their own. */
const REQUEST_FORMS: readonly RegExp[] = [
  /^\p{L}+ksi$/u, // suomeksi, englanniksi, selkosuomeksi
  /^\p{L}*kielellä$/u, // selkokielellä, suomen kielellä
  /^по-\p{L}+$/u, // по-русски, по-английски
  /^\p{L}+(?:ською|цькою)$/u, // українською, англійською
  /^بال\p{L}+$/u, // بالعربية, بالإنجليزية
  /^af-\p{L}+$/u, // af-soomaali, af-ingiriis
];

/** A "no" or "not" turns the message into something else ("en puhu suomea", "not in Finnish"). */
const NEGATIONS = new Set(['not', 'no', 'dont', "don't", 'ei', 'en', 'älä', 'inte', 'ej', 'не', 'нет', 'ні', 'mitte', 'ära', 'لا', 'نه', 'نمی', 'maya']);

const MAX_REQUEST_WORDS = 4;

/**
 * The locale a short message asks the bot to speak ("in English", "suomeksi", "на русском",
 * "به فارسی"), or undefined. A bare language name is not a request: it may be the answer to a
 * question ("Somali" as a mother tongue).
 */
export function parseLanguageRequest(text: string): Locale | undefined {
  const norm = normalize(text);
  if (!norm || isLocale(norm)) return undefined;
  const words = norm.split(' ').filter(Boolean);
  if (words.length > MAX_REQUEST_WORDS || words.some((w) => NEGATIONS.has(w))) return undefined;
  const marked = words.some((w) => REQUEST_WORDS.has(w) || REQUEST_FORMS.some((re) => re.test(w)));
  return marked ? parseLanguageName(text) : undefined;
}
