/**
 * A self-hosted Direct Line 3.0 subset, enough for Web Chat's own Direct Line client (polling):
 *
 *   POST /api/webchat/token                          page token: a new conversation and its token
 *   POST /v3/directline/conversations                start the token's conversation
 *   GET  /v3/directline/conversations/{id}           reconnect (after a page reload)
 *   POST /v3/directline/conversations/{id}/activities   send; answers {id}, echoes into the list
 *   GET  /v3/directline/conversations/{id}/activities?watermark=n   long-poll
 *   POST /v3/directline/tokens/refresh               a fresh token for the same conversation
 *
 * User activities reach the bot through the adapter (processActivityDirect) with a serviceUrl that
 * points at this process's loopback listener, so the bot answers with the standard connector REST
 * calls; the listener writes the answers into the database-backed activity list.
 */
import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, ConnectorClient, type AuthenticateRequestResult, type ConnectorFactory } from 'botframework-connector';
import type { Request, Response, Server } from 'restify';
import type { Clock } from '../kernel/clock.js';
import { sendError, sendFailure } from '../http/errors.js';
import { toSupportedLocale } from '../i18n/locales.js';
import type { Logger } from '../kernel/log.js';
import type { TurnHandler } from '../kernel/contracts.js';
import { redact } from '../kernel/redact.js';
import { clientAddress, RateLimiter } from '../security/rateLimiter.js';
import { parseBearer } from '../security/tokens.js';
import { cleanText, hasUnstorableChars, jsonHasUnstorableChars } from '../security/unicode.js';
import type { LongPollHub } from './longPoll.js';
import { randomId, type DirectLineActivityJson, type DirectLineStore, type StoredConversation } from './store.js';
import { isPlainObject } from '../kernel/json.js';

/** The channel id the bot sees, as with Azure's Direct Line, so moving there changes nothing. */
export const CHANNEL_ID = 'directline';
const BOT_NAME = 'OMA-botti';

const LIMITS = {
  /** Largest JSON `value` (suggested-action payloads, events). */
  valueBytes: 4096,
  valueDepth: 8,
  eventNameChars: 100,
  clientActivityIdChars: 100,
  /** Activities returned per poll; the rest follow on the next one. */
  pageSize: 100,
  /** Transcript messages and queued activities a read from the start returns. */
  historySize: 1000,
  /** Long-polls a single conversation may hold open at once. */
  pollsPerConversation: 4,
};

const CONVERSATION_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const LOCALE_RE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;

export interface DirectLineOptions {
  store: DirectLineStore;
  hub: LongPollHub;
  adapter: CloudAdapter;
  /** Runs the turn for each activity the page sends. */
  bot: TurnHandler;
  clock: Clock;
  logger: Logger;
  /** The bot's id as the channel addresses it. */
  botId: string;
  /** How long a GET for activities waits for something new. */
  longPollMs: number;
  /** This process's loopback serviceUrl, known once the listener is up. */
  serviceUrl(): string;
  /** Signs the bot's connector calls to the loopback listener. */
  loopbackSecret: string;
  /** Azure Bot Service's Direct Line, when configured: page tokens come from there instead. */
  azure?: { url: string; secret: string };
  /**
   * WEBCHAT_INBOX_LEASE_MS: how long a stored activity stays with the process that took it without
   * a renewal; after that any live process runs its turn (a crash or restart loses nothing).
   */
  inboxLeaseMs: number;
  /** The user is typing (Web Chat's typing activity): a coach in a live chat with them sees it. */
  onUserTyping?(channelId: string, conversationId: string): Promise<void>;
  /** TRUST_PROXY: where the client address for the new-conversation limit comes from. */
  trustProxy: boolean | number;
  isShuttingDown(): boolean;
}

/** JSON depth, stopping early once past `limit`. */
function depthOf(value: unknown, limit: number, depth = 0): number {
  if (depth > limit || typeof value !== 'object' || value === null) return depth;
  let max = depth + 1;
  for (const v of Object.values(value)) {
    max = Math.max(max, depthOf(v, limit, depth + 1));
    if (max > limit) break;
  }
  return max;
}

/**
 * Redacts every string in a JSON value (what a user typed may be inside card or event values).
 * Only for the history replayed from the transcript: the live conversation shows what was said.
 */
function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redact(value).text;
  if (depth > 20 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, depth + 1)]));
}

/** The fields of a bot activity a Direct Line client is given. */
const OUTBOUND_FIELDS = ['type', 'text', 'speak', 'textFormat', 'inputHint', 'attachments', 'attachmentLayout', 'suggestedActions', 'value', 'name', 'locale', 'replyToId', 'summary', 'importance', 'entities'] as const;

/**
 * A bot activity as queued for the client: whitelisted fields, the text exactly as the bot wrote it
 * (redaction belongs to the transcript and the logs; the user must be able to read the crisis
 * line's number and check their own details in a summary). The queue row is pruned soon after
 * delivery (see DELIVERY_QUEUE_MS in feature.ts) and erased with the conversation.
 */
export function clientViewOfBotActivity(raw: Record<string, unknown>, conversationId: string, botId: string, id: string, timestamp: string): DirectLineActivityJson {
  const out: Record<string, unknown> = {};
  for (const field of OUTBOUND_FIELDS) if (raw[field] !== undefined) out[field] = raw[field];
  const from = isPlainObject(raw.from) ? raw.from : {};
  return {
    ...out,
    type: typeof raw.type === 'string' ? raw.type : 'message',
    id,
    timestamp,
    channelId: CHANNEL_ID,
    conversation: { id: conversationId },
    from: { id: typeof from.id === 'string' && from.id ? from.id : botId, name: typeof from.name === 'string' ? from.name : BOT_NAME, role: 'bot' },
  };
}

type Validated = { ok: true; activity: Record<string, unknown> } | { ok: false; message: string };

/** Checks what a page may send. Everything else in the body (from, serviceUrl, …) is ignored. */
function validateUserActivity(body: unknown): Validated {
  if (!isPlainObject(body)) return { ok: false, message: 'The request body must be a JSON Activity object.' };
  const { type, value, name, locale, attachments, channelData } = body;
  // Free text is repaired (a pasted NUL or a broken emoji should not lose the message); every
  // other field is refused, since changing it would change what the client meant.
  const text = typeof body.text === 'string' ? cleanText(body.text) : body.text;
  if (type !== 'message' && type !== 'event' && type !== 'typing') {
    return { ok: false, message: 'The Activity "type" must be "message", "event" or "typing".' };
  }
  if (text !== undefined && text !== null && typeof text !== 'string') return { ok: false, message: 'The Activity "text" must be a string.' };
  // No length limit of its own beyond the body limit: the bot answers an over-long message with a
  // polite request for a shorter one (MAX_MESSAGE_CHARS), which a 400 here would turn into a
  // "sending failed" the user can never get past by retrying.
  if (attachments !== undefined && !(Array.isArray(attachments) && attachments.length === 0)) {
    return { ok: false, message: 'Attachments and uploads are not supported.' };
  }
  if (value !== undefined) {
    let json: string;
    try {
      json = JSON.stringify(value);
    } catch {
      return { ok: false, message: 'The Activity "value" must be JSON.' };
    }
    if (Buffer.byteLength(json ?? '', 'utf8') > LIMITS.valueBytes) return { ok: false, message: `The Activity "value" is larger than ${LIMITS.valueBytes} bytes.` };
    if (depthOf(value, LIMITS.valueDepth) > LIMITS.valueDepth) return { ok: false, message: `The Activity "value" is nested deeper than ${LIMITS.valueDepth} levels.` };
    if (jsonHasUnstorableChars(value)) return { ok: false, message: 'The Activity "value" contains NUL or invalid Unicode (a lone surrogate).' };
  }
  if (type === 'message' && !(typeof text === 'string' && text.trim()) && value === undefined) {
    return { ok: false, message: 'A message needs "text" or "value".' };
  }
  if (type === 'event' && (typeof name !== 'string' || !name || name.length > LIMITS.eventNameChars)) {
    return { ok: false, message: `An event needs a "name" of 1 to ${LIMITS.eventNameChars} characters.` };
  }
  if (typeof name === 'string' && hasUnstorableChars(name)) return { ok: false, message: 'The Activity "name" contains NUL or invalid Unicode (a lone surrogate).' };
  if (locale !== undefined && locale !== null && (typeof locale !== 'string' || !LOCALE_RE.test(locale))) {
    return { ok: false, message: 'The Activity "locale" must be a language tag such as "fi-FI".' };
  }
  let clientActivityID: string | undefined;
  if (channelData !== undefined && channelData !== null) {
    if (!isPlainObject(channelData)) return { ok: false, message: 'The Activity "channelData" must be an object.' };
    const c = channelData.clientActivityID;
    if (c !== undefined) {
      if (typeof c !== 'string' || c.length > LIMITS.clientActivityIdChars) return { ok: false, message: 'channelData.clientActivityID must be a short string.' };
      if (hasUnstorableChars(c)) return { ok: false, message: 'channelData.clientActivityID contains NUL or invalid Unicode (a lone surrogate).' };
      clientActivityID = c;
    }
  }
  const activity: Record<string, unknown> = { type };
  if (typeof text === 'string') activity.text = text;
  if (value !== undefined) activity.value = value;
  if (type === 'event') activity.name = name;
  if (typeof locale === 'string') activity.locale = locale;
  if (clientActivityID) activity.channelData = { clientActivityID };
  return { ok: true, activity };
}

/** Direct Line's conversation answer. */
function conversationBody(conversationId: string, token: string, expiresAt: Date, now: Date) {
  return { conversationId, token, expires_in: Math.max(0, Math.round((expiresAt.getTime() - now.getTime()) / 1000)) };
}

/** A turn whose process died this many times with it in hand is given up (logged), not retried forever. */
const MAX_INBOX_ATTEMPTS = 3;
/** Lapsed inbox rows one sweep takes over. */
const INBOX_SWEEP_BATCH = 20;

export class DirectLineChannel {
  private readonly queues = new Map<string, Promise<void>>();
  private readonly turns = new Set<Promise<void>>();
  /** This process, as the holder of inbox leases. */
  private readonly owner = `p_${randomId(9)}`;
  /** Inbox rows this process holds: waiting for their turn or running. */
  private readonly held = new Set<string>();
  private readonly running = new Set<string>();
  private timers: NodeJS.Timeout[] = [];
  private sweeping = false;
  private stopped = false;
  private readonly auth: AuthenticateRequestResult;
  private readonly sendLimiter: RateLimiter;
  private readonly tokenLimiter: RateLimiter;

  constructor(private readonly o: DirectLineOptions) {
    const secret = o.loopbackSecret;
    const credentials = {
      signRequest: async <T extends { headers: { set(name: string, value: string): void } }>(request: T): Promise<T> => {
        request.headers.set('authorization', `Bearer ${secret}`);
        return request;
      },
    };
    // The bot's replies to this channel go only to our own loopback listener, signed with this
    // process's secret, whatever the Bot Framework auth mode is.
    const connectorFactory = {
      create: async (serviceUrl: string) => new ConnectorClient(credentials as never, { baseUri: serviceUrl }),
    } as unknown as ConnectorFactory;
    this.auth = {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      claimsIdentity: new ClaimsIdentity(
        [
          { type: AuthenticationConstants.AudienceClaim, value: o.botId },
          { type: AuthenticationConstants.AppIdClaim, value: o.botId },
        ],
        true,
      ),
      connectorFactory,
    };
    this.sendLimiter = new RateLimiter({ capacity: 20, refillPerSecond: 1, clock: o.clock });
    this.tokenLimiter = new RateLimiter({ capacity: 30, refillPerSecond: 0.5, clock: o.clock });
  }

  /** Turns running or queued in this process. */
  get activeTurns(): number {
    return this.turns.size;
  }

  /** Conversations with turns queued in this process (evicted as soon as they are idle). */
  get queuedConversations(): number {
    return this.queues.size;
  }

  sweep(): void {
    this.sendLimiter.sweep();
    this.tokenLimiter.sweep();
  }

  /** Inbox rows this process holds (waiting or running). */
  get heldActivities(): number {
    return this.held.size;
  }

  /**
   * Starts keeping this process's inbox leases and taking over lapsed ones, at once (activities
   * a crashed or restarted process had accepted) and then every few seconds.
   */
  start(): void {
    const leaseMs = this.o.inboxLeaseMs;
    const renew = setInterval(() => void this.renewLeases(), Math.max(100, Math.floor(leaseMs / 3)));
    const sweep = setInterval(() => void this.sweepInbox(), Math.max(200, Math.min(Math.floor(leaseMs / 2), 5000)));
    renew.unref();
    sweep.unref();
    this.timers = [renew, sweep];
    void this.sweepInbox();
  }

  /** Waits for the turns in flight. */
  async drain(timeoutMs: number): Promise<void> {
    const all = Promise.allSettled([...this.turns]);
    await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }

  /** Shutdown: waits for the turns in flight; what is left is handed to the other processes. */
  async close(timeoutMs: number): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.drain(timeoutMs);
    this.stopped = true;
    const waiting = [...this.held].filter((id) => !this.running.has(id));
    try {
      await this.o.store.releaseInbox(waiting, this.owner);
    } catch (err) {
      // Their leases lapse by themselves; another process takes them then.
      this.o.logger.warn({ err, activities: waiting.length }, 'webchat: could not hand over waiting activities');
    }
  }

  private leaseUntil(): Date {
    return new Date(this.o.clock.now().getTime() + this.o.inboxLeaseMs);
  }

  private async renewLeases(): Promise<void> {
    try {
      await this.o.store.renewLeases([...this.held], this.owner, this.leaseUntil());
    } catch (err) {
      this.o.logger.warn({ err }, 'webchat: inbox lease renewal failed');
    }
  }

  /** Takes over activities whose process stopped renewing their lease, and runs their turns. */
  private async sweepInbox(): Promise<void> {
    if (this.sweeping || this.stopped || this.o.isShuttingDown()) return;
    this.sweeping = true;
    try {
      const claimed = await this.o.store.claimLapsed(this.owner, this.leaseUntil(), INBOX_SWEEP_BATCH);
      for (const row of claimed) {
        this.o.logger.warn({ conversationId: row.conversationId, attempts: row.attempts }, 'webchat: running a turn another process accepted but did not finish');
        this.enqueueTurn(row.conversationId, row.id);
      }
    } catch (err) {
      this.o.logger.warn({ err }, 'webchat: inbox sweep failed');
    } finally {
      this.sweeping = false;
    }
  }

  install(server: Server): void {
    server.post('/api/webchat/token', async (req: Request, res: Response) => this.guard(res, () => this.pageToken(req, res)));
    server.post('/v3/directline/conversations', async (req: Request, res: Response) => this.guard(res, () => this.startConversation(req, res)));
    server.get('/v3/directline/conversations/:conversationId', async (req: Request, res: Response) => this.guard(res, () => this.reconnect(req, res)));
    server.post('/v3/directline/conversations/:conversationId/activities', async (req: Request, res: Response) => this.guard(res, () => this.postActivity(req, res)));
    server.get('/v3/directline/conversations/:conversationId/activities', async (req: Request, res: Response) => this.guard(res, () => this.getActivities(req, res)));
    server.post('/v3/directline/tokens/refresh', async (req: Request, res: Response) => this.guard(res, () => this.refresh(req, res)));
  }

  /**
   * Any unexpected failure is a clean answer without internals, never a crash: 503 with
   * Retry-After while the database is down (Web Chat retries), 500 otherwise.
   */
  private async guard(res: Response, handler: () => Promise<void>): Promise<void> {
    try {
      await handler();
    } catch (err) {
      this.o.logger.error({ err }, 'webchat: request failed');
      sendFailure(res, err);
    }
  }

  // -------------------------------------------------------------------------------------------

  private async pageToken(req: Request, res: Response): Promise<void> {
    const decision = this.tokenLimiter.consume(clientAddress(req, this.o.trustProxy));
    if (!decision.allowed) {
      sendError(res, 429, 'TooManyRequests', 'Too many new conversations from this address; please wait.', { 'Retry-After': String(decision.retryAfterSeconds) });
      return;
    }
    if (this.o.azure) {
      await this.azurePageToken(this.o.azure, res);
      return;
    }
    const body: unknown = req.body;
    const requested = isPlainObject(body) && typeof body.locale === 'string' ? body.locale : undefined;
    const locale = requested ? toSupportedLocale(requested) : undefined;
    const issued = await this.o.store.createConversation(locale);
    res.header('Cache-Control', 'no-store');
    res.send(200, { ...conversationBody(issued.conversationId, issued.token, issued.expiresAt, this.o.clock.now()), userId: issued.userId });
  }

  /**
   * A page token from Azure's Direct Line, generated with the secret on the server, so the secret
   * never reaches the page. The token grants one conversation there, as ours do here.
   */
  private async azurePageToken(azure: { url: string; secret: string }, res: Response): Promise<void> {
    const userId = `dl_${randomId(12)}`;
    let issued: unknown;
    try {
      const upstream = await fetch(`${azure.url}/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${azure.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(10_000),
      });
      issued = upstream.ok ? await upstream.json() : undefined;
      if (!upstream.ok) this.o.logger.warn({ status: upstream.status }, 'webchat: Direct Line token request refused');
    } catch (err) {
      this.o.logger.warn({ err }, 'webchat: Direct Line token request failed');
    }
    if (!isPlainObject(issued) || typeof issued.conversationId !== 'string' || typeof issued.token !== 'string') {
      sendError(res, 503, 'DirectLineUnavailable', 'The chat service is not reachable; please try again shortly.', { 'Retry-After': '5' });
      return;
    }
    res.header('Cache-Control', 'no-store');
    res.send(200, { conversationId: issued.conversationId, token: issued.token, expires_in: typeof issued.expires_in === 'number' ? issued.expires_in : 1800, userId });
  }

  /** The token's grant, or an error answer already sent. */
  private async authorize(req: Request, res: Response): Promise<{ token: string; conversationId: string; expiresAt: Date } | null> {
    const token = parseBearer(req.headers.authorization);
    if (!token) {
      sendError(res, 401, 'Unauthorized', 'An "Authorization: Bearer <token>" header is required.');
      return null;
    }
    const check = await this.o.store.checkToken(token);
    if (!check.ok) {
      if (check.reason === 'expired') sendError(res, 403, 'TokenExpired', 'The token has expired.');
      else sendError(res, 403, 'Forbidden', 'The token is not valid.');
      return null;
    }
    return { token, conversationId: check.conversationId, expiresAt: check.expiresAt };
  }

  /** The path's conversation if the token grants it, or an error answer already sent. */
  private async authorizeConversation(req: Request, res: Response): Promise<{ token: string; expiresAt: Date; conversation: StoredConversation } | null> {
    const grant = await this.authorize(req, res);
    if (!grant) return null;
    const id = String(req.params.conversationId ?? '');
    const conversation = CONVERSATION_ID_RE.test(id) ? await this.o.store.findConversation(id) : null;
    if (!conversation) {
      sendError(res, 404, 'NotFound', 'Unknown conversation.');
      return null;
    }
    if (grant.conversationId !== id) {
      sendError(res, 403, 'Forbidden', 'The token does not grant this conversation.');
      return null;
    }
    return { token: grant.token, expiresAt: grant.expiresAt, conversation };
  }

  private async startConversation(req: Request, res: Response): Promise<void> {
    const grant = await this.authorize(req, res);
    if (!grant) return;
    const conversation = await this.o.store.findConversation(grant.conversationId);
    if (!conversation) {
      sendError(res, 404, 'NotFound', 'The conversation has ended.');
      return;
    }
    const body: unknown = req.body;
    const requested = isPlainObject(body) && typeof body.locale === 'string' ? toSupportedLocale(body.locale) : undefined;
    await this.ensureStarted(conversation, requested);
    res.header('Cache-Control', 'no-store');
    res.send(conversation.startedAt ? 200 : 201, conversationBody(conversation.id, grant.token, grant.expiresAt, this.o.clock.now()));
  }

  private async reconnect(req: Request, res: Response): Promise<void> {
    const granted = await this.authorizeConversation(req, res);
    if (!granted) return;
    const watermark = req.query?.watermark;
    if (watermark !== undefined && this.parseWatermark(watermark, granted.conversation.lastSeq) === null) {
      sendError(res, 400, 'BadArgument', 'The watermark is not one this conversation gave out.');
      return;
    }
    await this.ensureStarted(granted.conversation, undefined);
    res.header('Cache-Control', 'no-store');
    res.send(200, conversationBody(granted.conversation.id, granted.token, granted.expiresAt, this.o.clock.now()));
  }

  /** The first start of a conversation tells the bot the user joined, so it says its welcome. */
  private async ensureStarted(conversation: StoredConversation, locale: string | undefined): Promise<void> {
    if (conversation.startedAt) return;
    const effective = locale ?? conversation.locale ?? undefined;
    const id = `${conversation.id}|${randomId(9)}`;
    const activity = {
      type: 'conversationUpdate',
      id,
      timestamp: this.o.clock.now().toISOString(),
      membersAdded: [{ id: conversation.userId }],
      ...(effective ? { locale: effective } : {}),
      from: { id: conversation.userId, role: 'user' },
    };
    // Stored with the start, so the welcome is not lost to a crash either.
    if (!(await this.o.store.markStartedWithTurn(conversation.id, locale, { id, activity, owner: this.owner, leaseUntil: this.leaseUntil() }))) return;
    this.enqueueTurn(conversation.id, id);
  }

  private async postActivity(req: Request, res: Response): Promise<void> {
    const granted = await this.authorizeConversation(req, res);
    if (!granted) return;
    const { conversation } = granted;
    const checked = validateUserActivity(req.body);
    if (!checked.ok) {
      sendError(res, 400, 'BadArgument', checked.message);
      return;
    }
    if (checked.activity.type === 'typing') {
      // Not a turn for the bot, and not a message against the conversation's limit (Web Chat sends
      // one every few seconds while the user types): only a coach in a live chat wants to know.
      if (this.o.onUserTyping) void this.o.onUserTyping(CHANNEL_ID, conversation.id).catch((err: unknown) => this.o.logger.warn({ err }, 'typing relay failed'));
      res.send(200, { id: `${conversation.id}|${randomId(9)}` });
      return;
    }
    const decision = this.sendLimiter.consume(conversation.id);
    if (!decision.allowed) {
      sendError(res, 429, 'TooManyRequests', 'Too many messages; please wait a moment.', { 'Retry-After': String(decision.retryAfterSeconds) });
      return;
    }
    if (this.o.isShuttingDown()) {
      sendError(res, 503, 'ShuttingDown', 'The server is restarting; please retry.', { 'Retry-After': '2' });
      return;
    }
    const activity = checked.activity;
    const id = `${conversation.id}|${randomId(9)}`;
    const timestamp = this.o.clock.now().toISOString();
    const from = { id: conversation.userId, role: 'user' };
    // The echo shows the user their own words as typed; a reload later reads the redacted transcript.
    const echo: DirectLineActivityJson = {
      ...activity,
      id,
      type: String(activity.type),
      timestamp,
      channelId: CHANNEL_ID,
      conversation: { id: conversation.id },
      from,
    };
    // Stored (echo and inbox row together) before the 200: an accepted message survives a crash.
    const clientActivityId = isPlainObject(activity.channelData) && typeof activity.channelData.clientActivityID === 'string' ? activity.channelData.clientActivityID : undefined;
    const accepted = await this.o.store.acceptUserActivity({
      conversationId: conversation.id,
      echo,
      turn: { ...activity, id, timestamp, from },
      clientActivityId,
      owner: this.owner,
      leaseUntil: this.leaseUntil(),
    });
    if (!accepted) {
      sendError(res, 404, 'NotFound', 'The conversation has ended.');
      return;
    }
    if (accepted.status === 'duplicate') {
      // The client sent it again (its first answer was lost): it is the same message, run once.
      res.send(200, { id: accepted.id });
      return;
    }
    this.o.hub.notify(conversation.id, accepted.seq);
    res.send(200, { id });
    this.enqueueTurn(conversation.id, id);
  }

  /** '' or absent → 0; otherwise a whole number no greater than what was handed out. */
  private parseWatermark(raw: unknown, lastSeq: number): number | null {
    if (raw === undefined || raw === '') return 0;
    if (typeof raw !== 'string' || !/^\d{1,10}$/.test(raw)) return null;
    const n = Number(raw);
    return n <= lastSeq ? n : null;
  }

  private async getActivities(req: Request, res: Response): Promise<void> {
    const granted = await this.authorizeConversation(req, res);
    if (!granted) return;
    const { conversation } = granted;
    const after = this.parseWatermark(req.query?.watermark, conversation.lastSeq);
    if (after === null) {
      sendError(res, 400, 'BadArgument', 'The watermark must be a value this conversation gave out (or empty).');
      return;
    }
    res.header('Cache-Control', 'no-store');
    if (conversation.lastSeq <= after && !this.o.isShuttingDown()) {
      if (this.o.hub.waiting(conversation.id) >= LIMITS.pollsPerConversation) {
        sendError(res, 429, 'TooManyRequests', 'Too many open polls for this conversation.', { 'Retry-After': '1' });
        return;
      }
      const gone = new AbortController();
      const onClose = () => gone.abort();
      res.once('close', onClose);
      await this.o.hub.wait(conversation.id, after, this.o.longPollMs, gone.signal);
      res.off('close', onClose);
      if (res.destroyed) return;
    }
    const take = after === 0 ? LIMITS.historySize : LIMITS.pageSize;
    const rows = await this.o.store.activitiesAfter(conversation.id, after, take);
    // Past the conversation's lastSeq as read before the wait too: those rows existed before this
    // query, so any missing were pruned from the delivery queue and must not be asked for again.
    const watermark = Math.max(rows.length ? rows[rows.length - 1].seq : after, rows.length < take ? conversation.lastSeq : 0);
    if (rows.length === 0 && !(await this.o.store.findConversation(conversation.id))) {
      sendError(res, 404, 'NotFound', 'The conversation has ended.');
      return;
    }
    const activities = after === 0 ? await this.withHistory(conversation.id, rows.map((r) => r.activity)) : rows.map((r) => r.activity);
    res.send(200, { activities, watermark: String(watermark) });
  }

  /**
   * A read from the start (a new page, or a reload): the stored transcript first, then whatever
   * of the delivery queue the transcript does not have yet (it is written in batches).
   */
  private async withHistory(conversationId: string, queued: DirectLineActivityJson[]): Promise<DirectLineActivityJson[]> {
    const rows = await this.o.store.transcriptMessages(CHANNEL_ID, conversationId, LIMITS.historySize);
    const history = rows.map((r) => {
      const bot = r.fromRole === 'bot';
      const activity: DirectLineActivityJson = {
        type: r.type,
        id: r.activityId ?? `${conversationId}|t${r.seq}`,
        timestamp: r.timestamp.toISOString(),
        channelId: CHANNEL_ID,
        conversation: { id: conversationId },
        from: bot ? { id: r.fromId ?? this.o.botId, name: BOT_NAME, role: 'bot' } : { id: r.fromId ?? '', role: 'user' },
      };
      if (r.text !== null) activity.text = r.text;
      if (r.locale) activity.locale = r.locale;
      if (r.replyToId) activity.replyToId = r.replyToId;
      if (r.attachments) activity.attachments = r.attachments;
      if (r.value !== null) activity.value = redactValue(r.value);
      if (r.suggestedActions && bot) activity.suggestedActions = r.suggestedActions;
      return activity;
    });
    const known = new Set(history.map((a) => a.id));
    // Each process writes its transcript batches when its turns end, so which of the latest
    // activities are already in the transcript depends on timing. Merging by the activities' own
    // time, in the transcript's shape, gives every process and every reload the same list.
    const merged = [...history, ...queued.filter((a) => !known.has(a.id)).map(historyShape)];
    return merged
      .map((activity, i) => ({ activity, i, at: Date.parse(String(activity.timestamp)) }))
      .sort((x, y) => (Number.isNaN(x.at) || Number.isNaN(y.at) || x.at === y.at ? x.i - y.i : x.at - y.at))
      .map((x) => x.activity);
  }

  private async refresh(req: Request, res: Response): Promise<void> {
    const grant = await this.authorize(req, res);
    if (!grant) return;
    const conversation = await this.o.store.findConversation(grant.conversationId);
    if (!conversation) {
      sendError(res, 404, 'NotFound', 'The conversation has ended.');
      return;
    }
    const issued = await this.o.store.refreshToken(conversation.id);
    if (!issued.ok) {
      sendError(res, 429, 'TooManyRequests', 'Too many token refreshes for this conversation; please wait.', { 'Retry-After': String(issued.retryAfterSeconds) });
      return;
    }
    res.header('Cache-Control', 'no-store');
    res.send(200, conversationBody(issued.conversationId, issued.token, issued.expiresAt, this.o.clock.now()));
  }

  /**
   * A proactive turn (reminders) in a widget conversation, delivered with this channel's own
   * credentials to this process's loopback listener, so production mode needs no Azure AD token.
   */
  async continueConversation(reference: ConversationReference, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'ContinueConversation' }, reference, true);
    activity.serviceUrl = this.o.serviceUrl();
    activity.channelId = CHANNEL_ID;
    activity.recipient = { id: this.o.botId, name: BOT_NAME, role: 'bot' };
    await this.o.adapter.processActivityDirect(this.auth, activity as never, logic);
  }

  // -------------------------------------------------------------------------------------------
  // Turns

  /** Runs the stored activity's turn after any earlier one of the same conversation (one at a time per conversation). */
  private enqueueTurn(conversationId: string, inboxId: string): void {
    if (this.held.has(inboxId)) return;
    this.held.add(inboxId);
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const run = previous.then(() => this.runInbox(inboxId));
    this.queues.set(conversationId, run);
    this.turns.add(run);
    void run.finally(() => {
      this.held.delete(inboxId);
      this.turns.delete(run);
      if (this.queues.get(conversationId) === run) this.queues.delete(conversationId);
    });
  }

  /** One inbox row: held under this process's lease, its turn run, then marked done. */
  private async runInbox(inboxId: string): Promise<void> {
    if (this.stopped) return;
    let entry;
    try {
      entry = await this.o.store.holdInbox(inboxId, this.owner, this.leaseUntil());
    } catch (err) {
      // The row stays; when its lease lapses a sweep (here or elsewhere) runs it.
      this.o.logger.error({ err }, 'webchat: could not take a stored activity');
      return;
    }
    if (!entry) return;
    const { conversationId } = entry;
    this.running.add(inboxId);
    try {
      if (entry.attempts > 1 && (await this.o.store.botAnswered(conversationId, inboxId))) {
        // The earlier process answered and died before it could mark the row: not again.
      } else if (entry.attempts > MAX_INBOX_ATTEMPTS) {
        this.o.logger.error({ conversationId, attempts: entry.attempts }, 'webchat: giving up a turn that never finished');
      } else {
        await this.runTurn(conversationId, entry.activity);
      }
      await this.o.store.finishInbox(inboxId, this.owner);
    } catch (err) {
      this.o.logger.error({ err, conversationId }, 'webchat: stored activity not finished');
    } finally {
      this.running.delete(inboxId);
    }
  }

  private async runTurn(conversationId: string, partial: Record<string, unknown>): Promise<void> {
    const activity = {
      timestamp: this.o.clock.now().toISOString(),
      ...partial,
      channelId: CHANNEL_ID,
      serviceUrl: this.o.serviceUrl(),
      conversation: { id: conversationId },
      recipient: { id: this.o.botId, name: BOT_NAME, role: 'bot' },
    };
    try {
      await this.o.adapter.processActivityDirect(this.auth, activity as never, (context) => this.o.bot.run(context));
    } catch (err) {
      this.o.logger.error({ err, conversationId }, 'webchat: turn failed');
    }
  }
}

/** The fields a reload shows, whether the activity comes from the transcript or the delivery queue. */
// channelData carries the clientActivityID a page matches its own pending message with.
const HISTORY_FIELDS = ['type', 'id', 'timestamp', 'channelId', 'conversation', 'from', 'name', 'text', 'textFormat', 'locale', 'replyToId', 'attachments', 'attachmentLayout', 'value', 'suggestedActions', 'channelData'] as const;
function historyShape(activity: DirectLineActivityJson): DirectLineActivityJson {
  const shaped: Record<string, unknown> = {};
  for (const key of HISTORY_FIELDS) if (activity[key] !== undefined) shaped[key] = activity[key];
  return shaped as DirectLineActivityJson;
}
