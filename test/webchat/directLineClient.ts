/** A small Direct Line 3.0 client for the tests, speaking to the real server over HTTP. */

export interface DlActivity {
  id: string;
  type: string;
  text?: string;
  locale?: string;
  from: { id: string; role?: string; name?: string };
  replyToId?: string;
  suggestedActions?: { actions: Array<{ type: string; title: string; value: string }> };
  [key: string]: unknown;
}

export interface Issued {
  conversationId: string;
  token: string;
  expires_in: number;
  userId: string;
}

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

async function call<T>(url: string, init: RequestInit): Promise<HttpAnswer<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON; the test looks at the text.
  }
  return { status: res.status, body: body as T, headers: res.headers };
}

export function jsonHeaders(token?: string): Record<string, string> {
  return { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

export class DirectLineClient {
  /** The highest watermark read so far. */
  watermark = '';

  constructor(
    readonly baseUrl: string,
    readonly issued: Issued,
  ) {}

  get conversationId(): string {
    return this.issued.conversationId;
  }

  get token(): string {
    return this.issued.token;
  }

  /** POST /api/webchat/token: a new conversation and its first token, as the page gets them. */
  static async open(baseUrl: string, locale?: string): Promise<DirectLineClient> {
    const res = await call<Issued>(`${baseUrl}/api/webchat/token`, { method: 'POST', headers: jsonHeaders(), body: JSON.stringify(locale ? { locale } : {}) });
    if (res.status !== 200) throw new Error(`token endpoint: ${res.status} ${JSON.stringify(res.body)}`);
    return new DirectLineClient(baseUrl, res.body);
  }

  /** POST /v3/directline/conversations, as Web Chat does first. */
  start(locale?: string): Promise<HttpAnswer<{ conversationId: string; token: string; expires_in: number }>> {
    return call(`${this.baseUrl}/v3/directline/conversations`, {
      method: 'POST',
      headers: jsonHeaders(this.token),
      body: JSON.stringify({ user: { id: this.issued.userId }, ...(locale ? { locale } : {}) }),
    });
  }

  send(activity: Record<string, unknown>, token = this.token, conversationId = this.conversationId): Promise<HttpAnswer<{ id?: string; error?: string; message?: string }>> {
    return call(`${this.baseUrl}/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`, {
      method: 'POST',
      headers: jsonHeaders(token),
      body: JSON.stringify({ from: { id: this.issued.userId }, ...activity }),
    });
  }

  say(text: string, locale?: string) {
    return this.send({ type: 'message', text, ...(locale ? { locale } : {}) });
  }

  get(watermark: string = this.watermark, token = this.token, conversationId = this.conversationId): Promise<HttpAnswer<{ activities: DlActivity[]; watermark: string; error?: string }>> {
    return call(`${this.baseUrl}/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities?watermark=${encodeURIComponent(watermark)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  }

  refresh(token = this.token): Promise<HttpAnswer<{ conversationId: string; token: string; expires_in: number }>> {
    return call(`${this.baseUrl}/v3/directline/tokens/refresh`, { method: 'POST', headers: jsonHeaders(token), body: '{}' });
  }

  /**
   * Polls (each GET is a server-side long-poll) until `done` is true of the activities read since
   * this call began, and returns them. Throws after `deadlineMs`, showing what it read.
   */
  async until(done: (activities: DlActivity[]) => boolean, deadlineMs = 20_000): Promise<DlActivity[]> {
    const seen: DlActivity[] = [];
    const end = Date.now() + deadlineMs;
    while (Date.now() < end) {
      const res = await this.get();
      if (res.status !== 200) throw new Error(`GET activities: ${res.status} ${JSON.stringify(res.body)}`);
      seen.push(...res.body.activities);
      this.watermark = res.body.watermark;
      if (done(seen)) return seen;
    }
    throw new Error(`gave up waiting; read ${JSON.stringify(seen.map((a) => [a.from.role, a.text]))}`);
  }

  /** Reads until the bot has asked something with suggested actions (the end of a bot turn). */
  untilBotAsks(deadlineMs?: number): Promise<DlActivity[]> {
    return this.until((all) => all.some((a) => a.from.role === 'bot' && (a.suggestedActions?.actions.length ?? 0) > 0), deadlineMs);
  }
}

export function botTexts(activities: DlActivity[]): string[] {
  return activities.filter((a) => a.from.role === 'bot' && a.type === 'message').map((a) => a.text ?? '');
}
