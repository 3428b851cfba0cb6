/**
 * Coach and jobseeker notifications: the outbox delivery job (email over SMTP and proactive chat
 * messages, with retries) and the reminder job. No dialog and no routes: the outbox is viewed
 * through the admin API and CLI (bot/coaches).
 */
import type { Config } from '../config.js';
import type { ProactiveMessenger } from '../conversations/proactive.js';
import type { PrismaClient } from '../db/database.js';
import type { Translator } from '../i18n/i18n.js';
import type { Clock } from '../kernel/clock.js';
import type { Feature } from '../kernel/contracts.js';
import type { Logger } from '../kernel/log.js';
import type { Metrics } from '../observability/metrics.js';
import { createMailer, type Mailer } from './mailer.js';
import { OutboxDelivery, type NoteTranslator } from './outboxDelivery.js';
import { OutboxRepository } from './outboxRepository.js';
import { ReminderRepository } from './reminderRepository.js';
import { ReminderService } from './reminders.js';
import type { RenderSettings } from './render.js';

export interface NotificationsFeature extends Feature {
  delivery: OutboxDelivery;
  reminders: ReminderService;
  mailer?: Mailer;
  render: RenderSettings;
}

export interface NotificationsFeatureDeps {
  config: Config;
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  translator: Translator;
  proactive: ProactiveMessenger;
  metrics: Metrics;
  /** Finnish translations of jobseekers' notes, when an LLM is configured. */
  noteTranslator?: NoteTranslator;
  /** Overrides SMTP_URL (tools, tests). */
  mailer?: Mailer;
}

export const OUTBOX_JOB = 'outbox-delivery';
export const REMINDER_JOB = 'booking-reminders';

export function renderSettings(deps: { config: Pick<Config, 'publicBaseUrl' | 'MAIL_FROM'>; translator: Translator }): RenderSettings {
  return { translator: deps.translator, publicBaseUrl: deps.config.publicBaseUrl, mailFrom: deps.config.MAIL_FROM };
}

export function createNotificationsFeature(deps: NotificationsFeatureDeps): NotificationsFeature {
  const { config, prisma, clock, logger } = deps;
  const mailer = deps.mailer ?? createMailer(config);
  const render = renderSettings(deps);
  const delivery = new OutboxDelivery({
    outbox: new OutboxRepository(prisma),
    clock,
    logger,
    render,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    mailer,
    proactive: deps.proactive,
    noteTranslator: deps.noteTranslator,
    metrics: deps.metrics,
  });
  const reminders = new ReminderService({ reminders: new ReminderRepository(prisma), clock, logger, delivery });
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
