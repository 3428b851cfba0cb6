/**
 * Coach and jobseeker notifications as a feature: the outbox delivery job (email over SMTP and
 * proactive chat messages, with retries) and the reminder job. No menu, no routes: the outbox is
 * viewed through the admin API and CLI (bot/coaches).
 */
import type { Feature, FeatureContext } from '../features.js';
import { createMailer, type Mailer } from './mailer.js';
import { OutboxDelivery, type NoteTranslator } from './outboxDelivery.js';
import { ReminderService } from './reminders.js';
import type { RenderSettings } from './render.js';

export interface NotificationsFeature extends Feature {
  delivery: OutboxDelivery;
  reminders: ReminderService;
  mailer?: Mailer;
  render: RenderSettings;
}

export interface NotificationsOptions {
  /** The knowledge feature's LLM note translator, when an LLM is configured. */
  noteTranslator?: () => NoteTranslator | undefined;
  /** Overrides SMTP_URL (tools, tests). */
  mailer?: Mailer;
}

export const OUTBOX_JOB = 'outbox-delivery';
export const REMINDER_JOB = 'booking-reminders';

export function renderSettings(ctx: Pick<FeatureContext, 'config' | 'translator'>): RenderSettings {
  return { translator: ctx.translator, publicBaseUrl: ctx.config.publicBaseUrl, mailFrom: ctx.config.MAIL_FROM };
}

export function createNotificationsFeature(ctx: FeatureContext, options: NotificationsOptions = {}): NotificationsFeature {
  const { config, prisma, clock, logger } = ctx;
  const mailer = options.mailer ?? createMailer(config);
  const render = renderSettings(ctx);
  const delivery = new OutboxDelivery({
    prisma,
    clock,
    logger,
    render,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    mailer,
    proactive: ctx.proactive,
    noteTranslator: options.noteTranslator,
    metrics: ctx.metrics,
  });
  const reminders = new ReminderService({ prisma, clock, logger, delivery });
  if (!mailer) logger.info('SMTP_URL is not set: emails are kept in the outbox (npm run admin -- outbox)');
  return {
    name: 'notifications',
    jobs: [
      {
        name: OUTBOX_JOB,
        intervalMs: 15_000,
        leaseMs: 5 * 60_000,
        run: async () => {
          await delivery.deliverDue();
          await delivery.purgeDelivered(config.RETENTION_DAYS);
        },
      },
      { name: REMINDER_JOB, intervalMs: 60_000, leaseMs: 5 * 60_000, run: async () => void (await reminders.sendDue()) },
    ],
    delivery,
    reminders,
    mailer,
    render,
    close: async () => mailer?.close(),
  };
}
