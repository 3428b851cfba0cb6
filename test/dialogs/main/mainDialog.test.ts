import { describe, expect, it } from 'vitest';
import { createMainDialogHarness, lastSuggestions, playTranscript, translator, type TranscriptRow } from '../../support/dialogs.js';

const t = (locale: string) => translator.t(locale);

// The same conversation in each locale: menu, help, an interruption, a language change.
const cases: Array<[string, string, string, string, string]> = [
  // locale, "help" word, "menu" word, "cancel" word, language word
  ['fi', 'apua', 'valikko', 'peruuta', 'kieli'],
  ['sv', 'hjälp', 'meny', 'avbryt', 'språk'],
  ['en', 'help', 'menu', 'cancel', 'language'],
];

describe.each(cases)('main dialog in %s', (locale, helpWord, menuWord, cancelWord, languageWord) => {
  it('shows the menu, answers help, and returns to the menu', async () => {
    const harness = createMainDialogHarness({ locale });
    const rows: TranscriptRow[] = [
      [{ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'user' }] }, [t(locale)('menu.prompt')]],
      [String(t(locale)('menu.help')), [t(locale)('help.text'), t(locale)('menu.promptAgain')]],
      [helpWord, [t(locale)('help.text')]],
      [menuWord, [t(locale)('menu.prompt')]],
      [cancelWord, [t(locale)('cancel.done'), t(locale)('menu.promptAgain')]],
    ];
    await playTranscript(harness, rows);
  });

  it('offers every shipped language in its own name and switches at once', async () => {
    const harness = createMainDialogHarness({ locale });
    await harness.say({ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'user' }] });
    const picker = await harness.say(languageWord);
    expect(picker.map((r) => r.text)).toContain(t(locale)('language.prompt'));
    expect(lastSuggestions(picker)).toEqual(expect.arrayContaining(['Suomi', 'Svenska', 'English']));
    const target = locale === 'en' ? 'Svenska' : 'English';
    const targetLocale = locale === 'en' ? 'sv' : 'en';
    const after = await harness.say(target);
    const texts = after.map((r) => r.text);
    expect(texts).toContain(t(targetLocale)('language.changed'));
    // The menu that was open underneath is asked again, now in the new language.
    expect(texts).toContain(t(targetLocale)('menu.prompt'));
    expect(harness.preferences.chosen).toEqual([{ channelUserId: expect.any(String), locale: targetLocale }]);
  });

  it('answers a first message it does not understand instead of ignoring it', async () => {
    const harness = createMainDialogHarness({ locale });
    const replies = await harness.say('xyzzy');
    expect(replies.map((r) => r.text)).toContain(t(locale)('fallback.notUnderstood'));
  });
});

it('keeps an explicit language choice when the channel keeps sending another locale', async () => {
  const harness = createMainDialogHarness({ locale: 'fi' });
  await harness.say('kieli');
  await harness.say('English');
  const replies = await harness.say({ type: 'message', text: 'help', locale: 'fi-FI' });
  expect(replies[0].text).toBe(t('en')('help.text'));
});
