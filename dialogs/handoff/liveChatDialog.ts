/**
 * The jobseeker's side of a live chat: joins the queue, then steps aside. Each message goes to the
 * coach (stored for their console, translated there); while waiting the jobseeker is told their
 * place and an estimate. When the coach ends the chat the next message goes back to the bot;
 * "stop" (in any shipped locale) leaves the queue or the chat. "menu" and "cancel" do not: the main
 * dialog leaves them to this dialog (holdsCommands), which says how to end the chat and keeps them
 * from the coach. After a queue timeout the message answers the call-back offer the timeout sent.
 *
 * The handoff's id lives in this dialog's state, in the conversation state; the chat's status is
 * read from the handoff row, which the coach's requests change from any process.
 */
import { ActionTypes, ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, DialogReason, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { HandoffService } from '../../bot/handoff/handoffService.js';
import type { LiveChatWords } from '../../bot/handoff/recognizer.js';
import { tr, turnLanguage } from '../../bot/i18n/turnLanguage.js';
import { recognizeChoice } from '../prompts/recognizers.js';

export const LIVE_CHAT_DIALOG = 'handoffLiveChat';

export interface LiveChatOptions {
  municipality?: string;
  area?: string;
  reason: 'asked' | 'fallback';
}

/** How the live chat ended, for the dialog that started it. */
export interface LiveChatResult {
  /** The message that found the chat over goes to the bot, as if just typed. */
  handBack?: boolean;
  /** After a queue timeout: what the jobseeker chose from the call-back offer. */
  next?: 'callback' | 'book';
}

interface LiveChatState {
  handoffId: string;
}

export class LiveChatDialog extends Dialog<LiveChatOptions> {
  /** What the jobseeker types here is for the coach: no language offer, no question answering. */
  readonly keepsUserWords = true;

  constructor(
    private readonly service: HandoffService,
    private readonly words: LiveChatWords,
  ) {
    super(LIVE_CHAT_DIALOG);
  }

  /** While queued or chatting, "menu" and "cancel" come here instead of ending the chat. */
  async holdsCommands(instance: DialogInstance): Promise<boolean> {
    const { handoffId } = instance.state as LiveChatState;
    const status = handoffId ? (await this.service.view(handoffId))?.status : undefined;
    return status === 'queued' || status === 'active';
  }

  async beginDialog(dc: DialogContext, options?: LiveChatOptions): Promise<DialogTurnResult> {
    const { activity } = dc.context;
    const { locale } = turnLanguage(dc.context);
    const view = await this.service.request({
      channelId: activity.channelId,
      conversationId: activity.conversation.id,
      channelUserId: activity.from?.id,
      locale,
      municipality: options?.municipality,
      area: options?.area,
      reason: options?.reason ?? 'asked',
      reference: referenceOf(dc.context),
    });
    (dc.activeDialog!.state as LiveChatState).handoffId = view.handoffId;
    await this.say(dc.context, 'handoff:queue.joined', { place: view.place, minutes: view.estimateMinutes }, true);
    return Dialog.EndOfTurn;
  }

  async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = dc.context;
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const { handoffId } = dc.activeDialog!.state as LiveChatState;
    const view = await this.service.view(handoffId);
    const text = (activity.text ?? '').trim();
    const live = view?.status === 'queued' || view?.status === 'active';
    if (live && this.words.isStop(text)) {
      await this.service.leave(handoffId);
      await this.say(dc.context, 'handoff:live.left');
      return dc.endDialog({} satisfies LiveChatResult);
    }
    if (live && this.words.isHeldCommand(text)) {
      await this.say(dc.context, view?.status === 'queued' ? 'handoff:queue.howToLeave' : 'handoff:live.howToEnd', {}, true);
      return Dialog.EndOfTurn;
    }
    switch (view?.status) {
      case 'queued':
        if (text) await this.service.fromJobseeker(handoffId, text, turnLanguage(dc.context).locale);
        await this.say(dc.context, 'handoff:queue.saved', { place: view.place, minutes: view.estimateMinutes }, true);
        return Dialog.EndOfTurn;
      case 'active':
        // The bot steps aside: the coach answers.
        if (text) await this.service.fromJobseeker(handoffId, text, turnLanguage(dc.context).locale);
        return Dialog.EndOfTurn;
      case 'timed_out':
        return dc.endDialog(this.offerAnswer(dc.context, text));
      default:
        // Ended by the coach, left, or erased: the bot answers this message.
        return dc.endDialog({ handBack: true } satisfies LiveChatResult);
    }
  }

  async endDialog(context: TurnContext, instance: DialogInstance, reason: DialogReason): Promise<void> {
    if (reason !== DialogReason.cancelCalled) return;
    const { handoffId } = instance.state as LiveChatState;
    // Another task took over (delete my data, a person asked for again): the coach's console sees the chat end.
    if (handoffId && (await this.service.leave(handoffId))) await this.say(context, 'handoff:live.left');
  }

  /** The answer to the call-back offer sent when the queue timed out. */
  private offerAnswer(context: TurnContext, text: string): LiveChatResult {
    const t = tr(context);
    const labels = [String(t('handoff:offer.callback')), String(t('handoff:offer.book'))];
    const index = text ? recognizeChoice(text, labels, turnLanguage(context).locale) : undefined;
    if (index === 0) return { next: 'callback' };
    if (index === 1) return { next: 'book' };
    return { handBack: true };
  }

  private async say(context: TurnContext, key: string, args: Record<string, unknown> = {}, leaveButton = false): Promise<void> {
    const { t, locale } = turnLanguage(context);
    const message = MessageFactory.text(String(t(key, args)));
    message.locale = locale;
    if (leaveButton) {
      const stop = String(t('handoff:queue.leave'));
      message.suggestedActions = { to: [], actions: [{ type: ActionTypes.ImBack, title: stop, value: stop }] };
    }
    await context.sendActivity(message);
  }
}

/** Where the coach's messages go: the jobseeker's conversation, for proactive messages. */
export function referenceOf(context: TurnContext) {
  const { activity } = context;
  return {
    activityId: undefined,
    user: activity.from,
    bot: activity.recipient,
    conversation: activity.conversation,
    channelId: activity.channelId,
    locale: activity.locale,
    serviceUrl: activity.serviceUrl,
  };
}
