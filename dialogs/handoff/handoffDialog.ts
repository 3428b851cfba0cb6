/**
 * "Can I talk to a person?": asks where the jobseeker lives, then offers a live chat with a coach
 * of their area when one is available (after telling them a person will read the conversation), and
 * otherwise says when coaches work and offers a call-back request or a booking.
 */
import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { formatNextHours, type HandoffService, type LiveAvailability } from '../../bot/handoff/handoffService.js';
import { turnLanguage } from '../../bot/i18n/turnLanguage.js';
import type { DialogStart } from '../../bot/kernel/contracts.js';
import type { ConversationFacts } from '../../bot/conversations/conversationFacts.js';
import type { Matcher } from '../../bot/pilot/municipalityMatcher.js';
import { ask, LocalizedPrompt, type LocalizedChoice, type LocalizedPromptResult } from '../prompts/localizedPrompt.js';
import { CallbackDialog, CALLBACK_DIALOG, type CallbackOptions } from './callbackDialog.js';
import type { LiveChatWords } from '../../bot/handoff/recognizer.js';
import { LIVE_CHAT_DIALOG, LiveChatDialog, referenceOf, type LiveChatOptions, type LiveChatResult } from './liveChatDialog.js';

export const HANDOFF_DIALOG = 'handoffDialog';
const STEPS = 'handoffSteps';
const PLACE_STEPS = 'handoffPlaceSteps';
const PROMPT = 'handoffPrompt';

export interface HandoffOptions {
  /** asked: the jobseeker asked for a person; fallback: the bot could not answer twice in a row. */
  reason: 'asked' | 'fallback';
}

/** Given back to the main menu: handBack sends the message that ended the chat to the bot. */
export type HandoffResult = LiveChatResult;

export interface HandoffDialogDeps {
  service: HandoffService;
  matchMunicipality: Matcher;
  /** The stop words that end a live chat, and the commands it holds back. */
  words: LiveChatWords;
  /** The booking dialog, offered when nobody is available. */
  booking?: DialogStart;
  /** The municipality the user already gave in this conversation (a question, a booking). */
  facts?: ConversationFacts;
}

type Answer = Exclude<LocalizedPromptResult, boolean>;

interface HandoffValues {
  municipality?: string;
  availability?: LiveAvailability;
}

export class HandoffDialog extends ComponentDialog {
  constructor(private readonly deps: HandoffDialogDeps) {
    super(HANDOFF_DIALOG);
    this.addDialog(new LocalizedPrompt(PROMPT));
    this.addDialog(new LiveChatDialog(deps.service, deps.words));
    this.addDialog(new CallbackDialog(deps.service));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.confirmWishStep.bind(this),
        this.askMunicipalityStep.bind(this),
        this.offerStep.bind(this),
        this.routeStep.bind(this),
        this.afterChatStep.bind(this),
      ]),
    );
    this.addDialog(new WaterfallDialog(PLACE_STEPS, [this.askPlaceStep.bind(this), this.checkPlaceStep.bind(this), this.pickPlaceStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private values(step: WaterfallStepContext): HandoffValues {
    return step.values as HandoffValues;
  }

  private async say(step: WaterfallStepContext, key: string, args: Record<string, unknown> = {}): Promise<void> {
    const { t, locale } = turnLanguage(step.context);
    const message = MessageFactory.text(String(t(key, args)));
    message.locale = locale;
    await step.context.sendActivity(message);
  }

  /** After two answers the bot could not give, it asks before handing over. */
  private async confirmWishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? { reason: 'asked' }) as HandoffOptions;
    if (options.reason !== 'fallback') return step.next(true);
    return step.prompt(PROMPT, ask({ kind: 'confirm', promptKey: 'handoff:offer.afterFallback' }));
  }

  private async askMunicipalityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== true) {
      await this.say(step, 'handoff:offer.notNow');
      return step.endDialog();
    }
    const known = await this.deps.facts?.municipality(step.context);
    if (known) return step.next(known);
    return step.beginDialog(PLACE_STEPS, {});
  }

  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const municipality = step.result as string;
    await this.deps.facts?.rememberMunicipality(step.context, municipality);
    const availability = await this.deps.service.availability(municipality);
    Object.assign(this.values(step), { municipality, availability });
    if (availability.area && availability.available > 0) {
      return step.prompt(PROMPT, ask({ kind: 'confirm', promptKey: 'handoff:consent.prompt' }));
    }
    const { locale } = turnLanguage(step.context);
    // Counted as a request for a person, whatever the jobseeker chooses next.
    const { activity } = step.context;
    await this.deps.service.recordUnstaffed({
      channelId: activity.channelId,
      conversationId: activity.conversation.id,
      channelUserId: activity.from?.id,
      locale,
      municipality,
      area: availability.area,
      reason: ((step.options ?? { reason: 'asked' }) as HandoffOptions).reason,
      reference: referenceOf(step.context),
    });
    if (!availability.area) await this.say(step, 'handoff:none.noCoach', { municipality });
    else if (availability.nextHours) await this.say(step, 'handoff:none.later', { when: formatNextHours(availability.nextHours, locale) });
    else await this.say(step, 'handoff:none.noHours');
    return step.prompt(PROMPT, ask({ kind: 'choice', promptKey: 'handoff:none.prompt', choices: this.fallbackChoices() }));
  }

  private fallbackChoices(): LocalizedChoice[] {
    return [
      { value: 'callback', labelKey: 'handoff:offer.callback' },
      ...(this.deps.booking ? [{ value: 'book', labelKey: 'handoff:offer.book' }] : []),
      { value: 'menu', labelKey: 'handoff:offer.menu' },
    ];
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { municipality, availability } = this.values(step);
    const options = (step.options ?? { reason: 'asked' }) as HandoffOptions;
    const place = { municipality, area: availability?.area };
    if (typeof step.result === 'boolean') {
      if (!step.result) {
        await this.say(step, 'handoff:consent.declined');
        return step.endDialog();
      }
      return step.beginDialog(LIVE_CHAT_DIALOG, { ...place, reason: options.reason } satisfies LiveChatOptions);
    }
    return this.next(step, (step.result as Answer).choice, place);
  }

  private async next(step: WaterfallStepContext, choice: string | undefined, place: CallbackOptions): Promise<DialogTurnResult> {
    if (choice === 'callback') return step.replaceDialog(CALLBACK_DIALOG, place);
    // The main dialog starts the booking, in the dialog set that owns it (a re-prompt after a language
    // change must find it).
    if (choice === 'book' && this.deps.booking) return step.endDialog({ start: this.deps.booking });
    return step.endDialog();
  }

  private async afterChatStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = (step.result ?? {}) as LiveChatResult;
    const { municipality, availability } = this.values(step);
    if (result.next) return this.next(step, result.next, { municipality, area: availability?.area });
    return step.endDialog(result satisfies HandoffResult);
  }

  // --- municipality ------------------------------------------------------------------------------

  private async askPlaceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const retry = Boolean((step.options as { retry?: boolean } | undefined)?.retry);
    return step.prompt(PROMPT, ask({ kind: 'text', promptKey: retry ? 'handoff:municipality.notRecognised' : 'handoff:municipality.prompt' }));
  }

  private async checkPlaceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = (step.result as Answer).text;
    const result = this.deps.matchMunicipality(text);
    if (result.kind === 'match') return step.endDialog(result.municipality.name.fi);
    if (result.kind === 'known_outside_data') return step.endDialog(result.name);
    if (result.kind === 'none') return step.replaceDialog(PLACE_STEPS, { retry: true });
    const { locale } = turnLanguage(step.context);
    const choices: LocalizedChoice[] = [
      ...result.candidates.map((m) => ({ value: m.name.fi, label: (locale === 'sv' && m.name.sv) || m.name.fi })),
      { value: 'other', labelKey: 'handoff:municipality.other' },
    ];
    return step.prompt(PROMPT, ask({ kind: 'choice', promptKey: 'handoff:municipality.suggest', choices }));
  }

  private async pickPlaceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = (step.result as Answer).choice;
    if (!choice || choice === 'other') return step.replaceDialog(PLACE_STEPS, {});
    return step.endDialog(choice);
  }
}
