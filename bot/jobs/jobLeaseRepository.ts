/** JobLease rows: one per scheduled job, held by one process until it is released or expires. */
import type { PrismaClient } from '../db/database.js';

export class JobLeaseRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Takes the job's lease for `holder` until `until` when it has expired or `holder` has it
   * already (creating the row on first use); false when another holder has it.
   */
  async acquire(name: string, holder: string, now: Date, until: Date): Promise<boolean> {
    await this.prisma.jobLease.createMany({ data: [{ name, holder: '', leaseUntil: new Date(0) }], skipDuplicates: true });
    const taken = await this.prisma.jobLease.updateMany({
      where: { name, OR: [{ leaseUntil: { lt: now } }, { holder }] },
      data: { holder, leaseUntil: until, lastRunAt: now },
    });
    return taken.count === 1;
  }

  /** Lets the lease go at once, if `holder` still has it. */
  async release(name: string, holder: string): Promise<void> {
    await this.prisma.jobLease.updateMany({ where: { name, holder }, data: { leaseUntil: new Date(0) } });
  }
}
