/**
 * The composition root: builds the database, storage, services, dialogs and bot once and passes
 * dependencies in through constructors.
 */
import {
  CloudAdapter,
  ConversationState,
  MessageFactory,
  TranscriptLoggerMiddleware,
  UserState,
  type TurnContext,
} from 'botbuilder';
import type { Server } from 'restify';
import { LanguageDialog } from '../dialogs/languageDialog.js';
import { MainDialog } from '../dialogs/mainDialog.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { ConversationRepository } from './conversations/conversationRepository.js';
import { ProactiveMessenger } from './conversations/proactive.js';
import { TranscriptStore } from './conversations/transcriptStore.js';
import { openDatabase, type Database } from './db/database.js';
import { InflightTracker } from './http/inflight.js';
import { createHttpServer } from './http/server.js';
import { CommandWords } from './i18n/commandWords.js';
import { createTranslator } from './i18n/i18n.js';
import { LanguageService, type LanguageProfile } from './i18n/languageService.js';
import { LanguageSwitchAdvisor, type LanguageSwitchMemory } from './i18n/languageSwitch.js';
import { turnLanguage } from './i18n/turnLanguage.js';
import { createLogger, type Logger } from './log.js';
import type { Feature, FeatureContext } from './features.js';
import { JobRunner } from './jobs/jobRunner.js';
import { createAnalyticsFeature } from './analytics/feature.js';
import { createBookingFeature } from './booking/feature.js';
import { createCoachesFeature } from './coaches/feature.js';
import { createKnowledgeFeature, type KnowledgeFeature } from './knowledge/feature.js';
import { createNotificationsFeature } from './notifications/feature.js';
import { createPilotFeature } from './pilot/feature.js';
import { createPrivacyFeature } from './privacy/feature.js';
import { createChannelAuthentication } from './security/channelAuth.js';
import { HttpEdge } from './security/httpEdge.js';
import { createWebchatFeature } from './webchat/feature.js';
import { turnLogger } from './observability/correlation.js';
import { registerDatabaseGauges } from './observability/gauges.js';
import { metricsRoute, MetricsServer } from './observability/http.js';
import { instrumentJob } from './observability/jobs.js';
import { Metrics } from './observability/metrics.js';
import { OmaBot } from './omaBot.js';
import { redact } from './privacy/redact.js';
import { PrismaStorage } from './state/prismaStorage.js';

export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  /** Tests run scheduled jobs themselves with app.jobs.runOnce(name). */
  manualJobs?: boolean;
}

export interface App {
  config: Config;
  server: Server;
  db: Database;
  adapter: CloudAdapter;
  bot: OmaBot;
  transcripts: TranscriptStore;
  logger: Logger;
  jobs: JobRunner;
  features: Feature[];
  /** Shared services, for tests and tools. */
  context: FeatureContext;
  metrics: Metrics;
  /** The internal metrics port when METRICS_PORT is set (after listen()). */
  metricsPort?: number;
  /** Starts listening; resolves with the bound port (PORT=0 picks a free one). */
  listen(): Promise<number>;
  /** Stops accepting work, finishes turns in flight, flushes the transcript, closes the database. */
  close(): Promise<void>;
}

export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const clock = overrides.clock ?? systemClock;
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir, poolMax: config.DB_POOL_MAX });
  const metrics = new Metrics(logger);
  registerDatabaseGauges(metrics, db.prisma, clock);

  const storage = new PrismaStorage(db.prisma);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);

  const translator = createTranslator();
  const conversations = new ConversationRepository(db.prisma, clock);
  const language = new LanguageService(translator, userState.createProperty<LanguageProfile>('language'), conversations, config.DEFAULT_LOCALE);
  const commands = new CommandWords(translator);
  const languageSwitch = new LanguageSwitchAdvisor(language, conversationState.createProperty<LanguageSwitchMemory>('languageSwitch'));

  // The OpenID metadata URLs are normally unset (public cloud); tests serve their own signing keys.
  const auth = createChannelAuthentication(config);
  const adapter = new CloudAdapter(auth);
  const transcripts = new TranscriptStore(db.prisma, logger, (text) => redact(text).text);
  const jobs = new JobRunner(db.prisma, clock, logger);
  const proactive = new ProactiveMessenger(adapter, config.MicrosoftAppId, logger);
  const context: FeatureContext = { config, db, prisma: db.prisma, clock, logger, translator, language, conversations, transcripts, adapter, jobs, proactive, metrics };

  // Menu order follows this list.
  const features: Feature[] = [];
  // The employment pilot first: "About the employment pilot" and "Am I in the pilot?".
  features.push(await createPilotFeature(context, { features: () => features }));
  // Booking a meeting with the coach: "Book a meeting" and "My appointments".
  features.push(await createBookingFeature(context));
  // Coach emails, jobseeker emails and reminders from the outbox; the coach feed, coach API and admin API.
  features.push(createNotificationsFeature(context, { noteTranslator: () => (features.find((f) => f.name === 'knowledge') as KnowledgeFeature | undefined)?.noteTranslator }));
  features.push(createCoachesFeature(context));
  // Questions come last: no menu entry; answers can start the other features' dialogs.
  const knowledge = createKnowledgeFeature(context, { features: () => features });
  features.push(knowledge);
  // The web widget: chat page and self-hosted Direct Line (no menu entry).
  const webchat = await createWebchatFeature(context, { bot: () => bot, isShuttingDown: () => shuttingDown });
  features.push(webchat);
  // Coordinator analytics: the anonymous per-day report (GET /admin/report, no menu entry).
  features.push(createAnalyticsFeature(context));
  // Privacy: "my data" and feedback menu entries, privacy and accessibility pages, retention.
  const privacy = createPrivacyFeature(context, { providers: () => features.flatMap((f) => f.personalData ?? []) });
  features.push(privacy);

  const mainDialog = new MainDialog(
    commands,
    new LanguageDialog(language),
    features.flatMap((f) => f.menu ?? []),
    features.find((f) => f.freeText)?.freeText,
    languageSwitch,
  );
  for (const job of features.flatMap((f) => f.jobs ?? [])) jobs.add(instrumentJob(job, metrics));
  const bot = new OmaBot({ conversationState, userState, mainDialog, language, conversations, logger, municipalityName: config.MUNICIPALITY_NAME, metrics, maxMessageChars: config.MAX_MESSAGE_CHARS });

  // Outside the transcript logger, so an erasing turn's own messages are erased after it.
  adapter.use(privacy.middleware);
  adapter.use(new TranscriptLoggerMiddleware(transcripts));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    metrics.errors.inc({ kind: 'turn' });
    turnLogger(context, logger).error({ err: { name: error.name, stack: error.stack?.split('\n').slice(1, 6).join('\n') }, conversationId: context.activity?.conversation?.id }, 'turn failed');
    let t;
    try {
      t = turnLanguage(context).t;
    } catch {
      t = language.fallbackFor(context).t;
    }
    try {
      await context.sendActivity(MessageFactory.text(t('errors.turnFailed')));
    } catch {
      // The channel may be the thing that failed; nothing more to do.
    }
  };

  const inflight = new InflightTracker();
  const metricsExposure = { token: config.METRICS_TOKEN, port: config.METRICS_PORT, host: config.host };
  let shuttingDown = false;
  const server = createHttpServer(
    {
      adapter,
      bot,
      db,
      logger,
      inflight,
      maxBodyBytes: config.MAX_BODY_BYTES,
      turnTimeoutMs: config.TURN_TIMEOUT_MS,
      isShuttingDown: () => shuttingDown,
      metrics,
      edge: new HttpEdge({
        corsOrigins: config.CORS_ORIGINS,
        trustProxy: config.TRUST_PROXY,
        ratePerMinute: config.RATE_LIMIT_PER_MINUTE,
        conversationPerMinute: config.RATE_LIMIT_CONVERSATION_PER_MINUTE,
        production: config.production,
        hsts: config.publicBaseUrl.startsWith('https://'),
        // Rate limits follow real time, not the injected business clock.
      }),
    },
    [...features.flatMap((f) => f.routes ?? []), metricsRoute(metrics, metricsExposure)],
  );
  const metricsServer = new MetricsServer(metrics, metricsExposure, logger);

  if (!config.production) {
    logger.warn({ host: config.host }, 'local mode: MicrosoftAppId is not set, so Bot Framework channel authentication is OFF; do not expose this port publicly');
  }

  let closed: Promise<void> | undefined;
  const app: App = {
    config,
    server,
    db,
    adapter,
    bot,
    transcripts,
    logger,
    jobs,
    features,
    context,
    metrics,
    listen: async () => {
      app.metricsPort = await metricsServer.listen();
      return new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.host, () => {
          if (!overrides.manualJobs) jobs.start();
          resolve(server.address().port);
        });
      });
    },
    close: () =>
      (closed ??= (async () => {
        shuttingDown = true;
        webchat.beginShutdown();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Idle keep-alive sockets would hold close() open.
          (server.server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        });
        await inflight.drain(10_000);
        await metricsServer.close();
        await jobs.stop();
        for (const f of features) await f.close?.();
        await transcripts.flush();
        await db.close();
      })()),
  };
  return app;
}
