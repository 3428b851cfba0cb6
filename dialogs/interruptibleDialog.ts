/**
 * Base for the root dialog: "help", "cancel"/"start over", "menu", "language", "show my data"
 * and "delete my data" work at any point, in every shipped locale, as in core-bot's CancelAndHelpDialog. With a language-switch
 * advisor it also switches on "in English"/"suomeksi" and offers to switch when the user writes
 * in another language, without losing the dialog in progress.
 */
import { ActivityTypes, MessageFactory } from 'botbuilder';
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { CommandWords } from '../bot/i18n/commandWords.js';
import type { LanguageSwitchAdvisor } from '../bot/i18n/languageSwitch.js';
import type { Locale } from '../bot/i18n/locales.js';
import { tr } from '../bot/i18n/turnLanguage.js';
import { LANGUAGE_SWITCH_DIALOG, type LanguageSwitchOptions } from './languageSwitchDialog.js';
import { PRIVACY_DIALOG, type PrivacyDialogOptions } from './privacyDialog.js';

export const LANGUAGE_DIALOG = 'languageDialog';

export abstract class InterruptibleDialog extends ComponentDialog {
  constructor(
    dialogId: string,
    protected readonly commands: CommandWords,
    protected readonly languageSwitch?: LanguageSwitchAdvisor,
  ) {
    super(dialogId);
  }

  /** Switches to `locale` at once and says so in the new language. */
  protected async switchLanguage(context: DialogContext['context'], locale: Locale): Promise<void> {
    if (!this.languageSwitch) return;
    const { t } = await this.languageSwitch.accept(context, locale);
    await context.sendActivity(MessageFactory.text(String(t('language.changed'))));
  }

  /** Start again from the main menu, after cancel or menu. */
  protected abstract restart(innerDc: DialogContext, reason: 'cancel' | 'menu'): Promise<DialogTurnResult>;

  protected async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    this.languageSwitch?.watchReplies(innerDc.context);
    return super.onBeginDialog(innerDc, options);
  }

  protected async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    this.languageSwitch?.watchReplies(innerDc.context);
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = innerDc.context;
    if (activity.type !== ActivityTypes.Message) return undefined;
    const command = this.commands.recognize(activity.text);
    if (!command) return this.languageIntent(innerDc);
    const t = tr(innerDc.context);
    switch (command) {
      case 'help':
        await innerDc.context.sendActivity(MessageFactory.text(t('help.text')));
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'cancel':
      case 'menu':
        await innerDc.cancelAllDialogs();
        if (command === 'cancel') await innerDc.context.sendActivity(MessageFactory.text(t('cancel.done')));
        return this.restart(innerDc, command);
      case 'language':
        // The language menu goes on top; the dialog underneath resumes and re-asks in the new language.
        if (innerDc.activeDialog?.id === LANGUAGE_DIALOG) {
          await innerDc.repromptDialog();
          return { status: DialogTurnStatus.waiting };
        }
        // Asked for the menu instead of answering the switch offer: the menu replaces the offer.
        if (innerDc.activeDialog?.id === LANGUAGE_SWITCH_DIALOG) return innerDc.replaceDialog(LANGUAGE_DIALOG);
        return innerDc.beginDialog(LANGUAGE_DIALOG);
      case 'showData':
      case 'deleteData':
        // The user's rights work mid-task: the task resumes afterwards (an erasure ends it).
        if (!innerDc.findDialog(PRIVACY_DIALOG)) return undefined;
        return innerDc.beginDialog(PRIVACY_DIALOG, { action: command === 'showData' ? 'show' : 'delete' } satisfies PrivacyDialogOptions);
    }
  }

  /** "change the language please", "in English", or a message in another language. */
  private async languageIntent(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const active = innerDc.activeDialog?.id;
    if (!this.languageSwitch || active === LANGUAGE_DIALOG || active === LANGUAGE_SWITCH_DIALOG) return undefined;
    const intent = await this.languageSwitch.read(innerDc.context, innerDc.context.activity.text);
    switch (intent?.kind) {
      case undefined:
        return undefined;
      case 'menu':
        return innerDc.beginDialog(LANGUAGE_DIALOG);
      case 'switch':
        await this.switchLanguage(innerDc.context, intent.locale);
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'offer':
        return this.offerLanguage(innerDc, intent.locale, innerDc.context.activity.text);
    }
  }

  /** Offers `locale` on top of the dialog in progress; the message rides along for a dialog that takes free text. */
  protected async offerLanguage(innerDc: DialogContext, locale: Locale, text: string | undefined): Promise<DialogTurnResult> {
    return innerDc.beginDialog(LANGUAGE_SWITCH_DIALOG, { locale, text } satisfies LanguageSwitchOptions);
  }
}
