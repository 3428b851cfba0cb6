/**
 * The audit log of actions taken with admin or coach rights and of system actions on personal
 * data. Other features call `audit(actor, action, target)`; a failed write is logged, never
 * thrown, so an audit hiccup does not undo the action it records. The rows are
 * AuditLogRepository's.
 */
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/log.js';
import type { AuditDetail, AuditEntry, AuditLogRepository } from './auditLogRepository.js';

const MAX_FIELD = 200;

function clip(value: string): string {
  // Control characters would let a caller forge log lines in an exported CSV or terminal.
  return value.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, MAX_FIELD);
}

export class AuditLog {
  constructor(
    private readonly entries: AuditLogRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Records who did what to which row. `target` is an id ("appointment:abc"), never personal data. */
  async audit(actor: string, action: string, target?: string | null, detail?: AuditDetail): Promise<void> {
    try {
      await this.entries.append({
        at: this.clock.now(),
        actor: clip(actor),
        action: clip(action),
        target: target ? clip(target) : null,
        detail,
      });
    } catch (err) {
      this.logger.error({ err, action: clip(action) }, 'audit: write failed');
    }
  }

  /** Newest first. */
  async recent(options: { since?: Date; actor?: string; take?: number } = {}): Promise<AuditEntry[]> {
    return this.entries.recent({ since: options.since, actor: options.actor, take: Math.min(Math.max(options.take ?? 100, 1), 1000) });
  }

  /** Deletes entries older than `before`; returns how many. */
  async purgeBefore(before: Date): Promise<number> {
    return this.entries.deleteBefore(before);
  }
}
