/**
 * Booking as a feature: "Book a meeting" and "My appointments" in the main menu, the private manage
 * page and .ics download, demo coaches seeded at startup when allowed, and the jobseeker's
 * appointments in "show my data" / "delete my data". Delivery of the outbox rows this feature writes
 * (emails to coaches and jobseekers, reminders) belongs to bot/notifications.
 */
import { BookingDialog } from '../../dialogs/bookingDialog.js';
import { MyAppointmentsDialog } from '../../dialogs/myAppointmentsDialog.js';
import type { Feature, FeatureContext } from '../features.js';
import { createMatcher, type Matcher } from '../pilot/municipalityMatcher.js';
import { AppointmentRepository } from './appointmentRepository.js';
import { BookingService } from './bookingService.js';
import { CoachRepository } from './coachRepository.js';
import { ManagePages } from './manageRoutes.js';
import { seedDemoCoaches, shouldSeedDemoData } from './seed.js';

export interface BookingFeature extends Feature {
  service: BookingService;
}

export interface BookingFeatureOptions {
  matcher?: Matcher;
}

export async function createBookingFeature(ctx: FeatureContext, options: BookingFeatureOptions = {}): Promise<BookingFeature> {
  const { config, prisma, clock, logger } = ctx;
  if (shouldSeedDemoData(config, ctx.db.kind)) {
    const count = await seedDemoCoaches(prisma);
    logger.info({ booking: { demoCoaches: count } }, 'demo coaches seeded (fictional demo data; replace with real coaches)');
  }
  const appointments = new AppointmentRepository(prisma);
  const service = new BookingService({ appointments, coaches: new CoachRepository(prisma), clock, config, metrics: ctx.metrics, logger });
  const deps = { service, matchMunicipality: options.matcher ?? createMatcher() };
  const pages = new ManagePages({ service, translator: ctx.translator, logger, publicBaseUrl: config.publicBaseUrl, clock });

  return {
    name: 'booking',
    menu: [
      { id: 'booking', labelKey: 'booking:menu.book', dialog: new BookingDialog(deps) },
      { id: 'myAppointments', labelKey: 'booking:menu.mine', dialog: new MyAppointmentsDialog(deps) },
    ],
    routes: [(server) => pages.install(server)],
    personalData: [
      {
        name: 'booking',
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
