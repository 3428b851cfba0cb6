/** Coaches' "available for live chat" switch as stored rows. */
import type { PrismaClient } from '../db/database.js';

export class LiveStatusRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async set(coachId: string, available: boolean): Promise<void> {
    await this.prisma.coachLiveStatus.upsert({ where: { coachId }, create: { coachId, available }, update: { available } });
  }

  async get(coachId: string): Promise<boolean> {
    const row = await this.prisma.coachLiveStatus.findUnique({ where: { coachId } });
    return row?.available ?? false;
  }

  /** Ids of the coaches whose switch is on. */
  async switchedOn(): Promise<string[]> {
    const rows = await this.prisma.coachLiveStatus.findMany({ where: { available: true }, select: { coachId: true } });
    return rows.map((r) => r.coachId);
  }
}
