/** The coach's side of live chat over the real HTTP API, and the jobseeker's side over the widget's Direct Line. */
import { expect } from 'vitest';
import type { App } from '../../bot/app.js';
import { botTexts, type DirectLineClient, type DlActivity } from '../webchat/directLineClient.js';

/** Tuesday 8 December 2026, 10:00 in Helsinki: every demo coach in Vantaa and Salo is at work. */
export const TUESDAY_10AM = new Date('2026-12-08T08:00:00Z');
/** Saturday 12 December 2026, 12:00 in Helsinki: nobody works. */
export const SATURDAY_NOON = new Date('2026-12-12T10:00:00Z');

export interface HttpAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export class CoachClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  static async issue(app: App, coachId: string, baseUrl: string): Promise<CoachClient> {
    const issued = await app.features.coaches.admin.issueToken('test', coachId, 'api');
    return new CoachClient(baseUrl, issued.token);
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  async goLive(available = true): Promise<HttpAnswer> {
    return this.call('PUT', '/api/coach/live', { available });
  }

  async queue(): Promise<Array<{ id: string; locale: string; place: number; languageName: string }>> {
    const res = await this.call<{ queue: Array<{ id: string; locale: string; place: number; languageName: string }> }>('GET', '/api/coach/handoffs');
    expect(res.status).toBe(200);
    return res.body.queue;
  }

  /** Waits until the jobseeker's messages after `after` arrive (the poll is held server-side). */
  async messagesUntil(id: string, done: (messages: ChatMessageJson[]) => boolean, after = 0, deadlineMs = 20_000): Promise<ChatMessageJson[]> {
    const seen: ChatMessageJson[] = [];
    const end = Date.now() + deadlineMs;
    while (Date.now() < end) {
      const res = await this.call<{ messages: ChatMessageJson[] }>('GET', `/api/coach/handoffs/${id}/messages?after=${seen.at(-1)?.seq ?? after}&wait=2000`);
      expect(res.status).toBe(200);
      seen.push(...res.body.messages);
      if (done(seen)) return seen;
    }
    throw new Error(`no such messages; saw ${JSON.stringify(seen)}`);
  }
}

export interface ChatMessageJson {
  seq: number;
  sender: string;
  text: string;
  translation: string | null;
  machineTranslated: boolean;
}

/** Reads the widget until a bot message contains `fragment`; returns every bot text read. */
export async function untilBotSays(client: DirectLineClient, fragment: string, deadlineMs = 20_000): Promise<string[]> {
  const read = await client.until((all) => botTexts(all).some((t) => t.includes(fragment)), deadlineMs);
  return botTexts(read);
}

export function typingFromBot(activities: DlActivity[]): boolean {
  return activities.some((a) => a.type === 'typing' && a.from.role === 'bot');
}

/** The first line of a translation with its variables cut off: what the reply starts with. */
export function lead(text: string): string {
  return text.split('{{')[0];
}
