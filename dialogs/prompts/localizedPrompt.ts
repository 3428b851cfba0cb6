/**
 * One prompt for every locale. botbuilder's Choice and Confirm prompts only know a few
 * cultures, and they store the rendered prompt text, so a reprompt after a language change
 * would repeat the old language. This prompt stores translation keys instead and renders
 * them in the turn's language each time it asks.
 */
import { ActionTypes, ActivityTypes, MessageFactory, type CardAction, type TurnContext } from 'botbuilder';
import { Prompt, type DialogContext, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from 'botbuilder-dialogs';
import { tr, turnLanguage } from '../../bot/i18n/turnLanguage.js';
import { recognizeChoice, recognizeYesNo } from './recognizers.js';

export interface LocalizedChoice {
  /** Returned as the prompt's result when chosen. */
  value: string;
  /** Translation key of the label, or a literal label (names of languages, times). */
  labelKey?: string;
  label?: string;
  labelArgs?: Record<string, unknown>;
}

export interface LocalizedPromptSpec {
  kind: 'text' | 'choice' | 'confirm';
  promptKey: string;
  promptArgs?: Record<string, unknown>;
  /**
   * Text already written for this turn (an answer) that carries the choices the first time, so
   * no separate "choose below" bubble follows it. Later asks (a retry, a language change) use
   * promptKey.
   */
  firstText?: string;
  retryKey?: string;
  choices?: LocalizedChoice[];
  /** For choice prompts: free text that matches no choice is returned as { text }. */
  allowFreeText?: boolean;
  /**
   * The free text typed here is a question for the bot (the main menu, a follow-up), not data
   * such as a note or a name: a message in another language may bring the language offer.
   */
  takesQuestions?: boolean;
}

export type LocalizedPromptResult = { choice: string; text: string } | { choice?: undefined; text: string } | boolean;

/** Builds the PromptOptions for a LocalizedPrompt; the spec rides in `validations`. */
export function ask(spec: LocalizedPromptSpec): PromptOptions {
  return { validations: spec };
}

export function choiceLabel(context: TurnContext, choice: LocalizedChoice): string {
  if (choice.labelKey) return String(tr(context)(choice.labelKey, choice.labelArgs ?? {}));
  return choice.label ?? choice.value;
}

function suggestedActions(context: TurnContext, choices: LocalizedChoice[]): CardAction[] {
  return choices.map((c) => {
    const label = choiceLabel(context, c);
    return { type: ActionTypes.ImBack, title: label, value: label };
  });
}

export class LocalizedPrompt extends Prompt<LocalizedPromptResult> {
  constructor(dialogId: string, validator?: PromptValidator<LocalizedPromptResult>) {
    super(dialogId, validator);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const spec = options.validations as LocalizedPromptSpec;
    const t = tr(context);
    const key = isRetry && spec.retryKey ? spec.retryKey : spec.promptKey;
    const text = !isRetry && spec.firstText ? spec.firstText : String(t(key, spec.promptArgs ?? {}));
    // The options live in dialog state: once shown, the answer is not repeated on a re-ask.
    delete spec.firstText;
    const choices = spec.kind === 'confirm' ? yesNoChoices() : (spec.choices ?? []);
    const message = MessageFactory.text(text, text);
    message.locale = turnLanguage(context).locale;
    if (choices.length > 0) message.suggestedActions = { to: [], actions: suggestedActions(context, choices) };
    await context.sendActivity(message);
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<LocalizedPromptResult>> {
    const spec = options.validations as LocalizedPromptSpec;
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message) return { succeeded: false };
    // Adaptive Card submits and postBack values arrive in `value`.
    const submitted = typeof activity.value === 'object' && activity.value !== null ? (activity.value as { choice?: unknown }).choice : undefined;
    const text = (activity.text ?? '').trim();
    if (spec.kind === 'text') return text ? { succeeded: true, value: { text } } : { succeeded: false };
    if (spec.kind === 'confirm') {
      const yes = recognizeYesNo(text, turnLanguage(context).locale);
      return yes === undefined ? { succeeded: false } : { succeeded: true, value: yes };
    }
    const choices = spec.choices ?? [];
    if (typeof submitted === 'string' && choices.some((c) => c.value === submitted)) {
      return { succeeded: true, value: { choice: submitted, text } };
    }
    if (!text) return { succeeded: false };
    const labels = choices.map((c) => choiceLabel(context, c));
    const index = recognizeChoice(text, labels, turnLanguage(context).locale);
    if (index !== undefined) return { succeeded: true, value: { choice: choices[index].value, text } };
    return spec.allowFreeText ? { succeeded: true, value: { text } } : { succeeded: false };
  }
}

/** The dialog context of the innermost dialog in progress. */
export function innermost(dc: DialogContext): DialogContext {
  let leaf = dc;
  while (leaf.child) leaf = leaf.child;
  return leaf;
}

/**
 * True when the innermost dialog in progress is a LocalizedPrompt waiting for the user's own words
 * (a note, a name, an address, an age) rather than a question or a button.
 */
export function awaitsFreeText(dc: DialogContext): boolean {
  const leaf = innermost(dc);
  const instance = leaf.activeDialog;
  if (!instance) return false;
  const dialog = leaf.findDialog(instance.id);
  // A live chat with a person: everything typed is for them.
  if ((dialog as { keepsUserWords?: boolean } | undefined)?.keepsUserWords === true) return true;
  if (!(dialog instanceof LocalizedPrompt)) return false;
  const spec = (instance.state as { options?: PromptOptions }).options?.validations as LocalizedPromptSpec | undefined;
  if (!spec || spec.takesQuestions) return false;
  return spec.kind === 'text' || (spec.kind === 'choice' && spec.allowFreeText === true);
}

function yesNoChoices(): LocalizedChoice[] {
  return [
    { value: 'yes', labelKey: 'common:choices.yes' },
    { value: 'no', labelKey: 'common:choices.no' },
  ];
}

/**
 * True when the innermost dialog is a button prompt (one that takes questions, or takes no free
 * text at all) and the message matches none of its buttons: the text may be a question or a
 * request instead. Prompts that ask for the user's own words (a note, a name, an age) are never
 * reported, so their text stays their answer.
 */
export function typedPastButtons(dc: DialogContext, skipPromptIds: ReadonlySet<string>): boolean {
  const leaf = innermost(dc);
  const instance = leaf.activeDialog;
  if (!instance || skipPromptIds.has(instance.id) || !(leaf.findDialog(instance.id) instanceof LocalizedPrompt)) return false;
  const spec = (instance.state as { options?: PromptOptions }).options?.validations as LocalizedPromptSpec | undefined;
  if (!spec || spec.kind !== 'choice' || (spec.allowFreeText && !spec.takesQuestions)) return false;
  const { context } = dc;
  const text = (context.activity.text ?? '').trim();
  if (context.activity.type !== ActivityTypes.Message || !text || context.activity.value) return false;
  const labels = (spec.choices ?? []).map((c) => choiceLabel(context, c));
  return recognizeChoice(text, labels, turnLanguage(context).locale) === undefined;
}
