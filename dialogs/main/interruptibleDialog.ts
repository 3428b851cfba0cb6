/**
 * Base for the root dialog: "help", "cancel"/"start over", "menu", "language", "show my data"
 * and "delete my data" work at any point, in every shipped locale, as in core-bot's
 * CancelAndHelpDialog. With a language-switch advisor it also switches on "in English"/"suomeksi"
 * and offers to switch when the user writes in another language, without losing the dialog in
 * progress.
 *
 * It knows no specific dialog: the composition root hands it the dialog each command starts.
 */
import { ActivityTypes, MessageFactory, TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnStatus, type Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Command, CommandWords } from '../../bot/i18n/commandWords.js';
import type { Locale } from '../../bot/i18n/locales.js';
import { tr } from '../../bot/i18n/turnLanguage.js';
import type { LanguageSwitchAdvisor, PendingOffer } from '../../bot/language/languageSwitch.js';
import { sendLanguageOffer } from '../language/languageOffer.js';
import { awaitsFreeText, innermost } from '../prompts/localizedPrompt.js';

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
  /** "Would you like to continue in English?": the advisor that decides when to ask. */
  languageOffer?: { advisor: LanguageSwitchAdvisor };
  /** "Can I talk to a person?": the recogniser and the dialog it starts (live chat with a coach). */
  person?: PersonRoute;
}

export interface PersonRoute {
  recognizer: { recognize(text: string | undefined): boolean };
  dialog: Dialog;
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
    if (routes.person) this.addDialog(routes.person.dialog);
  }

  /** Hands the user to a person: the task in progress makes way. */
  protected abstract startPerson(innerDc: DialogContext): Promise<DialogTurnResult>;

  /** Switches to `locale` at once and says so in the new language. */
  protected async switchLanguage(context: DialogContext['context'], locale: Locale): Promise<void> {
    if (!this.languageSwitch) return;
    const { t } = await this.languageSwitch.accept(context, locale);
    await context.sendActivity(MessageFactory.text(String(t('language.changed'))));
  }

  /** A message typed at a button prompt that is really a question or request: answer it instead (undefined: not one). */
  protected async redirect(_innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    return undefined;
  }

  /** Start again from the main menu, after cancel or menu. */
  protected abstract restart(innerDc: DialogContext, reason: 'cancel' | 'menu'): Promise<DialogTurnResult>;

  protected async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    this.languageSwitch?.watchReplies(innerDc.context);
    return super.onBeginDialog(innerDc, options);
  }

  protected async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    this.languageSwitch?.watchReplies(innerDc.context);
    const pending = await this.languageSwitch?.pendingOffer(innerDc.context);
    if (pending) {
      const settled = await this.settleOffer(innerDc, pending);
      if (settled === 'asked') return { status: DialogTurnStatus.waiting };
      // The message that caused the offer now reaches the dialog underneath, as if just typed.
      if (settled === 'replay') return super.onContinueDialog(innerDc);
      if (settled === 'switched') return this.announcingSwitch(innerDc, () => super.onContinueDialog(innerDc));
    }
    const interrupted = (await this.interrupt(innerDc)) ?? (await this.redirect(innerDc));
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  /**
   * The user's answer to the language offer on screen. Yes switches and no declines; either way
   * the message that caused the offer replaces this one, so the prompt it was typed at gets it as
   * its answer. Anything else is asked about once more, then the offer is let go and the message
   * that caused it is handled in the current language; a command drops the offer at once.
   */
  private async settleOffer(innerDc: DialogContext, pending: PendingOffer): Promise<'asked' | 'replay' | 'switched' | 'dropped'> {
    const advisor = this.languageSwitch!;
    const { activity } = innerDc.context;
    if (activity.type !== ActivityTypes.Message) return 'asked';
    const text = (activity.text ?? '').trim();
    const answer = advisor.answerTo(innerDc.context, text, pending.locale);
    if (answer === undefined && this.commands.recognize(text)) {
      await advisor.dropOffer(innerDc.context);
      return 'dropped';
    }
    if (answer === undefined && pending.attempts < 1) {
      await advisor.holdOffer(innerDc.context, { ...pending, attempts: pending.attempts + 1 });
      await sendLanguageOffer(innerDc.context, advisor, pending.locale, true);
      return 'asked';
    }
    await advisor.dropOffer(innerDc.context);
    activity.text = pending.text;
    // Two answers that were neither: the offer is let go, and the message stays in the current language.
    if (answer === undefined) return 'replay';
    if (answer) {
      await advisor.accept(innerDc.context, pending.locale);
      return 'switched';
    }
    await advisor.decline(innerDc.context, pending.locale);
    return 'replay';
  }

  /**
   * Runs `turn` and says "we continue in <language>" before whatever it sends. The message goes
   * out with the turn's first reply rather than before the turn, because a prompt only asks again
   * on a turn that has not yet replied.
   */
  private async announcingSwitch(innerDc: DialogContext, turn: () => Promise<DialogTurnResult>): Promise<DialogTurnResult> {
    const { context } = innerDc;
    const announcement = MessageFactory.text(String(tr(context)('language.changed')));
    let announced = false;
    context.onSendActivities(async (ctx, activities, next) => {
      if (!announced) {
        announced = true;
        // The turn has already addressed its own activities; this one needs the same address, or
        // a real channel (not the test adapter) cannot send it and the whole turn fails.
        activities.unshift(TurnContext.applyConversationReference({ ...announcement }, TurnContext.getConversationReference(ctx.activity)));
      }
      return next();
    });
    const result = await turn();
    if (!announced) {
      announced = true;
      await context.sendActivity(announcement);
    }
    return result;
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
      // The language menu asked again is re-shown.
      if (active === route.dialog.id) {
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      }
    }
    return innerDc.beginDialog(route.dialog.id, route.options);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = innerDc.context;
    if (activity.type !== ActivityTypes.Message) return undefined;
    const command = this.commands.recognize(activity.text);
    if (!command && this.asksForPerson(innerDc)) return this.startPerson(innerDc);
    if (!command) return this.languageIntent(innerDc);
    const t = tr(innerDc.context);
    switch (command) {
      case 'help':
        await innerDc.context.sendActivity(MessageFactory.text(t('help.text')));
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'cancel':
      case 'menu':
        // A live chat with a person is not thrown away by "menu": that dialog answers it.
        if (await holdsCommands(innerDc)) return undefined;
        await innerDc.cancelAllDialogs();
        if (command === 'cancel') await innerDc.context.sendActivity(MessageFactory.text(t('cancel.done')));
        return this.restart(innerDc, command);
      default:
        // The user's rights and the language menu work mid-task: the task resumes afterwards.
        return this.startCommand(innerDc, command);
    }
  }

  /** A request for a person, unless typed as data (a note, a name) or already on the way to one. */
  private asksForPerson(innerDc: DialogContext): boolean {
    const person = this.routes.person;
    if (!person || awaitsFreeText(innerDc)) return false;
    if (innerDc.stack.some((i) => i.id === person.dialog.id)) return false;
    return person.recognizer.recognize(innerDc.context.activity.text);
  }

  /** "change the language please", "in English", or a message in another language. */
  private async languageIntent(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const active = innerDc.activeDialog?.id;
    const offer = this.routes.languageOffer;
    if (!offer || active === this.routes.commands.language?.dialog.id) return undefined;
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
        // A note, a name or an address is the user's own text, whatever it looks like: never hijack it.
        if (awaitsFreeText(innerDc)) return undefined;
        return this.offerLanguage(innerDc, intent.locale, innerDc.context.activity.text ?? '');
    }
  }

  /** Asks whether to continue in `locale`, keeping `text` to hand to the dialog in progress once answered. */
  protected async offerLanguage(innerDc: DialogContext, locale: Locale, text: string): Promise<DialogTurnResult> {
    const advisor = this.languageSwitch;
    if (!advisor) return { status: DialogTurnStatus.waiting };
    await advisor.holdOffer(innerDc.context, { locale, text, attempts: 0 });
    await sendLanguageOffer(innerDc.context, advisor, locale, false);
    return { status: DialogTurnStatus.waiting };
  }
}

/** A dialog that answers "menu" and "cancel" itself while `instance` is in progress. */
interface CommandHolder {
  holdsCommands(instance: DialogInstance): Promise<boolean>;
}

async function holdsCommands(dc: DialogContext): Promise<boolean> {
  const leaf = innermost(dc);
  const instance = leaf.activeDialog;
  const dialog = instance ? (leaf.findDialog(instance.id) as Partial<CommandHolder> | undefined) : undefined;
  return typeof dialog?.holdsCommands === 'function' && (await dialog.holdsCommands(instance!));
}
