/** AuditLog rows: appended, read newest first, deleted by age. What gets written is AuditLog's (audit.ts). */
import type { Prisma, PrismaClient } from '../db/database.js';

export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  id: string;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  detail: unknown;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'detail'> & { detail?: AuditDetail };

export class AuditLogRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async append(entry: NewAuditEntry): Promise<void> {
    await this.prisma.auditLog.create({
      data: { ...entry, detail: entry.detail === undefined ? undefined : (entry.detail as Prisma.InputJsonValue) },
    });
  }

  /** Newest first. */
  async recent(filter: { since?: Date; actor?: string; take: number }): Promise<AuditEntry[]> {
    return this.prisma.auditLog.findMany({
      where: { ...(filter.since ? { at: { gte: filter.since } } : {}), ...(filter.actor ? { actor: filter.actor } : {}) },
      orderBy: { at: 'desc' },
      take: filter.take,
    });
  }

  /** Deletes entries older than `before`; returns how many. */
  async deleteBefore(before: Date): Promise<number> {
    const { count } = await this.prisma.auditLog.deleteMany({ where: { at: { lt: before } } });
    return count;
  }
}
