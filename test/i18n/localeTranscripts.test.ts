/**
 * The main flows in every shipped locale, table-driven: welcome and menu, help, cancel, menu,
 * the language command, a direct request ("in English"), and the offer to switch when the user
 * writes in another language — accepted, declined (and not offered again), and made in the
 * middle of a conversation without losing it.
 */
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES, NATIVE_NAMES, type Locale } from '../../bot/i18n/locales.js';
import { createMainDialogHarness, lastSuggestions, playTranscript, translator } from '../support/dialogs.js';

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
    // The question that was open underneath is asked again, in the new language.
    expect(after.map((r) => r.text)).toEqual([s(locale, 'language.changed'), s(locale, 'menu.promptAgain')]);
    // The conversation goes on in the new language.
    await playTranscript(harness, [[s(locale, 'menu.help'), [s(locale, 'help.text')]]]);
  });

  it('stays in the current language after a no, and does not ask again in this conversation', async () => {
    const from = otherThan(locale);
    const harness = createMainDialogHarness({ locale: from });
    await harness.say(joined());
    expect((await harness.say(sentence)).map((r) => r.text)).toEqual([s(locale, 'languageSwitch.offer')]);
    const declined = await harness.say(c.no);
    expect(declined.map((r) => r.text)).toEqual([s(from, 'menu.prompt')]);
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
    expect((await harness.say('🤷')).map((r) => r.text)).toEqual([s('fi', 'menu.prompt')]);
    expect(harness.preferences.chosen).toEqual([]);
  });

  it('takes an answer written in the offered language as a yes', async () => {
    const harness = createMainDialogHarness({ locale: 'fi' });
    await harness.say(joined());
    await harness.say('I need help finding a job');
    const after = await harness.say('Please continue in English');
    expect(after.map((r) => r.text)).toEqual([s('en', 'language.changed'), s('en', 'menu.prompt')]);
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
