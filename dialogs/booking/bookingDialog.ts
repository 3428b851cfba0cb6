/**
 * Booking a meeting with the coach (OMA-valmentaja): topic, mode, municipality, coach match (with an
 * interpreter when no coach speaks the language), free times with "later times", who is coming,
 * a summary and confirmation. The same slot steps move an existing booking (options.reschedule).
 * If the time is taken between showing and confirming, the user hears so and gets fresh times.
 */
import { MessageFactory, TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { BookingService, CoachMatch } from '../../bot/booking/bookingService.js';
import { normaliseEmail, normalisePhone } from '../../bot/booking/contact.js';
import { AppointmentNotChangeableError, AppointmentNotFoundError, BookingLimitError, SlotTakenError } from '../../bot/booking/errors.js';
import { languageName, slotTime, summaryMarkdown, typedTimeArgs } from '../../bot/booking/present.js';
import { markdownLink } from '../../bot/kernel/markdown.js';
import { TOPICS, type Jobseeker, type MeetingMode, type Topic } from '../../bot/booking/types.js';
import type { Locale } from '../../bot/i18n/locales.js';
import { turnLanguage } from '../../bot/i18n/turnLanguage.js';
import type { ConversationFacts } from '../../bot/conversations/conversationFacts.js';
import type { Matcher } from '../../bot/pilot/municipalityMatcher.js';
import { ask, LocalizedPrompt, type LocalizedChoice, type LocalizedPromptResult, type LocalizedPromptSpec } from '../prompts/localizedPrompt.js';

export const BOOKING_DIALOG = 'bookingDialog';
const MAIN_STEPS = 'bookingSteps';
const MUNICIPALITY_STEPS = 'bookingMunicipalitySteps';
const SLOT_STEPS = 'bookingSlotSteps';
const PROMPT = 'bookingPrompt';
const NAME_PROMPT = 'bookingNamePrompt';
const PHONE_PROMPT = 'bookingPhonePrompt';
const PHONE_REQUIRED_PROMPT = 'bookingPhoneRequiredPrompt';
const EMAIL_PROMPT = 'bookingEmailPrompt';

const SLOT_PAGE = 5;
const LATER = 'later';
const SKIP = 'skip';
const EARLIEST = 'earliest';
const INTERPRETER = 'interpreter';

export interface BookingDialogOptions {
  /** Move this upcoming appointment of the user to another time. */
  reschedule?: { appointmentId: string };
}

export interface BookingDialogResult {
  booked: boolean;
  appointmentId?: string;
}

/** Everything chosen so far; plain JSON, since it lives in conversation state. */
interface BookingDraft {
  topic: Topic;
  mode: MeetingMode;
  coachIds: string[];
  meetingLanguage: string;
  interpreterNeeded: boolean;
  interpreterLanguage?: string;
  cursor?: { start: string; coachId: string };
  slot?: { start: string; coachId: string };
  name?: string;
  phone?: string | null;
  email?: string | null;
  note?: string | null;
  detailsDone?: boolean;
  /** Set when the chosen time was taken by someone else. */
  taken?: boolean;
  /** The free times nearest to a typed day or time, shown instead of the next page, with what to say first. */
  nearest?: { slots: { start: string; coachId: string }[]; key: string; asked: { day?: string; minuteOfDay?: number } };
  /** Set when the typed text named no day or time. */
  unreadable?: boolean;
  reschedule?: { appointmentId: string };
}

export interface BookingDialogDeps {
  service: BookingService;
  matchMunicipality: Matcher;
  /** The municipality the user already gave in this conversation (a question, the handoff). */
  facts?: ConversationFacts;
}

function jobseekerOf(context: TurnContext): Jobseeker {
  return { channelId: context.activity.channelId, channelUserId: context.activity.from?.id ?? 'anonymous' };
}

type Answer = Exclude<LocalizedPromptResult, boolean>;

interface StepValues {
  topic?: Topic;
  mode?: MeetingMode;
  match?: CoachMatch;
  draft?: BookingDraft;
  next?: { start: string; coachId: string };
}

function vals(step: WaterfallStepContext): StepValues {
  return step.values as StepValues;
}

function skipOrValid(check: (text: string) => boolean) {
  return async (prompt: PromptValidatorContext<LocalizedPromptResult>): Promise<boolean> => {
    if (!prompt.recognized.succeeded) return false;
    const value = prompt.recognized.value as Answer;
    if (value.choice === SKIP) return true;
    return check(value.text);
  };
}

/**
 * A phone number the numbering plan allows; a number too short to be in use ("040 1234") is
 * answered with a sentence that says so rather than the general example.
 */
function phoneValidator(skippable: boolean) {
  return async (prompt: PromptValidatorContext<LocalizedPromptResult>): Promise<boolean> => {
    if (!prompt.recognized.succeeded) return false;
    const value = prompt.recognized.value as Answer;
    if (skippable && value.choice === SKIP) return true;
    const checked = normalisePhone(value.text);
    const spec = prompt.options.validations as LocalizedPromptSpec;
    spec.retryKey = !checked.ok && checked.reason === 'too_short' ? 'booking:phone.tooShort' : 'booking:phone.invalid';
    return checked.ok;
  };
}

export class BookingDialog extends ComponentDialog {
  constructor(private readonly deps: BookingDialogDeps) {
    super(BOOKING_DIALOG);
    this.addDialog(new LocalizedPrompt(PROMPT));
    this.addDialog(
      new LocalizedPrompt(NAME_PROMPT, async (p) => {
        const text = p.recognized.succeeded ? (p.recognized.value as Answer).text.trim() : '';
        return text.length > 0 && text.length <= 100;
      }),
    );
    this.addDialog(new LocalizedPrompt(PHONE_PROMPT, phoneValidator(true)));
    this.addDialog(new LocalizedPrompt(PHONE_REQUIRED_PROMPT, phoneValidator(false)));
    this.addDialog(new LocalizedPrompt(EMAIL_PROMPT, skipOrValid((text) => normaliseEmail(text).ok)));
    this.addDialog(
      new WaterfallDialog(MAIN_STEPS, [
        this.askTopicStep.bind(this),
        this.askModeStep.bind(this),
        this.askMunicipalityStep.bind(this),
        this.matchCoachStep.bind(this),
        this.chooseInterpreterStep.bind(this),
        this.finishStep.bind(this),
      ]),
    );
    this.addDialog(new WaterfallDialog(MUNICIPALITY_STEPS, [this.askPlaceStep.bind(this), this.checkPlaceStep.bind(this), this.pickPlaceStep.bind(this)]));
    this.addDialog(
      new WaterfallDialog(SLOT_STEPS, [
        this.askSlotStep.bind(this),
        this.askNameStep.bind(this),
        this.askPhoneStep.bind(this),
        this.askEmailStep.bind(this),
        this.askNoteStep.bind(this),
        this.askConfirmationStep.bind(this),
        this.bookStep.bind(this),
      ]),
    );
    this.initialDialogId = MAIN_STEPS;
  }

  private async say(step: WaterfallStepContext, key: string, args: Record<string, unknown> = {}): Promise<void> {
    const { t, locale } = turnLanguage(step.context);
    const message = MessageFactory.text(String(t(key, args)));
    message.locale = locale;
    await step.context.sendActivity(message);
  }

  // --- main steps ---------------------------------------------------------------------------

  private async askTopicStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as BookingDialogOptions;
    if (options.reschedule) {
      const a = (await this.deps.service.upcoming(jobseekerOf(step.context))).find((x) => x.id === options.reschedule!.appointmentId);
      if (!a) {
        await this.say(step, 'booking:mine.notChangeable');
        return step.endDialog({ booked: false } satisfies BookingDialogResult);
      }
      const draft: BookingDraft = {
        topic: a.topic,
        mode: a.mode,
        coachIds: [a.coach.id],
        meetingLanguage: a.meetingLanguage,
        interpreterNeeded: a.interpreterNeeded,
        reschedule: options.reschedule,
      };
      return step.replaceDialog(SLOT_STEPS, draft);
    }
    // Say so before the questions rather than after them; the booking itself checks again.
    const max = this.deps.service.config.BOOKING_MAX_UPCOMING;
    if ((await this.deps.service.upcoming(jobseekerOf(step.context))).length >= max) {
      await this.say(step, 'booking:limit', { count: max });
      return step.endDialog({ booked: false } satisfies BookingDialogResult);
    }
    return step.prompt(PROMPT, ask({ kind: 'choice', promptKey: 'booking:topic.prompt', choices: TOPICS.map((t) => ({ value: t, labelKey: `booking:topic.${t}` })) }));
  }

  private async askModeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    vals(step).topic = (step.result as Answer).choice as Topic;
    const choices = this.deps.service.modes().map((m) => ({ value: m, labelKey: `booking:mode.${m}` }));
    return step.prompt(PROMPT, ask({ kind: 'choice', promptKey: 'booking:mode.prompt', choices }));
  }

  private async askMunicipalityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    vals(step).mode = (step.result as Answer).choice as MeetingMode;
    // Said earlier in this conversation, or in the user's eligibility check: not asked again.
    const known = (await this.deps.facts?.municipality(step.context)) ?? (await this.deps.service.knownMunicipality(jobseekerOf(step.context)));
    if (known) return step.next(known);
    return step.beginDialog(MUNICIPALITY_STEPS);
  }

  private async matchCoachStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const municipality = step.result as string;
    await this.deps.facts?.rememberMunicipality(step.context, municipality);
    const { locale } = turnLanguage(step.context);
    const match = await this.deps.service.matchCoaches({ municipality, locale, jobseeker: jobseekerOf(step.context) });
    vals(step).match = match;
    if (match.kind === 'none') {
      await this.say(step, 'booking:coach.none', { municipality });
      return step.endDialog({ booked: false } satisfies BookingDialogResult);
    }
    if (match.kind === 'speaks') return step.next();
    const choices: LocalizedChoice[] = [
      { value: INTERPRETER, labelKey: 'booking:interpreter.with' },
      ...match.meetingLanguages.map((l) => ({ value: `lang:${l}`, labelKey: 'booking:interpreter.without', labelArgs: { language: languageName(l, locale) } })),
    ];
    return step.prompt(PROMPT, ask({ kind: 'choice', promptKey: 'booking:interpreter.prompt', promptArgs: { municipality, language: languageName(locale === 'fi-x-selko' ? 'fi' : locale, locale) }, choices }));
  }

  private async chooseInterpreterStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const match = vals(step).match as Exclude<CoachMatch, { kind: 'none' }>;
    const { locale } = turnLanguage(step.context);
    const base = { topic: vals(step).topic as Topic, mode: vals(step).mode as MeetingMode };
    let draft: BookingDraft;
    if (match.kind === 'speaks') {
      draft = { ...base, coachIds: match.coachIds, meetingLanguage: match.meetingLanguage, interpreterNeeded: false };
    } else {
      const choice = (step.result as Answer).choice ?? INTERPRETER;
      const language = choice === INTERPRETER ? (match.meetingLanguages.includes('fi') ? 'fi' : match.meetingLanguages[0]) : choice.slice('lang:'.length);
      const coachIds = await this.deps.service.coachesSpeaking(match.coachIds, language);
      draft = {
        ...base,
        coachIds,
        meetingLanguage: language,
        interpreterNeeded: choice === INTERPRETER,
        interpreterLanguage: choice === INTERPRETER ? (locale === 'fi-x-selko' ? 'fi' : locale) : undefined,
      };
    }
    return step.beginDialog(SLOT_STEPS, draft);
  }

  private async finishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result as BookingDialogResult | undefined);
  }

  // --- municipality -------------------------------------------------------------------------

  private async askPlaceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const retry = Boolean((step.options as { retry?: boolean } | undefined)?.retry);
    return step.prompt(PROMPT, ask({ kind: 'text', promptKey: retry ? 'booking:municipality.notRecognised' : 'booking:municipality.prompt' }));
  }

  private async checkPlaceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = (step.result as Answer).text;
    const result = this.deps.matchMunicipality(text);
    if (result.kind === 'match') return step.endDialog(result.municipality.name.fi);
    if (result.kind === 'known_outside_data') return step.endDialog(result.name);
    if (result.kind === 'none') return step.replaceDialog(MUNICIPALITY_STEPS, { retry: true });
    const { locale } = turnLanguage(step.context);
    const choices: LocalizedChoice[] = [
      ...result.candidates.map((m) => ({ value: m.name.fi, label: (locale === 'sv' && m.name.sv) || m.name.fi })),
      { value: 'other', labelKey: 'booking:municipality.other' },
    ];
    return step.prompt(PROMPT, ask({ kind: 'choice', promptKey: 'booking:municipality.suggest', choices }));
  }

  private async pickPlaceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = (step.result as Answer).choice;
    if (!choice || choice === 'other') return step.replaceDialog(MUNICIPALITY_STEPS, {});
    return step.endDialog(choice);
  }

  // --- slots, details, confirmation ----------------------------------------------------------

  private draft(step: WaterfallStepContext): BookingDraft {
    vals(step).draft ??= { ...(step.options as BookingDraft) };
    return vals(step).draft as BookingDraft;
  }

  private async askSlotStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const { t, locale } = turnLanguage(step.context);
    if (draft.taken) {
      await this.say(step, 'booking:slots.taken');
      draft.taken = false;
    }
    const promptKey = draft.reschedule ? 'booking:reschedule.prompt' : 'booking:slots.prompt';
    if (draft.nearest) {
      // The times nearest to what the user typed, introduced by what was asked, so the reply is never the same list again.
      const { slots, key, asked } = draft.nearest;
      draft.nearest = undefined;
      const choices = await this.slotChoices(draft, slots.map((s) => ({ coachId: s.coachId, start: new Date(s.start) })), locale);
      choices.push({ value: EARLIEST, labelKey: 'booking:slots.earliest' });
      const firstText = String(t(key, typedTimeArgs(asked, locale)));
      return step.prompt(PROMPT, ask({ kind: 'choice', promptKey, firstText, choices, allowFreeText: true, takesQuestions: true }));
    }
    const after = draft.cursor ? { start: new Date(draft.cursor.start), coachId: draft.cursor.coachId } : undefined;
    const page = await this.deps.service.listSlots(draft.coachIds, { after, limit: SLOT_PAGE });
    if (page.slots.length === 0) {
      if (after) {
        await this.say(step, 'booking:slots.noMore');
        return step.replaceDialog(SLOT_STEPS, { ...draft, cursor: undefined });
      }
      await this.say(step, 'booking:slots.none', { days: this.deps.service.config.BOOKING_HORIZON_DAYS });
      return step.endDialog({ booked: false } satisfies BookingDialogResult);
    }
    const choices = await this.slotChoices(draft, page.slots, locale);
    if (page.next) {
      choices.push({ value: LATER, labelKey: 'booking:slots.later' });
      vals(step).next = { start: page.next.start.toISOString(), coachId: page.next.coachId };
    }
    const firstText = draft.unreadable ? String(t('booking:slots.typedUnclear')) : undefined;
    draft.unreadable = false;
    // Free text is read as a day or a time ("tiistaina klo 10") in the next step. It is not private
    // data like a note, so "can I talk to a person" or a question still work here (takesQuestions).
    return step.prompt(PROMPT, ask({ kind: 'choice', promptKey, firstText, choices, allowFreeText: true, takesQuestions: true }));
  }

  private async slotChoices(draft: BookingDraft, slots: { coachId: string; start: Date }[], locale: Locale): Promise<LocalizedChoice[]> {
    const several = draft.coachIds.length > 1;
    const names = new Map<string, string>();
    if (several) for (const id of new Set(slots.map((s) => s.coachId))) names.set(id, (await this.deps.service.coach(id))?.name ?? id);
    return slots.map((s) => {
      const time = slotTime(s.start, locale);
      return {
        value: `slot:${s.coachId}|${s.start.toISOString()}`,
        ...(several ? { labelKey: 'booking:slots.withCoach', labelArgs: { time, coach: names.get(s.coachId) } } : { label: time }),
      };
    });
  }

  /**
   * The tapped time, or the free time the user typed; a typed day or time that is not free brings
   * the nearest free ones, and text with no day or time brings the times again with a hint.
   */
  private async askNameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const answer = step.result as Answer;
    let choice = answer.choice;
    if (choice === LATER) return step.replaceDialog(SLOT_STEPS, { ...draft, cursor: vals(step).next });
    if (choice === EARLIEST) return step.replaceDialog(SLOT_STEPS, { ...draft, cursor: undefined });
    if (!choice) {
      const { locale } = turnLanguage(step.context);
      const typed = await this.deps.service.typedTime(draft.coachIds, answer.text, locale);
      if (!typed) return step.replaceDialog(SLOT_STEPS, { ...draft, unreadable: true });
      const { asked, match } = typed;
      if (match.kind === 'nearest') {
        if (match.slots.length === 0) return step.replaceDialog(SLOT_STEPS, { ...draft, cursor: undefined });
        const key = `booking:slots.${match.reason}`;
        const slots = match.slots.map((s) => ({ start: s.start.toISOString(), coachId: s.coachId }));
        return step.replaceDialog(SLOT_STEPS, { ...draft, nearest: { slots, key, asked } });
      }
      choice = `slot:${match.slot.coachId}|${match.slot.start.toISOString()}`;
    }
    const [coachId, start] = choice.slice('slot:'.length).split('|');
    draft.slot = { coachId, start };
    if (draft.reschedule || draft.detailsDone) return step.next();
    return step.prompt(NAME_PROMPT, ask({ kind: 'text', promptKey: 'booking:name.prompt', retryKey: 'booking:name.retry' }));
  }

  private async askPhoneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (draft.reschedule || draft.detailsDone) return step.next();
    draft.name = (step.result as Answer).text.trim();
    if (draft.mode === 'phone') {
      return step.prompt(PHONE_REQUIRED_PROMPT, ask({ kind: 'text', promptKey: 'booking:phone.promptRequired', retryKey: 'booking:phone.invalid' }));
    }
    return step.prompt(
      PHONE_PROMPT,
      ask({ kind: 'choice', promptKey: 'booking:phone.promptOptional', retryKey: 'booking:phone.invalid', choices: [{ value: SKIP, labelKey: 'booking:skip' }], allowFreeText: true }),
    );
  }

  private async askEmailStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (draft.reschedule || draft.detailsDone) return step.next();
    const phone = step.result as Answer;
    const normalised = phone.choice === SKIP ? undefined : normalisePhone(phone.text);
    draft.phone = normalised?.ok ? normalised.value : null;
    return step.prompt(
      EMAIL_PROMPT,
      ask({ kind: 'choice', promptKey: 'booking:email.prompt', retryKey: 'booking:email.invalid', choices: [{ value: SKIP, labelKey: 'booking:skip' }], allowFreeText: true }),
    );
  }

  private async askNoteStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (draft.reschedule || draft.detailsDone) return step.next();
    const email = step.result as Answer;
    const normalised = email.choice === SKIP ? undefined : normaliseEmail(email.text);
    draft.email = normalised?.ok ? normalised.value : null;
    return step.prompt(PROMPT, ask({ kind: 'choice', promptKey: 'booking:note.prompt', choices: [{ value: SKIP, labelKey: 'booking:skip' }], allowFreeText: true }));
  }

  private async askConfirmationStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const { t, locale } = turnLanguage(step.context);
    const start = new Date(draft.slot!.start);
    if (draft.reschedule) {
      return step.prompt(PROMPT, ask({ kind: 'confirm', promptKey: 'booking:reschedule.confirm', promptArgs: { time: slotTime(start, locale) } }));
    }
    if (!draft.detailsDone) {
      const note = step.result as Answer;
      draft.note = note.choice === SKIP || !note.text.trim() ? null : note.text.trim();
      draft.detailsDone = true;
    }
    const coach = await this.deps.service.coach(draft.slot!.coachId);
    const text = summaryMarkdown(t, locale, {
      startsAt: start,
      coachName: coach?.name ?? '',
      mode: draft.mode,
      office: coach?.office,
      topic: draft.topic,
      meetingLanguage: draft.meetingLanguage,
      interpreterLanguage: draft.interpreterNeeded ? draft.interpreterLanguage : null,
      name: draft.name,
      phone: draft.phone,
      email: draft.email,
      note: draft.note,
    }, String(t('booking:summary.intro')));
    const summary = MessageFactory.text(text);
    summary.locale = locale;
    await step.context.sendActivity(summary);
    return step.prompt(PROMPT, ask({ kind: 'confirm', promptKey: 'booking:summary.confirm' }));
  }

  private async bookStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const { locale } = turnLanguage(step.context);
    if (step.result !== true) {
      await this.say(step, draft.reschedule ? 'booking:mine.kept' : 'booking:notBooked');
      return step.endDialog({ booked: false } satisfies BookingDialogResult);
    }
    const jobseeker = jobseekerOf(step.context);
    const slot = { coachId: draft.slot!.coachId, startsAt: new Date(draft.slot!.start) };
    try {
      if (draft.reschedule) {
        const moved = await this.deps.service.rescheduleOwn(jobseeker, draft.reschedule.appointmentId, slot);
        await this.say(step, 'booking:reschedule.done', { time: slotTime(moved.startsAt, locale) });
        return step.endDialog({ booked: true, appointmentId: moved.id } satisfies BookingDialogResult);
      }
      const reference = TurnContext.getConversationReference(step.context.activity);
      const { appointment, manageUrl, icsUrl } = await this.deps.service.reserve({
        jobseeker,
        coachId: slot.coachId,
        startsAt: slot.startsAt,
        mode: draft.mode,
        topic: draft.topic,
        meetingLanguage: draft.meetingLanguage,
        locale,
        interpreterNeeded: draft.interpreterNeeded,
        interpreterLanguage: draft.interpreterLanguage ?? null,
        note: draft.note,
        name: draft.name!,
        phone: draft.phone,
        email: draft.email,
        conversation: { channelId: step.context.activity.channelId, conversationId: step.context.activity.conversation.id, reference },
      });
      // One message: what was booked, then the video, calendar and manage links as a list.
      const { t } = turnLanguage(step.context);
      const parts = [String(t('booking:booked.text', { time: slotTime(appointment.startsAt, locale), coach: appointment.coach.name }))];
      const video = appointment.videoLink ? `- ${String(t('booking:summary.video', { link: markdownLink(appointment.videoLink, appointment.videoLink) }))}\n` : '';
      parts.push(video + String(t('booking:booked.links', { icsUrl, manageUrl })));
      if (appointment.contactEmail) parts.push(String(t('booking:booked.emailed', { email: appointment.contactEmail })));
      const confirmation = MessageFactory.text(parts.join('\n\n'));
      confirmation.locale = locale;
      // The calendar file as a download the chat can show as a file, beside the link in the text.
      confirmation.attachments = [{ contentType: 'text/calendar', contentUrl: icsUrl, name: 'appointment.ics' }];
      await step.context.sendActivity(confirmation);
      return step.endDialog({ booked: true, appointmentId: appointment.id } satisfies BookingDialogResult);
    } catch (err) {
      if (err instanceof SlotTakenError) return step.replaceDialog(SLOT_STEPS, { ...draft, slot: undefined, cursor: undefined, taken: true });
      if (err instanceof BookingLimitError) {
        await this.say(step, 'booking:limit', { count: err.limit });
        return step.endDialog({ booked: false } satisfies BookingDialogResult);
      }
      if (err instanceof AppointmentNotChangeableError || err instanceof AppointmentNotFoundError) {
        await this.say(step, 'booking:mine.notChangeable');
        return step.endDialog({ booked: false } satisfies BookingDialogResult);
      }
      throw err;
    }
  }
}
