/**
 * The retention rules, run by a scheduled job under a database lease. Every cutoff is computed
 * from the clock and the rows themselves, so a restart loses nothing and a second process
 * running the same job finds nothing left to do.
 */
import type { Clock } from '../kernel/clock.js';
import type { AuditLog } from './audit.js';
import type { ExportLinks } from './exportLinks.js';
import { conversationStateKey, type PersonalDataService } from './personalData.js';
import type { RetentionRepository } from './retentionRepository.js';

export interface RetentionPeriods {
  RETENTION_DAYS: number;
  PROFILE_RETENTION_DAYS: number;
  FEEDBACK_RETENTION_DAYS: number;
  AUDIT_RETENTION_DAYS: number;
  ABANDONED_DIALOG_HOURS: number;
}

export interface RetentionResult {
  transcriptMessages: number;
  conversations: number;
  exportLinks: number;
  feedback: number;
  audit: number;
  profiles: number;
  abandonedDialogs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

export class RetentionService {
  constructor(
    private readonly rows: RetentionRepository,
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
    const cutoff = this.before(this.periods.RETENTION_DAYS);

    const transcriptMessages = await this.rows.deleteTranscriptBefore(cutoff);

    let conversations = 0;
    for (;;) {
      const old = await this.rows.idleConversations(cutoff, BATCH);
      if (old.length === 0) break;
      conversations += await this.rows.deleteConversations(old, old.map((c) => conversationStateKey(c.channelId, c.conversationId)));
      if (old.length < BATCH) break;
    }

    const abandonedDialogs = await this.rows.clearAbandonedDialogs(new Date(this.clock.now().getTime() - this.periods.ABANDONED_DIALOG_HOURS * 60 * 60 * 1000), this.clock.now());

    const exportLinks = await this.links.purgeExpired();
    const feedback = await this.rows.deleteFeedbackBefore(this.before(this.periods.FEEDBACK_RETENTION_DAYS));
    const audit = await this.audit.purgeBefore(this.before(this.periods.AUDIT_RETENTION_DAYS));

    // An inactive profile goes the whole way: every feature erases its part, as on request.
    let profiles = 0;
    const inactive = await this.rows.inactiveUsers(this.before(this.periods.PROFILE_RETENTION_DAYS), BATCH);
    for (const u of inactive) {
      const conversationId = await this.rows.someConversationId(u.channelId, u.channelUserId);
      const subject = await this.personalData.subject({ channelId: u.channelId, channelUserId: u.channelUserId, conversationId: conversationId ?? '' });
      subject.conversationIds = subject.conversationIds.filter(Boolean);
      try {
        await this.personalData.erase(subject, 'system:retention');
        profiles++;
      } catch {
        // Logged and audited by the service; retried on the next run.
      }
    }

    const result: RetentionResult = { transcriptMessages, conversations, exportLinks, feedback, audit, profiles, abandonedDialogs };
    if (Object.values(result).some((n) => n > 0)) await this.audit.audit('system:retention', 'retention.purge', null, { ...result });
    return result;
  }
}
