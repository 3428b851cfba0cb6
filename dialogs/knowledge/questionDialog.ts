/**
 * Answers a free-form question and stays open for the next one: the answer, then its follow-ups
 * (and any dialog the article can start) as suggested actions. Picking a follow-up shows that
 * article; typing anything else asks again; "Main menu" returns to the menu.
 */
import { ActivityTypes, MessageFactory } from 'botbuilder';
import { municipalityNamed, type ConversationFacts } from '../../bot/conversations/conversationFacts.js';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnLanguage } from '../../bot/i18n/turnLanguage.js';
import type { KnowledgeBase } from '../../bot/knowledge/knowledgeBase.js';
import type { DialogStart } from '../../bot/kernel/contracts.js';
import type { Answer, QuestionService, StartAction } from '../../bot/knowledge/questionService.js';
import { detectedLanguage } from '../../bot/language/turnDetection.js';
import { CHOICE, renderAnswer } from '../../bot/knowledge/render.js';
import { eligibilityAnswersFrom, hasEligibilityFacts } from '../../bot/understanding/eligibilityFacts.js';
import { ask, LocalizedPrompt, type LocalizedPromptResult } from '../prompts/localizedPrompt.js';

const QUESTION_DIALOG = 'questionDialog';
const STEPS = 'questionSteps';
/** The answer's own prompt: text typed there is the next question. */
export const QUESTION_PROMPT = 'questionPrompt';
const PROMPT = QUESTION_PROMPT;

/**
 * What the question hands back: a dialog to start in its place (booking, the eligibility check).
 * The main dialog starts it, so it sits in the dialog set that owns it: begun from inside this
 * component, a language change or "help" could not re-prompt it.
 */
export interface QuestionResult {
  start?: DialogStart;
}

export interface QuestionOptions {
  /** The question as typed. */
  text?: string;
  /** Show this article (a follow-up or a suggested topic). */
  articleId?: string;
  /** Answer for this municipality (the user picked one of the suggestions). */
  municipalityId?: string;
  /** Answers in a row the bot could not give (a clarifying question does not count). */
  misses?: number;
}

/** After this many answers in a row the bot could not give, it offers a person. */
const MISSES_BEFORE_PERSON = 2;

export interface QuestionDialogDeps {
  service: QuestionService;
  kb: KnowledgeBase;
  /** The dialogs an article can start (booking, eligibility, privacy); a missing one is not offered. */
  starts: Partial<Record<StartAction, DialogStart>>;
  /** Live chat with a coach, offered after answers the bot could not give. */
  person?: DialogStart;
  /** Remembers the municipality a question names ("I live in Salo…") for booking and the handoff. */
  facts?: ConversationFacts;
}

export class QuestionDialog extends ComponentDialog {
  constructor(private readonly deps: QuestionDialogDeps) {
    super(QUESTION_DIALOG);
    this.addDialog(new LocalizedPrompt(PROMPT));
    this.addDialog(new WaterfallDialog(STEPS, [this.answerStep.bind(this), this.nextStep.bind(this), this.doneStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as QuestionOptions;
    const { locale, t } = turnLanguage(step.context);
    const { service, kb } = this.deps;
    let answer: Answer | undefined;
    if (options.articleId) answer = service.showArticle(options.articleId, locale);
    else if (options.municipalityId) answer = service.municipalityById(options.municipalityId, locale);
    else if (options.text?.trim()) {
      if (service.generative) await step.context.sendActivity({ type: ActivityTypes.Typing });
      // The language the turn already detected for this text: the service needs it and must not detect it again.
      answer = await service.answer(options.text.trim(), locale, detectedLanguage(step.context, options.text));
      // The options stay in the dialog state while the follow-ups are on screen; the question
      // (the user's own words, perhaps with their name in it) does not need to.
      delete options.text;
    }
    if (!answer) return step.endDialog();
    if ('context' in answer) await this.deps.facts?.rememberMunicipality(step.context, municipalityNamed(answer.context?.entities.municipality));
    const missed = answer.kind === 'notSure' || answer.kind === 'declined';
    const misses = missed ? (options.misses ?? 0) + 1 : answer.kind === 'clarify' ? (options.misses ?? 0) : 0;
    (step.values as { misses?: number }).misses = misses;

    // "I'd like to book a time with my coach" starts booking; "would I have belonged? I'm 35, on
    // Kela's subsidy" starts the check with what was said, so nothing is asked twice.
    const start = answer.kind === 'article' ? answer.start : undefined;
    const target = start ? this.deps.starts[start] : undefined;
    if (answer.kind === 'article' && start && target && answer.context) {
      if (start === 'booking' && answer.context.request) return step.endDialog({ start: target } satisfies QuestionResult);
      if (start === 'eligibility' && hasEligibilityFacts(answer.context.entities)) {
        return step.endDialog({ start: { dialogId: target.dialogId, options: { ...(target.options ?? {}), answers: eligibilityAnswersFrom(answer.context.entities) } } } satisfies QuestionResult);
      }
    }

    const rendered = renderAnswer(answer, {
      t,
      locale,
      canStart: (action) => this.deps.starts[action] !== undefined,
      article: (id) => kb.get(id, locale),
    });
    // The last message carries the follow-ups as its suggested actions.
    const last = rendered.messages.at(-1);
    for (const text of rendered.messages.slice(0, -1)) {
      const message = MessageFactory.text(text);
      message.locale = locale;
      await step.context.sendActivity(message);
    }
    if (misses >= MISSES_BEFORE_PERSON && this.deps.person) {
      // The offer of a person follows the answer itself, which no prompt will carry now.
      if (last) {
        const message = MessageFactory.text(last);
        message.locale = locale;
        await step.context.sendActivity(message);
      }
      return step.replaceDialog(this.deps.person.dialogId, { ...this.deps.person.options, reason: 'fallback' });
    }
    return step.prompt(
      PROMPT,
      ask({ kind: 'choice', promptKey: 'knowledge:prompt.more', firstText: last, choices: rendered.choices, allowFreeText: true, takesQuestions: true }),
    );
  }

  private async nextStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as Exclude<LocalizedPromptResult, boolean>;
    const choice = result.choice;
    if (choice === CHOICE.menu) return step.endDialog();
    if (choice?.startsWith(CHOICE.article)) return step.replaceDialog(STEPS, { articleId: choice.slice(CHOICE.article.length) } satisfies QuestionOptions);
    if (choice?.startsWith(CHOICE.municipality)) {
      return step.replaceDialog(STEPS, { municipalityId: choice.slice(CHOICE.municipality.length) } satisfies QuestionOptions);
    }
    if (choice?.startsWith(CHOICE.start)) {
      const action = choice.slice(CHOICE.start.length) as StartAction;
      const target = this.deps.starts[action];
      // The feature may have gone since the buttons were drawn: show its article instead.
      if (!target) return step.replaceDialog(STEPS, { articleId: action } satisfies QuestionOptions);
      return step.endDialog({ start: target } satisfies QuestionResult);
    }
    return step.replaceDialog(STEPS, { text: result.text, misses: (step.values as { misses?: number }).misses } satisfies QuestionOptions);
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }
}
