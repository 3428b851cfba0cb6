/**
 * A process that runs one scheduled job under the real JobRunner lease, for the two-process test.
 * The job delivers "due" items from a shared folder the way a reminder job delivers due reminders:
 * list what is due, take a while to send each (a network call), then mark it done. Without the
 * lease, two processes would both deliver an item listed by both before either marked it done.
 *
 * env: DATABASE_URL, DATA_DIR, QUEUE_DIR (due/ and delivered.log), RUN_FOR_MS
 */
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { systemClock } from '../../bot/kernel/clock.js';
import { openDatabase } from '../../bot/db/database.js';
import { JobLeaseRepository } from '../../bot/jobs/jobLeaseRepository.js';
import { JobRunner } from '../../bot/jobs/jobRunner.js';
import { createLogger } from '../../bot/kernel/log.js';

const queue = process.env.QUEUE_DIR!;
const runFor = Number(process.env.RUN_FOR_MS ?? 3000);
const due = path.join(queue, 'due');
const log = path.join(queue, 'delivered.log');

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR!, poolMax: 2 });
const runner = new JobRunner(new JobLeaseRepository(db.prisma), systemClock, createLogger('warn'));
let runs = 0;
runner.add({
  name: 'deliver-due-items',
  intervalMs: 40,
  leaseMs: 60_000,
  run: async () => {
    runs++;
    const items = fs.readdirSync(due).sort();
    for (const item of items) {
      await sleep(15); // sending takes a moment
      fs.appendFileSync(log, `${item} ${process.pid}\n`);
      fs.rmSync(path.join(due, item), { force: true });
    }
  },
});
// Tell the parent we are ready, then wait for "go" so both start together.
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
runner.start();
await sleep(runFor);
await runner.stop();
await db.close();
process.stdout.write(`${JSON.stringify({ pid: process.pid, runs })}\n`);
