/** Typed booking failures; dialogs and routes turn each into a message for the user. */

export class BookingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Someone else booked the slot between showing and confirming it (or it is no longer offered). */
export class SlotTakenError extends BookingError {
  constructor() {
    super('slot_taken', 'That time was just taken.');
  }
}

/** The jobseeker already holds the most upcoming bookings allowed (BOOKING_MAX_UPCOMING). */
export class BookingLimitError extends BookingError {
  constructor(readonly limit: number) {
    super('limit_reached', `At most ${limit} upcoming bookings are allowed.`);
  }
}

export class AppointmentNotFoundError extends BookingError {
  constructor() {
    super('not_found', 'No such appointment.');
  }
}

/** The appointment is cancelled, completed or already past, so it cannot be changed. */
export class AppointmentNotChangeableError extends BookingError {
  constructor() {
    super('not_changeable', 'The appointment can no longer be changed.');
  }
}

export class CoachNotFoundError extends BookingError {
  constructor(readonly coachId: string) {
    super('coach_not_found', `No active coach ${coachId}.`);
  }
}

/** A phone meeting needs a phone number; contact details must be valid. */
export class InvalidBookingInputError extends BookingError {
  constructor(readonly field: string, readonly reason: string) {
    super('invalid_input', `${field}: ${reason}`);
  }
}

/** True for a unique-constraint violation from either backend (Prisma P2002 or SQLSTATE 23505). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { originalCode?: string; kind?: string } };
  return e?.code === 'P2002' || e?.cause?.originalCode === '23505' || e?.cause?.kind === 'UniqueConstraintViolation' || /23505|unique constraint/i.test(String((err as Error)?.message ?? ''));
}
