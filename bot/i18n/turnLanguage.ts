/**
 * The language of the current turn. The bot resolves it once per turn (explicit choice, then
 * the channel's locale on first contact, then the default) and dialogs read it from here.
 */
import type { TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { Locale } from './locales.js';

export interface TurnLanguage {
  locale: Locale;
  t: TFunction;
}

const KEY = Symbol('omabotti.turnLanguage');

export function setTurnLanguage(context: TurnContext, language: TurnLanguage): void {
  context.turnState.set(KEY, language);
}

export function turnLanguage(context: TurnContext): TurnLanguage {
  const language = context.turnState.get(KEY) as TurnLanguage | undefined;
  if (!language) throw new Error('turn language not set: OmaBot.onTurn must run first');
  return language;
}

/** Shorthand for the turn's fixed translator. */
export function tr(context: TurnContext): TFunction {
  return turnLanguage(context).t;
}
