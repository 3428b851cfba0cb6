/** Shared helpers for the privacy suites: a full dump of every table, and a user's first turns. */
import type { PrismaClient } from '../../bot/db/database.js';
import { activity, expectReplies, type BotReply } from '../support/app.js';

/** Every row of every table in the schema, as JSON text, by table name. */
export async function dumpAllTables(prisma: PrismaClient): Promise<Record<string, string[]>> {
  const tables = await prisma.$queryRawUnsafe<Array<{ table_name: string }>>(
    `SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const dump: Record<string, string[]> = {};
  for (const { table_name } of tables) {
    const rows = await prisma.$queryRawUnsafe<Array<{ j: string }>>(`SELECT row_to_json(t)::text AS j FROM "${table_name.replace(/"/g, '""')}" t`);
    dump[table_name] = rows.map((r) => r.j);
  }
  return dump;
}

/** Table name → the rows that contain any of the needles (case-insensitive). */
export function findNeedles(dump: Record<string, string[]>, needles: string[]): Record<string, string[]> {
  const hits: Record<string, string[]> = {};
  const lower = needles.map((n) => n.toLowerCase());
  for (const [table, rows] of Object.entries(dump)) {
    const found = rows.filter((row) => lower.some((n) => row.toLowerCase().includes(n)));
    if (found.length > 0) hits[table] = found;
  }
  return hits;
}

export interface Person {
  userId: string;
  conversationId: string;
  name: string;
  locale: string;
}

/** Sends one activity from the person and returns the bot's messages. */
export function say(baseUrl: string, person: Person, text: string, extra: Record<string, unknown> = {}): Promise<BotReply[]> {
  return expectReplies(
    baseUrl,
    activity({ type: 'message', text, locale: person.locale, from: { id: person.userId, name: person.name, role: 'user' }, ...extra }, person.conversationId, person.userId),
  );
}

export function join(baseUrl: string, person: Person): Promise<BotReply[]> {
  return expectReplies(
    baseUrl,
    activity(
      { type: 'conversationUpdate', locale: person.locale, from: { id: person.userId, name: person.name, role: 'user' }, membersAdded: [{ id: person.userId, name: person.name }, { id: 'bot' }] },
      person.conversationId,
      person.userId,
    ),
  );
}
