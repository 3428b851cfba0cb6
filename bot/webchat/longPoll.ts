/**
 * Server-side long-poll: a GET for activities waits until the conversation has something past the
 * client's watermark. Writes in this process wake waiters at once; writes by another process are
 * noticed by one shared query per interval over every waiting conversation (not one per request).
 */
import type { Logger } from '../kernel/log.js';

interface Waiter {
  conversationId: string;
  afterSeq: number;
  wake: () => void;
}

export interface SeqSource {
  lastSeqs(ids: string[]): Promise<Map<string, number>>;
}

const MAX_IDS_PER_QUERY = 500;

export class LongPollHub {
  private readonly waiters = new Map<string, Set<Waiter>>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private closed = false;

  constructor(
    private readonly source: SeqSource,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  /** Number of requests waiting for a conversation. */
  waiting(conversationId: string): number {
    return this.waiters.get(conversationId)?.size ?? 0;
  }

  get totalWaiting(): number {
    let n = 0;
    for (const set of this.waiters.values()) n += set.size;
    return n;
  }

  /**
   * Resolves when the conversation may have activities after `afterSeq`, after `timeoutMs`, when
   * `abort` fires (the client went away), or when the hub closes.
   */
  wait(conversationId: string, afterSeq: number, timeoutMs: number, abort?: AbortSignal): Promise<void> {
    if (this.closed || abort?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      let set = this.waiters.get(conversationId);
      if (!set) {
        set = new Set();
        this.waiters.set(conversationId, set);
      }
      const waiter: Waiter = {
        conversationId,
        afterSeq,
        wake: () => {
          clearTimeout(timeout);
          abort?.removeEventListener('abort', waiter.wake);
          const current = this.waiters.get(conversationId);
          current?.delete(waiter);
          if (current && current.size === 0) this.waiters.delete(conversationId);
          if (this.waiters.size === 0) this.stopTimer();
          resolve();
        },
      };
      const timeout = setTimeout(waiter.wake, timeoutMs);
      abort?.addEventListener('abort', waiter.wake, { once: true });
      set.add(waiter);
      this.startTimer();
    });
  }

  /** An activity was written in this process: wake its waiters now. */
  notify(conversationId: string, seq: number): void {
    const set = this.waiters.get(conversationId);
    if (!set) return;
    for (const w of [...set]) if (seq > w.afterSeq) w.wake();
  }

  /** Wakes every waiter (shutdown). */
  close(): void {
    this.closed = true;
    for (const set of [...this.waiters.values()]) for (const w of [...set]) w.wake();
    this.stopTimer();
  }

  private startTimer(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One query for all waiting conversations: wakes those another process has written to. */
  private async tick(): Promise<void> {
    if (this.ticking || this.waiters.size === 0) return;
    this.ticking = true;
    try {
      const ids = [...this.waiters.keys()];
      for (let i = 0; i < ids.length; i += MAX_IDS_PER_QUERY) {
        const chunk = ids.slice(i, i + MAX_IDS_PER_QUERY);
        const seqs = await this.source.lastSeqs(chunk);
        for (const id of chunk) {
          const set = this.waiters.get(id);
          if (!set) continue;
          const last = seqs.get(id);
          // A conversation that disappeared (erased) wakes its waiters so they can answer 404.
          for (const w of [...set]) if (last === undefined || last > w.afterSeq) w.wake();
        }
      }
    } catch (err) {
      this.logger.warn({ err }, 'webchat: long-poll check failed');
    } finally {
      this.ticking = false;
    }
  }
}
