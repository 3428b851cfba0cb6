/**
 * A process that tries to book one slot with the real BookingService, for the two-process test:
 * it opens its own connection pool to the shared PostgreSQL database, says "ready", waits for
 * "go" so both processes fire together, then confirms ATTEMPTS bookings of the same slot for
 * different jobseekers at once and prints how they ended.
 *
 * env: DATABASE_URL, DATA_DIR, NOW (ISO instant), SLOT (ISO instant), COACH, ATTEMPTS
 */
import { AppointmentRepository } from '../../bot/booking/appointmentRepository.js';
import { BookingService } from '../../bot/booking/bookingService.js';
import { CoachRepository } from '../../bot/booking/coachRepository.js';
import { SlotTakenError } from '../../bot/booking/errors.js';
import { FixedClock } from '../../bot/kernel/clock.js';
import { loadConfig } from '../../bot/config.js';
import { openDatabase } from '../../bot/db/database.js';

const attempts = Number(process.env.ATTEMPTS ?? 8);
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR!, poolMax: attempts });
const service = new BookingService({
  appointments: new AppointmentRepository(db.prisma),
  coaches: new CoachRepository(db.prisma),
  clock: new FixedClock(new Date(process.env.NOW!)),
  config: loadConfig({ PUBLIC_BASE_URL: 'https://bot.example.fi' }),
});
// Warm the pool so the race is between transactions, not between connection set-ups.
await Promise.all(Array.from({ length: attempts }, () => db.prisma.$queryRawUnsafe('SELECT 1')));

process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
const results = await Promise.allSettled(
  Array.from({ length: attempts }, (_, i) =>
    service.reserve({
      jobseeker: { channelId: 'directline', channelUserId: `racer-${process.pid}-${i}` },
      coachId: process.env.COACH!,
      startsAt: new Date(process.env.SLOT!),
      mode: 'in_person',
      topic: 'plan',
      meetingLanguage: 'fi',
      locale: 'fi',
      name: `Asiakas ${i}`,
      email: `racer${i}@example.fi`,
    }),
  ),
);
await db.close();
const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.appointment.id] : []));
const taken = results.filter((r) => r.status === 'rejected' && r.reason instanceof SlotTakenError).length;
const other = results.flatMap((r) => (r.status === 'rejected' && !(r.reason instanceof SlotTakenError) ? [String((r.reason as Error)?.name)] : []));
process.stdout.write(`${JSON.stringify({ pid: process.pid, won, taken, other })}\n`);
