import { describe, expect, it } from 'vitest';
import type { Locale } from '../../bot/i18n/locales.js';
import { recognizeChoice, recognizeYesNo } from '../../bot/language/recognizers.js';

describe('recognizeYesNo', () => {
  const cases: [Locale, string, boolean | undefined][] = [
    ['fi', 'kyllä', true], ['fi', 'Kyllä!', true], ['fi', 'joo', true], ['fi', 'juu.', true], ['fi', 'ei', false], ['fi', 'Ei kiitos', false],
    ['fi-x-selko', 'Kyllä', true], ['fi-x-selko', 'ei', false],
    ['sv', 'ja', true], ['sv', 'Jo!', true], ['sv', 'nej', false], ['sv', 'Nej tack.', false],
    ['en', 'yes', true], ['en', 'Yeah', true], ['en', 'YES please', true], ['en', 'no', false], ['en', 'nope', false],
    ['ru', 'да', true], ['ru', 'Да, конечно', true], ['ru', 'нет', false], ['ru', 'Нет!', false],
    ['uk', 'так', true], ['uk', 'Так.', true], ['uk', 'ні', false], ['uk', 'Ні, дякую', false],
    ['et', 'jah', true], ['et', 'Jah!', true], ['et', 'ei', false],
    ['ar', 'نعم', true], ['ar', 'نعم!', true], ['ar', 'لا', false], ['ar', 'لا شكرا', false],
    ['so', 'haa', true], ['so', 'Haa, mahadsanid', true], ['so', 'maya', false], ['so', 'may', false],
    ['fa', 'بله', true], ['fa', 'آره', true], ['fa', 'نه', false], ['fa', 'نه ممنون', false],
    // Answers typed in another language than the user's still count when the word is unambiguous.
    ['fi', 'yes', true], ['en', 'kyllä', true], ['ar', 'yes', true], ['fa', 'no', false],
    ['en', '👍', true], ['fi', 'ok', true],
    // Not an answer.
    ['fi', 'en tiedä', undefined], ['en', 'maybe', undefined], ['en', 'may I ask something', undefined],
    ['en', '', undefined], ['fi', 'mitä tarkoitat', undefined],
    ['en', 'yes but I need to ask something else first about the meeting', undefined],
  ];
  it.each(cases)('%s: %j -> %s', (locale, text, expected) => {
    expect(recognizeYesNo(text, locale)).toBe(expected);
  });
});

describe('recognizeChoice', () => {
  const labels = ['Työmarkkinatuki', 'Työkokeilu', 'OMA-valmentaja', 'Jokin muu'];
  const cases: { locale: Locale; text: string; labels?: string[]; expected: number | undefined }[] = [
    { locale: 'fi', text: '1', expected: 0 },
    { locale: 'fi', text: '2.', expected: 1 },
    { locale: 'en', text: ' 3) ', expected: 2 },
    { locale: 'ar', text: '٢', expected: 1 },
    { locale: 'fa', text: '۲', expected: 1 },
    { locale: 'fa', text: '۴', expected: 3 },
    { locale: 'fi', text: '5', expected: undefined },
    { locale: 'fi', text: '0', expected: undefined },
    { locale: 'fi', text: 'työkokeilu', expected: 1 },
    { locale: 'fi', text: 'TYÖKOKEILU!', expected: 1 },
    { locale: 'en', text: 'I want OMA-valmentaja please', expected: 2 },
    { locale: 'fi', text: 'tyokokeilu', expected: 1 },
    { locale: 'fi', text: 'työmarkinatuki', expected: 0 },
    { locale: 'fi', text: 'jokin', expected: 3 },
    { locale: 'fi', text: 'banaani', expected: undefined },
    { locale: 'fi', text: 'työkokeilu vai työmarkkinatuki', expected: undefined },
    { locale: 'ru', text: 'вторая', labels: ['Первая встреча', 'Вторая встреча'], expected: 1 },
    { locale: 'ar', text: 'نعم', labels: ['نعم', 'لا'], expected: 0 },
    { locale: 'en', text: 'Monday', labels: ['Monday 10:00', 'Monday 14:00'], expected: undefined },
    { locale: 'en', text: '14:00', labels: ['Monday 10:00', 'Monday 14:00'], expected: 1 },
    { locale: 'en', text: 'Mondey 14:00', labels: ['Monday 10:00', 'Monday 14:00'], expected: 1 },
    { locale: 'en', text: '2020', labels: ['2019', '2020'], expected: 1 },
  ];
  it.each(cases)('$locale: $text -> $expected', ({ locale, text, labels: own, expected }) => {
    expect(recognizeChoice(text, own ?? labels, locale)).toBe(expected);
  });
});
