/**
 * Live chat with a coach ("talk to a person"): the handoff service its dialogs use, the coach's
 * HTTP API (routes.ts), the queue job (timeouts and "you are still in the queue" notices), retention
 * of handoffs and call-back requests, and their part in "show my data" and "delete my data".
 */
import { CoachRepository } from '../booking/coachRepository.js';
import type { CoachTokenService } from '../coaches/tokens.js';
import type { Config } from '../config.js';
import type { ConversationRepository } from '../conversations/conversationRepository.js';
import type { ProactiveMessenger } from '../conversations/proactive.js';
import type { PrismaClient } from '../db/database.js';
import type { Translator } from '../i18n/i18n.js';
import type { Clock } from '../kernel/clock.js';
import type { Feature, PersonalDataProvider, ScheduledJob } from '../kernel/contracts.js';
import type { Logger } from '../kernel/log.js';
import { createChatModel, type ChatModel } from '../llm/client.js';
import type { AuditLog } from '../privacy/audit.js';
import type { CoachConsoleSection } from '../staff/sections.js';
import { CallbackRepository } from './callbackRepository.js';
import { liveChatSection } from './consoleSection.js';
import { HandoffRepository } from './handoffRepository.js';
import { HandoffService } from './handoffService.js';
import { LiveStatusRepository } from './liveStatusRepository.js';
import { PersonRequestRecognizer } from './recognizer.js';
import { handoffRoutes } from './routes.js';
import { LlmMessageTranslator } from './translation.js';

export interface HandoffFeature extends Feature {
  service: HandoffService;
  recognizer: PersonRequestRecognizer;
  /** The live chat on the coach's page in the staff console. */
  consoleSection: CoachConsoleSection;
}

export interface HandoffFeatureDeps {
  config: Config;
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  translator: Translator;
  proactive: ProactiveMessenger;
  conversations: ConversationRepository;
  audit: AuditLog;
  /** The coaches' API tokens authenticate the coach side. */
  tokens: CoachTokenService;
  isShuttingDown(): boolean;
  /** Tests may hand in their own model; otherwise the configured one (none without OPENAI_*). */
  model?: ChatModel;
}

const QUEUE_JOB_MS = 15_000;
/** A waiting jobseeker hears their place again this often. */
export const QUEUE_NOTICE_MS = 2 * 60_000;
const RETENTION_JOB_MS = 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

export function createHandoffFeature(deps: HandoffFeatureDeps): HandoffFeature {
  const { config, prisma, clock, logger } = deps;
  const handoffs = new HandoffRepository(prisma);
  const callbacks = new CallbackRepository(prisma);
  const model = deps.model ?? createChatModel(config, logger);
  const service = new HandoffService({
    handoffs,
    callbacks,
    live: new LiveStatusRepository(prisma),
    coaches: new CoachRepository(prisma),
    conversations: deps.conversations,
    proactive: deps.proactive,
    translator: deps.translator,
    messageTranslator: model ? new LlmMessageTranslator(model, logger) : undefined,
    clock,
    logger,
    queueTimeoutMs: config.HANDOFF_QUEUE_TIMEOUT_MINUTES * 60_000,
    botId: config.MicrosoftAppId ?? 'oma-botti',
  });

  const queue: ScheduledJob = {
    name: 'handoff-queue',
    intervalMs: QUEUE_JOB_MS,
    leaseMs: 60_000,
    run: async () => {
      const timedOut = await service.timeOutQueue();
      const reminded = await service.remindQueue(QUEUE_NOTICE_MS);
      if (timedOut || reminded) logger.info({ job: 'handoff-queue', timedOut, reminded }, 'handoff: queue attended');
    },
  };

  const retention: ScheduledJob = {
    name: 'handoff-retention',
    intervalMs: RETENTION_JOB_MS,
    leaseMs: 10 * 60_000,
    run: async () => {
      const cutoff = new Date(clock.now().getTime() - config.RETENTION_DAYS * DAY_MS);
      for (const id of await handoffs.endedWithRawText()) await service.redactEnded(id);
      const purged = { handoffs: await handoffs.purgeEndedBefore(cutoff), callbacks: await callbacks.purgeBefore(cutoff) };
      if (purged.handoffs || purged.callbacks) logger.info({ job: 'handoff-retention', ...purged }, 'handoff: purged old live chats and call-back requests');
    },
  };

  const personalData: PersonalDataProvider = {
    name: 'handoff',
    labelKey: 'handoff:data.label',
    export: async (subject) => ({
      liveChats: (await handoffs.forSubject(subject.channelId, subject.conversationIds, subject.userId)).map((h) => ({
        requestedAt: h.requestedAt.toISOString(),
        status: h.status,
        municipality: h.municipality,
        acceptedAt: h.acceptedAt?.toISOString() ?? null,
        endedAt: h.endedAt?.toISOString() ?? null,
        messages: h.messages.map((m) => ({ from: m.sender, text: m.text, translation: m.translation, at: m.createdAt.toISOString() })),
      })),
      callbackRequests: (await callbacks.forSubject(subject.channelId, subject.conversationIds, subject.userId)).map((c) => ({
        name: c.name,
        phone: c.phone,
        preferredTime: c.preferredTime,
        municipality: c.municipality,
        status: c.status,
        createdAt: c.createdAt.toISOString(),
      })),
    }),
    erase: async (subject) => {
      await handoffs.eraseSubject(subject.channelId, subject.conversationIds, subject.userId);
      await callbacks.eraseSubject(subject.channelId, subject.conversationIds, subject.userId);
    },
  };

  return {
    name: 'handoff',
    service,
    recognizer: new PersonRequestRecognizer(deps.translator),
    consoleSection: liveChatSection(service, deps.audit, deps.isShuttingDown),
    routes: [handoffRoutes({ logger, tokens: deps.tokens, service, audit: deps.audit, isShuttingDown: deps.isShuttingDown })],
    jobs: [queue, retention],
    personalData: [personalData],
  };
}
