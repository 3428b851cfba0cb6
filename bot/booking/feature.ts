/**
 * Booking's services: BookingService, the private manage page and .ics download, demo coaches
 * seeded at startup when allowed, and the jobseeker's appointments in "show my data" / "delete my
 * data". Its dialogs ("Book a meeting", "My appointments") are in dialogs/booking/. Delivery of the
 * outbox rows this feature writes (emails to coaches and jobseekers, reminders) belongs to
 * bot/notifications.
 */
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Translator } from '../i18n/i18n.js';
import type { Clock } from '../kernel/clock.js';
import type { Feature } from '../kernel/contracts.js';
import type { Logger } from '../kernel/log.js';
import type { Metrics } from '../observability/metrics.js';
import type { AuditLog } from '../privacy/audit.js';
import { AppointmentRepository } from './appointmentRepository.js';
import { BookingService } from './bookingService.js';
import { CoachRepository } from './coachRepository.js';
import { ManagePages } from './manageRoutes.js';
import { seedDemoCoaches, shouldSeedDemoData } from './seed.js';

export interface BookingFeature extends Feature {
  service: BookingService;
}

export interface BookingFeatureDeps {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  translator: Translator;
  audit: AuditLog;
}

const RETENTION_JOB_MS = 60 * 60 * 1000;
const RETENTION_BATCH = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function createBookingFeature(deps: BookingFeatureDeps): Promise<BookingFeature> {
  const { config, clock, logger } = deps;
  const { prisma } = deps.db;
  const coaches = new CoachRepository(prisma);
  if (shouldSeedDemoData(config, deps.db.kind)) {
    const count = await seedDemoCoaches(coaches);
    logger.info({ booking: { demoCoaches: count } }, 'demo coaches seeded (fictional demo data; replace with real coaches)');
  }
  const appointments = new AppointmentRepository(prisma);
  const service = new BookingService({ appointments, coaches, clock, config, metrics: deps.metrics, logger });
  const pages = new ManagePages({ service, translator: deps.translator, logger, publicBaseUrl: config.publicBaseUrl, clock });

  return {
    name: 'booking',
    routes: [(server) => pages.install(server)],
    jobs: [
      {
        // Past meetings stay countable (coach, time, mode, topic, status) but lose everything that
        // names or reaches the person, APPOINTMENT_RETENTION_DAYS after they took place.
        name: 'booking-retention',
        intervalMs: RETENTION_JOB_MS,
        leaseMs: 30 * 60 * 1000,
        run: async () => {
          const before = new Date(clock.now().getTime() - config.APPOINTMENT_RETENTION_DAYS * DAY_MS);
          let anonymised = 0;
          for (;;) {
            const n = await appointments.anonymisePastAppointments(before, RETENTION_BATCH);
            anonymised += n;
            if (n < RETENTION_BATCH) break;
          }
          if (anonymised > 0) await deps.audit.audit('system:retention', 'retention.purge', null, { appointments: anonymised });
        },
      },
    ],
    personalData: [
      {
        name: 'booking',
        labelKey: 'privacy:features.booking',
        export: async (subject) => ({
          appointments: (await service.exportFor(subject.userId)).map((a) => ({
            id: a.id,
            status: a.status,
            startsAt: a.startsAt.toISOString(),
            endsAt: a.endsAt.toISOString(),
            coach: a.coach.name,
            mode: a.mode,
            topic: a.topic,
            meetingLanguage: a.meetingLanguage,
            interpreterNeeded: a.interpreterNeeded,
            interpreterLanguage: a.interpreterLanguage,
            name: a.jobseekerName,
            phone: a.contactPhone,
            email: a.contactEmail,
            note: a.note,
            videoLink: a.videoLink,
            cancelReason: a.cancelReason,
            cancelledBy: a.cancelledBy,
            createdAt: a.createdAt.toISOString(),
            updatedAt: a.updatedAt.toISOString(),
          })),
        }),
        erase: async (subject) => service.eraseFor(subject.userId),
      },
    ],
    service,
  };
}
