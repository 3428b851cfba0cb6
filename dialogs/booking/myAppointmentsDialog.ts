/**
 * "My appointments": the user's upcoming bookings, and cancelling or moving one of them.
 * Moving runs the booking dialog's slot steps for that appointment.
 */
import { MessageFactory, type TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { BookingService } from '../../bot/booking/bookingService.js';
import { AppointmentNotChangeableError, AppointmentNotFoundError } from '../../bot/booking/errors.js';
import { slotTime } from '../../bot/booking/present.js';
import type { AppointmentView, Jobseeker } from '../../bot/booking/types.js';
import { turnLanguage } from '../../bot/i18n/turnLanguage.js';
import { BOOKING_DIALOG, BookingDialog, type BookingDialogDeps, type BookingDialogOptions } from './bookingDialog.js';
import { ask, LocalizedPrompt, type LocalizedPromptResult } from '../prompts/localizedPrompt.js';

const MY_APPOINTMENTS_DIALOG = 'myAppointmentsDialog';
const STEPS = 'myAppointmentsSteps';
const PROMPT = 'myAppointmentsPrompt';
const BACK = 'back';

type Answer = Exclude<LocalizedPromptResult, boolean>;

interface StepValues {
  appointmentId?: string;
  time?: string;
  action?: 'cancel' | 'reschedule';
}

function vals(step: WaterfallStepContext): StepValues {
  return step.values as StepValues;
}

function jobseekerOf(context: TurnContext): Jobseeker {
  return { channelId: context.activity.channelId, channelUserId: context.activity.from?.id ?? 'anonymous' };
}

export class MyAppointmentsDialog extends ComponentDialog {
  private readonly service: BookingService;

  constructor(deps: BookingDialogDeps) {
    super(MY_APPOINTMENTS_DIALOG);
    this.service = deps.service;
    this.addDialog(new LocalizedPrompt(PROMPT));
    this.addDialog(new BookingDialog(deps));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.askWhichStep.bind(this),
        this.askActionStep.bind(this),
        this.askCancelConfirmationStep.bind(this),
        this.doneStep.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private async say(context: TurnContext, text: string): Promise<void> {
    const message = MessageFactory.text(text);
    message.locale = turnLanguage(context).locale;
    await context.sendActivity(message);
  }

  private label(context: TurnContext, a: AppointmentView): string {
    const { t, locale } = turnLanguage(context);
    return String(t('booking:mine.item', { time: slotTime(a.startsAt, locale), coach: a.coach.name, mode: t(`booking:mode.${a.mode}`) }));
  }

  private async askWhichStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t } = turnLanguage(step.context);
    const upcoming = await this.service.upcoming(jobseekerOf(step.context));
    if (upcoming.length === 0) {
      await this.say(step.context, String(t('booking:mine.none')));
      return step.endDialog();
    }
    await this.say(step.context, [String(t('booking:mine.list')), ...upcoming.map((a) => this.label(step.context, a))].join('\n'));
    return step.prompt(
      PROMPT,
      ask({
        kind: 'choice',
        promptKey: 'booking:mine.choose',
        choices: [...upcoming.map((a) => ({ value: a.id, label: this.label(step.context, a) })), { value: BACK, labelKey: 'booking:mine.back' }],
      }),
    );
  }

  private async askActionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = (step.result as Answer).choice;
    if (!choice || choice === BACK) return step.endDialog();
    const a = (await this.service.upcoming(jobseekerOf(step.context))).find((x) => x.id === choice);
    if (!a) {
      await this.say(step.context, String(turnLanguage(step.context).t('booking:mine.notChangeable')));
      return step.endDialog();
    }
    const time = slotTime(a.startsAt, turnLanguage(step.context).locale);
    Object.assign(vals(step), { appointmentId: a.id, time });
    return step.prompt(
      PROMPT,
      ask({
        kind: 'choice',
        promptKey: 'booking:mine.action',
        promptArgs: { time },
        choices: [
          { value: 'reschedule', labelKey: 'booking:mine.reschedule' },
          { value: 'cancel', labelKey: 'booking:mine.cancel' },
          { value: BACK, labelKey: 'booking:mine.back' },
        ],
      }),
    );
  }

  private async askCancelConfirmationStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = (step.result as Answer).choice;
    const v = vals(step);
    if (choice === 'reschedule') {
      v.action = 'reschedule';
      return step.beginDialog(BOOKING_DIALOG, { reschedule: { appointmentId: v.appointmentId! } } satisfies BookingDialogOptions);
    }
    if (choice !== 'cancel') return step.endDialog();
    v.action = 'cancel';
    return step.prompt(PROMPT, ask({ kind: 'confirm', promptKey: 'booking:mine.confirmCancel', promptArgs: { time: v.time } }));
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = vals(step);
    const { t } = turnLanguage(step.context);
    if (v.action !== 'cancel') return step.endDialog();
    if (step.result !== true) {
      await this.say(step.context, String(t('booking:mine.kept')));
      return step.endDialog();
    }
    try {
      await this.service.cancelOwn(jobseekerOf(step.context), v.appointmentId!);
      await this.say(step.context, String(t('booking:mine.cancelled', { time: v.time })));
    } catch (err) {
      if (!(err instanceof AppointmentNotChangeableError || err instanceof AppointmentNotFoundError)) throw err;
      await this.say(step.context, String(t('booking:mine.notChangeable')));
    }
    return step.endDialog();
  }
}
