/**
 * "My data and privacy": show my data, delete my data, or read the privacy notice. The "show my
 * data" and "delete my data" commands start it with the action already chosen.
 */
import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type Dialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnLanguage } from '../../bot/i18n/turnLanguage.js';
import type { PrivacyActions } from '../../bot/privacy/privacyActions.js';
import { ask, LocalizedPrompt, type LocalizedPromptResult } from '../prompts/localizedPrompt.js';

const PRIVACY_DIALOG = 'privacyDialog';
const STEPS = 'privacySteps';
const PROMPT = 'privacyPrompt';

export type PrivacyAction = 'show' | 'delete' | 'notice';

export interface PrivacyDialogOptions {
  action?: PrivacyAction;
}

export class PrivacyDialog extends ComponentDialog {
  constructor(
    private readonly actions: PrivacyActions,
    private readonly showData: Dialog,
    private readonly deleteData: Dialog,
  ) {
    super(PRIVACY_DIALOG);
    this.addDialog(new LocalizedPrompt(PROMPT));
    this.addDialog(showData);
    this.addDialog(deleteData);
    this.addDialog(new WaterfallDialog(STEPS, [this.askActionStep.bind(this), this.runActionStep.bind(this), this.doneStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askActionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { action } = (step.options ?? {}) as PrivacyDialogOptions;
    if (action) return step.next({ choice: action, text: '' });
    return step.prompt(
      PROMPT,
      ask({
        kind: 'choice',
        promptKey: 'privacy:myData.prompt',
        retryKey: 'privacy:myData.retry',
        choices: [
          { value: 'show', labelKey: 'privacy:myData.show' },
          { value: 'delete', labelKey: 'privacy:myData.delete' },
          { value: 'notice', labelKey: 'privacy:myData.notice' },
        ],
      }),
    );
  }

  private async runActionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as Exclude<LocalizedPromptResult, boolean>;
    switch (result.choice as PrivacyAction | undefined) {
      case 'show':
        return step.beginDialog(this.showData.id);
      case 'delete':
        return step.beginDialog(this.deleteData.id);
      default: {
        const { locale, t } = turnLanguage(step.context);
        await step.context.sendActivity(MessageFactory.text(String(t('privacy:myData.noticeText', { url: this.actions.noticeUrl(locale) }))));
        return step.next();
      }
    }
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog();
  }
}
