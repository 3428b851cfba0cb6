/**
 * The root dialog: a main menu with suggested actions that routes to each feature's dialog.
 * Features register themselves as menu entries; the menu shows only what is wired in.
 */
import { ActivityTypes, MessageFactory, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import {
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type Dialog,
  type DialogContext,
  type DialogState,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { CommandWords } from '../bot/i18n/commandWords.js';
import type { LanguageSwitchAdvisor } from '../bot/i18n/languageSwitch.js';
import type { Locale } from '../bot/i18n/locales.js';
import { tr } from '../bot/i18n/turnLanguage.js';
import { InterruptibleDialog } from './interruptibleDialog.js';
import type { LanguageDialog } from './languageDialog.js';
import { LANGUAGE_SWITCH_DIALOG, LanguageSwitchDialog, type LanguageSwitchOptions } from './languageSwitchDialog.js';
import { PRIVACY_DIALOG, type PrivacyDialogOptions } from './privacyDialog.js';
import { ask, LocalizedPrompt, type LocalizedChoice, type LocalizedPromptResult } from './prompts/localizedPrompt.js';

export const MAIN_DIALOG = 'mainDialog';
const MENU_STEPS = 'mainMenuSteps';
const MENU_PROMPT = 'mainMenuPrompt';

/** A main-menu entry contributed by a feature. */
export interface MenuFeature {
  id: string;
  labelKey: string;
  dialog: Dialog;
  /** Options passed to the dialog when the entry is chosen. */
  options?: object;
}

/** Handles a message that isn't a menu choice (the question-answering feature plugs in here). */
export interface FreeTextHandler {
  dialog: Dialog;
  options(text: string): object;
}

export interface MainMenuOptions {
  /** Set when the menu comes back after a finished task or a cancel. */
  again?: boolean;
  /** Always show the menu, even if the turn carries text (after "menu" or "cancel"). */
  prompt?: boolean;
}

export class MainDialog extends InterruptibleDialog {
  private readonly features: MenuFeature[];

  constructor(
    commands: CommandWords,
    languageDialog: LanguageDialog,
    features: MenuFeature[] = [],
    private readonly freeText?: FreeTextHandler,
    languageSwitch?: LanguageSwitchAdvisor,
  ) {
    super(MAIN_DIALOG, commands, languageSwitch);
    this.features = features;
    this.addDialog(new LocalizedPrompt(MENU_PROMPT));
    this.addDialog(languageDialog);
    if (languageSwitch) this.addDialog(new LanguageSwitchDialog(languageSwitch));
    for (const f of features) this.addDialog(f.dialog);
    if (freeText) this.addDialog(freeText.dialog);
    this.addDialog(
      new WaterfallDialog(MENU_STEPS, [this.showMenuStep.bind(this), this.routeStep.bind(this), this.nextTaskStep.bind(this)]),
    );
    this.initialDialogId = MENU_STEPS;
  }

  /** runDialog for the root: continue the active dialog, or begin at the menu. */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const set = new DialogSet(accessor);
    set.add(this);
    const dc = await set.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  /**
   * At the main menu a message in another language is a question: start the menu over so that
   * it makes the offer and then answers the message (a prompt underneath would only ask again).
   */
  protected async offerLanguage(innerDc: DialogContext, locale: Locale, text: string | undefined): Promise<DialogTurnResult> {
    if (!this.freeText || innerDc.activeDialog?.id !== MENU_PROMPT) return super.offerLanguage(innerDc, locale, text);
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(MENU_STEPS, {} satisfies MainMenuOptions);
  }

  protected async restart(innerDc: DialogContext, reason: 'cancel' | 'menu'): Promise<DialogTurnResult> {
    return innerDc.beginDialog(MENU_STEPS, { again: reason === 'cancel', prompt: true } satisfies MainMenuOptions);
  }

  menuChoices(): LocalizedChoice[] {
    return [
      ...this.features.map((f) => ({ value: f.id, labelKey: f.labelKey })),
      { value: 'help', labelKey: 'menu.help' },
      { value: 'language', labelKey: 'menu.language' },
    ];
  }

  private async showMenuStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as MainMenuOptions;
    const { activity } = step.context;
    // A message that starts a fresh conversation is answered, not ignored behind the menu.
    if (!options.again && !options.prompt && activity.type === ActivityTypes.Message && activity.text?.trim()) {
      const text = activity.text.trim();
      // Written in another language: offer to switch first, then answer the message.
      const intent = this.commands.recognize(text) ? undefined : await this.languageSwitch?.read(step.context, text);
      if (intent?.kind === 'offer') return step.beginDialog(LANGUAGE_SWITCH_DIALOG, { locale: intent.locale, text } satisfies LanguageSwitchOptions);
      if (intent?.kind === 'menu') return step.next({ choice: 'language', text });
      if (intent?.kind === 'switch') {
        await this.switchLanguage(step.context, intent.locale);
        return step.replaceDialog(MENU_STEPS, { prompt: true } satisfies MainMenuOptions);
      }
      return step.next({ text });
    }
    return step.prompt(
      MENU_PROMPT,
      ask({ kind: 'choice', promptKey: options.again ? 'menu.promptAgain' : 'menu.prompt', choices: this.menuChoices(), allowFreeText: true }),
    );
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as Exclude<LocalizedPromptResult, boolean>;
    let choice = result.choice;
    if (!choice) {
      // A typed first message may still be a menu label ("Vaihda kieli").
      const match = this.menuChoices().find((c) => String(tr(step.context)(c.labelKey!)).toLowerCase() === result.text.toLowerCase());
      choice = match?.value;
    }
    const t = tr(step.context);
    // A command typed as the very first message (the interruption layer only sees later turns).
    const command = choice ? undefined : this.commands.recognize(result.text);
    if (command === 'language') choice = 'language';
    if (command === 'help') choice = 'help';
    if (command === 'menu' || command === 'cancel') return step.replaceDialog(MENU_STEPS, { prompt: true } satisfies MainMenuOptions);
    if ((command === 'showData' || command === 'deleteData') && step.findDialog(PRIVACY_DIALOG)) {
      return step.beginDialog(PRIVACY_DIALOG, { action: command === 'showData' ? 'show' : 'delete' } satisfies PrivacyDialogOptions);
    }
    if (choice === 'help') {
      await step.context.sendActivity(MessageFactory.text(t('help.text')));
      return step.next();
    }
    if (choice === 'language') return step.beginDialog('languageDialog');
    const feature = this.features.find((f) => f.id === choice);
    if (feature) return step.beginDialog(feature.dialog.id, feature.options);
    if (this.freeText) return step.beginDialog(this.freeText.dialog.id, this.freeText.options(result.text));
    await step.context.sendActivity(MessageFactory.text(t('fallback.notUnderstood')));
    return step.next();
  }

  private async nextTaskStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(MENU_STEPS, { again: true } satisfies MainMenuOptions);
  }
}
