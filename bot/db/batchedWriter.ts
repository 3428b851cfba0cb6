/**
 * Rows a turn produces but its reply does not depend on (the transcript, knowledge gaps): queued
 * in memory and written after the turn, in order, many rows to a statement, so the user never
 * waits for them. One row the database refuses must not cost the others theirs: a batch that
 * fails is written again row by row, losing only the bad row, and the loss is logged and counted.
 */
import type { Logger } from '../kernel/log.js';

export interface BatchedWriterOptions<Row> {
  /** Names the rows in log messages ("transcript", "knowledge gap"). */
  what: string;
  logger: Logger;
  /** Writes a batch in one statement; throws when the database refuses it. */
  insert(batch: Row[]): Promise<void>;
  /** Told how many rows were given up on (a metric). */
  onLost?: (rows: number) => void;
  /** Log fields naming a lost row's owner, never its text. */
  describe?: (row: Row) => Record<string, unknown>;
  maxBatch?: number;
}

const MAX_BATCH = 200;

export class BatchedWriter<Row> {
  private queue: Row[] = [];
  private flushing: Promise<void> | undefined;
  private scheduled = false;
  private lost = 0;

  constructor(private readonly options: BatchedWriterOptions<Row>) {}

  /** Rows given up on since this writer was made. */
  get rowsLost(): number {
    return this.lost;
  }

  /** Queues a row; it is written once the current turn's synchronous work is done. */
  push(row: Row): void {
    this.queue.push(row);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  /** Writes everything queued so far; resolves when it is stored (or failed and was logged). */
  async flush(): Promise<void> {
    // Chain flushes so batches land in the order they were queued.
    const previous = this.flushing ?? Promise.resolve();
    const run = previous.then(async () => {
      const max = this.options.maxBatch ?? MAX_BATCH;
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, max);
        try {
          await this.options.insert(batch);
        } catch (err) {
          if (batch.length === 1) this.giveUp(err, batch[0]);
          else {
            this.options.logger.warn({ err, rows: batch.length }, `${this.options.what}: batch write failed; writing its rows one by one`);
            for (const row of batch) {
              try {
                await this.options.insert([row]);
              } catch (rowErr) {
                this.giveUp(rowErr, row);
              }
            }
          }
        }
      }
    });
    this.flushing = run;
    await run;
    if (this.flushing === run) this.flushing = undefined;
  }

  private giveUp(err: unknown, row: Row): void {
    this.lost += 1;
    this.options.onLost?.(1);
    this.options.logger.error({ err, rows: 1, ...this.options.describe?.(row) }, `${this.options.what}: write failed; rows lost`);
  }
}
