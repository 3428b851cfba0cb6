/**
 * What a feature (pilot information, booking, questions, privacy, web widget…) contributes to the
 * app. Each feature builds itself from the shared FeatureContext in its own module; bot/app.ts
 * lists the features in menu order.
 */
import type { CloudAdapter } from 'botbuilder';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { ConversationRepository } from './conversations/conversationRepository.js';
import type { ProactiveMessenger } from './conversations/proactive.js';
import type { TranscriptStore } from './conversations/transcriptStore.js';
import type { Database, PrismaClient } from './db/database.js';
import type { RouteInstaller } from './http/server.js';
import type { Translator } from './i18n/i18n.js';
import type { LanguageService } from './i18n/languageService.js';
import type { JobRunner, ScheduledJob } from './jobs/jobRunner.js';
import type { Logger } from './log.js';
import type { Metrics } from './observability/metrics.js';
import type { FreeTextHandler, MenuFeature } from '../dialogs/mainDialog.js';

export interface FeatureContext {
  config: Config;
  db: Database;
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  translator: Translator;
  language: LanguageService;
  conversations: ConversationRepository;
  transcripts: TranscriptStore;
  adapter: CloudAdapter;
  jobs: JobRunner;
  /** Reminders and other bot-initiated messages go through this. */
  proactive: ProactiveMessenger;
  /**
   * Prometheus counters and histograms (bot/observability/metrics.ts): increment the ones your
   * service owns, e.g. metrics.bookings.inc({ event: 'made' }); register database-backed gauges
   * with metrics.addDatabaseGauge. Inside a turn, log through turnLogger(context) from
   * bot/observability/correlation.ts to carry the request and conversation ids.
   */
  metrics: Metrics;
}

/** Who a personal-data request is about: the user row and every conversation of theirs. */
export interface DataSubject {
  userId: string;
  channelId: string;
  channelUserId: string;
  conversationIds: string[];
}

/** A feature's part in "show my data" and "delete my data". */
export interface PersonalDataProvider {
  name: string;
  export(subject: DataSubject): Promise<unknown>;
  /** Erase or anonymise in place everything this feature stores about the subject. */
  erase(subject: DataSubject): Promise<void>;
}

export interface Feature {
  name: string;
  menu?: MenuFeature[];
  freeText?: FreeTextHandler;
  routes?: RouteInstaller[];
  jobs?: ScheduledJob[];
  personalData?: PersonalDataProvider[];
  close?(): Promise<void>;
}
