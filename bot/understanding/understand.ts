/**
 * The understanding step: for one message, the topics it may be about (scored from the cue
 * words of bot/understanding/lexicon.ts), the entities it states, and whether it is a yes/no
 * question. The knowledge answers, the main dialog and eligibility all start from this, so a
 * fact the user typed is never asked again.
 */
import type { Locale } from '../i18n/locales.js';
import { PLACEHOLDERS } from '../kernel/redact.js';
import type { Matcher } from '../pilot/municipalityMatcher.js';
import { anyCueIn, cueIn, cueText, entitiesOf, prepareCue, prepareCues, type CueText, type Entities, type PreparedCue } from './entities.js';
import { OFF_TOPIC, type ExampleIndex } from './examples.js';
import { OUT_OF_SCOPE, PILOT_WORDS, TOPIC_CUES, type Cue } from './lexicon.js';
import { fold, words } from './text.js';

export interface TopicScore {
  topic: string;
  score: number;
}

export interface Understanding {
  /** Topics with any support, best first. */
  topics: TopicScore[];
  /** What the example questions add to a topic no cue word supports, once something else (retrieval) does. */
  learned: ReadonlyMap<string, number>;
  entities: Entities;
  /** True when the message asks a yes/no question ("was Salo in the pilot?"). */
  yesNo: boolean;
  /** The message mentions the pilot itself. */
  aboutPilot: boolean;
  /** The message asks for an address, a phone number or opening hours. */
  asksContact: boolean;
  /** The message names an office or service point, or asks when it is open: a contact for it is the offices' answer. */
  asksOffice: boolean;
  /** The message asks the bot to do something ("I'd like to book a time"), not how something works. */
  request: boolean;
  /** The person speaks of their own past ("I was unemployed in Turku in 2022"): a place they name is a fact about them. */
  aboutSelf: boolean;
  /** The person speaks of themself now ("I live in Salo", "do I belong"): a town they name is theirs. */
  selfNow: boolean;
  /** The message speaks of a relative or a friend ("my son, 35, lives in Oulu: is he in it?"): a town named is where they live. */
  forSomeoneElse: boolean;
  /** The message asks about today, not the pilot ("I live in Nokia, which area serves me now?"): who serves a town comes first. */
  asksToday: boolean;
  /**
   * The message is about something the employment services do not handle (housing allowance, the
   * health centre, a parking fine, "where is the railway station in Kemi"): a town in it is only where it is.
   */
  offTopic: boolean;
  /** Readings the sentence's structure rules out ("how often do I meet my coach" is not a booking): retrieval counts less for them too. */
  ruledOut: ReadonlySet<string>;
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
  // Where it is and when it is open: the contact is the answer even without the word "address".
  'adres', 'ofis', 'daftar', 'osote', 'palvelupiste', 'kadulla', 'street', 'gatan', 'улиц', 'вулиц', 'شارع', 'خیابان', 'waddo',
];
/** An office or service point named: "ofis", "toimisto", "palvelupiste", "дафтар". */
const OFFICE_NOUNS = [
  'toimisto', 'toimipiste', 'palvelupiste', 'office', 'service point', 'kontor', 'servicepunkt', 'офис', 'офіс', 'ofis', 'buroo', 'xafiis', 'xarunta', 'مکتب', 'دفتر', 'daftar', 'tyollisyyspalvel', 'employment servic', 'sysselsattningstjanst',
  'служб', 'sluzhb', 'служб занятост', 'служба зайнятост', 'tootukassa', 'اداره کار', 'مکتب العمل',
];
/** Opening hours: "when are you open" asks about the offices, not about dates of the pilot. */
const OPEN_HOURS = [
  'auki', 'aukiolo', 'lahtiolekuaj', 'график работы', 'графік роботи', 'are you open', 'open on', 'open today', 'opening hours', 'when is it open', 'oppet', 'открыты', 'открыто', 'открывает', 'часы работы', 'відкриті', 'відкрито', 'відкриваєт', 'години роботи', 'avatud', 'lahtiolekuaeg',
  'ساعات الدوام', 'الدوام', 'مفتوح', 'ساعت کاری', 'باز هستید', 'باز هست', 'بازه', 'saacadaha', 'furan',
  'mihin aikaan', 'monelta', 'what time', 'vilken tid', 'hur dags', 'во сколько', 'о котрій', 'mis kellast', 'mis kell', 'ساعت چند', 'چه ساعتی', 'ای ساعه', 'saacadda',
];
/** "What happened", "how is it now": the time after the pilot even when a date is named. */
const SINCE = [
  'mita tapahtui', 'mita sitten', 'what happened', 'what happens', 'vad hande', 'vad hander', 'hur funkar det nu', 'что стало', 'что случилось', 'что теперь', 'как сейчас', 'що сталося', 'що тепер', 'як зараз',
  'mis juhtus', 'mis nuud', 'شو صار', 'شو بصیر', 'چی شد', 'چی میشه', 'maxaa dhacay', 'maxaa ku dhacay',
];

type FoldedCue = [cue: string, weight: number, locales?: readonly string[]];

function cueOf(c: Cue): FoldedCue {
  if (typeof c === 'string') return [c, 1];
  return [c[0], c[1], c[2]];
}

/**
 * A cue of the table made ready for one look-up per message: a "=" cue is a whole word (its
 * folded form looked up in the message's words), any other cue a prepared hasCue search.
 */
interface CueMatch {
  word?: string;
  cue?: PreparedCue;
}

function cueMatch(cue: string): CueMatch {
  if (cue.startsWith('=')) return { word: fold(cue.slice(1)) };
  return { cue: prepareCue(cue) };
}

/** The message's words as a set, and its folded text ready for cue look-ups. */
interface Message {
  words: ReadonlySet<string>;
  text: CueText;
}

function matches(m: Message, cue: CueMatch): boolean {
  if (cue.word !== undefined) return m.words.has(cue.word);
  return cueIn(m.text, cue.cue!);
}

/** a.slice(ai) === b.slice(bi), without making the two strings. */
function sameFrom(a: string, ai: number, b: string, bi: number): boolean {
  const n = Math.max(0, a.length - ai);
  if (n !== Math.max(0, b.length - bi)) return false;
  for (let k = 0; k < n; k++) if (a.charCodeAt(ai + k) !== b.charCodeAt(bi + k)) return false;
  return true;
}

/** Damerau-Levenshtein distance of two short strings, stopping early above 1. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length || i === b.length) return Math.abs(a.length - b.length) <= 1;
  return sameFrom(a, i + 1, b, i + 1) || sameFrom(a, i + 1, b, i) || sameFrom(a, i, b, i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2));
}

const FUZZY_MIN = 7;
const LATIN_OR_CYRILLIC = /^[a-z]+$/;
/** What a near match is worth, against an exact one. */
const NEAR_WEIGHT = 0.8;

/** Whether nearMatch can ever accept `cue`: a one-word Latin cue of seven letters or more. */
function fuzzyCue(cue: string): boolean {
  return cue.length >= FUZZY_MIN && !cue.startsWith('=') && LATIN_OR_CYRILLIC.test(cue);
}

/**
 * A one-word cue of seven letters or more also matches a word it differs from by one typo
 * ("valmentja", "registr", "työmarkinatuki"), or the second half of a compound
 * ("suomenkielenkurssi", "studerandetillstånd"). The start of the word decides: the cue is a stem.
 * Only for a cue that fuzzyCue accepts.
 */
function nearMatch(tokens: readonly string[], cue: string): boolean {
  for (const t of tokens) {
    if (t.length < cue.length - 1) continue;
    if (t.length > cue.length + 2 && t.indexOf(cue, 3) > 0) return true;
    for (let len = cue.length - 1; len <= cue.length + 1; len++) if (len <= t.length && withinOneEdit(t.slice(0, len), cue)) return true;
  }
  return false;
}

let stems: { set: Set<string>; max: number } | undefined;
/** Every one-word cue of four letters or more: a word starting with one is a known word. */
function knownStems(): { set: Set<string>; max: number } {
  if (!stems) {
    const list = [...new Set(cueTable().flatMap(([, cues]) => cues.map(({ cue: c }) => (c.startsWith('=') ? c.slice(1) : c)).filter((c) => c.length >= 4 && !c.includes(' '))))];
    stems = { set: new Set(list), max: Math.max(0, ...list.map((c) => c.length)) };
  }
  return stems;
}

/** True when some known stem starts `t`: every stem is at least four letters, so its prefixes from four on. */
function startsWithKnownStem(t: string): boolean {
  const { set, max } = knownStems();
  const longest = Math.min(t.length, max);
  for (let len = 4; len <= longest; len++) if (set.has(t.slice(0, len))) return true;
  return false;
}

interface TableCue {
  /** The cue as folded in the table ("=" + folded word for a whole-word cue). */
  cue: string;
  weight: number;
  locales?: readonly string[];
  match: CueMatch;
  fuzzy: boolean;
}

// Pre-folded and prepared cues, so a message costs one cheap check per cue and no re-normalising.
let folded: Array<[string, TableCue[]]> | undefined;
function cueTable(): Array<[string, TableCue[]]> {
  folded ??= Object.entries(TOPIC_CUES).map(([topic, cues]) => [
    topic,
    cues.map(cueOf).map(([c, w, l]) => {
      const cue = c.startsWith('=') ? `=${fold(c.slice(1))}` : fold(c);
      return { cue, weight: w, locales: l, match: cueMatch(cue), fuzzy: fuzzyCue(cue) };
    }),
  ]);
  return folded;
}

const foldAll = (list: readonly string[]) => list.map(fold);
/** "Who": a question about which people, not about one person. Whole words. */
const WHO = new Set(foldAll([
  'kuka', 'ketka', 'keta', 'keita', 'kenelle', 'keille', 'kenet', 'kenen', 'who', 'whos', 'whom', 'vem', 'vilka', 'кто', 'кого', 'кому', 'хто', 'кого', 'кому', 'kes', 'keda', 'kellele',
  'مین', 'لمین', 'منو', 'کیا', 'yaa', 'kuwa', 'kuwee', 'dadkee',
]));
/** "Which people", "what kind of people": who, in two words. */
const WHO_PHRASES = foldAll(['keda veel', 'kes veel', 'who else', 'keita muita', 'vilka andra', 'кого еще', 'кого ще', 'mis grupid', 'millised grupid', 'which jobseekers', 'which groups', 'what groups', 'mitka tyonhakijat', 'mitka porukat', 'mitka ryhmat', 'vilka grupper', 'vilka arbetssokande', 'какие категории', 'какие группы', 'які категорії', 'які групи', 'milliseid gruppe', 'کدوم گروه', 'چه گروه', 'kooxahee', 'which people', 'what people', 'what kind of people', 'mitka ihmiset', 'millaiset ihmiset', 'vilka personer', 'какие люди', 'каких людей', 'які люди', 'яких людей', 'millised inimesed', 'چه کسانی', 'چه کسایی', 'چه کسی', 'ای ناس', 'اي ناس']);
/** Having been moved to the municipality's services: the pilot's defining event. */
const TRANSFER = foldAll([
  'отправил', 'відправил', 'diray', 'lahevad', 'siirrettiin', 'siirty', 'siirsi', 'siirretty', 'moved to the municipality', 'got moved', 'were moved', 'was moved', 'transferred', 'flyttades', 'overfordes', 'overforda',
  'перевели', 'переведен', 'перевод', 'перевели', 'переведен', 'viidi', 'uleviidud', 'انتقل', 'نقلو', 'منتقل', 'wareejiy',
]);
/** The pilot as the second half of a compound: "työllisyyskokeilu", "tööhõivekatse", "kommunförsök". */
const PILOT_COMPOUND_PARTS = ['kokeilu', 'katse', 'forsok'];
/** "After". */
const AFTER = foldAll(['jalkeen', 'after', 'efter', 'после', 'після', 'parast', 'بعد', 'پس از', 'kadib', 'ka dib', 'dabadeed']);
/** "Why": with only the pilot named, the question is what it was for. Whole words. */
const WHY = foldAll(['miksi', 'why', 'varfor', 'зачем', 'почему', 'навіщо', 'чому', 'miks', 'لیش', 'لماذا', 'چرا', 'sababta', 'maxay']);
/** "What": with only the pilot named, the question is what the pilot was. */
const WHAT = new Set(foldAll(['mika', 'mita', 'mitas', 'what', 'whats', 'vad', 'что', 'чем', 'що', 'mis', 'ما', 'شو', 'چی', 'چیه', 'چیست', 'چه', 'maxay', 'maxaa']));
/** The municipality as an institution: people say they were moved "to the municipality". */
const MUNICIPALITY_NOUNS = foldAll(['vallad', 'valla', 'kommuun', 'kunta', 'kunna', 'kunnal', 'kunnil', 'municipal', 'town', 'city', 'kommun', 'муницип', 'коммун', 'город', 'громад', 'муніцип', 'міст', 'vald', 'omavalitsus', 'بلدیه', 'البلدیه', 'شهرداری', 'degmo', 'degmad']);
/** Words that ask for a list of places: "which municipalities". */
const WHICH = new Set(foldAll([
  'mitka', 'mitkä', 'missa', 'which', 'list', 'vilka', 'vilken', 'какие', 'каких', 'які', 'яких', 'millised', 'milliste', 'کدام', 'کدوم', 'کدوما', 'ای', 'ایه', 'ayo', 'kuwee', 'kuwa',
]));
/** A language course rather than a language named for another reason ("my mother tongue is not Finnish"). */
const COURSE_WORDS = foldAll([
  // Compounds whose course is not at the word's start: "språkkurs", "kielikurssi", "keelekursus".
  'sprakkurs', 'kielikurs', 'keelekurs', 'finskkurs', 'svenskkurs', 'finskakurs', 'svenskakurs', 'suomenkurs', 'ruotsinkurs', 'kielikoulu',
  'kurss', 'kurs', 'course', 'class', 'klass', 'курс', 'kursus', 'دوره', 'کلاس', 'کورس', 'koorso', 'fasal', 'learn', 'oppi', 'opiskel', 'lara', 'plugga', 'studera', 'study', 'учит', 'учу', 'выуч', 'вивч', 'вчит',
  'навча', 'oppida', 'oppima', 'اتعلم', 'تعلم', 'یاد', 'barto', 'koulutu', 'training', 'utbildning', 'обучени', 'koolitus', 'تدریب', 'اموزش', 'tababar', 'opetus', 'teach', 'school', 'skola',
]);
/** "How many". */
const HOW_MANY = foldAll(['montako', 'kuinka monta', 'monta', 'how many', 'hur manga', 'сколько', 'скільки', 'mitu', 'کم', 'چند', 'چندتا', 'immisa', 'imisa', 'meeqa']);
/** Job applications, vacancies. */
const APPLICATIONS = foldAll(['hakemu', 'tyopaik', 'application', 'jobs', 'ansokning', 'jobb', 'заяв', 'вакан', 'отклик', 'avaldus', 'tookoh', 'طلب', 'وظیف', 'شغل', 'درخواست', 'codsi', 'shaqo']);
/** "The target group" by name. */
const TARGET_GROUP = foldAll(['kohderyhm', 'target group', 'malgrupp', 'целев', 'цільов', 'sihtruhm', 'sihtruhma', 'الفیه المستهدفه', 'الفءه', 'المستهدف', 'گروه هدف', 'kooxda la beeg', 'kooxaha la beeg']);
/** The pilot having ended: "now that the pilot is over" asks about today, unless it asks when. */
const PILOT_ENDED = foldAll([
  'dhamaado', 'dhammaado', 'закрыли', 'закрили', 'lopetettiin', 'ar over', 'loppenud', 'lopetatud', 'ohi', 'loppu', 'loppui', 'paattyi', 'paatty', 'paatyttya', 'loputtua', 'is over', 'its over', 's over', 'pilots over', 'trials over', 'over now', 'ended', 'finished', 'tog slut', 'ar slut', 'slutade', 'slutat', 'avslutades', 'upphorde',
  'закончился', 'закончилс', 'кончился', 'завершился', 'завершен', 'закінчився', 'закінчил', 'завершився', 'завершен', 'loppes', 'labi', 'lopetati', 'انتهت', 'خلصت', 'انتهی', 'تموم شد', 'تمام شد', 'تموم شده', 'dhammaaday', 'dhamaaday', 'dhammaatay', 'la xiray', 'xirmay', 'dhammaan lahayn', 'gabagabeeyay', 'la soo gabagabeeyay', 'پایان', 'تموم شه', 'تمام شود', 'после конца', 'после окончания', 'після кінця', 'після завершення',
]);
const WHEN = foldAll([
  'milloin', 'koska', 'when', 'nar', 'когда', 'коли', 'millal', 'متی', 'ایمتی', 'امتی', 'چه زمانی', 'کی تموم', 'کی تمام', 'goorma', 'what date', 'which date', 'which year', 'what year',
  'mika paiva', 'mina paivana', 'mika vuosi', 'minka vuoden', 'mina vuonna', 'vilket ar', 'vilket datum', 'в каком году', 'какого числа', 'в якому році', 'якого числа', 'mis aastal', 'mis kuupaeval',
  'ای سنه', 'بای سنه', 'کدوم سال', 'چه سالی', 'چه تاریخی', 'sanadkee', 'sanadma', 'taariikhdee',
]);
/** Staying behind at the TE office while others moved: how the groups were drawn. */
const STAYED = foldAll(['jai', 'jaivat', 'jaanyt', 'jaaneet', 'jaavat', 'stay', 'stayed', 'stays', 'stanna', 'оставил', 'оставлял', 'hareen', 'hadhay', 'remained', 'kvar', 'остал', 'остан', 'залиш', 'jaid', 'jaavad', 'یضل', 'ضلو', 'بمونن', 'موندن', 'موند', 'ku hadh', 'ku haray']);
/** "How often": a question about the meetings' rhythm, not a request to book one. */
const HOW_OFTEN = foldAll(['کم مره', 'kuinka usein', 'miten usein', 'kuinka tihea', 'how often', 'hur ofta', 'как часто', 'як часто', 'kui tihti', 'kui sageli', 'چند وقت یکبار', 'هر چند وقت', 'کل قدیش', 'قدیش مره', 'intee jeer', 'imisa jeer', 'inta jeer']);
/** Doing it online rather than in person. */
const ONLINE = foldAll(['netissa', 'netista', 'verkossa', 'verkkoasioin', 'online', 'internet', 'pa natet', 'via natet', 'онлайн', 'в интернете', 'через интернет', 'в інтернеті', 'через інтернет', 'internetis', 'veebis', 'اونلاین', 'انلاین', 'اون لاین', 'عالنت', 'khadka', 'internetka']);
/** Those who get a benefit, spoken of as a group ("those on earnings-related", "de som får"). */
const THIRD_PERSON_GROUP = foldAll([
  'люди на', 'те кому', 'тех кому', 'тем кто', 'тим хто', 'тих кому', 'olevat', 'olevia', 'saavat', 'saaneet', 'ne jotka', 'niille jotka', 'niita jotka', 'niita joilla', 'those who', 'those on', 'people on', 'people getting', 'people who', 'de som', 'dom som', 'de med', 'dom med', 'те кто', 'те, кто', 'тех кто', 'люди с', 'ті хто', 'тих хто', 'люди з', 'люди які', 'люди которые', 'ihmiset jotka', 'ihmisille jotka',
  'need kes', 'neid kes', 'inimesed kes', 'خارجی ها', 'خارجیها', 'خارجی‌ها', 'اللی بیاخدو', 'اللی علی', 'الناس اللی', 'اونایی که', 'کسایی که', 'کسانی که', 'dadka qaata', 'kuwa qaata', 'dadka',
]);
/** "I", "me", "my": the person speaks of themself. */
const FIRST_PERSON = new Set(foldAll([
  'mina', 'ma', 'mä', 'mun', 'minun', 'minulla', 'mulla', 'minua', 'mua', 'i', 'im', 'my', 'me', 'jag', 'mig', 'min', 'mitt', 'я', 'мне', 'меня', 'мой', 'моя', 'мені', 'мене', 'мій',
  'mul', 'minu', 'mind', 'mulle', 'انا', 'عندی', 'من', 'aniga', 'waxaan',
]));
/** English "I was", "was I": whole words, or "was i" would find "was it" and "was in". */
const FIRST_PERSON_PAST_EN = ['i was', 'was i', 'were i', 'i used to be', 'would i have been', 'i would have been', 'would i have'];
/** "Or": weighing two possibilities ("the municipality or the TE office"). */
const OR = new Set(foldAll(['vai', 'tai', 'or', 'eller', 'или', 'или', 'чи', 'або', 'voi', 'ولا', 'او', 'یا', 'mise', 'ama']));
/** "How do I find out / check": the person wants to know their own case. */
const FIND_OUT = foldAll([
  'miten tarkistan', 'miten tiedan', 'mista naan', 'mista nan', 'mista tiedan', 'mista tarkistan', 'miten selvitan', 'find out', 'how do i check', 'how can i check', 'how do i know', 'kollar jag', 'ta reda', 'hur vet jag',
  'как узнать', 'как понять', 'как проверить', 'як зрозуміти', 'откуда мне знать', 'у кого узнать', 'узнать', 'выяснить', 'як дізнат', 'у кого дізнат', 'дізнатися', 'дізнатись', 'зясувати', 'ogaado', 'ogaan karaa', 'як перевірити', 'kuidas ma tean', 'kuidas teada', 'kust ma tean', 'کیف بعرف', 'کیف اعرف', 'از کجا بفهمم', 'چطور بفهمم', 'sideen ku ogaa', 'sidee ku ogaa',
]);
/** "Only" or "also": whether the pilot was for one group or for another as well. */
const ONLY_OR_ALSO = foldAll([
  'vain', 'vaan', 'myos', 'kaikki', 'kaikkia', 'kaikille', 'only', 'also', 'too', 'all', 'everyone', 'bara', 'ocksa', 'aven', 'alla', 'только', 'тоже', 'также', 'все', 'всех', 'тільки', 'лише', 'теж', 'також', 'всі', 'всіх',
  'ainult', 'ka', 'koik', 'koiki', 'فقط', 'کمان', 'کل', 'هم', 'همه', 'kaliya', 'sidoo kale', 'dhammaan',
]);
/** Finnish or Swedish named: a course in them is a language course; any other language a course like any other. */
const DOMESTIC_LANGUAGES = foldAll([
  'suome', 'ruotsi', 'finsk', 'svensk', 'finnish', 'swedish', 'финск', 'шведск', 'фінськ', 'шведськ', 'soome', 'rootsi', 'فنلندی', 'سویدی', 'فنلاندی', 'سوئدی', 'finnishka', 'iswiidhish', 'kotoutumis', 'integration',
]);
/** "What replaced the pilot", "what came instead of it": the time since 2025. */
const REPLACED = foldAll([
  'tilalle', 'tilalla', 'korvasi', 'korvannut', 'replaced', 'replace it', 'instead of', 'in its place', 'in place of', 'put in place', 'istallet', 'i stallet', 'ersatte', 'ersatt', 'на смену', 'заменил', 'вместо', 'замінил', 'замість', 'на зміну',
  'asemele', 'asendas', 'asemel', 'بدل', 'عوض', 'جای', 'جایگزین', 'beddel', 'meeshii',
]);
/** "Where is ...": asked with a town or a service named, the answer is the place's contact. */
const WHERE_IS = [
  'where is', 'where s', 'wheres', 'where are', 'where can i find', 'missa on', 'missa se on', 'missa sijaitsee', 'missa sijaittee', 'missa ne on', 'mista loytyy', 'var ligger', 'var finns', 'var ar', 'var e',
  'где находится', 'где находятся', 'где в', 'где есть', 'где тут', 'де знаходиться', 'де знаходяться', 'де в', 'де є', 'де тут', 'kus asub', 'kus asuvad', 'kus on', 'kus oulus', 'وین', 'فین', 'کجاست', 'کجا هست', 'کجا قرار',
  'asub', 'asuvad', 'sijaitsee', 'находится', 'знаходиться', 'ligger', 'yaal', 'yaala', 'yaallaa',
].map(fold);
/** The employment services by some name: "where is X in Oulu" is the offices' question only about them. */
const SERVICES = foldAll([
  'ohjaamo', 'tyollisyy', 'tyopalvelu', 'tyovoima', 'te toimisto', 'te palvelu', 'tyokkari', 'tyokkar', 'palvelupiste', 'employment', 'job centre', 'job center', 'jobcentre', 'job services', 'labour office', 'te office',
  'arbetskraft', 'sysselsattning', 'arbetsformedling', 'te byra', 'занятост', 'биржа труда', 'центр труда', 'зайнятост', 'центр праці', 'tootukassa', 'tooho', 'toopakkum',
  'التوظیف', 'مکتب العمل', 'مرکز العمل', 'اداره کار', 'کاریابی', 'خدمات اشتغال', 'اشتغال', 'shaqada', 'shaqo', 'xafiiska',
]);
/** "Still" and joining: "can I still join the pilot?" asks whether the person can be in it, today. */
const STILL = foldAll(['viela', 'still', 'yet', 'anyway', 'fortfarande', 'annu', 'ещё', 'еще', 'ще', 'veel', 'ikka', 'لسا', 'لسه', 'هنوز', 'weli', 'wali', 'weli ma']);
/** "This programme", "this project": in this chat, the pilot. */
/** A programme, named as people do when they describe the pilot ("the municipality's programme for the unemployed"). */
const PROGRAMME = foldAll(['ohjelma', 'programme', 'program', 'программ', 'програм', 'programm', 'برنامه', 'برنامج', 'barnaamij']);
const THIS_PROGRAMME = foldAll(['tahan ohjelmaan', 'tama ohjelma', 'tahan projektiin', 'this programme', 'this program', 'this project', 'det har programmet', 'detta program', 'det har projektet', 'эту программу', 'эта программа', 'этот проект', 'цю програму', 'ця програма', 'цей проєкт', 'sellesse programmi', 'see programm', 'sellesse projekti', 'هذا البرنامج', 'هذا المشروع', 'این برنامه', 'این پروژه', 'barnaamijkan']);
/** Now, whole words: "can I join it now" asks the same as "can I still join". */
const NOW = foldAll(['nyt', 'nyte', 'now', 'nu', 'сейчас', 'щас', 'теперь', 'зараз', 'тепер', 'nuud', 'praegu', 'الان', 'الآن', 'هلا', 'هلق', 'هسه', 'الحين', 'حالا', 'hadda']);
/** The employment areas that serve people since 2025. */
const AREA_WORDS = foldAll([
  'tyollisyysalue', 'tyollisyys alue', 'employment area', 'sysselsattningsomrade', 'область занят', 'область зайнят', 'зона зайнят', 'зоны занят', 'toohoivepiirkond', 'toohoive piirkond',
  'منطقه التوظیف', 'منطقه اشتغال', 'aagga shaqada',
]);
/** Today rather than the pilot's years: "nowadays", "these days", or the areas. */
const TODAY = [...foldAll(['nykyaan', 'nykyisin', 'tanaan', 'nowadays', 'these days', 'today', 'idag', 'numera', 'нынче', 'сегодня', 'сьогодні', 'tana', 'tanapaeval', 'امروز', 'الیوم', 'maanta']), ...AREA_WORDS];
const JOIN = foldAll([
  'asiakkaaksi', 'kliendiks', 'become a customer', 'bli kund', 'взяти в', 'взять в', 'take me', 'ottaa mukaan', 'ta med mig', 'projekti votta', 'sisse votta', 'стать клиентом', 'стати клієнтом', 'join', 'get in', 'get into', 'sign up', 'enter', 'paasta', 'paasen', 'paasee', 'tulla kokeiluun', 'tulla mukaan', 'menna kokeiluun', 'menna mukaan', 'mukaan', 'liittya', 'komma med', 'komma in', 'vara med', 'записать в', 'запишут', 'запишуть', 'туда взять', 'туди взяти', 'долучит', 'ansluta', 'ansluta mig', 'kuulua siihen', 'اشترک', 'اشارک', 'igu dari', 'lagu daro', 'la igu daro', 'ga med', 'delta', 'попасть', 'вступить', 'присоедин', 'записаться в', 'потрапити', 'вступити',
  'приєдна', 'liituda', 'paaseda', 'saada katsesse', 'ادخل', 'انضم', 'فوت', 'وارد', 'عضو', 'ثبت نام', 'geli', 'galo', 'ku biir', 'ka mid noqo',
]);
/** Verbs that can only be the person's own present: "asun" (I live), "kuulunko" (do I belong), "живу". Whole words. */
const SELF_VERBS = new Set(foldAll([
  'asun', 'oon', 'olen', 'olenko', 'kuulun', 'kuulunko', 'voinko', 'paasenko', 'saanko', 'elan', 'saan', 'haluan', 'haluaisin', 'tahaksin', 'хочу', 'rabaa', 'میخوام', 'بدی', 'живу', 'подхожу', 'подпадаю', 'могу', 'можу', 'підпадаю', 'підходжу', 'ساکنم', 'منم',
  'میتونم', 'اومدم', 'امدم', 'هستم', 'میکنم', 'اسکن', 'ساکن', 'اقدر', 'اکدر', 'اگدر', 'بقدر', 'ahay', 'baan', 'ayaan', 'karaa', 'мне',
]));
/** Belonging to the pilot or qualifying for it today: "do I belong", "am I covered", "do I qualify". */
const BELONG = foldAll([
  // Being "your" customer is being the services' customer.
  'teidan asiakas', 'teidan asiakkaanne', 'your customer', 'ert kund', 'er kund', 'ваш клиент', 'вашим клиентом', 'ваш клієнт', 'вашим клієнтом', 'teie klient', 'teie kliendiks',
  'я вхожу', 'вхожу ли я', 'відношусь', 'я відношусь', 'on minu jaoks', 'onko se minua varten', 'onko tama minua varten', 'is it for me', 'is this for me', 'ar det for mig', 'это для меня', 'це для мене', 'мене стосується', 'стосується мене',
  'меня касается', 'касается ли меня', 'koskeeko minua', 'koskeeko tama minua', 'koskeeko se minua', 'koskeeko mua',
  'ar jag kund', 'cover me', 'covers me', 'من جزو', 'am i one of', 'считаюсь клиентом', 'считаюсь', 'вважаюсь', 'ma ahay macmiil tijaabada', 'macmiil tijaabada', 'اذا انا داخل', 'انا داخل', 'kuulunko', 'kuulunks', 'kuulunko ma', 'piiriin', 'kohderyhmaan', 'do i belong', 'am i covered', 'am i eligible', 'do i qualify', 'am i in it', 'am i part', 'omfattas jag', 'hor jag till', 'hor jag dit', 'hor ja till',
  'подхожу', 'подпадаю', 'отношусь', 'підпадаю', 'підходжу', 'належу', 'kas ma kuulun', 'kuulun ma', 'sobin', 'انا من ضمن', 'تابع لکم', 'مشمول', 'شامل میشم', 'شامل من میشه', 'جزوش', 'xaq baan u leeyahay', 'xaq ma u leeyahay',
]);
/** The same in Somali, whole words: "ka mid ahay" (am I one of them) is not "ka mid ahayd" (was it one of them). */
const BELONG_WORDS = foldAll(['ka mid ahay', 'ka mid ahaan karaa', 'ma ku jiraa']);
/** Which one: "which area do I belong to now" asks for the area, not for a verdict. Whole words. */
const WHICH_ONE = foldAll(['which', 'vilket', 'vilken', 'kuhu', 'mihin', 'mille', 'какой', 'какому', 'к какой', 'якої', 'якій', 'до якої', 'milline', 'millisesse', 'کدام', 'کدوم', 'ای', 'kee', 'kuma']);
/** No vocational qualification: the under-25s' duty to apply for education, the under-30 article's rule. */
const NO_VOCATIONAL = foldAll([
  'ammatillista', 'ammattitutkint', 'ammatillinen tutkinto', 'ammattikoulu', 'amis', 'vocational', 'trade school', 'yrkesutbildning', 'yrkesexamen', 'yrkesskola', 'профессионального образования', 'профобразован',
  'профессиональной', 'професійної', 'професійн', 'kutseharidus', 'kutsekool', 'شهاده مهنیه', 'شهاده مهنی', 'تعلیم مهنی', 'مدرک حرفه', 'مدرک فنی', 'فنی حرفه', 'shahaado xirfadeed', 'xirfad', 'دبلوم مهنی', 'диплому', 'нема диплом', 'нет диплом', 'без диплом',
]);
/** Applying to a school or education. */
const APPLY_TO_SCHOOL = foldAll([
  'hakea kouluun', 'hakea opiskelemaan', 'hakemaan kouluun', 'hakea koulutukseen', 'apply to', 'apply for', 'apply to school', 'soka till', 'soka en', 'soka in', 'söka', 'поступать', 'подать заявление', 'вступати', 'подати заяву',
  'навчання', 'на навчання', 'учеб', 'обучени', 'kandideerima', 'avaldus', 'kooli', 'یقدم', 'تقدم', 'نقدم', 'yhteishaku', 'codsadaa', 'waxbarasho', 'التقدیم', 'دراسه', 'درس بخونم', 'درس بخوانم', 'برم درس', 'درخواست', 'ثبت نام', 'دانشگاه', 'مدرسه', 'codso', 'iskuul', 'dugsi', 'school', 'skola', 'koulu', 'школ', 'училищ', 'колледж', 'коледж', 'مدرسه',
]);
/** Going on, keeping: "does it continue", "do I keep my coach". */
const GOES_ON = foldAll([
  'jatku', 'jatkaa', 'sailyy', 'pysyy', 'viela', 'sama valmentaja', 'continue', 'keep', 'still', 'stay', 'carry on', 'kvar', 'fortsatt', 'fortsatter', 'fortsätter', 'behalla', 'продолж', 'сохран', 'остан', 'продовж', 'залиш', 'збереж', 'jatkub', 'jaab', 'alles',
  'بضل', 'بیضل', 'یضل', 'ادامه', 'میمونه', 'می ماند', 'یستمر', 'تستمر', 'باقی', 'یظل', 'weli', 'wali', 'sii socon', 'sii wadi', 'sii jiri', 'heli karaa', 'лишил', 'осталась', 'остался', 'сохранил',
]);
/** A town being in it: "did our municipality belong", "was Kiuruvesi one of the places", "участвовала". */
const TOWN_INCLUDED = foldAll([
  'in the pilot', 'in that pilot', 'in this pilot', 'in the trial', 'in that trial', 'in the experiment', 'in that experiment', 'in that town pilot', 'in the town pilot', 'належало', 'належав', 'تو اون طرح', 'تو طرح', 'تو پایلوت', 'take part', 'took part', 'taking part', 'trial towns', 'pilot towns', 'one of those', 'oliko siella', 'oli siella', 'kas meie vald oli', 'была ли', 'был ли', 'чи була', 'чи був', 'у них був', 'у них була', 'взагалі був', 'вообще был', 'там був', 'у них был', 'у них была', 'там был', 'nimekirjas', 'listalla', 'on the list', 'pa listan', 'в списке', 'у списку', 'kuuluiko', 'kuului', 'oliko mukana', 'oliko se mukana', 'one of the places', 'one of the towns', 'one of the municipalities', 'among the', 'part of it', 'part of the', 'in it', 'var med', 'deltog', 'ingick', 'horde till',
  'входил', 'входила', 'входило', 'участвовал', 'входив', 'входила', 'брав участь', 'брала участь', 'брало участь', 'osales', 'kuulus', 'من ضمن', 'کانت ضمن', 'جزو', 'ka mid ahayd', 'ka qayb qaatay', 'ku jirtay',
]);
/** Tampere's international services and the integration period: how the pilot served immigrants in Pirkanmaa. */
const INTERNATIONAL_SERVICES = foldAll([
  'kansainvalis', 'international service', 'internationella', 'международн', 'міжнародн', 'rahvusvahelis', 'بینالمللی', 'بین المللی', 'الدولیه', 'الخدمات الدولیه', 'caalami',
]);
const INTEGRATION_PERIOD = foldAll([
  'kotoutumisaika', 'kotoutumisajalla', 'integration period', 'integration time', 'integrationstid', 'период интеграции', 'периоде интеграции', 'період інтеграції', 'періоді інтеграції', 'loimumisaeg', 'دوره کوتوتومیس', 'دوره ادغام',
  'فتره الاندماج', 'مرحله الاندماج', 'dadka cusub', 'soo galooti',
]);
/** Language rights, or being sent back to the TE office because of one's language. */
const LANGUAGE_RIGHTS = foldAll([
  'kielelliset oikeudet', 'kielellisten oikeuksien', 'kielelliset', 'language rights', 'linguistic rights', 'sprakliga rattigheter', 'språkliga', 'языковых прав', 'языковые права', 'мовних прав', 'мовні права', 'keelelised oigused', 'keeleliste',
  'حقوق زبانی', 'الحقوق اللغویه', 'حقوق لغویه', 'حقوقی اللغویه', 'xuquuqda luqad',
]);
const SENT_BACK = foldAll(['takaisin', 'takas', 'palautet', 'palaan', 'palata', 'palaisin', 'رجعوه', 'رجعو', 'back to', 'tillbaka', 'обратно', 'вернули', 'назад', 'повернули', 'tagasi', 'برگرد', 'برمیگردون', 'برگشت', 'ارجع', 'رجعونی', 'رجعوا', 'celiyo', 'celin']);
/** A shop, a café, a bakery, a workshop: a workplace named where someone would try a job out. */
const WORKPLACE = foldAll([
  'kauppa', 'kauppaan', 'kaupassa', 'kauppatyo', 'kahvila', 'ravintola', 'leipomo', 'korjaamo', 'autokorjaamo', 'paivakoti', 'daghem', 'kindergarten', 'dagis', 'varasto', 'shop', 'store', 'cafe', 'restaurant', 'bakery', 'workshop', 'warehouse', 'garage', 'butik', 'affar', 'kafe', 'restaurang', 'bageri',
  'verkstad', 'lager', 'магазин', 'кафе', 'ресторан', 'пекарн', 'мастерск', 'склад', 'крамниц', 'пекарн', 'майстерн', 'pood', 'poes', 'kohvik', 'restoran', 'pagarikoda', 'tookoda', 'autotookoda', 'ladu', 'مطعم', 'محل', 'مخبز',
  'کافه', 'رستوران', 'مغازه', 'فروشگاه', 'نانوایی', 'تعمیرگاه', 'انبار', 'maqaayad', 'dukaan', 'makhaayad', 'bakhaar', 'garaash',
]);
/** No pay or no contract, said outright (not merely a benefit named). */
const NO_PAY = foldAll([
  'ilman palkkaa', 'ilman tyosopimusta', 'palkatta', 'ilman sopimusta', 'mitaan sopimusta', 'no pay', 'unpaid', 'without pay', 'no salary', 'without a contract', 'no contract', 'utan lon', 'ingen lon', 'utan avtal',
  'utan anstallningsavtal', 'без зарплат', 'без оплат', 'без договор', 'без трудового', 'без контракту', 'ilma palgata', 'ilma lepinguta', 'حقوق نمیدیم', 'بدون حقوق', 'بدون راتب', 'بلا راتب', 'mushahar ma jiro',
  'mushahar la aan', 'mushahar laaan', 'lama siinayo',
]);
/** Asking whether one is paid: the question a work trial raises. */
const PAY_ASKED = foldAll([
  'saanko palkkaa', 'saanko silloin palkkaa', 'palkkaa vai', 'maksetaanko', 'saako siita palkkaa', 'do i get paid', 'get paid', 'is it paid', 'am i paid', 'far jag lon', 'betalar de', 'платят ли', 'заплатят', 'будут платить', 'платитимуть', 'заплатять', 'kas palka',
  'palka makstakse', 'makstakse palka', 'حقوق میدن', 'حقوق میگیرم', 'بیعطونی راتب', 'فی راتب', 'mushahar ma', 'lama siinayo', 'mushahar lama',
]);
/** The municipality handling the unemployed itself, instead of the TE office: what the pilot was. */
const HANDLED = foldAll([
  // Doing the TE office's work: "vallad hakkasid TE-toimisto tööd tegema", "kunta teki TE-toimiston työtä", "муниципалитетам отдали работу".
  'tegema', 'tegid', 'teki', 'tekivat', 'взяли на себе', 'отдали', 'взяли на себя', 'брали на себя', 'взяли', 'делали', 'робили', 'йшло', 'did the work', 'do the work', 'took over', 'gjorde', 'vart tog',
  'aitama', 'tegeles', 'tegelesid', 'qaban jireen', 'hoiti', 'hoitiko', 'hoitaa', 'hoitanut', 'ran', 'running', 'handled', 'took care', 'was doing', 'skotte', 'skötte', 'skottes', 'занимал', 'занимался', 'заниматься', 'вел', 'займал', 'займалося', 'ajas', 'ajanud', 'korraldas',
  'انجام میداد', 'اداره میکرد', 'کانت تدیر', 'بتدیر', 'تدیر', 'qabanaysay', 'maamulaysay',
]);
/** Since the pilot ended at the turn of 2025: "after 2025", "since new year", "с 2025 года". */
const SINCE_2025 = foldAll([
  '2025 jalkeen', 'vuodesta 2025', 'vuoden 2025', 'since 2025', 'after 2025', 'from 2025', 'sedan 2025', 'efter 2025', 'efter nyar', 'после 2025', 'с 2025', 'з 2025', 'після 2025', 'alates 2025', 'parast 2025', 'از ۲۰۲۵', 'از 2025',
  'بعد از 2025', 'من سنه 2025', 'من 2025', 'بعد 2025', 'kadib 2025', 'laga bilaabo 2025', 'te24', 'efter 2024', 'after 2024', 'parast 2024', '2024 lopp', 'з нового року', 'с нового года', 'from the new year', 'после 2024', 'після 2024', 'jalkeen 2024', '2024 jalkeen',
]);
/** Because of one's age: "only because of my age", "iän takia", "из-за возраста". */
const AGE_REASON = foldAll([
  'because of my age', 'because of age', 'because of his age', 'because of her age', 'due to age', 'pa grund av aldern', 'pga aldern', 'for aldern', 'ian takia', 'ikani takia', 'ian vuoksi', 'ikani vuoksi', 'из-за возраста',
  'по возрасту', 'через вік', 'за віком', 'vanuse parast', 'vanuse tottu', 'بسبب العمر', 'بسبب عمری', 'به خاطر سن', 'بخاطر سنم', 'da aawadeed', 'daba da',
]);
/** Whom the services are "meant for": "am I one of the people this is for?". */
const MEANT_FOR = foldAll(['this is for', 'its for', 'it is for', 'meant for', 'intended for', 'tarkoitettu', 'moeldud', 'som ska fa', 'предназначен', 'призначен', 'مخصص', 'loogu talagalay', 'loo talagalay']);
/** The town itself asked about: "was it / was that area / was the pilot there". */
const THERE_ASKED = foldAll([
  'kuuluko se', 'kuuluiko se', 'kuuluuko se', 'oliko siella', 'oliko se mukana', 'oliko sielläkin', 'kokeilukunnassa', 'kokeilukun', 'was it in', 'was it part', 'was that town', 'was the town', 'did it run there', 'was it running there', 'pilot town', 'pilot municipality',
  'var den med', 'var det med', 'fanns det dar', 'была ли она', 'был ли он', 'там был', 'там была', 'там было', 'чи була вона', 'чи був він', 'там був', 'там була', 'kas see oli', 'kas seal', 'هاي المنطقه', 'هذه المنطقه', 'هالمنطقه', 'کانت مشموله', 'اونجا هم', 'اونجا بود', 'ma ku jirtay',
]);
/** "Now that": not a question when. */
const NOW_THAT = [' nu nar ', ' тепер коли ', ' теперь когда ', ' сейчас когда ', ' зараз коли ', ' now when ', ' nuud kui '];
/** "Regardless of", "whatever": what did not matter. */
const REGARDLESS = foldAll([
  'riippumatta', 'oli mika tahansa', 'mista tahansa', 'regardless', 'whatever', 'no matter', 'oavsett', 'неважно', 'независимо', 'незалежно', 'не важливо', 'sõltumata', 'soltumata', 'olenemata',
  'مهما کان', 'مهما', 'بغض النظر', 'مهم نبود', 'فرقی نمیکرد', 'فرق نمیکرد', 'iyadoon loo eegin', 'iyada oo aan loo eegin',
]);
/** The pilot called by its name, "the municipalities' pilot". */
const MUNICIPAL_PILOT = foldAll(['تجربه البلدیات', 'تجربة البلديات', 'تبع البلدیات', 'municipal pilot', 'municipal employment pilot', 'municipal trial', 'municipal experiment', 'kuntien kokeilu', 'kuntien tyollisyyskokeilu', 'kommunernas forsok', 'муниципальн', 'муніципальн', 'omavalitsuste', 'آزمایش شهرداری', 'طرح شهرداری', 'tijaabada degmooyinka', 'mashruuca degmooyinka']);
/** The difference between two things. */
const DIFFERENCE = foldAll(['skillnad', 'difference', 'differ', 'ero', 'eroa', 'erosi', 'erot', 'разниц', 'отлича', 'різниц', 'відрізня', 'erinevus', 'erines', 'فرق', 'تفاوت', 'farqi', 'kala duwan']);
/** Starting: "when did it start", "it was moved to March". */
const STARTED = foldAll(['alkaa', 'alkoi', 'alko', 'alkanut', 'start', 'began', 'begin', 'kick off', 'borja', 'borjade', 'начал', 'начина', 'почал', 'почина', 'algas', 'algama', 'algus', 'شروع', 'بدا', 'بلشت', 'bilaab']);
/** Besides, what else: "the coach and what else?". */
const BESIDES = foldAll(['mer an vanligt', 'more than usual', 'more than at the', 'enemman kuin', 'больше чем', 'більше ніж', 'lisaksi', 'mita muuta', 'mita kaikkea', 'what else', 'besides', 'in addition to', 'apart from', 'other than', 'forutom', 'vad mer', 'vad annat', 'кроме', 'помимо', 'крім', 'окрім', 'lisaks', 'mida veel', 'علاوه بر', 'غیر از', 'بجز', 'غیر', 'بالاضافه', 'ka sokow', 'wax kale']);
/** What one was "supposed to get". */
const SUPPOSED_TO_GET = foldAll(['piti saada', 'kuului saada', 'pitaisi saada', 'supposed to get', 'should have got', 'should have gotten', 'meant to get', 'skulle ha fatt', 'skulle fa', 'полагалось', 'должна была мне', 'должен был мне', 'мало бути', 'мав отримати', 'pidin saama', 'oleksin pidanud saama', 'المفروض', 'قرار بود', 'ahayd inaan helo', 'la rabay inaan helo']);
/** Whom a course is for: "för invandrare", "for immigrants". */
const FOR_IMMIGRANTS = foldAll(['for invandrare', 'for inflyttade', 'for immigrants', 'for foreigners', 'maahanmuuttajille', 'ulkomaalaisille', 'для иммигрантов', 'для иностранцев', 'для іммігрантів', 'для іноземців', 'sisserandajatele', 'valismaalastele', 'للمهاجرین', 'للاجانب', 'برای مهاجرین', 'برای مهاجران', 'برای خارجی', 'soogalootiga', 'dadka cusub']);
/** The jobseeker's duties asked outright. */
const DUTY_ASKED = foldAll(['obliged to do', 'what am i obliged', 'forvantas av mig', 'expected of me', 'required of me', 'minulta odotetaan', 'minulta vaaditaan', 'mita minun pitaa tehda', 'mita mun pitaa tehda', 'от меня ожидают', 'от меня требуется', 'что от меня требуют', 'від мене чекають', 'від мене вимагають', 'minult oodatakse', 'mida ma pean tegema', 'ازم انتظار', 'چی ازم میخوان', 'شو المطلوب منی', 'maxaa la iga rabaa']);
/** "Even" those: a group's limit, not another group. Whole words. */
const EVEN = foldAll(['edes', 'jopa', 'myos', 'even', 'aven', 'till och med', 'даже', 'навіть', 'isegi', 'حتی', 'حتى', 'xitaa']);
/** Treated some way "because I'm a foreigner". */
const FOREIGN_REASON = foldAll([
  'koska olen ulkomaalainen', 'koska oon ulkomaalainen', 'koska olen maahanmuuttaja', 'because im a foreigner', 'because i am a foreigner', 'because im an immigrant', 'because i am an immigrant', 'because im foreign',
  'for att jag ar utlanning', 'for att jag ar invandrare', 'pga att jag ar utlanning', 'потому что я иностран', 'потому что я иммигрант', 'бо я іноземець', 'бо я іноземка', 'тому що я іноземець', 'тому що я іноземка', 'бо я іммігрант',
  'sest ma olen valismaalane', 'sest olen valismaalane', 'لاني اجنبی', 'لانی اجنبی', 'عشان انا اجنبی', 'چون خارجی هستم', 'چون خارجیم', 'چون مهاجرم', 'maxaa yeelay waxaan ahay soogalooti', 'sababtoo ah waxaan ahay soogalooti',
]);
/** Settling in: "how we get into society", "my first years in Finland". */
const SETTLING = foldAll([
  'kotoutu', 'asettua', 'settle', 'settling in', 'into society', 'into the society', 'first years', 'komma in i samhallet', 'in i samhallet', 'forsta aren', 'первые годы', 'влиться', 'перші роки', 'адаптац', 'esimesed aastad',
  'ühiskonda', 'uhiskonda', 'اول سنین', 'اول سنوات', 'سالهای اول', 'سال اول', 'جا بیفتم', 'bulshada', 'sanadaha ugu horreeya',
]);
/** He, she, them: a question asked about someone else. Whole words. */
const THEM = foldAll(['hon', 'han', 'she', 'he', 'her', 'him', 'hän', 'hanet', 'hänet', 'он', 'она', 'ее', 'его', 'він', 'вона', 'її', 'його', 'tema', 'ta', 'هو', 'هي', 'اون', 'او', 'isaga', 'iyada', 'ayuu', 'ayay']);
/** "When" opening a clause about oneself ("when I'm unemployed", "när jag är utan jobb"). Whole words. */
const WHEN_CLAUSE = foldAll(['nar jag', 'nar man', 'nar du', 'nar vi', 'nar hon', 'nar han', 'when i', 'when im', 'when you', 'when we', 'when my']);
/** Meant to: "it was supposed to end in 2023". */
const PLANNED = foldAll([
  'pitany', 'pitanyt', 'piti', 'meant to', 'supposed to', 'planned', 'skulle', 'var tankt', 'должен был', 'должны были', 'планировал', 'мав', 'мали', 'планувал', 'спочатку', 'pidi', 'pidid', 'pidanud', 'قرار بود', 'قرار نبود', 'المفروض', 'کان مفروض',
  'la rabay', 'la rabin', 'loo qorsheeyay',
]);
/** Going on longer than planned: the pilot's extension. */
const EXTENDED = foldAll([
  'veny', 'jatku', 'pidennet', 'pidenn', 'extended', 'went on', 'continued', 'forlang', 'fortsatte', 'продлил', 'продлен', 'продовжил', 'подовж', 'pikendat', 'jatkus', 'تمدید', 'ادامه داد', 'مددو', 'تمدد', 'dheereeyay', 'la dheereeyay', 'sii socday',
]);
/** "Every", "each", "literally all": whether the move concerned everyone. Whole words. */
const EVERY = foldAll(['every', 'everybody', 'each', 'jokainen', 'jokaisen', 'jokaista', 'varje', 'alla', 'каждый', 'каждого', 'кожен', 'кожного', 'iga', 'igauks', 'کل', 'هر', 'qof walba', 'kasta']);
/** "Automatically", "without applying": how one ended up in the pilot, the target groups' rule. */
const AUTOMATIC = foldAll(['automaattisesti', 'automaattisesti', 'itsestaan', 'hakematta', 'automatically', 'without applying', 'automatiskt', 'utan att ansoka', 'автоматически', 'без заявлени', 'автоматично', 'без заяв', 'automaatselt', 'taotlemata', 'تلقاییا', 'بدون ما یقدمو', 'خودکار', 'خود به خود', 'bilaa codsi', 'si toos ah', 'iyagoon codsan']);
/** Speaking a language: "I mostly speak English", "did you have to speak Finnish". */
const SPEAK = foldAll(['puhu', 'puhua', 'speak', 'talar', 'prata', 'говор', 'розмовля', 'разговарива', 'raagi', 'raakima', 'احکی', 'بحکی', 'بتحکی', 'حرف میزن', 'حرف بزن', 'ku hadl', 'ku hadasho', 'ku hadlaa']);
/** "Where": one word, for a question that names a service and a town ("missä ohjaamo on Oulussa"). Whole words; not Swedish "var", which is also "was". */
const WHERE = foldAll(['missa', 'mista', 'minne', 'where', 'vart', 'где', 'куда', 'де', 'куди', 'kus', 'kuhu', 'وین', 'لوین', 'فین', 'کجا', 'کجاست', 'xaggee', 'xagee', 'halkee']);
/** Gone, closed: "where did the TE offices go", "the TE office is closed, where do I go now". */
const GONE = foldAll(['empty', 'tyhja', 'lukossa', 'lopetettu', 'lakkautettu', 'lagts ner', 'lagt ner', 'star tom', 'tom nu', 'пуст', 'закрыт', 'закрит', 'tuhi', 'suletud', 'خالی', 'فاضی', 'مسکره', 'madhan', 'делись', 'подевались', 'исчезл', 'закрыли', 'поділись', 'поділися', 'зникл', 'закрили', 'katos', 'havis', 'hävis', 'suljettiin', 'lakkautettiin', 'forsvann', 'stangdes', 'stangd', 'stangt', 'finns den inte', 'finns den int', 'inte mera', 'int mera', 'inte mer', 'int mer', 'inte langre', 'int langre', 'langre', 'ei enaa', 'enaa ole', 'больше нет', 'більше нема', 'більше немає', 'kadus', 'suleti', 'disappeared', 'went away', 'where did', 'closed', 'shut down', 'مسکر', 'سکرو', 'اختفت', 'کجا رفتن', 'بسته شد', 'تعطیل', 'la xiray', 'xirmay', 'meeqay',
  // "Isn't there a TE office any more?", "the sign was gone and the door locked".
  'finns inte mera', 'finns int mera', 'finns inte langre', 'finns int langre', 'inte mera', 'borta', 'dorren last', 'no longer', 'not there anymore', 'doesnt exist', 'ei ole enaa', 'ei oo enaa', 'больше нет', 'уже нет', 'більше немає',
  'вже немає', 'enam ei ole', 'pole enam', 'دیگه نیست', 'دیگر نیست', 'ما عاد فی', 'ماعاد', 'mar dambe ma jiro', 'ma jiro']);
/** The employment services' own world: being out of work, looking for work, the coach. */
const DOMAIN = foldAll([
  'tyoton', 'tyottom', 'tyottoma', 'tyonhak', 'tyonhaku', 'valmentaja', 'unemploy', 'jobless', 'out of work', 'jobseek', 'job seek', 'looking for work', 'coach', 'arbetslos', 'arbetssok', 'безработ', 'безробіт', 'соискател', 'шукач',
  'коуч', 'tootu', 'tooots', 'aktivointi', 'activation plan', 'без работы', 'без роботи', 'ilman toita', 'utan jobb', 'عاطل',
  // The benefit, Kela, and this chat itself.
  'kela', 'kelan', 'kelalta', 'kelaan', 'кела', 'келе', 'келу', 'келы', 'кели', 'کلا', 'tuki', 'tuen', 'tukea', 'tuet', 'tukeni', 'tukea', 'benefit', 'allowance', 'ersattning', 'stod', 'stodet', 'пособи', 'допомог', 'toetus', 'gunno', 'کمک هزینه', 'اعانه',
  // One's own appointment and what one writes here: only this service holds them.
  'my appointment', 'my time', 'minun aika', 'mun aika', 'aikani', 'min tid', 'мою запись', 'мой визит', 'мій запис', 'mu aeg', 'homse aja', 'وقتمو', 'موعدی', 'ballantayda', 'ballanteyda',
  'what i type', 'what i write', 'what i wrote', 'everything i wrote', 'mita kirjoitan', 'kirjoittamani', 'det jag skriver', 'det jag skrev', 'что я пишу', 'что я написал', 'що я пишу', 'mida ma kirjutan', 'اللی بکتبه', 'بکتبه', 'کتبته',
  'می نویسم', 'مینویسم', 'fariimahan', 'fariimaha', 'waxaan qoray',
  'keskustelu', 'conversation', 'this chat', 'samtal', 'разговор', 'переписк', 'розмов', 'vestlus', 'محادثه', 'گفتگو', 'wada hadal', 'sheekada', 'بلا شغل', 'بیکار', 'کارجو', 'مربی', 'shaqo laaan', 'shaqo la aan', 'shaqo doon', 'shaqo raadi', 'tababare',
]);
/** "You" addressed to the service. Whole words. */
const YOU = foldAll(['te', 'teilla', 'teidan', 'teille', 'ootteko', 'oletteko', 'olette', 'you', 'your', 'ni', 'er', 'вы', 'вас', 'ви', 'teil', 'teie', 'انتو', 'انتم', 'عندکم', 'شما', 'idinka', 'aad', 'xafiiskiinna']);
/** A plan: "some plan with the municipality for language classes and job search" is the integration plan. */
const PLAN = foldAll(['suunnitelm', 'paperi', 'plan', 'план', 'plaan', 'خطه', 'خطة', 'برنامه', 'qorshe']);
/** An employer, a company, a boss: who gets the money when it is part of a wage. */
const EMPLOYER = foldAll([
  'tyonantaja', 'firma', 'yritys', 'pomo', 'employer', 'company', 'bakery', 'boss', 'owner', 'arbetsgivar', 'foretag', 'firman', 'chefen', 'работодател', 'фирм', 'компани', 'работодателю', 'начальник', 'роботодав', 'компані',
  'tooandja', 'ettevote', 'ulemus', 'restaurangagare', 'agaren', 'کارفرما', 'شرکت', 'صاحب العمل', 'الشرکه', 'الشغل', 'shirkad', 'maqaayad', 'dukaan', 'loo shaqeeye', 'loo shaqeeya', 'shaqo bixiye', 'milkiilaha',
  // A small business of one's own, or the workplace that would hire.
  'rakennusfirma', 'pieni yritys', 'kahvila', 'ravintola', 'kauppa', 'cafe', 'restaurant', 'shop', 'my business', 'my company', 'litet cafe', 'litet foretag', 'restaurang', 'маленькая фирма', 'кафе', 'ресторан', 'магазин', 'невелик',
  'kohvik', 'restoran', 'مطعم', 'محل', 'رستوران', 'مغازه', 'کافه', 'dukaan', 'maqaayad',
]);
/** Money paid to someone: "the city pays part of my wage", "employers get money for hiring". */
const PAID = foldAll([
  'maksaks', 'maksma', 'оплат', 'оплачив', 'заплат', 'сплат', 'rahaa', 'maksaa', 'maksais', 'tukea', 'money', 'pays', 'pay part', 'cover', 'subsid', 'grant', 'pengar', 'bidrag', 'betalar', 'деньги', 'плат', 'доплат', 'гроші', 'raha', 'maksab', 'toetus', 'پول', 'بده', 'میده',
  'فلوس', 'مصاری', 'بتدفع', 'یدفع', 'lacag', 'bixiso', 'bixiya', 'qayb ka bixin', 'la siiyo', 'support', 'stod', 'компенсац', 'дотац', 'kompensats', 'korvataan', 'korvaa', 'دعم', 'یغطی', 'بده', 'caawisa',
]);
/** Hiring, a wage: what the money is for. */
const HIRING = foldAll([
  'palkkaa', 'palkkaisi', 'palkasta', 'palkan', 'ottaa toihin', 'toihin', 'hire', 'hiring', 'take me on', 'salary', 'wage', 'anstall', 'lonen', 'min lon', 'lon for', 'lonebidrag', 'берет', 'берет человека', 'возьмет', 'нанять', 'нанима', 'зарплат', 'бере', 'візьме', 'найм',
  'palkka', 'palgast', 'toole', 'qaato', 'استخدام', 'تشغل', 'توظیف', 'راتب', 'حقوق', 'shaqaaleey', 'shaqaalays', 'mushahar', 'وظف', 'palkata', 'palgata', 'anstalla',
]);
/** Missing a meeting: what happens if the jobseeker does not go. */
const MISSED = foldAll([
  'en mene', 'jos en', 'jaa valiin', 'jaan valiin', 'skip', 'miss a', 'missed', 'dont go', 'dont show', 'missar', 'inte gar', 'uteblir', 'не приду', 'пропущ', 'не пойду', 'пропуст', 'не прийду', 'vahele', 'ei lahe', 'ei kay',
  'غبت', 'ما رحت', 'اذا ما اجیت', 'نرم', 'نیام', 'ka maqnaado', 'aanan tagin', 'aanan imaan',
]);
/** The state or the TE office: the one the municipalities ran services instead of, during the pilot. */
const STATE = foldAll(['valtio', 'valtion', 'state', 'government', 'staten', 'государств', 'держав', 'riik', 'riigi', 'دولت', 'الحکومه', 'الدوله', 'dowlad', 'te toimisto', 'te office', 'te byra', 'tyokkari']);
/** Being part of it: "were they in it", "туда попадали", "olid selle sees". */
const INCLUDED = foldAll([
  'mukana', 'mukaan', 'kuuluivat', 'were in', 'part of', 'included', 'in it', 'med i', 'omfattades', 'попадали', 'входили', 'входить', 'туда', 'входили туди', 'туди', 'sees', 'hulgas', 'ku jireen', 'ku jiray',
  'داخلین', 'مشمولین', 'جزوش', 'جزو', 'تو طرح', 'من ضمن',
]);
/** "Did it concern me", "did this apply to me": the person's own case. */
const CONCERNED_ME = foldAll([
  'koski minua', 'koskiko mua', 'koskiko minua', 'koski mua', 'koskeeko', 'concern me', 'apply to me', 'applied to me', 'include me', 'gallde det mig', 'galler det mig', 'меня касал', 'касалось меня', 'коснулось меня',
  'gallde forsoket mig', 'galler forsoket mig', 'koskiko kokeilu minua', 'koskiko kokeilu mua', 'koskiko se mua', 'did the pilot apply to me', 'did the trial apply to me', 'касался ли меня', 'стосувався мене',
  'стосувалось мене', 'мене стосува', 'меня это касал', 'это меня касал', 'мене це стосува', 'це мене стосува', 'puudutas mind', 'kas see puudutas', 'ma i khusaysay', 'i khuseeyay', 'شاملنی', 'شامل من', 'شامل حالم',
]);
/** One's job or contract: "my job ended" is about registering, not about the pilot having ended. */
const JOB = foldAll(['tyo', 'tyot', 'tyosuhde', 'duuni', 'pesti', 'sopimus', 'job', 'contract', 'jobb', 'jobbet', 'kontrakt', 'работа', 'работу', 'контракт', 'робота', 'роботу', 'контракт', 'too', 'leping', 'شغل', 'عقد', 'کارم', 'قرارداد', 'shaqad', 'shaqo', 'qandaraas']);
/** Having registered already: what comes after registering is the question. */
const REGISTERED = foldAll([
  'ilmoittauduin', 'ilmottauduin', 'ilmoittaudun eilen', 'rekisteroidyin', 'olen ilmoittautunut', 'i registered', 'ive registered', 'i have registered', 'registered as', 'anmalde mig', 'anmalt mig', 'registrerade mig', 'зарегистрировал', 'зарегистрировалась',
  'зареєструвал', 'registreerisin', 'registreerusin', 'سجلت', 'تسجلت', 'ثبت نام کردم', 'is diiwaangeliyay', 'isdiiwaangeliyay',
]);
/** Trying a job out or seeing what it is like: "spend some time at a real workplace first". */
const TRY_OUT = foldAll([
  'kokeilla', 'kokeilemaan', 'katsoa sopiiko', 'nahda millaista', 'nahda kaytannossa', 'try', 'see what', 'see if', 'spend some time', 'testa', 'prova', 'se hur', 'попробовать', 'посмотреть как', 'спробувати', 'подивитися як',
  'test if', 'test whether', 'testa om', 'проверить', 'перевірити', 'si aan u arko', 'sopiiko ala', 'nakee sopiiko', 'if the field suits', 'om branschen passar', 'se om', 'proovida', 'naha milline', 'kaasa teha', 'جرب', 'اشوف کیف', 'امتحان', 'امتحانی', 'ببینم', 'tijaabi', 'isku day', 'arko sida',
]);
/** A workplace or a few weeks there: where and how long the trying out happens. */
const AT_WORK = foldAll([
  'tyopaik', 'tyopaikalla', 'tyopaikalle', 'palvelutalo', 'workplace', 'real job', 'at a company', 'arbetsplats', 'verkstad', 'boende', 'на работе', 'рабочем мест', 'в детском саду', 'на роботі', 'robochomu', 'tookoh', 'koogis',
  'محل کار', 'شرکت', 'مکان العمل', 'goobta shaqada', 'shirkad', 'viikko', 'viikoks', 'weeks', 'veckor', 'недел', 'тижн', 'nadalat', 'هفته', 'ماه', 'اسبیع', 'اسبوع', 'toddobaad', 'bilood', 'muddo gaaban', 'vahan aikaa', 'a little while', 'for a while', 'en tid', 'ненадолго', 'трохи', 'moneks ajaks', 'kuukau', 'month', 'manad', 'месяц', 'місяц', 'kuud', 'kuuks', 'pariks viikoks',
]);
/** No pay, or the benefit going on meanwhile: a trial at a workplace, not a job. */
const UNPAID = foldAll([
  'mushahar laaan', 'ilman sopimusta', 'mitaan sopimusta', 'without a contract', 'no contract', 'utan avtal', 'ingen lon', 'без договора', 'без контракту', 'ilman palkkaa', 'ilman tyosopimusta', 'palkatta', 'no pay', 'unpaid', 'without pay', 'no salary', 'while im on benefits', 'while on benefits', 'utan lon', 'utan anstallningsavtal', 'без зарплат', 'без оплат', 'без договор', 'без трудового',
  'palgata', 'ilma palgata', 'ilma lepinguta', 'حقوق نمیدیم', 'بدون حقوق', 'بدون راتب', 'بلا راتب', 'mushahar ma jiro', 'mushahar la aan', 'tuki', 'toetus', 'benefit', 'ersattning', 'допомог', 'пособи', 'پول بیکاری', 'اعانه',
]);
/** Newcomers, working life: the integration training, a language course with working life in it. */
const NEWCOMER_TRAINING = foldAll([
  'uusille', 'tulokkaille', 'maahanmuuttajille', 'tyoelamaa', 'tyoelamasta', 'newcomers', 'new arrivals', 'working life', 'nyanlanda', 'arbetslivet', 'переселенц', 'новоприбывш', 'о работе в финлянд', 'про роботу', 'tooelu',
  'للقادمین الجدد', 'الحیاه العملیه', 'تازه واردها', 'زندگی کاری', 'dadka cusub', 'nolosha shaqada',
]);
/** A family member or friend: an age then is theirs, and the question is about the age group. Whole words. */
const SOMEONE_ELSE = foldAll([
  'veli', 'veljeni', 'sisko', 'siskoni', 'sisareni', 'poika', 'poikani', 'tytar', 'tyttareni', 'kaveri', 'kaverini', 'ystavani', 'brother', 'brothers', 'sister', 'sisters', 'son', 'sons', 'daughter', 'daughters',
  'friend', 'friends', 'cousin', 'nephew', 'niece', 'bror', 'brorsan', 'syster', 'systern', 'sonen', 'dotter', 'dottern', 'kompis', 'van', 'брат', 'брату', 'брата', 'сестра', 'сестре', 'сестры', 'сын', 'сыну', 'сына',
  'дочь', 'дочке', 'дочери', 'дочка', 'друг', 'другу', 'подруга', 'подруге', 'племянник', 'братові', 'сестрі', 'син', 'сину', 'сина', 'донька', 'доньці', 'другові', 'небіж', 'vend', 'vennal', 'venna', 'ode', 'odel',
  'poeg', 'pojal', 'tutar', 'tutrel', 'sober', 'sobral', 'اخوی', 'اخی', 'اختی', 'ابنی', 'بنتی', 'صاحبی', 'رفیقی', 'برادرم', 'خواهرم', 'پسرم', 'دخترم', 'دوستم', 'walaal', 'walaalkay', 'walaashay', 'wiilkay',
  'gabadhay', 'gabadhayda', 'inantayda', 'saaxiibkay',
  // A spouse.
  'mieheni', 'vaimoni', 'vaimo', 'puolisoni', 'puoliso', 'husband', 'wife', 'spouse', 'partner', 'maken', 'min man', 'frun', 'min fru', 'sambo', 'муж', 'мужа', 'мужу', 'жена', 'жены', 'жене', 'чоловік', 'чоловіка',
  'дружина', 'дружини', 'abikaasa', 'زوجی', 'جوزی', 'زوجتی', 'مرتی', 'شوهرم', 'زنم', 'همسرم', 'ninkayga', 'ninkeyga', 'xaaskayga', 'xaaskeyga',
]);
/** Saying "I was", "me": the person asks about themself. */
const FIRST_PERSON_PAST = foldAll([
  'olin', 'olinko', 'kuuluin', 'var jag', 'jag var', 'horde jag', 'я был', 'я была', 'я входил', 'я входила', 'я входив', 'я участвовал', 'я участвовала', 'был ли я', 'я попадал', 'я попадала', 'я був', 'я була', 'чи був я', 'чи входила я', 'чи входив я',
  'kas olin', 'ma olin', 'kuulusin', 'کنت', 'بودم', 'waxaan ahaa', 'ayaan ahaa', 'aan ahaa', 'ma ahaa',
]);

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
  return yesNoQuestion(message, words(fold(message)));
}

function yesNoQuestion(message: string, tokens: readonly string[]): boolean {
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
/** Appealing a decision or booking a time is done at every public service: their cues do not tie a message to the employment services. */
const GENERIC_ACTIONS = new Set(['appeal', 'booking']);
/**
 * How sure the examples must be that a message is about none of the topics before it counts as out
 * of scope: cross-validated on the tuning part and the learnt off-topic messages (0.5–0.7 tried; 0.6
 * keeps 92.8–93.1 % of the tuning questions correct while answering 11.7–12.1 % of off-topic ones).
 */
const OFF_TOPIC_SURE = 0.6;
/** A cue this heavy names its topic alone (the lexicon's 2.5–3 weights). */
const STRONG_CUE = 2.5;

export interface UnderstandOptions {
  matcher?: Matcher;
  /** Labelled example questions; without them only the cue words speak. */
  examples?: ExampleIndex;
}

/** What certainty in the example model is worth in cue points: a sure reading alone decides (DECIDE_AT 1.5 in the question service needs p ≥ 0.4). */
const EXAMPLE_WEIGHT = 4;
const NEEDS_A_WORD = new Map([['temporary-protection', 0.2], ['pay-subsidy', 0.6]]);
const MIN_EXAMPLE_WORDS = 3;

// The fixed word lists below, prepared for cue look-ups once (each is folded again as hasCue would).
const preparedLists = new Map<readonly string[], PreparedCue[]>();
function prepared(list: readonly string[]): PreparedCue[] {
  let p = preparedLists.get(list);
  if (!p) preparedLists.set(list, (p = prepareCues(list)));
  return p;
}
let outOfScope: CueMatch[] | undefined;

// A redacted number or address ("my number is [phone]") is the user's own detail, not a question about the office's phone.
const PLACEHOLDER_RE = new RegExp(Object.values(PLACEHOLDERS).map((p) => p.replace(/[[\]]/g, '\\$&')).join('|'), 'g');

export function understand(message: string, locale: Locale, options: UnderstandOptions = {}): Understanding {
  message = message.replace(PLACEHOLDER_RE, ' ');
  const text = fold(message);
  const tokens = words(text);
  const cues = cueText(text);
  const m: Message = { words: new Set(tokens), text: cues };
  const entities = entitiesOf(message, text, tokens, cues, locale, { matcher: options.matcher });
  const scores = new Map<string, number>();
  const add = (topic: string, w: number) => scores.set(topic, (scores.get(topic) ?? 0) + w);
  // Only a word no cue knows can be a typo or a compound: "kuulunko" is not a misspelt "kuuluinko".
  const unknown = tokens.filter((t) => !startsWithKnownStem(t));
  // A cue that alone names a topic of the services ("työkokeilu", "without a contract") was matched.
  let named = false;
  // The sentence describes one of the services without its name (a firm paid part of a wage for
  // hiring, a few unpaid weeks at a workplace): a café or a shop in it is the workplace, not the topic.
  let serviceDescribed = false;
  for (const [topic, table] of cueTable()) {
    for (const { cue, weight: w, locales, match, fuzzy } of table) {
      if (locales && !locales.includes(locale)) continue;
      if (matches(m, match)) {
        add(topic, w);
        if (w >= STRONG_CUE && !GENERIC_ACTIONS.has(topic)) named = true;
      }
      else if (fuzzy && unknown.length > 0 && nearMatch(unknown, cue)) add(topic, w * NEAR_WEIGHT);
    }
  }
  const aboutPilot = anyCueIn(cues, prepared(PILOT_WORDS)) || tokens.some((t) => PILOT_COMPOUND_PARTS.some((p) => t.indexOf(p, 3) > 0));
  if (aboutPilot) add('pilot', 0.5);

  // "Talk to a coach", "book a time with my coach": the coach is who, booking is what.
  // "How often do I meet my coach?" asks how it works, not for a time.
  const howOften = anyCueIn(cues, prepared(HOW_OFTEN));
  if ((scores.get('booking') ?? 0) >= 1.5 && (scores.get('coach') ?? 0) > 0 && !howOften) add('booking', 1.5);
  // "Learn Finnish", "study Swedish": a language course, not studies in general.
  if ((scores.get('language-courses') ?? 0) >= 2.5 && (scores.get('studying') ?? 0) > 0) add('language-courses', 1);
  // "I came on a family permit, can I register?": whether the permit allows it is the question.
  if ((scores.get('residence-permit') ?? 0) >= 2 && (scores.get('register') ?? 0) > 0) add('residence-permit', 1.5);
  const score = (topic: string) => scores.get(topic) ?? 0;
  // A question about housing allowance or taxes shares words with the benefits article but is not about it.
  outOfScope ??= OUT_OF_SCOPE.map((c) => cueMatch(c.startsWith('=') ? c : fold(c)));
  const outside = outOfScope.some((c) => matches(m, c));
  // A reading the sentence's structure rules out ("how often" is not a booking) is halved, and so
  // is what the examples add to it below: they vote on words and would bring it back.
  const damped = new Set<string>();
  const damp = (topic: string) => {
    scores.set(topic, score(topic) * 0.5);
    damped.add(topic);
  };
  const any = (list: readonly string[]) => anyCueIn(cues, prepared(list));
  // "I'm an EU citizen, may I register as a jobseeker?": registering is what the status would allow; the examples
  // that vote for registering on its words count half.
  if (score('residence-permit') >= 4 && score('register') > 0) damp('register');
  // Another topic this sure of itself ("can I join a Finnish course?") is the question, not the person's standing.
  const elsewhereThan = (these: readonly string[]) => [...scores].some(([t, v]) => v >= 2 && !these.includes(t));

  const spaced = ` ${text} `;
  const yesNo = yesNoQuestion(message, tokens);
  // Short words ("ka", "too", "nar") as whole words only: as prefixes they would find "kassa", "tootu", "nara".
  const anyWord = (list: readonly string[]) => list.some((w) => spaced.includes(` ${w} `));
  // Somali "ahaa" is "was" for anyone: it is the person's own past only beside "anigu" (I).
  const firstPersonPast = any(FIRST_PERSON_PAST) || FIRST_PERSON_PAST_EN.some((p) => spaced.includes(` ${p} `)) || (anyWord(['ahaa']) && anyWord(['anigu', 'aniga']));
  const asksWho = tokens.some((t) => WHO.has(t)) || any(WHO_PHRASES);
  // "Who was moved to the municipality?" asks about the target groups; "I was told my file was
  // moved because of some pilot, what was it?" asks what the pilot was.
  const transferred = any(TRANSFER) && (aboutPilot || any(MUNICIPALITY_NOUNS));
  // "Did every unemployed person get moved?": whom the move concerned, like "who was moved".
  // With one group named ("all foreign-language jobseekers", "all the young"), that group is the question.
  const groupNamed = score('immigrants') >= 1 || score('under-30') >= 1 || entities.immigrant === true || entities.under30 !== undefined || entities.age !== undefined;
  const whom = asksWho || ((anyWord(ONLY_OR_ALSO) || anyWord(EVERY)) && !groupNamed);
  if (transferred) {
    add(whom ? 'target-groups' : 'pilot', whom ? 2.5 : 1.5);
    // Asked with "who", the move is the people's, not a question about the pilot; the examples
    // that vote for the pilot on the word "moved" are halved too.
    if (whom) damp('pilot');
    // The municipality there is where people went, not a question about which municipalities.
    if (!tokens.some((t) => WHICH.has(t))) scores.set('municipalities', score('municipalities') * 0.3);
  }
  // "Who did the pilot concern?" in any wording: who plus the pilot.
  else if (asksWho && aboutPilot && score('target-groups') < 3) add('target-groups', 1.5);
  // "The municipalities' employment pilot" names the pilot; only "which municipalities" asks for the list.
  if (!transferred && score('municipalities') > 0 && aboutPilot && !tokens.some((t) => WHICH.has(t))) {
    scores.set('municipalities', score('municipalities') * 0.3);
    // "What was this municipalities' pilot?" (the pilot by its name) with no town and no "how many": the examples that
    // vote for the list on that word count half too.
    if (!entities.municipality && any(MUNICIPAL_PILOT) && !any(HOW_MANY)) damped.add('municipalities');
    add('pilot', 1);
  }
  // "What happened after the pilot?": after plus the pilot is the time since 2025; a town named is where the
  // person is ("I got a letter I belong to Jyväskylä's area now, what changed after the pilot?").
  if (!transferred && aboutPilot && any(AFTER)) {
    if (score('after-pilot') < 2) add('after-pilot', 2);
    if (entities.municipality && !yesNo) damp('municipalities');
  }
  // "What was this pilot thing?" with nothing else asked: the pilot itself.
  if (aboutPilot && (tokens.some((t) => WHAT.has(t)) || anyWord(WHY)) && [...scores.entries()].every(([t, v]) => t === 'pilot' || v < 1)) add('pilot', 1.5);
  // "How many applications a month?": a count of applications is the job search duty, not CV help.
  if (any(HOW_MANY) && any(APPLICATIONS) && score('studying') < 1.2) add('duties', 2);
  // "Can I study and keep my benefit?": studying is the question, the benefit its condition.
  if (score('studying') >= 1.2 && score('benefits') > 0 && score('language-courses') < 2.5) {
    add('studying', 1.5);
    scores.set('benefits', score('benefits') * 0.5);
  }
  // "Kela refused my allowance, it's unfair": the decision is the question, the benefit its subject.
  if (score('appeal') >= 2 && score('benefits') > 0) {
    add('appeal', 1);
    scores.set('benefits', score('benefits') * 0.5);
  }
  // "Was I in the target group?" asks for the verdict, not the list of groups.
  if (any(TARGET_GROUP) && (score('eligibility') >= 1 || firstPersonPast)) add('eligibility', 2);
  // A language named without a course ("my mother tongue is not Finnish") is about background, not a course.
  if (score('language-courses') > 0 && !any(COURSE_WORDS) && (aboutPilot || score('immigrants') >= 1.5 || score('eligibility') >= 1)) {
    scores.set('language-courses', score('language-courses') * 0.4);
    add('immigrants', 1);
  }
  // "I'm 26, did it cover people my age?": an age under 30 alone is the under-30 rule; with a
  // benefit or a place beside it, the person wants their own verdict.
  const youngOnly = entities.age !== undefined && entities.age < 30 && entities.benefit === undefined && !entities.municipality;
  // "Did those on earnings-related allowance get in?": a group's benefit, not the person's own.
  // Swedish "i" is "in" and Somali "ma" asks a question: neither is "I" there.
  const aboutGroup = any(THIRD_PERSON_GROUP) && !tokens.some((t) => FIRST_PERSON.has(t) && !(t === 'i' && locale === 'sv') && !(t === 'ma' && locale === 'so'));
  if (aboutGroup && aboutPilot && entities.benefit !== undefined) add('target-groups', 2);
  // "Who was in it then?" asked outright: the benefit named is one group's, not a question about benefits.
  if (score('target-groups') >= 2.5 && score('benefits') > 0 && (asksWho || tokens.some((t) => WHICH.has(t)))) damp('benefits');
  // A relative's age or benefit ("my wife gets earnings-related") is not the person's own case.
  // Asked once: several rules below ask whether a relative or friend is the one spoken of.
  const relative = anyWord(SOMEONE_ELSE);
  const personal = ((entities.age !== undefined && !youngOnly) || (entities.benefit !== undefined && !aboutGroup)) && !(relative && !firstPersonPast);
  // "Young jobseeker, was I in it?": young as a group, not an age to check; the under-30 rule is the answer.
  if (score('under-30') >= 1 && !personal && !entities.municipality && entities.under30 === undefined) add('under-30', score('eligibility') > 0 ? 2 : 1);
  if (entities.immigrant) add('immigrants', 1);
  if (entities.under30 === true || youngOnly) add('under-30', youngOnly && aboutPilot ? 2.5 : 1);
  // "How do I find out whether the municipality or the TE office handled my case?": their own case, then.
  if (score('te-offices') >= 1.5 && (aboutPilot || any(MUNICIPALITY_NOUNS)) && tokens.some((t) => OR.has(t)) && (any(FIND_OUT) || firstPersonPast)) {
    add('eligibility', 3);
    damp('te-offices');
  }
  // "Was the pilot only for people on Kela's benefit, or also for earnings-related?": which groups it was for.
  // "All under-30s, whatever their benefit?" names the age group: that one stays the question.
  if (aboutPilot && score('benefits') > 0 && anyWord(ONLY_OR_ALSO) && !firstPersonPast && entities.age === undefined && score('under-30') < 2) {
    add('target-groups', 2);
    // The benefits are named to tell the groups apart, not asked about.
    damp('benefits');
  }
  // "Evening classes in Spanish, will I lose my benefit?": a course, but not a Finnish or Swedish one.
  if (any(COURSE_WORDS) && (score('benefits') > 0 || entities.benefit !== undefined) && !any(DOMESTIC_LANGUAGES)) add('studying', 2);
  // "Why did those on earnings-related allowance stay with the TE office?": how the groups were drawn.
  if (score('te-offices') > 0 && any(STAYED) && (any(TRANSFER) || any(MUNICIPALITY_NOUNS)) && !firstPersonPast) {
    add('target-groups', 3);
    damp('te-offices');
  }
  // "How often do I meet my coach?": the coach's way of working, not a booking.
  // "What is required of me, and how often must I meet the coach?": the duties, the coach their setting.
  if (howOften && score('coach') > 0 && score('duties') >= 2) {
    add('duties', 2);
    damp('coach');
  } else if (howOften && score('coach') > 0) {
    add('coach', 2);
    damp('booking');
  }
  // "How often must I go to the meetings at first?": with no coach named, the jobseeker's duties.
  else if (howOften && score('booking') > 0) {
    add('duties', 2);
    damp('booking');
  }
  // "Can I study Swedish while unemployed?": Finnish or Swedish studied is a language course.
  if (any(DOMESTIC_LANGUAGES) && any(COURSE_WORDS) && score('studying') > 0 && score('language-courses') < 2.5) {
    add('language-courses', 2);
    damp('studying');
  }
  // "Must I go there in person to register, or is online fine?": how to register.
  if (any(ONLINE) && (score('register') > 0 || (score('offices') > 0 && tokens.some((t) => OR.has(t))))) {
    add('register', 2);
    damp('offices');
  }
  // "The pilot's over, is my coach the same?": today, not the pilot's dates.
  // "Wasn't it meant to end in 2023, why did it go on?": a year while it ran, beside its ending, asks about its dates
  // (the extension), not about what came after.
  if (entities.year !== undefined && entities.year >= 2021 && entities.year <= 2024 && !firstPersonPast && any(PILOT_ENDED) && (any(EXTENDED) || any(PLANNED))) {
    add('dates', 3);
    damp('after-pilot');
    damp('pilot');
  }
  // "Which rules apply when I'm out of work?", "vad gäller när jag är utan jobb": "when" joining two clauses asks no date.
  if (score('dates') > 0 && anyWord(WHEN_CLAUSE)) scores.set('dates', Math.max(0, score('dates') - 1.5));
  if (aboutPilot && any(PILOT_ENDED) && !transferred) {
    // "It's over now, which year did it end?" still asks for the date; "what happened when it ended?" does not.
    // Swedish "nu när", Russian "теперь когда" are "now that", not "when".
    if (anyWord(WHEN) && !any(SINCE) && !NOW_THAT.some((p) => spaced.includes(p))) add('dates', 1.5);
    else {
      add('after-pilot', 2.5);
      damp('dates');
      // "Kangasala's pilot is over, who handles my job search from now on?": the town is where the person is; the
      // answer is what came after, with the town's own line under it. "It's over, is Nokia in Tampere's area now?" asks about the town.
      if (entities.municipality && !yesNo) damp('municipalities');
      // "Do I keep my coach now that it's over?": whether the way of working goes on, which is what came after.
      if (score('coach') > 0 && (any(GOES_ON) || anyWord(STILL))) {
        add('after-pilot', 1);
        damp('coach');
        damp('municipalities');
      }
    }
  }
  // "Was the pilot for people on pay subsidy too?": the groups again.
  if (aboutPilot && score('pay-subsidy') > 0 && anyWord(ONLY_OR_ALSO) && !firstPersonPast) add('target-groups', 2);
  // "Do I still get Kela's money if I go to the activity?": the activity is the question, the benefit its condition.
  if (score('rehab-work') >= 2 && score('benefits') > 0) {
    add('rehab-work', 1.5);
    damp('benefits');
  }
  // "All under-30s, whatever their benefit?": the age group named outright.
  if (score('under-30') >= 2 && score('target-groups') > 0) add('under-30', 1);
  // "When are you open?": the offices, not the pilot's dates.
  if (any(OPEN_HOURS) && !outside) {
    add('offices', 1.5);
    damp('dates');
  }
  // "I was out of work in Turku in 2022, was I in the pilot?": the person's own verdict, with the place as one of its facts.
  // "Did it concern me?" is the person's own case as much as "was I in it?".
  const concernedMe = any(CONCERNED_ME);
  const aboutSelf = firstPersonPast || concernedMe;
  // "I was unemployed in Raahe in 2022: was the pilot running there?", "I live in Perniö, did it belong to the
  // pilot?": the person's past is only why they ask; the question is the town's.
  const namedTown = entities.municipality?.kind === 'match' || entities.municipality?.kind === 'known_outside_data';
  const townAskedOutright = namedTown && any(THERE_ASKED) && !any(TARGET_GROUP);
  if (townAskedOutright && (aboutPilot || any(MUNICIPALITY_NOUNS))) {
    add('municipalities', 3.5);
    damp('eligibility');
  } else if (aboutSelf && aboutPilot && !transferred) {
    const stated = entities.municipality !== undefined || entities.year !== undefined;
    add('eligibility', stated ? 3 : 1.5);
    // The place is where they lived, not a question whether it was in the pilot.
    if (entities.municipality) damp('municipalities');
  }
  // Facts about oneself plus "would I have been in it": the verdict, not the topic article.
  if (personal && aboutPilot) add('eligibility', 2.5);
  if (personal && (scores.get('eligibility') ?? 0) >= 1.5) add('eligibility', 1.5);

  // "What replaced the pilot?": what came after it, not what it was.
  if (aboutPilot && any(REPLACED) && !any(STATE) && !transferred) {
    add('after-pilot', 3);
    damp('pilot');
    // "What came instead here in Vörå?": the town is where, not whether it was in the pilot.
    damp('municipalities');
  }
  // "Where is Ohjaamo in Oulu?", "kus Lahtis asub ...": where a service is in a named town is the
  // offices' contact, not whether the town was in the pilot.
  const town = entities.municipality?.kind === 'match' || entities.municipality?.kind === 'known_outside_data';
  const elsewhere = [...scores].some(([t, v]) => v >= 2 && !['offices', 'municipalities', 'pilot', 'under-30'].includes(t));
  const asksWhere = anyWord(WHERE_IS);
  if ((asksWhere || anyWord(WHERE)) && (town || any(['ohjaamo'])) && any(SERVICES) && !elsewhere && score('te-offices') < 3) {
    add('offices', 2);
    damp('municipalities');
  }
  // "Moved to Hamina, who deals with the unemployed there now?": who serves that town.
  if (town && asksWho && !firstPersonPast && score('coach') < 2.5 && score('booking') < 1.5 && score('municipalities') < 2 && !aboutPilot && !any(GONE)) {
    add('municipalities', 2);
    damp('coach');
    damp('immigrants');
    damp('te-offices');
    damp('after-pilot');
  }
  // "Can I still join the pilot? I just lost my job": whether one can be in it now, which is the verdict's first line.
  // "Can he get into it now?" as well: nobody can join it today, whoever asks.
  // In this chat "this programme" is the pilot: "can one still become a member of this programme?".
  // "There's a programme where the municipality gives the unemployed a coach, how do I join?": the pilot, described.
  const pilotDescribed = aboutPilot || any(THIS_PROGRAMME) || (any(PROGRAMME) && any(MUNICIPALITY_NOUNS));
  if (pilotDescribed && (anyWord(STILL) || anyWord(NOW)) && any(JOIN) && !transferred) {
    add('eligibility', 4);
    damp('register');
    damp('pilot');
  }
  // "Can I get into the programme now? I live in Lahti", "do I belong to the target group?", "bor i Nykarleby, omfattas
  // jag?": the person's own case today, which the verdict answers (the pilot has ended, who serves them now).
  // Arabic "من" is "from", not the Persian "I".
  // Spoken Swedish "ja" is "jag" ("hör ja till målgruppen?"); Estonian "tahan" is "I want" (Finnish "tähän" folds the same).
  const selfNow = tokens.some((t) => (FIRST_PERSON.has(t) && !(t === 'i' && locale === 'sv') && !(t === 'ma' && locale === 'so') && !(t === 'من' && locale === 'ar')) || SELF_VERBS.has(t) || (t === 'ja' && locale === 'sv') || (t === 'tahan' && locale === 'et'));
  const someoneElse = relative;
  // "Am I covered?" after joining a fund is the fund's cover; "I moved here two years ago, do I belong?" is the immigrants' rule.
  // "Can I still join?" with nothing else named: in this chat, the pilot.
  const belongs = () => ((any(BELONG) || anyWord(BELONG_WORDS)) && score('benefits') < 1) || (pilotDescribed && any(JOIN)) || (anyWord(STILL) && any(JOIN) && !elsewhereThan([]));
  // Only one group's fact and nothing else ("I came from another country, does it concern me?", "I'm young and
  // unemployed, does it concern me?"): that group's rule answers.
  const groupFactOnly = (entities.immigrant || score('immigrants') >= 2 || score('under-30') >= 1) && !entities.municipality && entities.benefit === undefined && entities.age === undefined;
  const ownCase = !groupFactOnly;
  const selfNowBelongs = selfNow && !someoneElse && ownCase && belongs();
  // "What is an employment area and why do I belong to one now?": the belonging is to an area, what came after.
  // "Am I one of the people this is for, and which area handles me now?" asks both: the verdict, which names the area.
  const verdictAsked = any(TARGET_GROUP) || any(MEANT_FOR);
  // "Which employment area do I belong to now?": belonging to an area is not the verdict.
  if (any(AREA_WORDS) && any(BELONG) && !verdictAsked && !aboutPilot) damp('eligibility');
  if (selfNowBelongs && !firstPersonPast && !transferred && (verdictAsked || (!anyWord(WHICH_ONE) && !any(AREA_WORDS))) && !elsewhereThan(['eligibility', 'pilot', 'municipalities', 'target-groups', 'after-pilot', 'register', 'immigrants', 'under-30', ...(any(BELONG) ? ['residence-permit'] : [])])) {
    add('eligibility', 3);
    damp('pilot');
    damp('register');
    damp('after-pilot');
    if (entities.municipality) damp('municipalities');
    // Asking whether one is the services' customer ties the message to them.
    serviceDescribed = true;
  }
  // "Did all foreigners belong to it?": a group named as the subject is the group's rule, whatever town the person is in.
  const groupAsked = () => any(THIRD_PERSON_GROUP) || anyWord(EVERY) || any(['kaikki', 'all', 'alla', 'все', 'всі', 'koik', 'sellised nagu', 'people like', 'kuten me', 'такие как', 'такі як']);
  // "Did our municipality belong to the pilot, or did the TE office still do everything here?", "was Kiuruvesi
  // one of the places in it?": whether the town was in it; the TE office is only the alternative named.
  if (town && (aboutPilot || any(MUNICIPALITY_NOUNS)) && any(TOWN_INCLUDED) && !firstPersonPast && !(selfNow && any(BELONG)) && !asksWhere && !anyWord(WHICH_ONE) && !personal && !groupAsked()) {
    add('municipalities', 3);
    damp('te-offices');
    damp('eligibility');
    damp('immigrants');
    damp('pilot');
    damp('dates');
  }
  // "In my integration period Tampere's international services handled me, not the local office, why?": how the
  // pilot served immigrants in Pirkanmaa. "Sent back to the TE office because of language rights?": the same
  // article's other half.
  const pirkanmaaWay = any(INTERNATIONAL_SERVICES) && (any(INTEGRATION_PERIOD) || any(['tampere', 'тампере', 'تامپره', 'تامبيري', 'تامبیری', 'pirkanmaa', 'birkala']) || entities.immigrant === true);
  const languageBack = any(LANGUAGE_RIGHTS) || (score('te-offices') > 0 && any(SENT_BACK) && (any(DOMESTIC_LANGUAGES) || any(['kiel', 'language', 'sprak', 'язык', 'мов', 'keel', 'زبان', 'لغه', 'luqad'])));
  // "Where were the international services, what's the address?" asks for the office.
  const asksAddress = () => asksWhere || anyWord(WHERE) || any(['osoite', 'osote', 'address', 'adress', 'адрес', 'адреса', 'aadress', 'عنوان', 'ادرس', 'cinwaan']);
  if ((pirkanmaaWay && !asksAddress()) || languageBack) {
    add('immigrants', 3);
    damp('offices');
    damp('te-offices');
    damp('language-courses');
  }
  // "My husband gets earnings-related allowance from his fund, was he in it too?": someone else's benefit is the
  // groups' rule (the verdict is for the person chatting).
  if (relative && aboutPilot && (entities.benefit !== undefined || score('benefits') >= 1) && !firstPersonPast && !selfNowBelongs) {
    add('target-groups', 3);
    damp('eligibility');
    damp('benefits');
  }
  // "Did the municipality run the services there then, or the TE office?" with a town: whether the town was in
  // the pilot. Without a town ("my friend's case was handled by the municipality, not the TE office, what was
  // that?"): what the pilot was.
  if (score('te-offices') > 0 && any(MUNICIPALITY_NOUNS) && any(HANDLED) && !any(GONE) && !groupAsked()) {
    if (town && !personal) {
      add('municipalities', 3.5);
      damp('eligibility');
    } else if (!town) add('pilot', 3);
    damp('te-offices');
  }
  // "Do I still have the same coach after 2025?", "since 2025, does the system stay?": the way of working going on
  // after the pilot, what came after it; a town named is only where the person lives.
  const since2025 = () => (entities.year !== undefined && entities.year >= 2025) || any(SINCE_2025);
  if (score('coach') > 0 && score('after-pilot') < 3 && (any(GOES_ON) || anyWord(STILL)) && since2025()) {
    add('after-pilot', 3);
    damp('coach');
    damp('municipalities');
  }
  // "My wife is from Thailand and speaks little Swedish: did she belong to the pilot or the TE office?": a relative's
  // foreign background is the immigrants' rule.
  const askedOfThem = () => anyWord(THEM);
  if (relative && aboutPilot && (entities.immigrant || score('immigrants') >= 1) && entities.benefit === undefined && !firstPersonPast && !selfNowBelongs && askedOfThem()) {
    add('immigrants', 2.5);
    damp('te-offices');
    damp('eligibility');
  }
  // "Was I counted in it only because of my age?": the age group's rule.
  if (aboutPilot && any(AGE_REASON)) {
    add('under-30', 3);
    damp('eligibility');
  }
  // "I got earnings-related from the fund: was I in it, or was it only for those on Kela's money?": the person asks
  // how the groups were drawn, naming theirs.
  if (aboutPilot && entities.benefit !== undefined && anyWord(ONLY_OR_ALSO) && any(THIRD_PERSON_GROUP)) {
    add('target-groups', 3);
    damp('eligibility');
    damp('benefits');
  }
  // "Which jobseekers got put in automatically, without applying?": how the groups were drawn.
  if (aboutPilot && entities.age === undefined && entities.under30 === undefined && !firstPersonPast && (asksWho || tokens.some((t) => WHICH.has(t))) && any(AUTOMATIC)) {
    add('target-groups', 2);
    damp('under-30');
  }
  // "Did you have to speak Finnish to get into the pilot and get a coach? I mostly speak English":
  // the language is the person's background, the coach only what they hoped to get.
  if (aboutPilot && any(DOMESTIC_LANGUAGES) && any(SPEAK) && !any(COURSE_WORDS) && !anyCueIn(cues, prepared(REQUEST_CUES))) {
    add('immigrants', 2);
    damp('coach');
    damp('booking');
  }
  // "Where did the TE offices go?", "the TE office is shut, where do I go?": what happened to them, not an address.
  // "Who makes the integration plan now that the TE office is gone?" asks about the plan.
  if ((score('te-offices') >= 1.5 || any(['tyokkar', 'arbetskraftsbyra'])) && any(GONE) && !elsewhereThan(['te-offices', 'offices', 'municipalities', 'after-pilot', 'register', 'pilot'])) {
    add('te-offices', 2.5);
    damp('offices');
    // The town is where the office was, not a question whether it was in the pilot.
    damp('municipalities');
  }
  // "Is there a way to spend some time at a real workplace first, while on benefits?": a work trial.
  // "Be a few weeks at a bakery without pay, only the daily allowance": a named workplace is the trying out too.
  // "Can I be at a shop for a little while to see if the work suits me?": trying out at a named workplace is one too.
  // Without "try", a named workplace needs the pay itself in question (no pay, no contract, "is it paid?"): a benefit
  // mentioned beside a shop one worked at is not a trial.
  const tryingOut = () => any(UNPAID) || any(PAY_ASKED) || any(WORKPLACE);
  const atWorkplace = () => any(WORKPLACE) && (any(NO_PAY) || any(PAY_ASKED));
  if (score('pay-subsidy') < 3 && (any(AT_WORK) || any(WORKPLACE)) && ((any(TRY_OUT) && tryingOut()) || atWorkplace())) {
    add('work-trial', 3);
    damp('studying');
    damp('benefits');
    damp('pay-subsidy');
    damp('rehab-work');
    // "My coach suggested it": who suggested the trial is not the question.
    damp('coach');
    serviceDescribed = true;
  }
  // "A course for newcomers where you learn the language and about working life": the integration training.
  const plan = any(PLAN);
  if (!plan && any(NEWCOMER_TRAINING) && (score('language-courses') > 0 || any(COURSE_WORDS))) {
    add('language-courses', 3);
    damp('studying');
    serviceDescribed = true;
  }
  // "Some plan with the municipality for language classes and job search, how do I get one?": the integration plan.
  if (plan && (score('language-courses') > 0 || any(COURSE_WORDS)) && (entities.immigrant || any(APPLICATIONS) || any(DOMAIN) || any(MUNICIPALITY_NOUNS))) {
    add('integration-plan', 3);
    damp('language-courses');
    damp('immigrants');
  }
  // "Who makes the plan for newcomers, how we get into society, what I must do in my first years?": the integration plan.
  if (plan && (any(NEWCOMER_TRAINING) || any(SETTLING) || (entities.immigrant && (asksWho || any(['tekee', 'makes', 'gor', 'делает', 'робить', 'teeb', 'بیعمل', 'بیعملی', 'میسازه', 'مینویسه', 'sameeya']))))
    && score('integration-plan') < 3 && !elsewhereThan(['integration-plan', 'language-courses', 'immigrants', 'duties', 'after-pilot', 'municipalities', 'offices', 'residence-permit'])) {
    add('integration-plan', 3);
    damp('language-courses');
    damp('immigrants');
    damp('duties');
    damp('after-pilot');
    damp('municipalities');
  }
  // "A firm would hire me if the city pays part of my wage", "do employers get money for hiring me?": pay subsidy.
  if (any(EMPLOYER) && any(PAID) && any(HIRING)) {
    add('pay-subsidy', 3);
    serviceDescribed = true;
    damp('benefits');
    damp('duties');
    damp('rehab-work');
  }
  // "If I don't go to a meeting, what happens? Does my money stop?": the jobseeker's duties.
  if ((score('booking') > 0 || score('duties') > 0 || score('benefits') > 0) && any(MISSED)) {
    add('duties', 2.5);
    damp('booking');
    damp('after-pilot');
  }
  // "What was the project where towns ran job services instead of the state?": the pilot itself,
  // not what came instead of it.
  if (aboutPilot && any(REPLACED) && any(STATE) && !transferred) {
    add('pilot', 3.5);
    damp('after-pilot');
    damp('te-offices');
  }
  // "Were those who got money from the fund in it too?" ("in it" standing for the pilot): the groups.
  if (aboutGroup && (entities.benefit !== undefined || score('benefits') > 0) && any(INCLUDED) && !firstPersonPast) {
    add('target-groups', 2.5);
    damp('benefits');
  }
  // "Worked three years, laid off in 2022, on Kela's money: did this concern me?": the person's own verdict.
  // With only a background stated ("I moved here two years ago, does this apply to me?"), the
  // question is whether immigrants were in it.
  if (concernedMe && !((entities.immigrant || score('immigrants') >= 1) && entities.benefit === undefined && entities.age === undefined)) {
    add('eligibility', 2.5);
    damp('register');
  }
  // "What am I required to do so my benefit isn't cut?": the duties are the question, the benefit their stake.
  if (score('duties') >= 2 && score('benefits') > 0 && score('appeal') < 2) {
    add('duties', 1);
    damp('benefits');
  }
  // "I registered as unemployed, what must I do now?": the registration is done; the duties come next.
  if (score('duties') >= 1.5 && any(REGISTERED)) {
    add('duties', 1.5);
    damp('register');
  }
  // "My job ended yesterday, what do I do?": it is the job that ended, not the pilot.
  if (!aboutPilot && any(JOB) && any(PILOT_ENDED)) add('register', 2.5);
  if (!aboutPilot && score('register') >= 2.5) {
    damp('after-pilot');
    damp('dates');
  }
  // "My son is 20 with no vocational qualification, they say he must apply to a school or lose his
  // money": the under-25s' duty, which the young people's article gives, not studying in general.
  if (any(NO_VOCATIONAL) && any(APPLY_TO_SCHOOL) && ((entities.age !== undefined && entities.age < 30) || score('under-30') >= 1 || relative)) {
    add('under-30', 3.5);
    damp('studying');
    damp('cv-help');
    damp('duties');
  }
  // "My brother is 26, was he in it because of his age?": someone else's age is the age group's rule.
  if (entities.age !== undefined && entities.age < 30 && relative && !firstPersonPast) {
    add('under-30', 2.5);
    damp('eligibility');
    damp('target-groups');
  }
  // "Under-30s, immigrants, those on basic allowance: who was in it?": several groups named at
  // once ask how the groups were drawn, not about one of them.
  // An age group with a benefit ("all under-30s, whatever their benefit") is still the age group's rule.
  const immigrantsNamed = score('immigrants') >= 1;
  const groups = [score('under-30') >= 1 || entities.under30 === true, immigrantsNamed, entities.benefit !== undefined || score('benefits') >= 1].filter(Boolean).length;
  // "Were all foreigners in it automatically, even those on earnings-related allowance?": one group asked about,
  // the benefit only how far it went; "under-30s, immigrants, those on basic allowance" lists several.
  const evenThose = immigrantsNamed && anyWord(EVEN) && (groups === 2 || score('benefits') > 0) && score('under-30') < 1 && entities.under30 !== true;
  if (evenThose && aboutPilot && !firstPersonPast && entities.age === undefined) {
    add('immigrants', 2.5);
    damp('target-groups');
    damp('benefits');
  } else if ((groups >= 3 || (groups === 2 && immigrantsNamed)) && aboutPilot && !firstPersonPast && !personal && entities.age === undefined) add('target-groups', 2);
  // "All under-30s were in it, whatever benefit they got?", "all immigrants, regardless of country and benefit?": the
  // one group asked about; the benefit is what did not matter.
  if (anyWord(EVERY) || any(['kaikki', 'all', 'alla', 'все', 'всі', 'koik', 'همه', 'کل', 'dhammaan'])) {
    const regardless = any(REGARDLESS);
    if (regardless && (score('under-30') >= 1 || entities.under30 === true)) {
      add('under-30', 3);
      damp('target-groups');
      damp('benefits');
    } else if (regardless && immigrantsNamed) {
      add('immigrants', 3);
      damp('target-groups');
      damp('benefits');
    }
  }
  // "What was the pilot about? I don't get the difference from the ordinary TE office": the pilot, the TE office
  // only what it is compared with.
  if (aboutPilot && any(DIFFERENCE) && score('te-offices') > 0 && !any(GONE)) {
    add('pilot', 2.5);
    damp('te-offices');
  }
  // "Wasn't it meant to start in January 2021, why March?": when it began.
  if (aboutPilot && any(STARTED) && entities.year !== undefined && entities.year >= 2020 && entities.year <= 2021 && !firstPersonPast) {
    add('dates', 2);
    damp('pilot');
  }
  // "What did the pilot's customers get besides the coach?", "what was I supposed to get there?": what the coach
  // and the pilot gave a customer, not the pilot itself or the TE office it is compared with.
  if (aboutPilot && (any(BESIDES) || any(SUPPOSED_TO_GET)) && (score('coach') > 0 || any(SERVICES)) && score('after-pilot') < 3) {
    add('coach', 2.5);
    damp('pilot');
    damp('te-offices');
    damp('target-groups');
    damp('eligibility');
    damp('municipalities');
  }
  // "Who was it for? Only the young?": how the groups were drawn, one group offered as a guess.
  if (aboutPilot && asksWho && anyWord(ONLY_OR_ALSO) && entities.age === undefined && !firstPersonPast && score('target-groups') < 3 && !any(PILOT_ENDED) && !any(SINCE_2025)) {
    add('target-groups', 2);
    damp('under-30');
  }
  // "Is there a Swedish course for immigrants in Vasa?": a course, the immigrants only whom it is for.
  if (score('language-courses') >= 2.5 && any(COURSE_WORDS) && any(FOR_IMMIGRANTS)) {
    add('language-courses', 2);
    damp('immigrants');
  }
  // "What is expected of me now as a jobseeker, meetings and so on?" after a lay-off: the duties; the lay-off is why.
  if (any(DUTY_ASKED)) {
    add('duties', 1.5);
    damp('register');
  }
  // "I have temporary protection: may I work and register on Työmarkkinatori?": whether the status allows it.
  if (score('temporary-protection') >= 2.5 && score('register') > 0) {
    add('temporary-protection', 1.5);
    damp('register');
  }
  // "Do I still get the same service in 2025?": whether what the pilot gave goes on, what came after.
  if (aboutPilot && (anyWord(STILL) || any(GOES_ON)) && (entities.year !== undefined && entities.year >= 2025 || any(SINCE_2025)) && score('after-pilot') < 3 && score('coach') === 0) {
    add('after-pilot', 2.5);
    damp('eligibility');
  }
  // "Did the city handle me and not the TE office because I'm a foreigner?": the immigrants' rule.
  if (any(FOREIGN_REASON)) {
    add('immigrants', 3);
    damp('municipalities');
    damp('eligibility');
    damp('te-offices');
  }

  // The examples speak for the wordings no cue foresaw; a message about none of the topics puts
  // its weight on OFF_TOPIC, which is no article and so only takes weight from the others.

  // One or two words ("kiitos", "kurssi") are too little to read a topic from: cue words alone
  // speak for them, and a word with two readings gets a clarifying question.
  // The examples strengthen a reading something else supports (a cue word here, a retrieval hit
  // in the question service); alone, they would answer "where is a good restaurant" with the
  // offices because of "where".
  // What the cue words and the sentence's structure alone make of it, before the examples vote.
  const cueTop = Math.max(0, ...scores.values());
  // What came after the pilot is a time: with nothing in the message about today, the pilot's end or the areas
  // ("who is responsible for my file?"), the examples that vote for it on other words count half.
  if (!scores.has('after-pilot') && !anyWord(NOW) && !any(TODAY) && !any(SINCE_2025) && !any(PILOT_ENDED) && !any(AFTER) && !(entities.year !== undefined && entities.year >= 2024)) damped.add('after-pilot');
  // A status no word of the message names ("I came to Finland last year") is not read from shared words by retrieval either.
  if (!scores.has('temporary-protection')) damped.add('temporary-protection');
  const learned = new Map<string, number>();
  // How sure the examples are that the message is about none of the topics.
  let offTopicVote = 0;
  if (options.examples && tokens.length >= MIN_EXAMPLE_WORDS) {
    // A cue word for any topic shows the message is about the services; the examples may then
    // move it to a neighbour ("see my valmentaja on Thursday" is booking, not what a coach does).
    const inScope = [...scores.values()].some((s) => s >= 1);
    const votes = options.examples.vote(message).votes;
    offTopicVote = votes.get(OFF_TOPIC) ?? 0;
    // With the message tied to the services (a cue word, the pilot, a benefit), the examples'
    // off-topic share says nothing: the topics share what is left as if it were not there.
    const renorm = inScope && offTopicVote < 0.9 ? 1 / (1 - offTopicVote) : 1;
    for (const [topic, raw] of votes) {
      if (topic === OFF_TOPIC) continue;
      // Temporary protection is a status and pay subsidy a scheme: the examples alone speak for them only weakly when no
      // word of the message names them ("I came to Finland last year" shares its words with many Ukrainians' questions,
      // "my old company owes me money" with questions about wages).
      const p = raw * renorm * (scores.has(topic) ? 1 : (NEEDS_A_WORD.get(topic) ?? 1));
      if (inScope || scores.has(topic)) add(topic, EXAMPLE_WEIGHT * p * (damped.has(topic) ? 0.5 : 1));
      else learned.set(topic, EXAMPLE_WEIGHT * p);
    }
  }

  // A long text holds many words by chance: cues count less the longer it is, so a pasted
  // letter is not mistaken for a question about the first topic it happens to mention.
  const scale = Math.min(1, LONG_MESSAGE_WORDS / Math.max(1, tokens.length));
  // "Where is the railway station in Kemi?": asking where something else is, with no topic of the
  // services in sight, is out of scope like the library's opening hours.
  const asksWhereElse = asksWhere && !aboutPilot && !any(SERVICES) && !anyCueIn(cues, prepared(CONTACT_CUES)) && cueTop < 1.5;
  // Whether anything ties the message to the employment services ("when are you open?" asks the
  // service's own hours). Asked only when the message may be out of scope: most never need it.
  let tied: boolean | undefined;
  const anchored = () =>
    (tied ??= named || serviceDescribed || aboutPilot || entities.benefit !== undefined || (any(OPEN_HOURS) && anyWord(YOU)) || any(SERVICES) || any(DOMAIN));
  // The examples fairly sure it is about none of the topics ("weather tomorrow in Turku", "book me a
  // haircut"), and nothing in it ties it to the employment services: out of scope as well.
  const offTopic = outside || asksWhereElse || (offTopicVote >= OFF_TOPIC_SURE && !anchored());
  // Out of scope with nothing of the employment services in it ("book a time at the health centre"):
  // no topic answers. With the services named too ("a doctor's visit on Tuesday, can I see my coach
  // on Wednesday"), the topics keep what the penalty leaves of them.
  const penalty = serviceDescribed ? 0 : offTopic ? (anchored() ? OUT_OF_SCOPE_PENALTY : Infinity) : 0;
  for (const [topic, score] of scores) scores.set(topic, score * scale - penalty);
  for (const [topic, score] of learned) if (offTopic) learned.delete(topic); else learned.set(topic, score * scale);
  const topics = [...scores].filter(([, s]) => s > 0).map(([topic, score]) => ({ topic, score })).sort((a, b) => b.score - a.score);
  return {
    topics,
    learned,
    entities,
    yesNo,
    aboutPilot,
    asksContact: anyCueIn(cues, prepared(CONTACT_CUES)) || anyCueIn(cues, prepared(OPEN_HOURS)),
    asksOffice: anyCueIn(cues, prepared(OFFICE_NOUNS)) || anyCueIn(cues, prepared(OPEN_HOURS)),
    request: anyCueIn(cues, prepared(REQUEST_CUES)),
    aboutSelf,
    // "Where do I belong now, I live in Kotka?" asks for the area that serves the town.
    selfNow: selfNow && !anyWord(WHICH_ONE),
    forSomeoneElse: relative,
    asksToday: !aboutPilot && (anyWord(NOW) || any(TODAY) || any(SINCE_2025)),
    offTopic,
    ruledOut: damped,
  };
}
