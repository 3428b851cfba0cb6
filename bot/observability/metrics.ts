/**
 * Prometheus metrics (prom-client), one registry per app so several apps in one process (tests)
 * never mix their figures. Services get the shared `Metrics` through FeatureContext and increment
 * its counters; figures that live in the database (outbox backlog, failed notifications…) are
 * gauges read at scrape time through `addDatabaseGauge`.
 *
 * Labels carry no personal data and stay bounded: channel ids and activity types from the wire
 * are folded into a short allow-list, everything else becomes "other".
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Logger } from '../kernel/log.js';

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

const TURN_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];
const LLM_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 4, 8, 15];

/** Activity types botbuilder defines; anything else a client sends is counted as "other". */
const ACTIVITY_TYPES = new Set([
  'message',
  'conversationUpdate',
  'event',
  'invoke',
  'typing',
  'endOfConversation',
  'messageReaction',
  'messageUpdate',
  'messageDelete',
  'installationUpdate',
  'contactRelationUpdate',
  'deleteUserData',
  'suggestion',
  'trace',
  'handoff',
  'command',
  'commandResult',
]);

/** At most this many distinct channel ids get their own label value. */
const MAX_CHANNELS = 16;

export type LlmOutcome = 'ok' | 'error' | 'timeout' | 'refused';

export interface DatabaseGaugeOptions {
  name: string;
  help: string;
  /** Reads the current value; a failure is logged and leaves the gauge out of that scrape. */
  read(): Promise<number>;
}

export class Metrics {
  readonly registry = new Registry();
  readonly turns: Counter<'channel' | 'type'>;
  readonly turnDuration: Histogram<'channel'>;
  readonly errors: Counter<'kind'>;
  readonly transcriptRowsLost: Counter;
  readonly httpRequests: Counter<'route' | 'method' | 'status'>;
  readonly directLinePolls: Counter<'outcome'>;
  readonly bookings: Counter<'event'>;
  readonly notificationsSent: Counter<'channel'>;
  readonly notificationFailures: Counter<'channel'>;
  readonly llmCalls: Counter<'outcome'>;
  readonly llmDuration: Histogram<'outcome'>;
  readonly knowledgeQuestions: Counter<'locale'>;
  readonly knowledgeMisses: Counter<'locale'>;
  readonly eligibilityChecks: Counter<'outcome'>;
  readonly jobRuns: Counter<'job' | 'outcome'>;
  private readonly channels = new Set<string>();

  constructor(
    private readonly logger?: Logger,
    options: { defaultMetrics?: boolean } = {},
  ) {
    const registers = [this.registry];
    this.turns = new Counter({ name: 'omabotti_turns_total', help: 'Inbound activities processed (turns), by channel and activity type.', labelNames: ['channel', 'type'], registers });
    this.turnDuration = new Histogram({
      name: 'omabotti_turn_duration_seconds',
      help: 'Time from receiving an activity to the end of its turn, replies included.',
      labelNames: ['channel'],
      buckets: TURN_BUCKETS,
      registers,
    });
    this.errors = new Counter({ name: 'omabotti_errors_total', help: 'Errors, by where they happened: turn, http, job, storage, transcript, proactive.', labelNames: ['kind'], registers });
    this.transcriptRowsLost = new Counter({ name: 'omabotti_transcript_rows_lost_total', help: 'Transcript rows the database refused even when written alone, and so were given up on.', registers });
    this.httpRequests = new Counter({ name: 'omabotti_http_requests_total', help: 'HTTP requests, by route pattern, method and status code.', labelNames: ['route', 'method', 'status'], registers });
    this.directLinePolls = new Counter({ name: 'omabotti_directline_polls_total', help: 'Direct Line activity polls from the web widget, by outcome (activities, empty, forbidden, gone).', labelNames: ['outcome'], registers });
    this.bookings = new Counter({ name: 'omabotti_bookings_total', help: 'Booking events: made, cancelled, completed, rescheduled, and conflict (lost a race for a slot).', labelNames: ['event'], registers });
    this.notificationsSent = new Counter({ name: 'omabotti_notifications_sent_total', help: 'Notifications delivered (email, chat…).', labelNames: ['channel'], registers });
    this.notificationFailures = new Counter({ name: 'omabotti_notification_failures_total', help: 'Notification delivery attempts that failed.', labelNames: ['channel'], registers });
    this.llmCalls = new Counter({ name: 'omabotti_llm_calls_total', help: 'Calls to the language model, by outcome.', labelNames: ['outcome'], registers });
    this.llmDuration = new Histogram({ name: 'omabotti_llm_duration_seconds', help: 'Language model call latency.', labelNames: ['outcome'], buckets: LLM_BUCKETS, registers });
    this.knowledgeQuestions = new Counter({ name: 'omabotti_knowledge_questions_total', help: 'Free-text questions looked up in the knowledge base, by turn locale.', labelNames: ['locale'], registers });
    this.knowledgeMisses = new Counter({ name: 'omabotti_knowledge_misses_total', help: 'Questions the knowledge base could not answer confidently, by turn locale.', labelNames: ['locale'], registers });
    this.eligibilityChecks = new Counter({ name: 'omabotti_eligibility_checks_total', help: 'Completed pilot eligibility checks, by outcome.', labelNames: ['outcome'], registers });
    this.jobRuns = new Counter({ name: 'omabotti_job_runs_total', help: 'Scheduled job runs in this process, by job and outcome (ok, failed).', labelNames: ['job', 'outcome'], registers });
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** Starts timing a turn; call the returned function when the turn has ended. */
  startTurn(channelId: string | undefined, activityType: string | undefined): () => void {
    const channel = this.channelLabel(channelId);
    this.turns.inc({ channel, type: activityType && ACTIVITY_TYPES.has(activityType) ? activityType : 'other' });
    return this.turnDuration.startTimer({ channel }) as () => void;
  }

  /** Times one language-model call and counts it by outcome. */
  async timeLlmCall<T>(call: () => Promise<T>, outcomeOf: (result: T) => LlmOutcome = () => 'ok'): Promise<T> {
    const start = performance.now();
    let outcome: LlmOutcome = 'error';
    try {
      const result = await call();
      outcome = outcomeOf(result);
      return result;
    } catch (err) {
      outcome = (err as Error)?.name?.toLowerCase().includes('timeout') || (err as Error)?.name === 'AbortError' ? 'timeout' : 'error';
      throw err;
    } finally {
      this.recordLlmCall(outcome, (performance.now() - start) / 1000);
    }
  }

  recordLlmCall(outcome: LlmOutcome, seconds: number): void {
    this.llmCalls.inc({ outcome });
    this.llmDuration.observe({ outcome }, seconds);
  }

  /** A gauge whose value is read from the database when /metrics is scraped. */
  addDatabaseGauge(options: DatabaseGaugeOptions): void {
    if (this.registry.getSingleMetric(options.name)) throw new Error(`metric ${options.name} is already registered`);
    const logger = this.logger;
    const errors = this.errors;
    new Gauge({
      name: options.name,
      help: options.help,
      registers: [this.registry],
      async collect() {
        try {
          this.set(await options.read());
        } catch (err) {
          errors.inc({ kind: 'storage' });
          logger?.warn({ err, metric: options.name }, 'metrics: gauge read failed');
          // Leave the gauge at its last value rather than report a false zero.
        }
      },
    });
  }

  /** The Prometheus text exposition. */
  async render(): Promise<string> {
    return this.registry.metrics();
  }

  private channelLabel(channelId: string | undefined): string {
    if (!channelId || !/^[a-z0-9_-]{1,32}$/i.test(channelId)) return 'other';
    if (this.channels.has(channelId)) return channelId;
    if (this.channels.size >= MAX_CHANNELS) return 'other';
    this.channels.add(channelId);
    return channelId;
  }
}
