/**
 * botbuilder Storage on the database, with exactly MemoryStorage's eTag semantics: a write
 * whose eTag is stale is rejected, `*` or no eTag overwrites, and a new key is always written.
 * The compare-and-set happens in the database, so it holds across processes.
 */
import crypto from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Prisma, PrismaClient } from '../db/database.js';

export class PrismaStorage implements Storage {
  constructor(private readonly prisma: PrismaClient) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (keys.length === 0) return {};
    const rows = await this.prisma.botState.findMany({ where: { key: { in: keys } } });
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...(row.data as object), eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    let conflict: Error | undefined;
    // Like MemoryStorage, keys after a conflicting one are still written.
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...rest } = (item ?? {}) as { eTag?: string };
      const data = JSON.parse(JSON.stringify(rest)) as Prisma.InputJsonValue;
      const etag = crypto.randomUUID();
      if (!eTag || eTag === '*') {
        await this.prisma.botState.upsert({ where: { key }, create: { key, data, etag }, update: { data, etag } });
        continue;
      }
      const updated = await this.prisma.botState.updateMany({ where: { key, etag: eTag }, data: { data, etag } });
      if (updated.count === 1) continue;
      // No row with that eTag: a missing key is written, an existing one is a conflict.
      const created = await this.prisma.botState.createMany({ data: [{ key, data, etag }], skipDuplicates: true });
      if (created.count === 0) conflict ??= new Error(`Storage: error writing "${key}" due to eTag conflict.`);
    }
    if (conflict) throw conflict;
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.prisma.botState.deleteMany({ where: { key: { in: keys } } });
  }
}
