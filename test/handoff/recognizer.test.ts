/** Asking for a person is recognised in every shipped locale, whatever language the bot speaks; ordinary questions are not. */
import { describe, expect, it } from 'vitest';
import { PersonRequestRecognizer } from '../../bot/handoff/recognizer.js';
import { translator } from '../support/dialogs.js';

const recognizer = new PersonRequestRecognizer(translator);

describe('a request for a person', () => {
  it.each([
    ['fi', 'Haluan puhua ihmisen kanssa'],
    ['fi', 'voinko jutella oikean ihmisen kanssa?'],
    ['fi-x-selko', 'Ihminen!'],
    ['sv', 'Kan jag prata med en människa?'],
    ['en', 'can I talk to a human'],
    ['en', 'I want to speak to a real person please'],
    ['ru', 'Можно поговорить с живым человеком?'],
    ['uk', 'Хочу поговорити з людиною'],
    ['et', 'Kas ma saan rääkida inimesega?'],
    ['ar', 'أريد التحدث مع موظف'],
    ['so', 'Waxaan rabaa inaan la hadlo qof dhab ah'],
    ['fa', 'می‌خواهم با یک انسان صحبت کنم'],
  ])('%s: "%s"', (_locale, text) => {
    expect(recognizer.recognize(text)).toBe(true);
  });

  it.each([
    'Mikä on henkilötunnus?',
    'Kuulunko kohderyhmään?',
    'How do I book a meeting with my coach?',
    'Vantaa',
    'Ihmisoikeudet',
    '',
  ])('not: "%s"', (text) => {
    expect(recognizer.recognize(text)).toBe(false);
  });

  it('ignores a long story that merely mentions a person', () => {
    expect(recognizer.recognize(`${'Olen ollut työttömänä pitkään ja mietin, mitä voisin tehdä. '.repeat(3)}Puhuin ihmisen kanssa eilen.`)).toBe(false);
  });
});
