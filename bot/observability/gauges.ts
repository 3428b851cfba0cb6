/**
 * Gauges read from the database at scrape time, so every process reports the same shared figure
 * (the outbox backlog is the same whichever instance Prometheus asks). Each is one indexed count.
 * Tables of features that are not installed are skipped, not reported as zero.
 */
import type { ConversationRepository } from '../conversations/conversationRepository.js';
import type { Clock } from '../kernel/clock.js';
import type { Metrics } from './metrics.js';

/** A conversation counts as live for this long after its last activity. */
export const ACTIVE_WINDOW_MS = 15 * 60_000;

export function registerDatabaseGauges(metrics: Metrics, conversations: Pick<ConversationRepository, 'countActiveSince'>, clock: Clock): void {
  metrics.addDatabaseGauge({
    name: 'omabotti_conversations_active',
    help: 'Conversations with activity in the last 15 minutes (all processes).',
    read: () => conversations.countActiveSince(new Date(clock.now().getTime() - ACTIVE_WINDOW_MS)),
  });
}
