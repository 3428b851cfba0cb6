/**
 * The loopback-only serviceUrl of the self-hosted Direct Line channel. The bot answers a widget
 * user with the standard connector call, POST {serviceUrl}v3/conversations/{id}/activities[/{replyToId}],
 * and this listener writes the activity into the conversation's database-backed list. It binds to
 * 127.0.0.1 on an ephemeral port; each process has its own, and proactive messages are routed to it
 * by the serviceUrl resolver (see ProactiveMessenger).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/log.js';
import { parseBearer, safeEqual } from '../security/tokens.js';
import { clientViewOfBotActivity } from './directLine.js';
import type { LongPollHub } from './longPoll.js';
import { randomId, type DirectLineStore } from './store.js';
import { isPlainObject } from '../kernel/json.js';

/** The path every loopback serviceUrl ends with; it marks references that belong to this channel. */
export const LOOPBACK_PATH = '/oma-directline/';

const ACTIVITY_PATH_RE = /^\/oma-directline\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

export interface LoopbackOptions {
  store: DirectLineStore;
  hub: LongPollHub;
  clock: Clock;
  logger: Logger;
  botId: string;
  maxBodyBytes: number;
  /** The bearer secret our own connector client signs with. */
  secret: string;
  /**
   * Whether unsigned calls are accepted. In local mode the adapter's own connector (used for
   * proactive messages) signs nothing; the listener is reachable from this host only.
   */
  acceptUnsigned: boolean;
}

export class LoopbackListener {
  private server: http.Server | undefined;
  private port = 0;

  constructor(private readonly o: LoopbackOptions) {}

  /** http://127.0.0.1:{port}/oma-directline/ once started. */
  get serviceUrl(): string {
    if (!this.port) throw new Error('webchat loopback listener is not running');
    return `http://127.0.0.1:${this.port}${LOOPBACK_PATH}`;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = http.createServer((req, res) => void this.handle(req, res));
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }

  private reply(res: http.ServerResponse, status: number, body: unknown): void {
    if (res.headersSent) return;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      const presented = parseBearer(req.headers.authorization);
      const signed = presented !== null && safeEqual(presented, this.o.secret);
      if (!signed && !(this.o.acceptUnsigned && presented === null)) {
        req.resume();
        this.reply(res, 401, { error: 'Unauthorized', message: 'Unknown caller.' });
        return;
      }
      const match = ACTIVITY_PATH_RE.exec((req.url ?? '').split('?')[0]);
      if (req.method !== 'POST' || !match) {
        req.resume();
        this.reply(res, 404, { error: 'NotFound', message: 'This channel supports sending activities only.' });
        return;
      }
      const conversationId = decodeURIComponent(match[1]);
      const body = await this.readJson(req);
      if (body === undefined) {
        this.reply(res, 400, { error: 'BadRequest', message: 'The body must be a JSON Activity object no larger than the body limit.' });
        return;
      }
      const id = `${conversationId}|${randomId(9)}`;
      // The bot's own stamp (see sendTimestamps), so a page reading history then live activities
      // orders both by one clock.
      const stamped = typeof body.timestamp === 'string' ? new Date(body.timestamp) : undefined;
      const timestamp = (stamped && Number.isFinite(stamped.getTime()) ? stamped : this.o.clock.now()).toISOString();
      const activity = clientViewOfBotActivity(body, conversationId, this.o.botId, id, timestamp);
      const seqs = await this.o.store.append(conversationId, [activity]);
      if (!seqs) {
        this.reply(res, 404, { error: 'NotFound', message: 'Unknown conversation.' });
        return;
      }
      this.o.hub.notify(conversationId, seqs[0]);
      this.reply(res, 200, { id });
    } catch (err) {
      this.o.logger.error({ err }, 'webchat: loopback delivery failed');
      this.reply(res, 500, { error: 'InternalError', message: 'Internal error' });
    }
  }

  private readJson(req: http.IncomingMessage): Promise<Record<string, unknown> | undefined> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let tooBig = false;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > this.o.maxBodyBytes) tooBig = true;
        else chunks.push(chunk);
      });
      req.on('error', () => resolve(undefined));
      req.on('end', () => {
        if (tooBig) return resolve(undefined);
        try {
          const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          resolve(isPlainObject(parsed) && typeof parsed.type === 'string' ? parsed : undefined);
        } catch {
          resolve(undefined);
        }
      });
    });
  }
}
