/**
 * A call-back request when no coach can take a live chat: name, phone number and a preferred time,
 * stored for the coaches of the jobseeker's area.
 */
import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normalisePhone } from '../../bot/booking/contact.js';
import type { HandoffService } from '../../bot/handoff/handoffService.js';
import { turnLanguage } from '../../bot/i18n/turnLanguage.js';
import { ask, LocalizedPrompt, type LocalizedPromptResult } from '../prompts/localizedPrompt.js';

export const CALLBACK_DIALOG = 'handoffCallback';
const STEPS = 'handoffCallbackSteps';
const NAME_PROMPT = 'handoffCallbackName';
const PHONE_PROMPT = 'handoffCallbackPhone';
const TIME_PROMPT = 'handoffCallbackTime';

export interface CallbackOptions {
  municipality?: string;
  area?: string;
}

type Answer = Exclude<LocalizedPromptResult, boolean>;

interface CallbackValues {
  name?: string;
  phone?: string;
}

const textOfLength = (max: number) => async (p: { recognized: { succeeded: boolean; value?: LocalizedPromptResult } }) => {
  const text = p.recognized.succeeded ? (p.recognized.value as Answer).text.trim() : '';
  return text.length > 0 && text.length <= max;
};

export class CallbackDialog extends ComponentDialog {
  constructor(private readonly service: HandoffService) {
    super(CALLBACK_DIALOG);
    this.addDialog(new LocalizedPrompt(NAME_PROMPT, textOfLength(100)));
    this.addDialog(new LocalizedPrompt(PHONE_PROMPT, async (p) => p.recognized.succeeded && normalisePhone((p.recognized.value as Answer).text).ok));
    this.addDialog(new LocalizedPrompt(TIME_PROMPT, textOfLength(200)));
    this.addDialog(new WaterfallDialog(STEPS, [this.askNameStep.bind(this), this.askPhoneStep.bind(this), this.askTimeStep.bind(this), this.saveStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askNameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(NAME_PROMPT, ask({ kind: 'text', promptKey: 'handoff:callback.name', retryKey: 'handoff:callback.nameRetry' }));
  }

  private async askPhoneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as CallbackValues).name = (step.result as Answer).text.trim();
    return step.prompt(PHONE_PROMPT, ask({ kind: 'text', promptKey: 'handoff:callback.phone', retryKey: 'handoff:callback.phoneRetry' }));
  }

  private async askTimeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as CallbackValues).phone = (step.result as Answer).text.trim();
    return step.prompt(TIME_PROMPT, ask({ kind: 'text', promptKey: 'handoff:callback.time', retryKey: 'handoff:callback.timeRetry' }));
  }

  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as CallbackValues;
    const options = (step.options ?? {}) as CallbackOptions;
    const { activity } = step.context;
    const { t, locale } = turnLanguage(step.context);
    const preferredTime = (step.result as Answer).text.trim();
    const saved = await this.service.requestCallback({
      channelId: activity.channelId,
      conversationId: activity.conversation.id,
      userId: activity.from?.id,
      name: values.name ?? '',
      phone: values.phone ?? '',
      preferredTime,
      locale,
      municipality: options.municipality,
      area: options.area,
    });
    const message = MessageFactory.text(String(t('handoff:callback.saved', { name: saved.name, phone: saved.phone, time: saved.preferredTime })));
    message.locale = locale;
    await step.context.sendActivity(message);
    return step.endDialog();
  }
}
