/**
 * botbuilder Storage on the database, with exactly MemoryStorage's eTag semantics: a write
 * whose eTag is stale is rejected, `*` or no eTag overwrites, and a new key is always written.
 * The compare-and-set happens in the database, so it holds across processes.
 *
 * Every turn reads and writes here, so the statements are plain SQL through the client's driver
 * adapter: Prisma 6's client engine compiles each model query in WebAssembly, which cost about
 * 1 ms of CPU per statement, more than the database itself (see BENCHMARKS.md). Reads issued in
 * the same tick (user and conversation state) go out as one statement.
 */
import crypto from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { PrismaClient } from '../db/database.js';

type Row = { key: string; data: unknown; etag: string };

export class PrismaStorage implements Storage {
  private pending: { keys: Set<string>; result: Promise<Map<string, Row>> } | undefined;

  constructor(private readonly prisma: PrismaClient) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (keys.length === 0) return {};
    const rows = await this.batchedRead(keys);
    const items: StoreItems = {};
    for (const key of keys) {
      const row = rows.get(key);
      if (row) items[key] = { ...(parse(row.data) as object), eTag: row.etag };
    }
    return items;
  }

  /** Joins reads requested before the next microtask checkpoint into one SELECT. */
  private batchedRead(keys: string[]): Promise<Map<string, Row>> {
    if (this.pending) {
      for (const k of keys) this.pending.keys.add(k);
      return this.pending.result;
    }
    const batch = { keys: new Set(keys), result: undefined as unknown as Promise<Map<string, Row>> };
    batch.result = new Promise<void>((resolve) => queueMicrotask(resolve)).then(async () => {
      this.pending = undefined;
      const rows = await this.prisma.$queryRawUnsafe<Row[]>('SELECT "key", "data", "etag" FROM "BotState" WHERE "key" = ANY($1)', [...batch.keys]);
      return new Map(rows.map((r) => [r.key, r]));
    });
    this.pending = batch;
    return batch.result;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    let conflict: Error | undefined;
    // Like MemoryStorage, keys after a conflicting one are still written.
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...rest } = (item ?? {}) as { eTag?: string };
      const data = JSON.stringify(rest);
      const etag = crypto.randomUUID();
      const now = new Date();
      if (!eTag || eTag === '*') {
        await this.prisma.$executeRawUnsafe(
          `INSERT INTO "BotState" ("key", "data", "etag", "createdAt", "updatedAt") VALUES ($1, $2::jsonb, $3, $4::timestamp(3), $4::timestamp(3))
           ON CONFLICT ("key") DO UPDATE SET "data" = EXCLUDED."data", "etag" = EXCLUDED."etag", "updatedAt" = EXCLUDED."updatedAt"`,
          key,
          data,
          etag,
          now,
        );
        continue;
      }
      const updated = await this.prisma.$executeRawUnsafe(
        'UPDATE "BotState" SET "data" = $1::jsonb, "etag" = $2, "updatedAt" = $3::timestamp(3) WHERE "key" = $4 AND "etag" = $5',
        data,
        etag,
        now,
        key,
        eTag,
      );
      if (updated === 1) continue;
      // No row with that eTag: a missing key is written, an existing one is a conflict.
      const created = await this.prisma.$executeRawUnsafe(
        `INSERT INTO "BotState" ("key", "data", "etag", "createdAt", "updatedAt") VALUES ($1, $2::jsonb, $3, $4::timestamp(3), $4::timestamp(3)) ON CONFLICT ("key") DO NOTHING`,
        key,
        data,
        etag,
        now,
      );
      if (created === 0) conflict ??= new Error(`Storage: error writing "${key}" due to eTag conflict.`);
    }
    if (conflict) throw conflict;
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.prisma.$executeRawUnsafe('DELETE FROM "BotState" WHERE "key" = ANY($1)', keys);
  }
}

/** A jsonb value as the driver returns it: parsed already (pg) or as text (some adapters). */
function parse(data: unknown): unknown {
  return typeof data === 'string' ? JSON.parse(data) : data;
}
