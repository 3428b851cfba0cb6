/**
 * The web widget: the chat page, the self-hosted Direct Line channel and its loopback serviceUrl,
 * export and erasure of widget conversations, and their retention.
 *
 * It is built in two steps because the channel runs the bot, and the bot is built after every
 * feature's services: createWebchatFeature() with the services, then createDirectLineChannel()
 * once the bot exists.
 */
import type { CloudAdapter } from 'botbuilder';
import type { Config } from '../config.js';
import type { ProactiveMessenger } from '../conversations/proactive.js';
import type { PrismaClient } from '../db/database.js';
import type { Translator } from '../i18n/i18n.js';
import type { Clock } from '../kernel/clock.js';
import type { Feature, PersonalDataProvider, ScheduledJob, TurnHandler } from '../kernel/contracts.js';
import type { Logger } from '../kernel/log.js';
import { newToken } from '../security/tokens.js';
import { CHANNEL_ID, DirectLineChannel } from './directLine.js';
import { LoopbackListener, LOOPBACK_PATH } from './loopback.js';
import { LongPollHub } from './longPoll.js';
import { WidgetPage } from './page.js';
import { DirectLineStore } from './store.js';

export interface WebchatFeature extends Feature {
  store: DirectLineStore;
  hub: LongPollHub;
  loopback: LoopbackListener;
  /** The secret the loopback listener expects from this process's connector calls. */
  loopbackSecret: string;
  /** Call when shutdown begins: held long-polls answer at once, so the server can close. */
  beginShutdown(): void;
  isShuttingDown(): boolean;
}

export interface WebchatFeatureDeps {
  config: Config;
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  translator: Translator;
}

const CACHE_SWEEP_MS = 60_000;
const RETENTION_JOB_MS = 60 * 60 * 1000;
/**
 * Queued activities hold the text as written (unredacted) so the live conversation shows it; they
 * stay this long after they were written, which covers delivery to a polling page many times over.
 * A reload reads the redacted transcript instead.
 */
export const DELIVERY_QUEUE_MS = 10 * 60 * 1000;
const DELIVERY_PRUNE_JOB_MS = 60 * 1000;

/** True for a serviceUrl that some process's loopback listener handed out. */
function isLoopbackServiceUrl(serviceUrl: unknown): boolean {
  if (typeof serviceUrl !== 'string') return false;
  try {
    const url = new URL(serviceUrl);
    return url.protocol === 'http:' && url.hostname === '127.0.0.1' && url.pathname === LOOPBACK_PATH;
  } catch {
    return false;
  }
}

export async function createWebchatFeature(deps: WebchatFeatureDeps): Promise<WebchatFeature> {
  const { config, prisma, clock, logger } = deps;
  const botId = config.MicrosoftAppId ?? 'oma-botti';
  const store = new DirectLineStore(prisma, clock, config.WEBCHAT_TOKEN_TTL_SECONDS);
  const hub = new LongPollHub(store, config.WEBCHAT_POLL_INTERVAL_MS, logger);
  const loopbackSecret = newToken(32);
  const loopback = new LoopbackListener({
    store,
    hub,
    clock,
    logger,
    botId,
    maxBodyBytes: config.MAX_BODY_BYTES,
    secret: loopbackSecret,
    acceptUnsigned: !config.production,
  });
  await loopback.start();

  let shuttingDown = false;
  const page = new WidgetPage({
    translator: deps.translator,
    defaultLocale: config.DEFAULT_LOCALE,
    municipalityName: config.MUNICIPALITY_NAME,
    frameAncestors: config.FRAME_ANCESTORS,
    directLineUrl: config.WEBCHAT_DIRECT_LINE_SECRET ? config.WEBCHAT_DIRECT_LINE_URL : undefined,
  });

  // Idle conversations leave the in-memory token cache.
  const sweeper = setInterval(() => store.sweepCache(), CACHE_SWEEP_MS);
  sweeper.unref();

  const personalData: PersonalDataProvider = {
    name: 'webchat',
    labelKey: 'privacy:features.webchat',
    // The requesting conversation's rows carry the confirmation; they go a moment after the turn.
    deliversReplies: true,
    export: async (subject) => ({ conversations: await store.exportConversations(subject.conversationIds) }),
    erase: async (subject) => {
      await store.eraseConversations(subject.conversationIds);
    },
  };

  const retention: ScheduledJob = {
    name: 'webchat-retention',
    intervalMs: RETENTION_JOB_MS,
    leaseMs: 10 * 60 * 1000,
    run: async () => {
      const cutoff = new Date(clock.now().getTime() - config.RETENTION_DAYS * 24 * 60 * 60 * 1000);
      const purged = await store.purge(cutoff);
      if (purged.conversations || purged.tokens) logger.info({ job: 'webchat-retention', ...purged }, 'webchat: purged old conversations and expired tokens');
    },
  };

  const deliveryQueue: ScheduledJob = {
    name: 'webchat-delivery-queue',
    intervalMs: DELIVERY_PRUNE_JOB_MS,
    leaseMs: 60 * 1000,
    run: async () => {
      const delivered = await store.pruneDelivered(new Date(clock.now().getTime() - DELIVERY_QUEUE_MS));
      // Tokens replaced by a refresh lapse a minute later; they leave the table soon after.
      const tokens = await store.purgeExpiredTokens();
      // Processed inbox rows hold no text; they stay as long as a client might resend the same message.
      const inbox = await store.pruneInbox(new Date(clock.now().getTime() - DELIVERY_QUEUE_MS));
      if (delivered || tokens || inbox) logger.info({ job: 'webchat-delivery-queue', delivered, tokens, inbox }, 'webchat: pruned delivered activities, expired tokens and processed inbox rows');
    },
  };

  let closed: Promise<void> | undefined;
  return {
    name: 'webchat',
    store,
    hub,
    loopback,
    loopbackSecret,
    routes: [(server) => page.install(server)],
    jobs: [retention, deliveryQueue],
    personalData: [personalData],
    beginShutdown: () => {
      shuttingDown = true;
      hub.close();
    },
    isShuttingDown: () => shuttingDown,
    close: () =>
      (closed ??= (async () => {
        shuttingDown = true;
        clearInterval(sweeper);
        hub.close();
        await loopback.close();
      })()),
  };
}

export interface DirectLineChannelFeature extends Feature {
  channel: DirectLineChannel;
}

export interface DirectLineChannelDeps {
  config: Config;
  clock: Clock;
  logger: Logger;
  adapter: CloudAdapter;
  proactive: ProactiveMessenger;
  /** The bot that answers the widget's messages. */
  bot: TurnHandler;
  /** True once the app is shutting down. */
  isShuttingDown(): boolean;
  /** The user is typing in the widget (live chat with a coach). */
  onUserTyping?(channelId: string, conversationId: string): Promise<void>;
}

/** The widget's Direct Line endpoints, answered by `bot`; close it before the webchat feature. */
export function createDirectLineChannel(webchat: WebchatFeature, deps: DirectLineChannelDeps): DirectLineChannelFeature {
  const { config, clock, logger } = deps;
  const channel = new DirectLineChannel({
    store: webchat.store,
    hub: webchat.hub,
    adapter: deps.adapter,
    bot: deps.bot,
    clock,
    logger,
    botId: config.MicrosoftAppId ?? 'oma-botti',
    longPollMs: config.WEBCHAT_LONG_POLL_MS,
    inboxLeaseMs: config.WEBCHAT_INBOX_LEASE_MS,
    serviceUrl: () => webchat.loopback.serviceUrl,
    loopbackSecret: webchat.loopbackSecret,
    trustProxy: config.TRUST_PROXY,
    onUserTyping: deps.onUserTyping,
    azure: config.WEBCHAT_DIRECT_LINE_SECRET ? { url: config.WEBCHAT_DIRECT_LINE_URL, secret: config.WEBCHAT_DIRECT_LINE_SECRET } : undefined,
    isShuttingDown: () => webchat.isShuttingDown() || deps.isShuttingDown(),
  });

  // A stored reference names whichever process served the conversation last; deliver through ours.
  deps.proactive.registerServiceUrlResolver(
    (reference) => (reference.channelId === CHANNEL_ID && isLoopbackServiceUrl(reference.serviceUrl) ? webchat.loopback.serviceUrl : undefined),
    (reference, logic) => channel.continueConversation(reference, logic),
  );

  // Idle conversations leave the in-memory rate-limit buckets.
  const sweeper = setInterval(() => channel.sweep(), CACHE_SWEEP_MS);
  sweeper.unref();
  // Activities accepted by a process that has since died are run from here on.
  channel.start();

  let closed: Promise<void> | undefined;
  return {
    name: 'webchatChannel',
    channel,
    routes: [(server) => channel.install(server)],
    close: () =>
      (closed ??= (async () => {
        clearInterval(sweeper);
        webchat.beginShutdown();
        await channel.close(10_000);
      })()),
  };
}
