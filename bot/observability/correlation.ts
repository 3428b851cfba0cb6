/**
 * Correlation ids in logs: every HTTP request gets a request id (`reqId`, echoed in the
 * X-Request-Id response header), and every turn a child logger carrying the request id, the
 * channel and the conversation id. Services that have the TurnContext log through
 * `turnLogger(context)`, so their lines can be joined with the request that caused them.
 * Ids only: no names, no message text.
 */
import crypto from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../kernel/log.js';

export const REQUEST_ID_HEADER = 'x-request-id';

/** turnState keys. Symbols, so no feature's own keys can collide with them. */
const REQUEST_LOGGER_KEY = Symbol('omabotti.requestLogger');
const TURN_LOGGER_KEY = Symbol('omabotti.turnLogger');

/** A proxy's request id is kept when it looks like an id; anything else is replaced. */
const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_ID.test(value) ? value : crypto.randomUUID();
}

/** Called by the HTTP edge (or the Direct Line host) before the bot runs the turn. */
export function setRequestLogger(context: TurnContext, logger: Logger): void {
  context.turnState.set(REQUEST_LOGGER_KEY, logger);
}

/** Called once at the start of a turn: the turn's logger is the request's, plus the conversation. */
export function beginTurnLogging(context: TurnContext, fallback: Logger): Logger {
  const base = (context.turnState.get(REQUEST_LOGGER_KEY) as Logger | undefined) ?? fallback;
  const { activity } = context;
  const logger = base.child({ channelId: activity?.channelId, conversationId: activity?.conversation?.id, activityType: activity?.type });
  context.turnState.set(TURN_LOGGER_KEY, logger);
  return logger;
}

/** The current turn's logger; `fallback` (usually FeatureContext.logger) outside a turn. */
export function turnLogger(context: TurnContext, fallback?: Logger): Logger {
  const logger = (context.turnState.get(TURN_LOGGER_KEY) as Logger | undefined) ?? (context.turnState.get(REQUEST_LOGGER_KEY) as Logger | undefined) ?? fallback;
  if (!logger) throw new Error('turnLogger: no logger for this turn and no fallback given');
  return logger;
}
