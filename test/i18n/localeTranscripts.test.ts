/**
 * The main flows in every shipped locale, table-driven: welcome and menu, help, cancel, menu,
 * the language command, a direct request ("in English"), and the offer to switch when the user
 * writes in another language — accepted, declined (and not offered again), and made in the
 * middle of a conversation without losing it.
 */
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES, NATIVE_NAMES, type Locale } from '../../bot/i18n/locales.js';
import { formatDate } from '../../bot/language/format.js';
import { findPilotAreaById, getPilotData } from '../../bot/pilot/pilotData.js';
import { createMainDialogHarness, lastSuggestions, playTranscript, translator } from '../support/dialogs.js';
import { kb, questionSetup } from '../knowledge/helpers.js';

const t = (locale: string) => translator.t(locale);
const s = (locale: string, key: string) => String(t(locale)(key));

interface LocaleCase {
  locale: Locale;
  help: string;
  menu: string;
  cancel: string;
  /** The language command as the issue lists it. */
  language: string;
  yes: string;
  no: string;
  /** "in <this language>", written the way a speaker would. */
  request: string;
  /** A message in this language (none for plain Finnish, which reads as Finnish). */
  sentence?: string;
}

const CASES: LocaleCase[] = [
  { locale: 'fi', help: 'apua', menu: 'valikko', cancel: 'peruuta', language: 'kieli', yes: 'kyllä', no: 'ei', request: 'suomeksi', sentence: 'Tarvitsen apua työnhaussa' },
  { locale: 'fi-x-selko', help: 'ohje', menu: 'alkuun', cancel: 'lopeta', language: 'kieli', yes: 'joo', no: 'ei', request: 'selkosuomeksi' },
  { locale: 'sv', help: 'hjälp', menu: 'meny', cancel: 'avbryt', language: 'språk', yes: 'ja', no: 'nej', request: 'på svenska', sentence: 'Jag behöver hjälp med att söka jobb' },
  { locale: 'en', help: 'help', menu: 'menu', cancel: 'cancel', language: 'language', yes: 'yes', no: 'no', request: 'in English', sentence: 'I need help finding a job' },
  { locale: 'ru', help: 'помощь', menu: 'меню', cancel: 'отмена', language: 'язык', yes: 'да', no: 'нет', request: 'по-русски', sentence: 'Мне нужна помощь с поиском работы' },
  { locale: 'uk', help: 'допомога', menu: 'меню', cancel: 'скасувати', language: 'мова', yes: 'так', no: 'ні', request: 'українською', sentence: 'Мені потрібна допомога з пошуком роботи' },
  { locale: 'et', help: 'abi', menu: 'menüü', cancel: 'tühista', language: 'keel', yes: 'jah', no: 'ei', request: 'eesti keeles', sentence: 'Ma vajan abi töö otsimisel' },
  { locale: 'ar', help: 'مساعدة', menu: 'القائمة', cancel: 'إلغاء', language: 'اللغة', yes: 'نعم', no: 'لا', request: 'بالعربية', sentence: 'أحتاج مساعدة في البحث عن عمل' },
  { locale: 'so', help: 'caawin', menu: 'liiska', cancel: 'jooji', language: 'luuqad', yes: 'haa', no: 'maya', request: 'af-soomaali', sentence: 'Waxaan u baahanahay caawimaad shaqo raadinta' },
  { locale: 'fa', help: 'کمک', menu: 'منو', cancel: 'لغو', language: 'زبان', yes: 'بله', no: 'نه', request: 'به فارسی', sentence: 'من برای پیدا کردن کار کمک می‌خواهم' },
];

/** The language a user starts in before writing in `locale`. */
const otherThan = (locale: Locale): Locale => (locale === 'fi' || locale === 'fi-x-selko' ? 'en' : 'fi');
/** The next locale in the list, for switching through the menu. */
const nextOf = (locale: Locale): Locale => SUPPORTED_LOCALES[(SUPPORTED_LOCALES.indexOf(locale) + 1) % SUPPORTED_LOCALES.length];
/** A fresh join activity each time (the harness fills in its locale). */
const joined = () => ({ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'user' }] });

it('covers every shipped locale', () => {
  expect(CASES.map((c) => c.locale).sort()).toEqual([...SUPPORTED_LOCALES].sort());
});

describe.each(CASES)('in $locale', (c) => {
  const { locale } = c;

  it('shows the menu, answers help, cancels and goes back to the menu, all in this language', async () => {
    const harness = createMainDialogHarness({ locale });
    const welcome = await harness.say(joined());
    expect(welcome.map((r) => r.text)).toContain(s(locale, 'menu.prompt'));
    expect(lastSuggestions(welcome)).toEqual([s(locale, 'menu.help'), s(locale, 'menu.language')]);
    await playTranscript(harness, [
      [s(locale, 'menu.help'), [s(locale, 'help.text'), s(locale, 'menu.promptAgain')]],
      [c.help, [s(locale, 'help.text')]],
      [c.menu, [s(locale, 'menu.prompt')]],
      [c.cancel, [s(locale, 'cancel.done'), s(locale, 'menu.promptAgain')]],
    ]);
  });

  it(`opens the language menu with "${c.language}" and switches through it`, async () => {
    const harness = createMainDialogHarness({ locale });
    await harness.say(joined());
    const picker = await harness.say(c.language);
    expect(picker.map((r) => r.text)).toContain(s(locale, 'language.prompt'));
    expect(lastSuggestions(picker)).toEqual(SUPPORTED_LOCALES.map((l) => NATIVE_NAMES[l]));
    const target = nextOf(locale);
    const after = await harness.say(NATIVE_NAMES[target]);
    expect(after.map((r) => r.text)).toEqual([s(target, 'language.changed'), s(target, 'menu.prompt')]);
    expect(harness.preferences.chosen.map((p) => p.locale)).toEqual([target]);
  });

  it(`switches at once on "${c.request}"`, async () => {
    const from = otherThan(locale);
    const harness = createMainDialogHarness({ locale: from });
    await harness.say(joined());
    const after = await harness.say(c.request);
    // The menu that was open is asked again in the new language.
    expect(after.map((r) => r.text)).toEqual([s(locale, 'language.changed'), s(locale, 'menu.prompt')]);
    expect(harness.preferences.chosen.map((p) => p.locale)).toEqual([locale]);
  });

  if (!c.sentence) {
    it('does not offer Finnish to someone reading plain Finnish', async () => {
      const harness = createMainDialogHarness({ locale });
      await harness.say(joined());
      const replies = await harness.say(CASES[0].sentence!);
      expect(replies.map((r) => r.text)).not.toContain(s('fi', 'languageSwitch.offer'));
      expect(replies.map((r) => r.text)).toContain(s(locale, 'fallback.notUnderstood'));
    });
    return;
  }
  const sentence = c.sentence;

  it('offers to switch, in this language, when the first message is written in it', async () => {
    const from = otherThan(locale);
    const harness = createMainDialogHarness({ locale: from });
    const offer = await harness.say(sentence);
    expect(offer.map((r) => r.text)).toEqual([s(locale, 'languageSwitch.offer')]);
    expect(offer[0].locale).toBe(locale);
    expect(lastSuggestions(offer)).toEqual([s(locale, 'choices.yes'), s(locale, 'choices.no')]);
    // Yes: the bot switches, then answers the first message in the new language.
    const after = await harness.say(c.yes);
    const texts = after.map((r) => r.text);
    expect(texts[0]).toBe(s(locale, 'language.changed'));
    expect(texts).toContain(s(locale, 'fallback.notUnderstood'));
    expect(texts).toContain(s(locale, 'menu.promptAgain'));
    expect(harness.preferences.chosen.map((p) => p.locale)).toEqual([locale]);
  });

  it('offers to switch in the middle of a conversation without losing it', async () => {
    const from = otherThan(locale);
    const harness = createMainDialogHarness({ locale: from });
    await harness.say(joined());
    // A task done: the menu asks "anything else?" when the user writes in this language.
    await playTranscript(harness, [[s(from, 'menu.help'), [s(from, 'help.text'), s(from, 'menu.promptAgain')]]]);
    const offer = await harness.say(sentence);
    expect(offer.map((r) => r.text)).toEqual([s(locale, 'languageSwitch.offer')]);
    // Tapping the button sends its label.
    const after = await harness.say(s(locale, 'choices.yes'));
    // The message is answered in the new language, at the menu it was typed at.
    expect(after.map((r) => r.text)).toEqual([s(locale, 'language.changed'), s(locale, 'fallback.notUnderstood'), s(locale, 'menu.promptAgain')]);
    // The conversation goes on in the new language.
    await playTranscript(harness, [[s(locale, 'menu.help'), [s(locale, 'help.text')]]]);
  });

  it('stays in the current language after a no, and does not ask again in this conversation', async () => {
    const from = otherThan(locale);
    const harness = createMainDialogHarness({ locale: from });
    await harness.say(joined());
    expect((await harness.say(sentence)).map((r) => r.text)).toEqual([s(locale, 'languageSwitch.offer')]);
    // No: the message is answered where it was typed, in the current language.
    const declined = await harness.say(c.no);
    expect(declined.map((r) => r.text)).toEqual([s(from, 'fallback.notUnderstood'), s(from, 'menu.promptAgain')]);
    const again = await harness.say(sentence);
    expect(again.map((r) => r.text)).not.toContain(s(locale, 'languageSwitch.offer'));
    expect(harness.preferences.chosen).toEqual([]);
  });
});

describe('the switch offer', () => {
  it('asks once more when the answer is neither yes nor no, then lets it go', async () => {
    const harness = createMainDialogHarness({ locale: 'fi' });
    await harness.say(joined());
    await harness.say('I need help finding a job');
    expect((await harness.say('🤔')).map((r) => r.text)).toEqual([s('en', 'languageSwitch.retry')]);
    // Let go: the English message is answered in Finnish rather than lost.
    expect((await harness.say('🤷')).map((r) => r.text)).toEqual([s('fi', 'fallback.notUnderstood'), s('fi', 'menu.promptAgain')]);
    expect(harness.preferences.chosen).toEqual([]);
  });

  it('takes an answer written in the offered language as a yes', async () => {
    const harness = createMainDialogHarness({ locale: 'fi' });
    await harness.say(joined());
    await harness.say('I need help finding a job');
    const after = await harness.say('Please continue in English');
    // The first message is then answered in English.
    expect(after.map((r) => r.text)).toEqual([s('en', 'language.changed'), s('en', 'fallback.notUnderstood'), s('en', 'menu.promptAgain')]);
  });

  it('gives way to the language menu when the user asks for it instead', async () => {
    const harness = createMainDialogHarness({ locale: 'fi' });
    await harness.say(joined());
    await harness.say('Jag behöver hjälp med att söka jobb');
    const picker = await harness.say('kieli');
    expect(picker.map((r) => r.text)).toEqual([s('fi', 'language.prompt')]);
    const after = await harness.say('Eesti');
    expect(after.map((r) => r.text)).toEqual([s('et', 'language.changed'), s('et', 'menu.prompt')]);
  });

  it('does not offer a switch for a bare yes or no typed in another language', async () => {
    const harness = createMainDialogHarness({ locale: 'fi' });
    await harness.say(joined());
    const replies = await harness.say('yes');
    expect(replies.map((r) => r.text)).not.toContain(s('en', 'languageSwitch.offer'));
  });

  it('understands a language typed by name in the language menu', async () => {
    const harness = createMainDialogHarness({ locale: 'fi' });
    await harness.say(joined());
    await harness.say('kieli');
    expect((await harness.say('xyz')).map((r) => r.text)).toEqual([s('fi', 'language.retry')]);
    const after = await harness.say('venäjä');
    expect(after.map((r) => r.text)).toEqual([s('ru', 'language.changed'), s('ru', 'menu.prompt')]);
  });

  it('opens the language menu for a longer language command', async () => {
    const harness = createMainDialogHarness({ locale: 'en' });
    await harness.say(joined());
    const picker = await harness.say('change the language please');
    expect(picker.map((r) => r.text)).toEqual([s('en', 'language.prompt')]);
  });
});

/**
 * Question answering in every locale: a question answered with its article and follow-ups, a
 * follow-up tapped, "was Marttila in the pilot?" answered from the pilot data, an off-topic
 * question met with "not sure", and the language menu opened while a question is on screen.
 */
interface QuestionCase {
  locale: Locale;
  /** A question in this language, as a user types it. */
  question: string;
  article: string;
  /** "Was Marttila in the pilot?" in this language. */
  marttila: string;
  offTopic: string;
}

const QUESTION_CASES: QuestionCase[] = [
  { locale: 'fi', question: 'mitä omavalmentaja tekee', article: 'coach', marttila: 'Kuuluuko Marttila kokeiluun?', offTopic: 'kerro vitsi' },
  { locale: 'fi-x-selko', question: 'mikä on oma valmentaja', article: 'coach', marttila: 'Oliko Marttila mukana kokeilussa?', offTopic: 'Kerro minulle vitsi' },
  { locale: 'sv', question: 'vad gör den personliga coachen', article: 'coach', marttila: 'Var Marttila med i försöket?', offTopic: 'Vad blir det för väder i morgon?' },
  { locale: 'en', question: 'What does the coach do?', article: 'coach', marttila: 'Was Marttila in the pilot?', offTopic: 'tell me a joke' },
  { locale: 'ru', question: 'Что будет после 2024 года?', article: 'after-pilot', marttila: 'Участвовала ли Марттила в эксперименте?', offTopic: 'расскажи анекдот' },
  { locale: 'uk', question: 'що робить особистий коуч', article: 'coach', marttila: 'Чи була Марттіла в експерименті?', offTopic: 'Яка погода буде завтра?' },
  { locale: 'et', question: 'Mida isiklik coach minu jaoks teeb?', article: 'coach', marttila: 'Kas Marttila oli katses?', offTopic: 'Milline ilm homme tuleb?' },
  { locale: 'ar', question: 'ماذا يفعل المدرب الشخصي', article: 'coach', marttila: 'هل كانت Marttila في التجربة؟', offTopic: 'احك لي نكتة' },
  { locale: 'so', question: 'Maxaan helayaa?', article: 'coach', marttila: 'Marttila ma ka mid ahayd tijaabada?', offTopic: 'ii sheeg kaftan' },
  { locale: 'fa', question: 'مربی شخصی چه کار میکند', article: 'coach', marttila: 'آیا Marttila در آزمایش بود؟', offTopic: 'هوای فردا چطور است؟' },
];

it('covers every shipped locale with question answering', () => {
  expect(QUESTION_CASES.map((c) => c.locale).sort()).toEqual([...SUPPORTED_LOCALES].sort());
});

const title = (id: string, locale: Locale) => kb.get(id, locale)!.title;
const followUpTitles = (id: string, locale: Locale) => kb.get(id, locale)!.followUps.slice(0, 3).map((f) => title(f, locale));
const sourcesPrefix = (locale: Locale) => s(locale, 'knowledge:answer.sources').replace('{{sources}}', '').trim();
/** The question harness on a 2026 clock, without booking or eligibility dialogs wired in. */
const questionHarness = (locale: Locale) => createMainDialogHarness({ locale, freeText: questionSetup().freeText });

describe.each(QUESTION_CASES)('questions in $locale', (q) => {
  const { locale } = q;
  const language = CASES.find((c) => c.locale === locale)!.language;

  it(`answers "${q.question}" with the article, its sources and follow-ups, and shows a follow-up when tapped`, async () => {
    const harness = questionHarness(locale);
    const replies = await harness.say(q.question);
    const messages = replies.filter((r) => r.type === 'message');
    // One bubble: the answer carries its follow-ups, no "choose below" filler after it.
    expect(messages).toHaveLength(1);
    const [answer] = messages;
    expect(answer.text!.startsWith(kb.get(q.article, locale)!.short)).toBe(true);
    expect(answer.text).toContain(sourcesPrefix(locale));
    expect(answer.locale).toBe(locale);
    expect(answer.suggestedActions?.actions.length).toBeGreaterThan(0);
    expect(lastSuggestions(replies)).toEqual([...followUpTitles(q.article, locale), s(locale, 'knowledge:actions.menu')]);

    const followUp = kb.get(q.article, locale)!.followUps[0];
    const next = await harness.say(title(followUp, locale));
    expect(next[0].text!.startsWith(kb.get(followUp, locale)!.short)).toBe(true);
    // Back to the menu from the question loop.
    // (In most languages "Main menu" is also the menu command, which shows the first prompt.)
    const menu = await harness.say(s(locale, 'knowledge:actions.menu'));
    expect(menu).toHaveLength(1);
    expect([s(locale, 'menu.prompt'), s(locale, 'menu.promptAgain')]).toContain(menu[0].text);
  });

  it(`answers "${q.marttila}" from the pilot data`, async () => {
    const data = getPilotData();
    const marttila = data.municipalities.find((m) => m.id === 'marttila')!;
    const area = findPilotAreaById(marttila.pilotAreaId, data)!;
    const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00Z`), locale);
    const vars = {
      municipality: locale === 'sv' ? (marttila.name.sv ?? marttila.name.fi) : marttila.name.fi,
      area: (locale === 'sv' && area.name.sv) || (locale === 'en' && area.name.en) || area.name.fi,
      start: day(data.period.start.date),
      end: day(data.period.extendedEnd.date),
      since: day(data.period.employmentAreasSince.date),
      count: data.period.employmentAreasSince.areaCount,
    };
    const replies = await questionHarness(locale).say(q.marttila);
    const text = replies[0].text!;
    expect(text).toContain(String(t(locale)('knowledge:municipality.inPilot', vars)));
    expect(text).toContain(String(t(locale)('knowledge:municipality.ended', vars)));
    expect(text).toContain(sourcesPrefix(locale));
  });

  it(`is honest about "${q.offTopic}": not sure, the two closest topics and booking with a coach`, async () => {
    const setup = questionSetup();
    const harness = createMainDialogHarness({ locale, freeText: setup.freeText });
    const replies = await harness.say(q.offTopic);
    expect(replies[0].text).toBe(`${s(locale, 'knowledge:notSure.text')}\n\n${s(locale, 'knowledge:notSure.saved')}`);
    const suggestions = lastSuggestions(replies);
    expect(suggestions).toHaveLength(4);
    const topics = suggestions.slice(0, 2);
    for (const topic of topics) expect(kb.articles(locale).map((a) => a.title)).toContain(topic);
    expect(suggestions.slice(2)).toEqual([s(locale, 'knowledge:actions.startBooking'), s(locale, 'knowledge:actions.menu')]);
    expect(setup.gaps.rows).toEqual([expect.objectContaining({ kind: 'not_sure', locale, told: true })]);
    // Without a booking dialog wired in, the booking button tells how to book.
    const booking = await harness.say(s(locale, 'knowledge:actions.startBooking'));
    expect(booking[0].text!.startsWith(kb.get('booking', locale)!.short)).toBe(true);
  });

  if (locale !== 'fi-x-selko') {
    it('offers to switch when the next question comes in this language, then answers it in this language', async () => {
      const from = otherThan(locale);
      const harness = questionHarness(from);
      const first = QUESTION_CASES.find((c) => c.locale === from)!;
      await harness.say(first.question);
      const offer = await harness.say(q.question);
      expect(offer.map((r) => r.text)).toEqual([s(locale, 'languageSwitch.offer')]);
      const yes = CASES.find((c) => c.locale === locale)!.yes;
      const after = await harness.say(yes);
      expect(after[0].text).toBe(s(locale, 'language.changed'));
      expect(after[1].text!.startsWith(kb.get(q.article, locale)!.short)).toBe(true);
      expect(after).toHaveLength(2);
      expect(after[1].suggestedActions?.actions.length).toBeGreaterThan(0);
    });
  }

  if (locale !== 'fi-x-selko') {
    it('at the main menu, a question in this language gets the offer and then its answer', async () => {
      const from = otherThan(locale);
      const harness = questionHarness(from);
      const menu = await harness.say({ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'user' }] });
      expect(menu.at(-1)!.text).toBe(s(from, 'menu.prompt'));
      const offer = await harness.say(q.question);
      expect(offer.map((r) => r.text)).toEqual([s(locale, 'languageSwitch.offer')]);
      const after = await harness.say(CASES.find((c) => c.locale === locale)!.yes);
      expect(after[0].text).toBe(s(locale, 'language.changed'));
      expect(after[1].text!.startsWith(kb.get(q.article, locale)!.short)).toBe(true);
    });
  }

  it(`opens the language menu with "${language}" in the middle of a question, and goes on in the new language`, async () => {
    const harness = questionHarness(locale);
    await harness.say(q.question);
    const picker = await harness.say(language);
    expect(picker.map((r) => r.text)).toEqual([s(locale, 'language.prompt')]);
    const target = nextOf(locale);
    const after = await harness.say(NATIVE_NAMES[target]);
    // The question loop is still there, asked again in the new language with its topics in it.
    expect(after.map((r) => r.text)).toEqual([s(target, 'language.changed'), s(target, 'knowledge:prompt.more')]);
    expect(lastSuggestions(after)).toEqual([...followUpTitles(q.article, target), s(target, 'knowledge:actions.menu')]);
    const followUp = kb.get(q.article, target)!.followUps[0];
    const next = await harness.say(title(followUp, target));
    expect(next[0].text!.startsWith(kb.get(followUp, target)!.short)).toBe(true);
    expect(harness.preferences.chosen.map((p) => p.locale)).toEqual([target]);
  });
});
