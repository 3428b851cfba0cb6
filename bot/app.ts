/**
 * The composition root, the only module that knows every part. It builds the app in phases and
 * passes each part the real references it needs through its constructor:
 *   1. infrastructure: database, state, translator, language, adapter, transcript, jobs;
 *   2. feature services, each from its own folder under bot/;
 *   3. dialogs, from dialogs/<feature>/, over those services;
 *   4. the bot;
 *   5. the HTTP edge: the widget's channel (it runs the bot) and the server with every route.
 */
import { CloudAdapter, ConversationState, MessageFactory, TranscriptLoggerMiddleware, UserState, type Activity, type ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { BookingDialog } from '../dialogs/booking/bookingDialog.js';
import { ConversationFacts } from './conversations/conversationFacts.js';
import { MyAppointmentsDialog } from '../dialogs/booking/myAppointmentsDialog.js';
import { QUESTION_PROMPT, QuestionDialog } from '../dialogs/knowledge/questionDialog.js';
import { LanguageDialog } from '../dialogs/language/languageDialog.js';
import { MainDialog } from '../dialogs/main/mainDialog.js';
import { createPilotDialogs } from '../dialogs/pilot/pilotDialogs.js';
import { HandoffDialog } from '../dialogs/handoff/handoffDialog.js';
import { DeleteMyDataDialog } from '../dialogs/privacy/deleteMyDataDialog.js';
import { FeedbackDialog } from '../dialogs/privacy/feedbackDialog.js';
import { PrivacyDialog, type PrivacyDialogOptions } from '../dialogs/privacy/privacyDialog.js';
import { ShowMyDataDialog } from '../dialogs/privacy/showMyDataDialog.js';
import { createAnalyticsFeature, type AnalyticsFeature } from './analytics/feature.js';
import { createBookingFeature, type BookingFeature } from './booking/feature.js';
import { createCoachesFeature, type CoachesFeature } from './coaches/feature.js';
import type { Config } from './config.js';
import { ConversationRepository } from './conversations/conversationRepository.js';
import { ProactiveMessenger } from './conversations/proactive.js';
import { TranscriptStore } from './conversations/transcriptStore.js';
import { openDatabase, type Database } from './db/database.js';
import type { StatementObserver } from './db/sql.js';
import { InflightTracker } from './http/inflight.js';
import { createHttpServer } from './http/server.js';
import { CommandWords } from './i18n/commandWords.js';
import { createTranslator, type Translator } from './i18n/i18n.js';
import { turnLanguage } from './i18n/turnLanguage.js';
import { JobLeaseRepository } from './jobs/jobLeaseRepository.js';
import { JobRunner } from './jobs/jobRunner.js';
import { systemClock, type Clock } from './kernel/clock.js';
import { sendTimestamps } from './conversations/sendTimestamps.js';
import type { Feature, MenuEntry } from './kernel/contracts.js';
import { createLogger, type Logger } from './kernel/log.js';
import { redact } from './kernel/redact.js';
import { createHandoffFeature, type HandoffFeature } from './handoff/feature.js';
import { LiveChatWords } from './handoff/recognizer.js';
import { createKnowledgeFeature, type KnowledgeFeature } from './knowledge/feature.js';
import { LanguageService, type LanguageProfile } from './language/languageService.js';
import { LanguageSwitchAdvisor, type LanguageSwitchMemory } from './language/languageSwitch.js';
import { createNotificationsFeature, renderSettings, type NotificationsFeature } from './notifications/feature.js';
import { turnLogger } from './observability/correlation.js';
import { registerDatabaseGauges } from './observability/gauges.js';
import { metricsRoute, MetricsServer } from './observability/http.js';
import { instrumentJob } from './observability/jobs.js';
import { Metrics } from './observability/metrics.js';
import { OmaBot } from './omaBot.js';
import { createPilotFeature, type PilotFeature } from './pilot/feature.js';
import { AuditLog } from './privacy/audit.js';
import { AuditLogRepository } from './privacy/auditLogRepository.js';
import { createPrivacyFeature, type PrivacyFeature } from './privacy/feature.js';
import type { CoachConsoleSection } from './staff/sections.js';
import { createStaffFeature, type StaffFeature } from './staff/feature.js';
import { createChannelAuthentication } from './security/channelAuth.js';
import { HttpEdge } from './security/httpEdge.js';
import { SqlStorage } from './state/sqlStorage.js';
import { createDirectLineChannel, createWebchatFeature, type DirectLineChannelFeature, type WebchatFeature } from './webchat/feature.js';

export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  /** Tests run scheduled jobs themselves with app.jobs.runOnce(name). */
  manualJobs?: boolean;
  /** The rate limits' clock: real time, not the business clock, unless a test holds it still. */
  rateLimitClock?: Clock;
  /** Sees every database statement before it goes out (tests count what a turn waits for). */
  onStatement?: StatementObserver;
}

/**
 * Sections other features add to a coach's page in the staff console (bot/staff/sections.ts), in
 * this order. The live-handoff feature's "available for live chat" switch goes here.
 */
function coachConsoleSections(features: Omit<AppFeatures, 'webchatChannel' | 'staff'>): CoachConsoleSection[] {
  return [features.handoff.consoleSection];
}

/** What every feature may build on: phase 1. */
export interface Infrastructure {
  config: Config;
  clock: Clock;
  logger: Logger;
  db: Database;
  metrics: Metrics;
  translator: Translator;
  conversationState: ConversationState;
  userState: UserState;
  conversations: ConversationRepository;
  language: LanguageService;
  languageSwitch: LanguageSwitchAdvisor;
  /** What the user already said in the conversation (their municipality), for every dialog. */
  facts: ConversationFacts;
  commands: CommandWords;
  adapter: CloudAdapter;
  /** The adapter's own channel authentication, checked once more before rate limits. */
  channelAuth: ConfigurationBotFrameworkAuthentication;
  transcripts: TranscriptStore;
  jobs: JobRunner;
  /** Reminders and other bot-initiated messages go through this. */
  proactive: ProactiveMessenger;
  audit: AuditLog;
}

/**
 * How long shutdown lets open HTTP requests finish before closing their connections: with the
 * turns' drain after it, the process exits within the 15 s the README gives it before a SIGKILL.
 */
const SHUTDOWN_CONNECTIONS_MS = 8_000;

/** Every feature's services, by name. */
export interface AppFeatures {
  pilot: PilotFeature;
  booking: BookingFeature;
  knowledge: KnowledgeFeature;
  notifications: NotificationsFeature;
  coaches: CoachesFeature;
  handoff: HandoffFeature;
  webchat: WebchatFeature;
  webchatChannel: DirectLineChannelFeature;
  analytics: AnalyticsFeature;
  privacy: PrivacyFeature;
  staff: StaffFeature;
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
  infra: Infrastructure;
  features: AppFeatures;
  metrics: Metrics;
  /** The internal metrics port when METRICS_PORT is set (after listen()). */
  metricsPort?: number;
  /** Starts listening; resolves with the bound port (PORT=0 picks a free one). */
  listen(): Promise<number>;
  /** Stops accepting work, finishes turns in flight, flushes the transcript, closes the database. */
  close(): Promise<void>;
}

async function buildInfrastructure(config: Config, overrides: AppOverrides): Promise<Infrastructure> {
  const clock = overrides.clock ?? systemClock;
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir, poolMax: config.DB_POOL_MAX, onStatement: overrides.onStatement });
  const metrics = new Metrics(logger);

  const storage = new SqlStorage(db.sql, clock);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);

  const translator = createTranslator();
  const conversations = new ConversationRepository(db, clock);
  registerDatabaseGauges(metrics, conversations, clock);
  const language = new LanguageService(translator, userState.createProperty<LanguageProfile>('language'), conversations, config.DEFAULT_LOCALE);
  const languageSwitch = new LanguageSwitchAdvisor(language, conversationState.createProperty<LanguageSwitchMemory>('languageSwitch'));

  // The OpenID metadata URLs are normally unset (public cloud); tests serve their own signing keys.
  const channelAuth = createChannelAuthentication(config);
  const adapter = new CloudAdapter(channelAuth);
  return {
    channelAuth,
    config,
    clock,
    logger,
    db,
    metrics,
    translator,
    conversationState,
    userState,
    conversations,
    language,
    languageSwitch,
    facts: new ConversationFacts(conversationState.createProperty('facts')),
    commands: new CommandWords(translator),
    adapter,
    transcripts: new TranscriptStore(db, logger, (text) => redact(text).text, (rows) => metrics.transcriptRowsLost.inc(rows)),
    jobs: new JobRunner(new JobLeaseRepository(db.prisma), clock, logger),
    proactive: new ProactiveMessenger(adapter, config.MicrosoftAppId, logger),
    audit: new AuditLog(new AuditLogRepository(db.prisma), clock, logger),
  };
}

/** Phase 2: each feature's services, given what it needs from the features built before it. */
async function buildFeatures(infra: Infrastructure, overrides: AppOverrides): Promise<Omit<AppFeatures, 'webchatChannel'>> {
  const { config, db, clock, logger, translator, metrics } = infra;
  const prisma = db.prisma;
  const pilot = await createPilotFeature({ prisma, clock, logger, metrics });
  const booking = await createBookingFeature({ config, db, clock, logger, metrics, translator, audit: infra.audit });
  const knowledge = createKnowledgeFeature({ config, prisma, sql: db.sql, clock, logger, translator, matcher: pilot.matcher, transcripts: infra.transcripts });
  const notifications = createNotificationsFeature({ config, prisma, clock, logger, translator, proactive: infra.proactive, metrics, noteTranslator: knowledge.noteTranslator });
  const coaches = createCoachesFeature({ config, prisma, clock, logger, audit: infra.audit, render: renderSettings({ config, translator }) });
  const webchat = await createWebchatFeature({ config, prisma, clock, logger, translator });
  const handoff = createHandoffFeature({
    config,
    prisma,
    clock,
    logger,
    translator,
    proactive: infra.proactive,
    conversations: infra.conversations,
    audit: infra.audit,
    tokens: coaches.admin.tokens,
    isShuttingDown: () => webchat.isShuttingDown(),
  });
  const analytics = createAnalyticsFeature({ config, prisma, clock, logger, kb: knowledge.kb });
  // Privacy last: "show my data" and "delete my data" cover every provider above, in this order.
  const providers = [pilot, booking, knowledge, handoff, webchat].flatMap((f) => f.personalData ?? []);
  const privacy = createPrivacyFeature({
    config,
    prisma,
    clock,
    logger,
    translator,
    transcripts: infra.transcripts,
    conversations: infra.conversations,
    audit: infra.audit,
    providers,
  });
  const staff = createStaffFeature({
    config,
    prisma,
    clock,
    logger,
    translator,
    audit: infra.audit,
    coaches: coaches.coaches,
    admin: coaches.admin,
    booking: booking.service,
    reports: analytics.reports,
    gaps: knowledge.gaps,
    notes: knowledge.noteTranslator,
    coachSections: coachConsoleSections({ pilot, booking, knowledge, notifications, coaches, handoff, webchat, analytics, privacy }),
    rateLimitClock: overrides.rateLimitClock,
  });
  return { pilot, booking, knowledge, notifications, coaches, handoff, webchat, analytics, privacy, staff };
}

/** Phase 3: the dialogs, over the services; the main menu lists them in this order. */
function buildDialogs(infra: Infrastructure, features: Omit<AppFeatures, 'webchatChannel'>): MainDialog {
  const { pilot, booking, knowledge, privacy, handoff } = features;
  const bookingDeps = { service: booking.service, matchMunicipality: pilot.matcher, facts: infra.facts };
  const bookingDialog = new BookingDialog(bookingDeps);
  const myAppointments = new MyAppointmentsDialog(bookingDeps);
  const pilotDialogs = createPilotDialogs({ info: pilot.info, eligibility: pilot.eligibility, translator: infra.translator, booking: { dialogId: bookingDialog.id }, facts: infra.facts });

  // "Talk to a person": asked for in any words, or offered after two answers the bot could not give.
  const person = new HandoffDialog({
    service: handoff.service,
    matchMunicipality: pilot.matcher,
    words: new LiveChatWords(infra.translator, infra.commands),
    booking: { dialogId: bookingDialog.id },
    facts: infra.facts,
  });

  const showData = new ShowMyDataDialog(privacy.actions);
  const deleteData = new DeleteMyDataDialog(privacy.actions);
  const privacyDialog = new PrivacyDialog(privacy.actions, showData, deleteData);

  const menu: MenuEntry[] = [
    ...pilotDialogs.menu,
    { id: 'booking', labelKey: 'booking:menu.book', dialog: bookingDialog },
    { id: 'myAppointments', labelKey: 'booking:menu.mine', dialog: myAppointments },
    { id: 'myData', labelKey: 'privacy:menu.myData', dialog: privacyDialog },
    { id: 'feedback', labelKey: 'privacy:menu.feedback', dialog: new FeedbackDialog(privacy.actions) },
  ];
  // Answers can start these dialogs from their buttons.
  const questions = new QuestionDialog({
    service: knowledge.service,
    kb: knowledge.kb,
    starts: {
      booking: { dialogId: bookingDialog.id },
      eligibility: { dialogId: pilotDialogs.eligibility.id },
      privacy: { dialogId: privacyDialog.id },
    },
    person: { dialogId: person.id },
    facts: infra.facts,
  });
  return new MainDialog({
    commands: infra.commands,
    menu,
    freeText: {
      dialog: questions,
      options: (text: string) => ({ text }),
      recognizes: (text, locale) => knowledge.service.recognizes(text, locale),
      promptIds: [QUESTION_PROMPT],
    },
    routes: {
      commands: {
        language: { dialog: new LanguageDialog(infra.language) },
        showData: { dialog: privacyDialog, options: { action: 'show' } satisfies PrivacyDialogOptions },
        deleteData: { dialog: privacyDialog, options: { action: 'delete' } satisfies PrivacyDialogOptions },
      },
      languageOffer: { advisor: infra.languageSwitch },
      person: { recognizer: handoff.recognizer, dialog: person },
    },
  });
}

export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const infra = await buildInfrastructure(config, overrides);
  const { logger, metrics, adapter, transcripts, jobs, language, db } = infra;
  const services = await buildFeatures(infra, overrides);
  const mainDialog = buildDialogs(infra, services);

  // Phase 4: the bot.
  const bot = new OmaBot({
    conversationState: infra.conversationState,
    userState: infra.userState,
    mainDialog,
    language,
    conversations: infra.conversations,
    logger,
    municipalityName: config.MUNICIPALITY_NAME,
    metrics,
    maxMessageChars: config.MAX_MESSAGE_CHARS,
    onUserTyping: (channelId, conversationId) => services.handoff.service.jobseekerTyping(channelId, conversationId),
    relayToLiveChat: (channelId, conversationId, text, locale) => services.handoff.service.relayIfOpen(channelId, conversationId, text, locale),
  });

  // Outside the transcript logger, so an erasing turn's own messages are erased after it.
  adapter.use(services.privacy.middleware);
  adapter.use(sendTimestamps(infra.clock));
  adapter.use(new TranscriptLoggerMiddleware(transcripts));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    metrics.errors.inc({ kind: 'turn' });
    turnLogger(context, logger).error({ err: error, conversationId: context.activity?.conversation?.id }, 'turn failed');
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

  // Phase 5: the HTTP edge.
  let shuttingDown = false;
  const webchatChannel = createDirectLineChannel(services.webchat, { config, clock: infra.clock, logger, adapter, proactive: infra.proactive, bot, isShuttingDown: () => shuttingDown, onUserTyping: (channelId, conversationId) => services.handoff.service.jobseekerTyping(channelId, conversationId) });
  const features: AppFeatures = { ...services, webchatChannel };
  // Closed in this order at shutdown: the channel drains before the widget's loopback listener closes.
  const all: Feature[] = [features.pilot, features.booking, features.notifications, features.coaches, features.handoff, features.knowledge, webchatChannel, features.webchat, features.analytics, features.privacy, features.staff];
  for (const job of all.flatMap((f) => f.jobs ?? [])) jobs.add(instrumentJob(job, metrics));

  const inflight = new InflightTracker();
  const metricsExposure = { token: config.METRICS_TOKEN, port: config.METRICS_PORT, host: config.host };
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
      // The adapter checks the token again; the signing keys are cached, so that costs little.
      authenticate: config.production ? (activity, authHeader) => infra.channelAuth.authenticateRequest(activity as Partial<Activity> as Activity, authHeader) : undefined,
      edge: new HttpEdge({
        corsOrigins: config.CORS_ORIGINS,
        trustProxy: config.TRUST_PROXY,
        ratePerMinute: config.RATE_LIMIT_PER_MINUTE,
        conversationPerMinute: config.RATE_LIMIT_CONVERSATION_PER_MINUTE,
        production: config.production,
        hsts: config.publicBaseUrl.startsWith('https://'),
        // Rate limits follow real time, not the injected business clock.
        clock: overrides.rateLimitClock,
      }),
    },
    [...all.flatMap((f) => f.routes ?? []), metricsRoute(metrics, metricsExposure)],
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
    infra,
    features,
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
        services.webchat.beginShutdown();
        const http = server.server as unknown as { closeIdleConnections(): void; closeAllConnections(): void };
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Idle keep-alive sockets would hold close() open; a socket between two polls is idle for a
          // moment only, so keep closing them while the answers in progress finish.
          http.closeIdleConnections();
          const idle = setInterval(() => http.closeIdleConnections(), 100);
          // A client that keeps a request open past the turns' drain time is cut off, so the process
          // always exits within the documented 15 s.
          const cutoff = setTimeout(() => http.closeAllConnections(), SHUTDOWN_CONNECTIONS_MS);
          idle.unref();
          cutoff.unref();
          server.server.once('close', () => {
            clearInterval(idle);
            clearTimeout(cutoff);
          });
        });
        await inflight.drain(10_000);
        await metricsServer.close();
        await jobs.stop();
        for (const f of all) await f.close?.();
        await transcripts.flush();
        await db.close();
      })()),
  };
  return app;
}
