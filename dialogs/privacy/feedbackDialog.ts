/** Feedback to the service team (accessibility, privacy or anything else), with an optional contact for a reply. */
import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnLanguage } from '../../bot/i18n/turnLanguage.js';
import { turnLogger } from '../../bot/observability/correlation.js';
import { FEEDBACK_TOPICS, MAX_CONTACT_CHARS, MAX_FEEDBACK_CHARS, type FeedbackTopic } from '../../bot/privacy/feedback.js';
import type { PrivacyActions } from '../../bot/privacy/privacyActions.js';
import { ask, LocalizedPrompt, type LocalizedPromptResult } from '../prompts/localizedPrompt.js';

const FEEDBACK_DIALOG = 'feedbackDialog';
const STEPS = 'feedbackSteps';
const PROMPT = 'feedbackPrompt';

interface FeedbackDraft {
  topic: FeedbackTopic;
  message: string;
}

export class FeedbackDialog extends ComponentDialog {
  constructor(private readonly actions: PrivacyActions) {
    super(FEEDBACK_DIALOG);
    this.addDialog(new LocalizedPrompt(PROMPT));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.askTopicStep.bind(this),
        this.askMessageStep.bind(this),
        this.askWantsReplyStep.bind(this),
        this.askContactStep.bind(this),
        this.sendStep.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private draft(step: WaterfallStepContext): FeedbackDraft {
    return step.values as FeedbackDraft;
  }

  private async askTopicStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(
      PROMPT,
      ask({
        kind: 'choice',
        promptKey: 'privacy:feedback.askTopic',
        retryKey: 'privacy:feedback.retryTopic',
        choices: FEEDBACK_TOPICS.map((topic) => ({ value: topic, labelKey: `privacy:feedback.topic.${topic}` })),
      }),
    );
  }

  private async askMessageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    this.draft(step).topic = (step.result as { choice: FeedbackTopic }).choice;
    return step.prompt(PROMPT, ask({ kind: 'text', promptKey: 'privacy:feedback.askMessage' }));
  }

  private async askWantsReplyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = (step.result as Exclude<LocalizedPromptResult, boolean>).text;
    if (text.length > MAX_FEEDBACK_CHARS) {
      await step.context.sendActivity(MessageFactory.text(String(turnLanguage(step.context).t('privacy:feedback.tooLong', { max: MAX_FEEDBACK_CHARS }))));
      return step.endDialog();
    }
    this.draft(step).message = text;
    return step.prompt(PROMPT, ask({ kind: 'confirm', promptKey: 'privacy:feedback.askReply', retryKey: 'privacy:feedback.retryReply' }));
  }

  private async askContactStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== true) return step.next(undefined);
    return step.prompt(PROMPT, ask({ kind: 'text', promptKey: 'privacy:feedback.askContact' }));
  }

  private async sendStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { locale, t } = turnLanguage(step.context);
    const contact = (step.result as { text?: string } | undefined)?.text?.slice(0, MAX_CONTACT_CHARS);
    const { topic, message } = this.draft(step);
    try {
      const { channelId, conversation, from } = step.context.activity;
      await this.actions.sendFeedback({ topic, message, contact, locale, page: '/chat', from: { channelId, conversationId: conversation.id, channelUserId: from?.id } });
    } catch (err) {
      turnLogger(step.context).error({ err }, 'feedback: could not be stored');
      await step.context.sendActivity(MessageFactory.text(String(t('privacy:feedback.failed'))));
      return step.endDialog();
    }
    await step.context.sendActivity(MessageFactory.text(String(t('privacy:feedback.thanks'))));
    return step.endDialog();
  }
}
