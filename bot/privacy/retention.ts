/**
 * The retention rules, run by a scheduled job under a database lease. Every cutoff is computed
 * from the clock and the rows themselves, so a restart loses nothing and a second process
 * running the same job finds nothing left to do.
 */
import type { Clock } from '../kernel/clock.js';
import { Prisma, type PrismaClient } from '../db/database.js';
import type { AuditLog } from './audit.js';
import type { ExportLinks } from './exportLinks.js';
import { conversationStateKey, type PersonalDataService } from './personalData.js';

export interface RetentionPeriods {
  RETENTION_DAYS: number;
  APPOINTMENT_RETENTION_DAYS: number;
  PROFILE_RETENTION_DAYS: number;
  FEEDBACK_RETENTION_DAYS: number;
  AUDIT_RETENTION_DAYS: number;
}

export interface RetentionResult {
  transcriptMessages: number;
  conversations: number;
  exportLinks: number;
  directLineTokens: number;
  feedback: number;
  audit: number;
  appointments: number;
  profiles: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

export class RetentionService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
    private readonly periods: RetentionPeriods,
    private readonly personalData: PersonalDataService,
    private readonly links: ExportLinks,
    private readonly audit: AuditLog,
  ) {}

  private before(days: number): Date {
    return new Date(this.clock.now().getTime() - days * DAY_MS);
  }

  async run(): Promise<RetentionResult> {
    const now = this.clock.now();
    const cutoff = this.before(this.periods.RETENTION_DAYS);

    const transcript = await this.prisma.transcriptMessage.deleteMany({ where: { timestamp: { lt: cutoff } } });

    let conversations = 0;
    for (;;) {
      const old = await this.prisma.conversation.findMany({ where: { lastActivityAt: { lt: cutoff } }, select: { id: true, channelId: true, conversationId: true }, take: BATCH });
      if (old.length === 0) break;
      await this.prisma.$transaction(async (tx) => {
        await tx.botState.deleteMany({ where: { key: { in: old.map((c) => conversationStateKey(c.channelId, c.conversationId)) } } });
        // Later messages of a conversation idle since the cutoff cannot exist, but a clock skew could leave some.
        for (const c of old) await tx.transcriptMessage.deleteMany({ where: { channelId: c.channelId, conversationId: c.conversationId } });
        const { count } = await tx.conversation.deleteMany({ where: { id: { in: old.map((c) => c.id) } } });
        conversations += count;
      });
      if (old.length < BATCH) break;
    }

    const exportLinks = await this.links.purgeExpired();
    const directLineTokens = (await this.prisma.directLineToken.deleteMany({ where: { expiresAt: { lt: now } } })).count;
    const feedback = (await this.prisma.feedback.deleteMany({ where: { createdAt: { lt: this.before(this.periods.FEEDBACK_RETENTION_DAYS) } } })).count;
    const audit = await this.audit.purgeBefore(this.before(this.periods.AUDIT_RETENTION_DAYS));
    const appointments = await this.anonymisePastAppointments(this.before(this.periods.APPOINTMENT_RETENTION_DAYS));

    // An inactive profile goes the whole way: every feature erases its part, as on request.
    let profiles = 0;
    const inactive = await this.prisma.user.findMany({
      where: { lastSeenAt: { lt: this.before(this.periods.PROFILE_RETENTION_DAYS) } },
      select: { channelId: true, channelUserId: true },
      take: BATCH,
    });
    for (const u of inactive) {
      const conversation = await this.prisma.conversation.findFirst({ where: { channelId: u.channelId, user: { channelUserId: u.channelUserId } }, select: { conversationId: true } });
      const subject = await this.personalData.subject({ channelId: u.channelId, channelUserId: u.channelUserId, conversationId: conversation?.conversationId ?? '' });
      subject.conversationIds = subject.conversationIds.filter(Boolean);
      try {
        await this.personalData.erase(subject, 'system:retention');
        profiles++;
      } catch {
        // Logged and audited by the service; retried on the next run.
      }
    }

    const result: RetentionResult = { transcriptMessages: transcript.count, conversations, exportLinks, directLineTokens, feedback, audit, appointments, profiles };
    if (Object.values(result).some((n) => n > 0)) await this.audit.audit('system:retention', 'retention.purge', null, { ...result });
    return result;
  }

  /**
   * Past meetings stay countable (coach, time, mode, topic, status) but lose everything that
   * names or reaches the person, and so do their notification payloads.
   */
  private async anonymisePastAppointments(before: Date): Promise<number> {
    const past = await this.prisma.appointment.findMany({
      where: { endsAt: { lt: before }, OR: [{ jobseekerName: { not: '' } }, { userId: { not: null } }, { contactPhone: { not: null } }, { contactEmail: { not: null } }, { note: { not: null } }] },
      select: { id: true },
      take: BATCH,
    });
    if (past.length === 0) return 0;
    const ids = past.map((a) => a.id);
    await this.prisma.$transaction(async (tx) => {
      await tx.appointment.updateMany({
        where: { id: { in: ids } },
        data: {
          jobseekerName: '',
          userId: null,
          contactPhone: null,
          contactEmail: null,
          note: null,
          cancelReason: null,
          videoLink: null,
          channelId: null,
          conversationId: null,
          conversationRef: Prisma.DbNull,
          reminderDueAt: null,
        },
      });
      await tx.outboxMessage.updateMany({ where: { appointmentId: { in: ids } }, data: { payload: {} } });
    });
    return ids.length;
  }
}
