/** Shared set-up for the booking suites: test coaches on a real database and a service at a fixed time. */
import { FixedClock } from '../../bot/kernel/clock.js';
import { loadConfig } from '../../bot/config.js';
import type { PrismaClient } from '../../bot/db/database.js';
import { AppointmentRepository } from '../../bot/booking/appointmentRepository.js';
import { BookingService, type BookingConfig } from '../../bot/booking/bookingService.js';
import type { CoachSeed } from '../../bot/booking/coachData.js';
import { CoachRepository } from '../../bot/booking/coachRepository.js';

/** Monday 7 December 2026, 08:00 in Helsinki. */
export const MONDAY_8AM = new Date('2026-12-07T06:00:00Z');

const weekdays = (start: string, end: string) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start, end }]]));

export const TEST_COACHES: CoachSeed[] = [
  {
    id: 'test-anna',
    demo: true,
    name: 'Anna Testinen',
    email: 'anna@example.org',
    languages: ['fi', 'en', 'sv'],
    area: 'salo',
    municipalities: ['Salo'],
    office: { street: 'Testikatu 1', postalCode: '24100', city: 'Salo', demoAddress: true },
    weekly: weekdays('09:00', '12:00'),
    exceptions: [],
  },
  {
    id: 'test-omar',
    demo: true,
    name: 'Omar Testi',
    email: 'omar@example.org',
    languages: ['fi', 'ar'],
    area: 'salo',
    municipalities: ['Salo'],
    office: { street: 'Testikatu 1', postalCode: '24100', city: 'Salo', demoAddress: true },
    weekly: weekdays('13:00', '15:00'),
    exceptions: [],
  },
];

export function bookingConfig(env: Record<string, string> = {}): BookingConfig {
  return loadConfig({ PUBLIC_BASE_URL: 'https://bot.example.fi', VIDEO_LINK_TEMPLATE: 'https://meet.example.fi/oma/{appointmentId}', ...env });
}

export async function seedTestCoaches(prisma: PrismaClient): Promise<void> {
  await new CoachRepository(prisma).upsertSeed(TEST_COACHES);
}

export function makeService(prisma: PrismaClient, clock = new FixedClock(MONDAY_8AM), env: Record<string, string> = {}) {
  const service = new BookingService({
    appointments: new AppointmentRepository(prisma),
    coaches: new CoachRepository(prisma),
    clock,
    config: bookingConfig(env),
  });
  return { service, clock };
}

/** Helsinki wall-clock time on Monday 7 December 2026 (UTC+2). */
export function mondayAt(hhmm: string): Date {
  return new Date(`2026-12-07T${hhmm}:00+02:00`);
}

export const jobseeker = (id: string) => ({ channelId: 'test', channelUserId: id });
