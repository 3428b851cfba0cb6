/**
 * Answers a free-form question and stays open for the next one: the answer, then its follow-ups
 * (and any dialog the article can start) as suggested actions. Picking a follow-up shows that
 * article; typing anything else asks again; "Main menu" returns to the menu.
 */
import { ActivityTypes, MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnLanguage } from '../../bot/i18n/turnLanguage.js';
import type { KnowledgeBase } from '../../bot/knowledge/knowledgeBase.js';
import type { DialogStart } from '../../bot/kernel/contracts.js';
import type { Answer, QuestionService, StartAction } from '../../bot/knowledge/questionService.js';
import { CHOICE, renderAnswer } from '../../bot/knowledge/render.js';
import { ask, LocalizedPrompt, type LocalizedPromptResult } from '../prompts/localizedPrompt.js';

const QUESTION_DIALOG = 'questionDialog';
const STEPS = 'questionSteps';
const PROMPT = 'questionPrompt';

export interface QuestionOptions {
  /** The question as typed. */
  text?: string;
  /** Show this article (a follow-up or a suggested topic). */
  articleId?: string;
  /** Answer for this municipality (the user picked one of the suggestions). */
  municipalityId?: string;
}

export interface QuestionDialogDeps {
  service: QuestionService;
  kb: KnowledgeBase;
  /** The dialogs an article can start (booking, eligibility, privacy); a missing one is not offered. */
  starts: Partial<Record<StartAction, DialogStart>>;
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
      answer = await service.answer(options.text.trim(), locale);
    }
    if (!answer) return step.endDialog();

    const rendered = renderAnswer(answer, {
      t,
      locale,
      canStart: (action) => this.deps.starts[action] !== undefined,
      article: (id) => kb.get(id, locale),
    });
    for (const text of rendered.messages) {
      const message = MessageFactory.text(text);
      message.locale = locale;
      await step.context.sendActivity(message);
    }
    return step.prompt(PROMPT, ask({ kind: 'choice', promptKey: 'knowledge:prompt.more', choices: rendered.choices, allowFreeText: true, takesQuestions: true }));
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
      return step.beginDialog(target.dialogId, target.options);
    }
    return step.replaceDialog(STEPS, { text: result.text } satisfies QuestionOptions);
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog();
  }
}
