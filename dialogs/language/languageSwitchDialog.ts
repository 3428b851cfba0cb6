/**
 * "Would you like to continue in English?" — asked in the language the user just wrote in,
 * with yes/no buttons in that language. Pushed on top of whatever is in progress: on yes the
 * conversation switches, and the dialog underneath asks its question again in the new language.
 */
import { ActionTypes, ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Prompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptOptions,
  type PromptRecognizerResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { LanguageSwitchAdvisor } from '../../bot/language/languageSwitch.js';
import type { Locale } from '../../bot/i18n/locales.js';
import { turnLanguage } from '../../bot/i18n/turnLanguage.js';
import { recognizeYesNo } from '../prompts/recognizers.js';

const LANGUAGE_SWITCH_DIALOG = 'languageSwitchDialog';
const OFFER_PROMPT = 'languageOfferPrompt';
const STEPS = 'languageSwitchSteps';
/** After this many answers that are neither yes nor no, the offer is dropped. */
const MAX_ATTEMPTS = 2;

export interface LanguageSwitchOptions {
  locale: Locale;
  /** The message that showed the language, when it should be answered after the offer. */
  text?: string;
}

export interface LanguageSwitchResult {
  switched: boolean;
  locale: Locale;
  text?: string;
}

/** A yes/no question rendered in the offered language rather than the turn's. */
class LanguageOfferPrompt extends Prompt<boolean> {
  constructor(private readonly advisor: LanguageSwitchAdvisor) {
    // Give up quietly after MAX_ATTEMPTS unrecognised answers; the result is then undefined.
    super(OFFER_PROMPT, async (pc: PromptValidatorContext<boolean>) => pc.recognized.succeeded || pc.attemptCount >= MAX_ATTEMPTS);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const { locale } = options.validations as LanguageSwitchOptions;
    const t = this.advisor.translatorFor(locale);
    const text = String(t(isRetry ? 'languageSwitch.retry' : 'languageSwitch.offer'));
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

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<boolean>> {
    const { locale } = options.validations as LanguageSwitchOptions;
    if (context.activity.type !== ActivityTypes.Message) return { succeeded: false };
    const text = (context.activity.text ?? '').trim();
    const answer = recognizeYesNo(text, locale) ?? recognizeYesNo(text, turnLanguage(context).locale);
    if (answer !== undefined) return { succeeded: true, value: answer };
    // Answering the question in the offered language says yes as clearly as the button.
    if (await this.advisor.writtenIn(context, text, locale)) return { succeeded: true, value: true };
    return { succeeded: false };
  }
}

export class LanguageSwitchDialog extends ComponentDialog {
  constructor(private readonly advisor: LanguageSwitchAdvisor) {
    super(LANGUAGE_SWITCH_DIALOG);
    this.addDialog(new LanguageOfferPrompt(advisor));
    this.addDialog(new WaterfallDialog(STEPS, [this.offerStep.bind(this), this.decideStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as LanguageSwitchOptions;
    return step.prompt(OFFER_PROMPT, { validations: options });
  }

  private async decideStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { locale, text } = step.options as LanguageSwitchOptions;
    const answer = step.result as boolean | undefined;
    if (answer === true) {
      const { t } = await this.advisor.accept(step.context, locale);
      await step.context.sendActivity(MessageFactory.text(String(t('language.changed'))));
    } else if (answer === false) {
      await this.advisor.decline(step.context, locale);
    }
    return step.endDialog({ switched: answer === true, locale, text } satisfies LanguageSwitchResult);
  }
}
