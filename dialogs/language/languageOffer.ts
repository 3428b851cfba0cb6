/**
 * "Would you like to continue in English?" — asked in the language the user just wrote in, with
 * yes/no buttons in that language, so that someone who cannot read the current language can answer.
 */
import { ActionTypes, MessageFactory, type TurnContext } from 'botbuilder';
import type { Locale } from '../../bot/i18n/locales.js';
import type { LanguageSwitchAdvisor } from '../../bot/language/languageSwitch.js';

export async function sendLanguageOffer(context: TurnContext, advisor: LanguageSwitchAdvisor, locale: Locale, retry: boolean): Promise<void> {
  const t = advisor.translatorFor(locale);
  const text = String(t(retry ? 'languageSwitch.retry' : 'languageSwitch.offer'));
  const message = MessageFactory.text(text, text);
  message.locale = locale;
  message.suggestedActions = {
    to: [],
    actions: (['yes', 'no'] as const).map((k) => {
      const label = String(t(`choices.${k}`));
      return { type: ActionTypes.ImBack, title: label, value: label };
    }),
  };
  await context.sendActivity(message);
}
