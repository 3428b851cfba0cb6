/**
 * The understanding step: for one message, the topics it may be about (scored from the cue
 * words of bot/understanding/lexicon.ts), the entities it states, and whether it is a yes/no
 * question. The knowledge answers, the main dialog and eligibility all start from this, so a
 * fact the user typed is never asked again.
 */
import type { Locale } from '../i18n/locales.js';
import type { Matcher } from '../pilot/municipalityMatcher.js';
import { extractEntities, hasCue, type Entities } from './entities.js';
import { OUT_OF_SCOPE, PILOT_WORDS, TOPIC_CUES, type Cue } from './lexicon.js';
import { fold, words } from './text.js';

export interface TopicScore {
  topic: string;
  score: number;
}

export interface Understanding {
  /** Topics with any support, best first. */
  topics: TopicScore[];
  entities: Entities;
  /** True when the message asks a yes/no question ("was Salo in the pilot?"). */
  yesNo: boolean;
  /** The message mentions the pilot itself. */
  aboutPilot: boolean;
  /** The message asks for an address, a phone number or opening hours. */
  asksContact: boolean;
  /** The message asks the bot to do something ("I'd like to book a time"), not how something works. */
  request: boolean;
}

// "I'd like", "I want", "book me": a request, not a question about how booking works.
const REQUEST_CUES = [
  'haluan', 'haluisin', 'haluaisin', 'haluun', 'tahtoisin', 'varaa minulle', 'varaa mulle', 'i want', 'i would like', 'id like', 'i wanna', 'book me', 'i need a', 'can i get a time',
  'jag vill', 'jag skulle vilja', 'boka mig', 'хочу', 'хотел бы', 'хотела бы', 'запишите', 'хочу записатися', 'хотів би', 'хотіла б', 'запишіть', 'ma tahan', 'tahaksin', 'soovin',
  'ارید', 'بدی', 'ابغی', 'حابب', 'میخواهم', 'میخوام', 'waxaan rabaa', 'waxaan doonayaa', 'ii qabso',
];

const CONTACT_CUES = [
  'osoite', 'puhelin', 'numero', 'aukiolo', 'address', 'phone', 'number', 'opening hours', 'adress', 'telefon', 'nummer', 'oppettider', 'адрес', 'телефон', 'номер',
  'aadress', 'telefon', 'عنوان', 'هاتف', 'رقم', 'ادرس', 'تلفن', 'شماره', 'cinwaan', 'telefoon', 'lambar', 'toimisto', 'office', 'kontor', 'офис', 'офіс', 'buroo', 'مکتب', 'دفتر', 'xafiis', 'toimipiste', 'service point', 'servicepunkt', 'пункт', 'xarunta', 'نقطه',
];

function cueOf(c: Cue): [string, number] {
  return typeof c === 'string' ? [c, 1] : [c[0], c[1]];
}

function matches(text: string, tokens: readonly string[], cue: string): boolean {
  if (cue.startsWith('=')) return tokens.includes(fold(cue.slice(1)));
  return hasCue(text, cue);
}

// Pre-folded cues, so a message costs one pass per cue and no re-normalising.
let folded: Array<[string, Array<[string, number]>]> | undefined;
function cueTable(): Array<[string, Array<[string, number]>]> {
  folded ??= Object.entries(TOPIC_CUES).map(([topic, cues]) => [
    topic,
    cues.map(cueOf).map(([c, w]) => [c.startsWith('=') ? `=${fold(c.slice(1))}` : fold(c), w] as [string, number]),
  ]);
  return folded;
}

const OPEN_WORDS = new Set(
  [
    'what', 'where', 'who', 'which', 'how', 'when', 'why', 'whats', 'wheres', 'mika', 'mita', 'missa', 'mihin', 'mista', 'milloin', 'miten', 'kuka', 'kenelle', 'keille', 'kauanko',
    'paljonko', 'montako', 'mitka', 'vad', 'vem', 'vilka', 'vilken', 'hur', 'nar', 'vart', 'что', 'где', 'как', 'когда', 'кто', 'какой', 'какое', 'сколько', 'куда', 'зачем', 'що', 'де',
    'як', 'коли', 'хто', 'який', 'яка', 'скільки', 'куди', 'mis', 'kus', 'kuidas', 'millal', 'kes', 'mitu', 'kuhu', 'ما', 'شو', 'وین', 'کیف', 'متی', 'من', 'مین', 'کم', 'قدیش', 'این',
    'چه', 'کجا', 'چطور', 'چگونه', 'کی', 'چند', 'چرا', 'maxay', 'maxaa', 'xaggee', 'sidee', 'goorma', 'yaa', 'immisa', 'imisa', 'waa maxay',
  ].map(fold),
);
const YES_NO_START = new Set(
  [
    'was', 'is', 'were', 'are', 'did', 'do', 'does', 'can', 'could', 'am', 'will', 'would', 'has', 'have', 'should', 'may', 'ar', 'fanns', 'hor', 'horde', 'kan', 'far', 'ingick', 'deltog',
    'skulle', 'har', 'galler', 'kas', 'هل', 'ایا', 'чи', 'ли',
  ].map(fold),
);

/** True for a question that a "yes" or "no" answers: "was Salo in the pilot?", not "where is the office?". */
export function isYesNoQuestion(message: string): boolean {
  const tokens = words(fold(message));
  if (tokens.length === 0) return false;
  if (tokens.some((t) => OPEN_WORDS.has(t))) return false;
  if (YES_NO_START.has(tokens[0]) || tokens.includes('ли') || tokens.includes('чи') || tokens.includes('هل') || tokens.includes('ایا')) return true;
  // Swedish "var X med": var is "was" here, not "where".
  if (tokens[0] === 'var' && tokens.includes('med')) return true;
  // Finnish and Estonian question clitic on a verb: oliko, kuuluuko, onko, voiko.
  if (tokens.slice(0, 3).some((t) => t.length > 3 && /(ko|ks)$/.test(t) && !/(toimisto|kokeiluko)$/.test(t))) return true;
  // Somali "ma" marks a yes/no question; Russian and Ukrainian questions without a question word are yes/no too.
  if (tokens.includes('ma')) return true;
  return /[\u0400-\u04FF]/.test(message) && message.trim().endsWith('?');
}

const LONG_MESSAGE_WORDS = 40;
const OUT_OF_SCOPE_PENALTY = 2;

export interface UnderstandOptions {
  matcher?: Matcher;
}

export function understand(message: string, locale: Locale, options: UnderstandOptions = {}): Understanding {
  const text = fold(message);
  const tokens = words(text);
  const entities = extractEntities(message, locale, { matcher: options.matcher });
  const scores = new Map<string, number>();
  const add = (topic: string, w: number) => scores.set(topic, (scores.get(topic) ?? 0) + w);
  for (const [topic, cues] of cueTable()) {
    for (const [cue, w] of cues) if (matches(text, tokens, cue)) add(topic, w);
  }
  const aboutPilot = PILOT_WORDS.some((w) => hasCue(text, w));
  if (aboutPilot) add('pilot', 0.5);

  // "Talk to a coach", "book a time with my coach": the coach is who, booking is what.
  if ((scores.get('booking') ?? 0) >= 1.5 && (scores.get('coach') ?? 0) > 0) add('booking', 1.5);
  // "Learn Finnish", "study Swedish": a language course, not studies in general.
  if ((scores.get('language-courses') ?? 0) >= 2.5 && (scores.get('studying') ?? 0) > 0) add('language-courses', 1);
  // "I came on a family permit, can I register?": whether the permit allows it is the question.
  if ((scores.get('residence-permit') ?? 0) >= 2 && (scores.get('register') ?? 0) > 0) add('residence-permit', 1.5);
  const personal = entities.age !== undefined || entities.benefit !== undefined;
  if (entities.immigrant) add('immigrants', 1);
  if (entities.under30 === true || (entities.age !== undefined && entities.age < 30 && !personal)) add('under-30', 1);
  // Facts about oneself plus "would I have been in it": the verdict, not the topic article.
  if (personal && aboutPilot) add('eligibility', 2.5);
  if (personal && (scores.get('eligibility') ?? 0) >= 1.5) add('eligibility', 1.5);

  // A long text holds many words by chance: cues count less the longer it is, so a pasted
  // letter is not mistaken for a question about the first topic it happens to mention.
  const scale = Math.min(1, LONG_MESSAGE_WORDS / Math.max(1, tokens.length));
  // A question about housing allowance or taxes shares words with the benefits article but is not about it.
  const outside = OUT_OF_SCOPE.some((c) => matches(text, tokens, c.startsWith('=') ? c : fold(c)));
  for (const [topic, score] of scores) scores.set(topic, score * scale - (outside ? OUT_OF_SCOPE_PENALTY : 0));
  const topics = [...scores].filter(([, s]) => s > 0).map(([topic, score]) => ({ topic, score })).sort((a, b) => b.score - a.score);
  return {
    topics,
    entities,
    yesNo: isYesNoQuestion(message),
    aboutPilot,
    asksContact: CONTACT_CUES.some((c) => hasCue(text, c)),
    request: REQUEST_CUES.some((c) => hasCue(text, c)),
  };
}
