/**
 * Runs scheduled jobs (outbox delivery, reminders, retention) on an interval. Each run first takes
 * a lease row in the database, so with several processes a job runs in exactly one of them, and a
 * process that dies mid-run loses its lease when it expires. Schedules come from the database
 * state each job reads, never from in-memory timers alone, so they survive restarts.
 */
import crypto from 'node:crypto';
import type { Clock } from '../kernel/clock.js';
import type { ScheduledJob } from '../kernel/contracts.js';
import type { Logger } from '../kernel/log.js';
import type { JobLeaseRepository } from './jobLeaseRepository.js';


export class JobRunner {
  readonly holder = `${process.pid}-${crypto.randomUUID()}`;
  private timers: NodeJS.Timeout[] = [];
  private running = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(
    private readonly leases: JobLeaseRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly jobs: ScheduledJob[] = [],
  ) {}

  add(job: ScheduledJob): void {
    this.jobs.push(job);
  }

  start(): void {
    for (const job of this.jobs) {
      const timer = setInterval(() => void this.runOnce(job.name), job.intervalMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  /** Takes the lease and runs the job if no other process holds it. Returns whether it ran. */
  async runOnce(name: string): Promise<boolean> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job || this.stopped) return false;
    if (this.running.has(name)) return false;
    let ran = false;
    // Tracked from the lease query on, so stop() never closes the database under a query.
    const run = (async () => {
      try {
        if (!(await this.acquire(job))) return;
      } catch (err) {
        this.logger.warn({ job: name, err }, 'job lease query failed');
        return;
      }
      ran = true;
      try {
        await job.run();
      } catch (err) {
        this.logger.error({ job: name, err }, 'scheduled job failed');
      } finally {
        await this.release(name).catch(() => undefined);
      }
    })();
    this.running.set(name, run);
    try {
      await run;
    } finally {
      this.running.delete(name);
    }
    return ran;
  }

  private async acquire(job: ScheduledJob): Promise<boolean> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + (job.leaseMs ?? Math.max(60_000, job.intervalMs)));
    return this.leases.acquire(job.name, this.holder, now, leaseUntil);
  }

  private async release(name: string): Promise<void> {
    await this.leases.release(name, this.holder);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.allSettled([...this.running.values()]);
  }
}
