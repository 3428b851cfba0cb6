import { describe, expect, it } from 'vitest';
import { NATIVE_NAMES, SUPPORTED_LOCALES, type Locale } from '../../bot/i18n/locales.js';
import { isLanguageCommand, parseLanguageName } from '../../bot/language/commands.js';

describe('isLanguageCommand', () => {
  const commands = [
    'kieli', 'Kieli?', 'vaihda kieli', 'vaihda kieltä', 'kielivalinta', 'språk', 'byt språk', 'language', 'Change language',
    'change the language please', 'язык', 'сменить язык', 'мова', 'змінити мову', 'keel', 'muuda keelt', 'اللغة', 'تغيير اللغة',
    'luuqad', 'beddel luuqadda', 'زبان', 'زبان را عوض کن', '/language',
  ];
  it.each(commands)('%j opens the language menu', (text) => {
    expect(isLanguageCommand(text)).toBe(true);
  });

  const notCommands = [
    '', 'hei', 'en osaa suomen kieltä hyvin', 'what language is the letter in', 'Мне нужен OMA-valmentaja',
    'kieli on vaikea oppia', 'I need help with työmarkkinatuki', 'language course for adults in Tampere',
  ];
  it.each(notCommands)('%j is not a command', (text) => {
    expect(isLanguageCommand(text)).toBe(false);
  });
});

describe('parseLanguageName', () => {
  const cases: [string, Locale | undefined][] = [
    ['englanniksi', 'en'], ['in English', 'en'], ['English please', 'en'], ['på engelska', 'en'], ['по-английски', 'en'],
    ['suomeksi', 'fi'], ['suomi', 'fi'], ['Finnish', 'fi'], ['på finska', 'fi'], ['soome keeles', 'fi'],
    ['selkosuomi', 'fi-x-selko'], ['selkosuomeksi', 'fi-x-selko'], ['plain Finnish', 'fi-x-selko'], ['selkokielellä', 'fi-x-selko'],
    ['på svenska', 'sv'], ['ruotsiksi', 'sv'], ['Swedish', 'sv'],
    ['по-русски', 'ru'], ['русский', 'ru'], ['venäjäksi', 'ru'], ['Russian', 'ru'], ['російською', 'ru'],
    ['українською', 'uk'], ['Ukrainian', 'uk'], ['ukrainaksi', 'uk'], ['по-украински', 'uk'],
    ['eesti keeles', 'et'], ['viroksi', 'et'], ['Estonian', 'et'],
    ['العربية', 'ar'], ['بالعربية', 'ar'], ['arabiaksi', 'ar'], ['Arabic', 'ar'], ['عربی', 'ar'],
    ['af-soomaali', 'so'], ['af soomaali', 'so'], ['somaliksi', 'so'], ['Somali', 'so'],
    ['فارسی', 'fa'], ['فارسي', 'fa'], ['farsi', 'fa'], ['persiaksi', 'fa'], ['Persian', 'fa'],
    ['en', 'en'], ['fi-x-selko', 'fi-x-selko'],
    ['hei', undefined], ['English or Finnish', undefined], ['', undefined], ['Tampere', undefined],
  ];
  it.each(cases)('%j -> %s', (text, expected) => {
    expect(parseLanguageName(text)).toBe(expected);
  });

  it.each(SUPPORTED_LOCALES)('recognises the native name of %s', (locale) => {
    expect(parseLanguageName(NATIVE_NAMES[locale])).toBe(locale);
  });
});
