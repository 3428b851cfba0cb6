/**
 * The root dialog: a main menu with suggested actions that routes to each feature's dialog.
 * Features register themselves as menu entries; the menu shows only what is wired in.
 */
import { ActivityTypes, MessageFactory } from 'botbuilder';
import { WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CommandWords } from '../../bot/i18n/commandWords.js';
import { tr, turnLanguage } from '../../bot/i18n/turnLanguage.js';
import type { DialogStart, FreeTextHandler, MenuEntry } from '../../bot/kernel/contracts.js';
import { ask, LocalizedPrompt, typedPastButtons, type LocalizedChoice, type LocalizedPromptResult } from '../prompts/localizedPrompt.js';
import { InterruptibleDialog, type InterruptionRoutes } from './interruptibleDialog.js';

const MAIN_DIALOG = 'mainDialog';
const MENU_STEPS = 'mainMenuSteps';
const MENU_PROMPT = 'mainMenuPrompt';

export interface MainMenuOptions {
  /** Set when the menu comes back after a finished task or a cancel. */
  again?: boolean;
  /** Always show the menu, even if the turn carries text (after "menu" or "cancel"). */
  prompt?: boolean;
  /** Go straight to a person (the user asked for one mid-task). */
  person?: boolean;
  /** Start this dialog, which a finished task handed over (a booking request typed as a question). */
  start?: DialogStart;
}

export interface MainDialogDeps {
  commands: CommandWords;
  /** The main menu, in order; "help" and "language" follow. */
  menu: readonly MenuEntry[];
  /** What a message that isn't a menu choice starts (question answering). */
  freeText?: FreeTextHandler;
  /** The dialogs the language and privacy commands start, and the language offer. */
  routes: InterruptionRoutes;
}

export class MainDialog extends InterruptibleDialog {
  private readonly features: readonly MenuEntry[];
  private readonly freeText?: FreeTextHandler;
  /** Prompts that read free text as a question themselves. */
  private readonly questionPrompts: ReadonlySet<string>;

  constructor(deps: MainDialogDeps) {
    super(MAIN_DIALOG, deps.commands, deps.routes);
    this.features = deps.menu;
    this.freeText = deps.freeText;
    this.questionPrompts = new Set([MENU_PROMPT, ...(deps.freeText?.promptIds ?? [])]);
    this.addDialog(new LocalizedPrompt(MENU_PROMPT));
    for (const f of deps.menu) this.addDialog(f.dialog);
    if (deps.freeText) this.addDialog(deps.freeText.dialog);
    this.addDialog(
      new WaterfallDialog(MENU_STEPS, [this.showMenuStep.bind(this), this.routeStep.bind(this), this.nextTaskStep.bind(this)]),
    );
    this.initialDialogId = MENU_STEPS;
  }

  protected async restart(innerDc: DialogContext, reason: 'cancel' | 'menu'): Promise<DialogTurnResult> {
    return innerDc.beginDialog(MENU_STEPS, { again: reason === 'cancel', prompt: true } satisfies MainMenuOptions);
  }

  protected async startPerson(innerDc: DialogContext): Promise<DialogTurnResult> {
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(MENU_STEPS, { person: true } satisfies MainMenuOptions);
  }

  /**
   * Free text works at every step: a question or a booking request typed at a button prompt
   * (after a result, at a choice) is answered from the start of the menu, as a first message
   * would be. The menu and the answer's own prompt already take questions, so they are left alone.
   */
  protected async redirect(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const recognizes = this.freeText?.recognizes;
    if (!recognizes || !typedPastButtons(innerDc, this.questionPrompts)) return undefined;
    const text = (innerDc.context.activity.text ?? '').trim();
    if (!recognizes(text, turnLanguage(innerDc.context).locale)) return undefined;
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(MENU_STEPS, {} satisfies MainMenuOptions);
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
    if (options.person && this.routes.person) return step.beginDialog(this.routes.person.dialog.id, { reason: 'asked' });
    if (options.start) return step.beginDialog(options.start.dialogId, options.start.options);
    // A message that starts a fresh conversation is answered, not ignored behind the menu.
    if (!options.again && !options.prompt && activity.type === ActivityTypes.Message && activity.text?.trim()) {
      const text = activity.text.trim();
      // Written in another language: offer to switch first, then answer the message.
      const intent = this.commands.recognize(text) ? undefined : await this.languageSwitch?.read(step.context, text);
      if (intent?.kind === 'offer') return this.offerLanguage(step, intent.locale, text);
      if (intent?.kind === 'menu') return step.next({ choice: 'language', text });
      if (intent?.kind === 'switch') {
        await this.switchLanguage(step.context, intent.locale);
        return step.replaceDialog(MENU_STEPS, { prompt: true } satisfies MainMenuOptions);
      }
      return step.next({ text });
    }
    return step.prompt(
      MENU_PROMPT,
      ask({ kind: 'choice', promptKey: options.again ? 'menu.promptAgain' : 'menu.prompt', choices: this.menuChoices(), allowFreeText: true, takesQuestions: true }),
    );
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // The handed-over dialog or the person dialog has ended: nothing to route.
    const started = step.options as MainMenuOptions | undefined;
    if (started?.start || (started?.person && this.routes.person)) return step.next(step.result);
    // A first message that brought the language offer comes back as plain text once the offer is answered.
    const result = typeof step.result === 'string' ? { text: step.result } : (step.result as Exclude<LocalizedPromptResult, boolean>);
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
    if ((command === 'showData' || command === 'deleteData') && this.handles(command)) {
      const started = await this.startCommand(step, command);
      if (started) return started;
    }
    if (choice === 'help') {
      await step.context.sendActivity(MessageFactory.text(t('help.text')));
      return step.next();
    }
    if (choice === 'language' && this.handles('language')) return (await this.startCommand(step, 'language')) ?? step.next();
    if (!choice && !command && this.routes.person?.recognizer.recognize(result.text)) return step.beginDialog(this.routes.person.dialog.id, { reason: 'asked' });
    const feature = this.features.find((f) => f.id === choice);
    if (feature) return step.beginDialog(feature.dialog.id, feature.options);
    if (this.freeText) return step.beginDialog(this.freeText.dialog.id, this.freeText.options(result.text));
    await step.context.sendActivity(MessageFactory.text(t('fallback.notUnderstood')));
    return step.next();
  }

  private async nextTaskStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // A live chat that ended while the user was writing: the bot answers that message.
    if ((step.result as { handBack?: boolean } | undefined)?.handBack) return step.replaceDialog(MENU_STEPS, {} satisfies MainMenuOptions);
    const handedOver = (step.result as { start?: DialogStart } | undefined)?.start;
    if (handedOver) return step.replaceDialog(MENU_STEPS, { start: handedOver } satisfies MainMenuOptions);
    return step.replaceDialog(MENU_STEPS, { again: true } satisfies MainMenuOptions);
  }
}
