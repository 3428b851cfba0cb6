/** Starts the real app on an ephemeral loopback port with a fresh database. */
import { createApp, type App, type AppOverrides } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { silentLogger } from '../../bot/kernel/log.js';
import { freshDatabaseLocation, type TestDatabaseLocation } from './database.js';

export interface RunningApp {
  app: App;
  baseUrl: string;
  location: TestDatabaseLocation;
  stop(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<RunningApp> {
  const location = await freshDatabaseLocation();
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATA_DIR: location.dataDir,
    ...(location.databaseUrl ? { DATABASE_URL: location.databaseUrl } : {}),
    MUNICIPALITY_NAME: 'Salo',
    ...env,
  });
  const app = await createApp(config, { logger: silentLogger, ...overrides });
  const port = await app.listen();
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    location,
    stop: async () => {
      await app.close();
      await location.drop();
    },
  };
}

let counter = 0;

/** A Bot Framework activity as a channel would POST it. */
export function activity(partial: Record<string, unknown>, conversationId = 'conv-1', userId = 'user-1'): Record<string, unknown> {
  return {
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9/',
    id: `act-${++counter}`,
    timestamp: new Date().toISOString(),
    from: { id: userId, name: 'Testi Käyttäjä', role: 'user' },
    recipient: { id: 'bot', name: 'OMA-botti', role: 'bot' },
    conversation: { id: conversationId },
    ...partial,
  };
}

export interface BotReply {
  type: string;
  text?: string;
  suggestedActions?: { actions: Array<{ title: string; value: string }> };
  [key: string]: unknown;
}

/** POSTs an activity with deliveryMode expectReplies and returns the bot's messages. */
export async function expectReplies(baseUrl: string, body: Record<string, unknown>): Promise<BotReply[]> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, deliveryMode: 'expectReplies' }),
  });
  if (res.status !== 200) throw new Error(`POST /api/messages: ${res.status} ${await res.text()}`);
  const json = (await res.json()) as { activities?: BotReply[] };
  return (json.activities ?? []).filter((a) => a.type === 'message');
}
