/**
 * LocalizedPrompt in every shipped locale: typed yes/no words, typed labels and numbers
 * (including Arabic-Indic and Persian digits) are recognised; buttons come in the turn's
 * language; an answer it doesn't understand is asked again in that language.
 */
import { ConversationState, MemoryStorage, MessageFactory, UserState, type Activity, type TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { describe, expect, it } from 'vitest';
import { LanguageService, type LanguageProfile } from '../../../bot/language/languageService.js';
import type { Locale } from '../../../bot/i18n/locales.js';
import { ask, LocalizedPrompt, type LocalizedPromptResult } from '../../../dialogs/prompts/localizedPrompt.js';
import { FakePreferenceStore, lastSuggestions, translator } from '../../support/dialogs.js';

const s = (locale: string, key: string) => String(translator.t(locale)(key));

/** Asks one question and reports what it understood. */
class AskOnce extends ComponentDialog {
  constructor(kind: 'confirm' | 'choice') {
    super('askOnce');
    this.addDialog(new LocalizedPrompt('prompt'));
    this.addDialog(
      new WaterfallDialog('steps', [
        async (step: WaterfallStepContext): Promise<DialogTurnResult> =>
          step.prompt(
            'prompt',
            kind === 'confirm'
              ? ask({ kind: 'confirm', promptKey: 'languageSwitch.offer', retryKey: 'languageSwitch.retry' })
              : ask({
                  kind: 'choice',
                  promptKey: 'menu.prompt',
                  retryKey: 'language.retry',
                  choices: [
                    { value: 'help', labelKey: 'menu.help' },
                    { value: 'language', labelKey: 'menu.language' },
                    { value: 'third', labelKey: 'choices.no' },
                  ],
                }),
          ),
        async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
          const result = step.result as LocalizedPromptResult;
          await step.context.sendActivity(MessageFactory.text(`understood: ${typeof result === 'boolean' ? String(result) : result.choice}`));
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'steps';
  }
}

function client(kind: 'confirm' | 'choice', locale: Locale) {
  const storage = new MemoryStorage();
  const userState = new UserState(storage);
  const language = new LanguageService(translator, userState.createProperty<LanguageProfile>('language'), new FakePreferenceStore(), 'fi');
  const middleware = {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      context.activity.locale = locale;
      await language.resolve(context);
      await next();
    },
  };
  const test = new DialogTestClient('test', new AskOnce(kind), undefined, [middleware], new ConversationState(storage));
  return async (text: string): Promise<Activity[]> => {
    const replies: Activity[] = [];
    const first = await test.sendActivity({ type: 'message', text, locale } as Partial<Activity>);
    if (first) replies.push(first);
    for (let next = test.getNextReply() as Activity | undefined; next; next = test.getNextReply() as Activity | undefined) replies.push(next);
    return replies;
  };
}

// locale, typed yes, typed no, a second typed yes
const YES_NO: Array<[Locale, string, string, string]> = [
  ['fi', 'kyllä', 'ei', 'joo'],
  ['fi-x-selko', 'Kyllä', 'Ei', 'juu'],
  ['sv', 'ja', 'nej', 'Ja, gärna'],
  ['en', 'yes', 'no', 'yes please'],
  ['ru', 'да', 'нет', 'Да, конечно'],
  ['uk', 'так', 'ні', 'Так!'],
  ['et', 'jah', 'ei', 'Jah'],
  ['ar', 'نعم', 'لا', 'أجل'],
  ['so', 'haa', 'maya', 'Haa'],
  ['fa', 'بله', 'نه', 'آره'],
];

describe.each(YES_NO)('yes/no in %s', (locale, yes, no, alsoYes) => {
  it('asks with yes/no buttons in the language', async () => {
    const say = client('confirm', locale);
    const question = await say('start');
    expect(question.map((r) => r.text)).toEqual([s(locale, 'languageSwitch.offer')]);
    expect(lastSuggestions(question)).toEqual([s(locale, 'choices.yes'), s(locale, 'choices.no')]);
  });

  it.each([
    [yes, 'true'],
    [no, 'false'],
    [alsoYes, 'true'],
  ])('understands %j as %s', async (typed, understood) => {
    const say = client('confirm', locale);
    await say('start');
    expect((await say(typed)).map((r) => r.text)).toEqual([`understood: ${understood}`]);
  });

  it('understands its own buttons', async () => {
    for (const [label, understood] of [[s(locale, 'choices.yes'), 'true'], [s(locale, 'choices.no'), 'false']]) {
      const say = client('confirm', locale);
      await say('start');
      expect((await say(label)).map((r) => r.text)).toEqual([`understood: ${understood}`]);
    }
  });

  it('asks again, in the language, when the answer is neither', async () => {
    const say = client('confirm', locale);
    await say('start');
    expect((await say('🙂 123 xyz')).map((r) => r.text)).toEqual([s(locale, 'languageSwitch.retry')]);
  });
});

// locale, the number 2 as a user of this locale might type it, the number 3 likewise
const NUMBERS: Array<[Locale, string, string]> = [
  ['fi', '2', '3.'],
  ['fi-x-selko', '2', '3'],
  ['sv', '2', '3'],
  ['en', '#2', '3)'],
  ['ru', '2', '3'],
  ['uk', '2', '3'],
  ['et', '2.', '3'],
  ['ar', '٢', '٣'],
  ['so', '2', '3'],
  ['fa', '۲', '۳'],
];

describe.each(NUMBERS)('choices in %s', (locale, two, three) => {
  it('shows the choices in the language and understands typed labels and numbers', async () => {
    const say = client('choice', locale);
    const question = await say('start');
    expect(question.map((r) => r.text)).toEqual([s(locale, 'menu.prompt')]);
    expect(lastSuggestions(question)).toEqual([s(locale, 'menu.help'), s(locale, 'menu.language'), s(locale, 'choices.no')]);
    expect((await say(s(locale, 'menu.help'))).map((r) => r.text)).toEqual(['understood: help']);

    const again = client('choice', locale);
    await again('start');
    expect((await again(two)).map((r) => r.text)).toEqual(['understood: language']);

    const third = client('choice', locale);
    await third('start');
    expect((await third(three)).map((r) => r.text)).toEqual(['understood: third']);
  });

  it('asks again in the language when nothing matches', async () => {
    const say = client('choice', locale);
    await say('start');
    expect((await say('9')).map((r) => r.text)).toEqual([s(locale, 'language.retry')]);
  });
});
