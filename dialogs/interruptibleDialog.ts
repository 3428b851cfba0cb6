/**
 * Base for the root dialog: "help", "cancel"/"start over", "menu" and "language" work at any
 * point, in every shipped locale, as in core-bot's CancelAndHelpDialog.
 */
import { ActivityTypes, MessageFactory } from 'botbuilder';
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { CommandWords } from '../bot/i18n/commandWords.js';
import { tr } from '../bot/i18n/turnLanguage.js';

export const LANGUAGE_DIALOG = 'languageDialog';

export abstract class InterruptibleDialog extends ComponentDialog {
  constructor(
    dialogId: string,
    protected readonly commands: CommandWords,
  ) {
    super(dialogId);
  }

  /** Start again from the main menu, after cancel or menu. */
  protected abstract restart(innerDc: DialogContext, reason: 'cancel' | 'menu'): Promise<DialogTurnResult>;

  protected async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = innerDc.context;
    if (activity.type !== ActivityTypes.Message) return undefined;
    const command = this.commands.recognize(activity.text);
    if (!command) return undefined;
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
        return innerDc.beginDialog(LANGUAGE_DIALOG);
    }
  }
}
