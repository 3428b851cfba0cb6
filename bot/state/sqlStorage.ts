/**
 * botbuilder Storage on the database, with exactly MemoryStorage's eTag semantics: a write
 * whose eTag is stale is rejected, `*` or no eTag overwrites, and a new key is always written.
 * The compare-and-set happens in the database, so it holds across processes.
 *
 * Every turn reads and writes here, so the statements go straight to the driver (bot/db/sql.ts),
 * not through Prisma, whose client cost more CPU per statement than the database itself (see
 * BENCHMARKS.md). Reads issued in the same tick (user and conversation state) go out as one
 * statement.
 */
import crypto from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { SqlClient } from '../db/database.js';
import { systemClock, type Clock } from '../kernel/clock.js';
import { removeIdentityCodes } from '../kernel/redact.js';

/**
 * Every string of the state as stored, without identity codes: whatever a user typed (a question
 * kept as dialog options, a message waiting on a language offer) is never kept with one.
 */
function stateJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? removeIdentityCodes(v) : v));
}

type Row = { key: string; data: unknown; etag: string };

export class SqlStorage implements Storage {
  private pending: { keys: Set<string>; result: Promise<Map<string, Row>> } | undefined;

  constructor(
    private readonly sql: SqlClient,
    /** The app's clock: updatedAt is what the abandoned-dialog cleanup compares with it. */
    private readonly clock: Clock = systemClock,
  ) {}

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
      const { rows } = await this.sql.query<Row>('SELECT "key", "data", "etag" FROM "BotState" WHERE "key" = ANY($1)', [[...batch.keys]]);
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
      const data = stateJson(rest);
      const etag = crypto.randomUUID();
      const now = this.clock.now().toISOString();
      if (!eTag || eTag === '*') {
        await this.sql.query(
          `INSERT INTO "BotState" ("key", "data", "etag", "createdAt", "updatedAt") VALUES ($1, $2::jsonb, $3, $4::timestamp(3), $4::timestamp(3))
           ON CONFLICT ("key") DO UPDATE SET "data" = EXCLUDED."data", "etag" = EXCLUDED."etag", "updatedAt" = EXCLUDED."updatedAt"`,
          [key, data, etag, now],
        );
        continue;
      }
      const updated = await this.sql.query('UPDATE "BotState" SET "data" = $1::jsonb, "etag" = $2, "updatedAt" = $3::timestamp(3) WHERE "key" = $4 AND "etag" = $5', [
        data,
        etag,
        now,
        key,
        eTag,
      ]);
      if (updated.rowCount === 1) continue;
      // No row with that eTag: a missing key is written, an existing one is a conflict.
      const created = await this.sql.query(
        `INSERT INTO "BotState" ("key", "data", "etag", "createdAt", "updatedAt") VALUES ($1, $2::jsonb, $3, $4::timestamp(3), $4::timestamp(3)) ON CONFLICT ("key") DO NOTHING`,
        [key, data, etag, now],
      );
      if (created.rowCount === 0) conflict ??= new Error(`Storage: error writing "${key}" due to eTag conflict.`);
    }
    if (conflict) throw conflict;
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.sql.query('DELETE FROM "BotState" WHERE "key" = ANY($1)', [keys]);
  }
}

/** A jsonb value as the driver returns it: parsed already (pg, PGlite) or as text. */
function parse(data: unknown): unknown {
  return typeof data === 'string' ? JSON.parse(data) : data;
}
