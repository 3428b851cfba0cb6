/**
 * Base for the root dialog: "help", "cancel"/"start over", "menu", "language", "show my data"
 * and "delete my data" work at any point, in every shipped locale, as in core-bot's
 * CancelAndHelpDialog. With a language-switch advisor it also switches on "in English"/"suomeksi"
 * and offers to switch when the user writes in another language, without losing the dialog in
 * progress.
 *
 * It knows no specific dialog: the composition root hands it the dialog each command starts.
 */
import { ActivityTypes, MessageFactory } from 'botbuilder';
import { ComponentDialog, DialogTurnStatus, type Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Command, CommandWords } from '../../bot/i18n/commandWords.js';
import type { Locale } from '../../bot/i18n/locales.js';
import { tr } from '../../bot/i18n/turnLanguage.js';
import type { LanguageSwitchAdvisor } from '../../bot/language/languageSwitch.js';

/** The commands that start a dialog on top of the task in progress. */
export type DialogCommand = Extract<Command, 'language' | 'showData' | 'deleteData'>;

export interface CommandDialog {
  dialog: Dialog;
  options?: object;
}

/** What the composition root plugs into the interruption layer. */
export interface InterruptionRoutes {
  /** The dialog each command starts; a command without one is not an interruption. */
  commands: Partial<Record<DialogCommand, CommandDialog>>;
  /** "Would you like to continue in English?": the advisor and the dialog that asks. */
  languageOffer?: { advisor: LanguageSwitchAdvisor; dialog: Dialog };
}

/** Options of the language-offer dialog: the offered locale and the message that showed it. */
export interface LanguageOfferOptions {
  locale: Locale;
  text?: string;
}

export abstract class InterruptibleDialog extends ComponentDialog {
  protected readonly languageSwitch?: LanguageSwitchAdvisor;

  constructor(
    dialogId: string,
    protected readonly commands: CommandWords,
    protected readonly routes: InterruptionRoutes,
  ) {
    super(dialogId);
    this.languageSwitch = routes.languageOffer?.advisor;
    for (const route of Object.values(routes.commands)) if (route) this.addDialog(route.dialog);
    if (routes.languageOffer) this.addDialog(routes.languageOffer.dialog);
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

  /** True when `command` starts a dialog here. */
  protected handles(command: Command): command is DialogCommand {
    return command in this.routes.commands && this.routes.commands[command as DialogCommand] !== undefined;
  }

  /**
   * Starts the dialog a command names, on top of whatever is in progress: the one place where a
   * command becomes a dialog, for a command typed mid-task and for a first message alike.
   */
  protected async startCommand(innerDc: DialogContext, command: DialogCommand): Promise<DialogTurnResult | undefined> {
    const route = this.routes.commands[command];
    if (!route) return undefined;
    const active = innerDc.activeDialog?.id;
    if (command === 'language') {
      // The language menu asked again is re-shown; over the switch offer it replaces the offer.
      if (active === route.dialog.id) {
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      }
      if (active !== undefined && active === this.routes.languageOffer?.dialog.id) return innerDc.replaceDialog(route.dialog.id, route.options);
    }
    return innerDc.beginDialog(route.dialog.id, route.options);
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
      default:
        // The user's rights and the language menu work mid-task: the task resumes afterwards.
        return this.startCommand(innerDc, command);
    }
  }

  /** "change the language please", "in English", or a message in another language. */
  private async languageIntent(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const active = innerDc.activeDialog?.id;
    const offer = this.routes.languageOffer;
    if (!offer || active === offer.dialog.id || active === this.routes.commands.language?.dialog.id) return undefined;
    const intent = await offer.advisor.read(innerDc.context, innerDc.context.activity.text);
    switch (intent?.kind) {
      case undefined:
        return undefined;
      case 'menu':
        return this.startCommand(innerDc, 'language');
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
    const offer = this.routes.languageOffer;
    if (!offer) return { status: DialogTurnStatus.waiting };
    return innerDc.beginDialog(offer.dialog.id, { locale, text } satisfies LanguageOfferOptions);
  }
}
