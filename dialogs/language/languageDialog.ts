/**
 * Lets the user pick the bot's language from the shipped locales, written in their own names.
 * A typed name in any language works too ("englanti", "Swedish", "по-русски", "فارسی").
 */
import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { NATIVE_NAMES, isLocale } from '../../bot/i18n/locales.js';
import { parseLanguageName } from '../../bot/language/commands.js';
import type { LanguageService } from '../../bot/language/languageService.js';
import { ask, LocalizedPrompt, type LocalizedPromptResult } from '../prompts/localizedPrompt.js';

const LANGUAGE_DIALOG = 'languageDialog';
const PROMPT = 'languagePrompt';
const STEPS = 'languageSteps';

export class LanguageDialog extends ComponentDialog {
  constructor(private readonly language: LanguageService) {
    super(LANGUAGE_DIALOG);
    this.addDialog(new LocalizedPrompt(PROMPT));
    this.addDialog(new WaterfallDialog(STEPS, [this.askLanguageStep.bind(this), this.applyLanguageStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askLanguageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choices = this.language.shipped.map((locale) => ({ value: locale, label: NATIVE_NAMES[locale] }));
    const { retry } = (step.options ?? {}) as { retry?: boolean };
    return step.prompt(PROMPT, ask({ kind: 'choice', promptKey: retry ? 'language.retry' : 'language.prompt', retryKey: 'language.retry', choices, allowFreeText: true }));
  }

  private async applyLanguageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as LocalizedPromptResult;
    let chosen: string | undefined = typeof result === 'object' ? result.choice : undefined;
    if (!chosen && typeof result === 'object') {
      const named = parseLanguageName(result.text);
      if (named && this.language.shipped.includes(named)) chosen = named;
      else return step.replaceDialog(STEPS, { retry: true });
    }
    if (chosen && isLocale(chosen)) {
      const { t } = await this.language.choose(step.context, chosen);
      await step.context.sendActivity(MessageFactory.text(t('language.changed')));
    }
    return step.endDialog(chosen);
  }
}
