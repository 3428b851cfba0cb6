/**
 * The web widget as a Feature: the chat page, the self-hosted Direct Line channel and its
 * loopback serviceUrl, export and erasure of widget conversations, and their retention.
 */
import type { Feature, FeatureContext, PersonalDataProvider } from '../features.js';
import type { ScheduledJob } from '../jobs/jobRunner.js';
import type { OmaBot } from '../omaBot.js';
import { newToken } from '../security/tokens.js';
import { CHANNEL_ID, DirectLineChannel } from './directLine.js';
import { LoopbackListener, LOOPBACK_PATH } from './loopback.js';
import { LongPollHub } from './longPoll.js';
import { WidgetPage } from './page.js';
import { DirectLineStore } from './store.js';

export interface WebchatFeature extends Feature {
  store: DirectLineStore;
  channel: DirectLineChannel;
  hub: LongPollHub;
  loopback: LoopbackListener;
  /** Call when shutdown begins: held long-polls answer at once, so the server can close. */
  beginShutdown(): void;
}

export interface WebchatDeps {
  /** The bot, built after the features (it needs their menu entries). */
  bot(): OmaBot;
  isShuttingDown(): boolean;
}

const CACHE_SWEEP_MS = 60_000;
const RETENTION_JOB_MS = 60 * 60 * 1000;
/** Delivered activities stay this long; a reload after that reads the history from the transcript. */
const DELIVERY_QUEUE_MS = 60 * 60 * 1000;

/** True for a serviceUrl that some process's loopback listener handed out. */
export function isLoopbackServiceUrl(serviceUrl: unknown): boolean {
  if (typeof serviceUrl !== 'string') return false;
  try {
    const url = new URL(serviceUrl);
    return url.protocol === 'http:' && url.hostname === '127.0.0.1' && url.pathname === LOOPBACK_PATH;
  } catch {
    return false;
  }
}

export async function createWebchatFeature(ctx: FeatureContext, deps: WebchatDeps): Promise<WebchatFeature> {
  const { config, prisma, clock, logger } = ctx;
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
  const channel = new DirectLineChannel({
    store,
    hub,
    adapter: ctx.adapter,
    bot: deps.bot,
    clock,
    logger,
    botId,
    longPollMs: config.WEBCHAT_LONG_POLL_MS,
    serviceUrl: () => loopback.serviceUrl,
    loopbackSecret,
    trustProxy: config.TRUST_PROXY,
    azure: config.WEBCHAT_DIRECT_LINE_SECRET ? { url: config.WEBCHAT_DIRECT_LINE_URL, secret: config.WEBCHAT_DIRECT_LINE_SECRET } : undefined,
    isShuttingDown: () => shuttingDown || deps.isShuttingDown(),
  });
  const page = new WidgetPage({ translator: ctx.translator, defaultLocale: config.DEFAULT_LOCALE, municipalityName: config.MUNICIPALITY_NAME, frameAncestors: config.FRAME_ANCESTORS,
    directLineUrl: config.WEBCHAT_DIRECT_LINE_SECRET ? config.WEBCHAT_DIRECT_LINE_URL : undefined,
  });

  // A stored reference names whichever process served the conversation last; deliver through ours.
  ctx.proactive.registerServiceUrlResolver(
    (reference) => (reference.channelId === CHANNEL_ID && isLoopbackServiceUrl(reference.serviceUrl) ? loopback.serviceUrl : undefined),
    (reference, logic) => channel.continueConversation(reference, logic),
  );

  // Idle conversations leave the in-memory caches (token lookups, rate-limit buckets).
  const sweeper = setInterval(() => {
    store.sweepCache();
    channel.sweep();
  }, CACHE_SWEEP_MS);
  sweeper.unref();

  const personalData: PersonalDataProvider = {
    name: 'webchat',
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
      const delivered = await store.pruneDelivered(new Date(clock.now().getTime() - DELIVERY_QUEUE_MS));
      if (purged.conversations || purged.tokens || delivered) logger.info({ job: 'webchat-retention', ...purged, delivered }, 'webchat: purged old conversations, expired tokens and delivered activities');
    },
  };

  let closed: Promise<void> | undefined;
  return {
    name: 'webchat',
    store,
    channel,
    hub,
    loopback,
    routes: [(server) => page.install(server), (server) => channel.install(server)],
    jobs: [retention],
    personalData: [personalData],
    beginShutdown: () => {
      shuttingDown = true;
      hub.close();
    },
    close: () =>
      (closed ??= (async () => {
        shuttingDown = true;
        clearInterval(sweeper);
        hub.close();
        await channel.drain(10_000);
        await loopback.close();
      })()),
  };
}
