/**
 * "Delete my data": asks once for confirmation, then erases everything (upcoming appointments are
 * cancelled and their coaches told by the booking feature). After an erasure nothing of the
 * conversation remains, so the dialog stack ends with it.
 */
import { ActivityTypes, EndOfConversationCodes, MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { tr } from '../../bot/i18n/turnLanguage.js';
import { turnLogger } from '../../bot/observability/correlation.js';
import type { PrivacyActions } from '../../bot/privacy/privacyActions.js';
import { ask, LocalizedPrompt } from '../prompts/localizedPrompt.js';

const DELETE_MY_DATA_DIALOG = 'deleteMyDataDialog';
const STEPS = 'deleteMyDataSteps';
const CONFIRM = 'deleteMyDataConfirm';

export class DeleteMyDataDialog extends ComponentDialog {
  constructor(private readonly actions: PrivacyActions) {
    super(DELETE_MY_DATA_DIALOG);
    this.addDialog(new LocalizedPrompt(CONFIRM));
    this.addDialog(new WaterfallDialog(STEPS, [this.askConfirmationStep.bind(this), this.eraseStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askConfirmationStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(CONFIRM, ask({ kind: 'confirm', promptKey: 'privacy:delete.confirm', retryKey: 'privacy:delete.retry' }));
  }

  private async eraseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const t = tr(context);
    if (step.result !== true) {
      await context.sendActivity(MessageFactory.text(String(t('privacy:delete.kept'))));
      return step.endDialog();
    }
    const { activity } = context;
    try {
      await this.actions.deleteMyData(context, { channelId: activity.channelId, channelUserId: activity.from?.id, conversationId: activity.conversation.id });
    } catch (err) {
      turnLogger(context).error({ err }, 'privacy: erasure failed');
      await context.sendActivity(MessageFactory.text(String(t('privacy:delete.failed'))));
      return step.endDialog();
    }
    await context.sendActivity(MessageFactory.text(String(t('privacy:delete.done'))));
    // Tells the client the conversation is over, so the widget starts a new one with the next
    // message instead of writing into the erased one.
    await context.sendActivity({ type: ActivityTypes.EndOfConversation, code: EndOfConversationCodes.CompletedSuccessfully });
    // Whatever was in progress belonged to the erased data.
    return step.cancelAllDialogs(true);
  }
}
