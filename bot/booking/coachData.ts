/**
 * The shape of the coach seed file (`prisma/data/demo-coaches.json`) and of
 * availability data in general. The seed script and the coach API validate
 * against these schemas, so a malformed file fails loudly instead of producing
 * coaches nobody can book.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SUPPORTED_LOCALES } from '../i18n/locales.js';
import { normaliseEmail } from './contact.js';
import { parseLocalDate, parseLocalTime } from '../kernel/helsinkiTime.js';
import { type CoachAvailability, WEEKDAY_KEYS } from './slots.js';

const localTime = z.string().refine((t) => {
  try {
    parseLocalTime(t);
    return true;
  } catch {
    return false;
  }
}, 'expected HH:MM between 00:00 and 24:00');

const localDate = z.string().refine((d) => {
  try {
    parseLocalDate(d);
    return true;
  } catch {
    return false;
  }
}, 'expected an existing YYYY-MM-DD date');

const timeRangeSchema = z
  .object({ start: localTime, end: localTime })
  .refine((r) => parseLocalTime(r.end) > parseLocalTime(r.start), 'end must be after start');

export const weeklyHoursSchema = z.partialRecord(z.enum(WEEKDAY_KEYS), z.array(timeRangeSchema));

const exceptionReason = z.enum(['holiday', 'sick', 'training', 'other']);

export const availabilityExceptionSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('off'),
      from: localDate,
      to: localDate.optional(),
      start: localTime.optional(),
      end: localTime.optional(),
      reason: exceptionReason.optional(),
    }),
    z.object({
      kind: z.literal('extra'),
      from: localDate,
      to: localDate.optional(),
      start: localTime,
      end: localTime,
      reason: exceptionReason.optional(),
    }),
  ])
  .refine((e) => (e.start === undefined) === (e.end === undefined), 'give both start and end, or neither')
  .refine((e) => e.start === undefined || e.end === undefined || parseLocalTime(e.end) > parseLocalTime(e.start), 'end must be after start')
  .refine((e) => e.to === undefined || parseLocalDate(e.to) >= parseLocalDate(e.from), 'to must not be before from');

/** Languages a coach can hold a meeting in; `fi-x-selko` is a way of writing, not a meeting language. */
export const COACH_LANGUAGES = SUPPORTED_LOCALES.filter((l) => l !== 'fi-x-selko') as Exclude<
  (typeof SUPPORTED_LOCALES)[number],
  'fi-x-selko'
>[];

const email = z.string().refine((e) => {
  const r = normaliseEmail(e);
  return r.ok && r.value === e;
}, 'expected a normalised email address');

const officeSchema = z.object({
  street: z.string().min(1),
  postalCode: z.string().regex(/^\d{5}$/),
  city: z.string().min(1),
  /** False only for a verified public address; true for an invented demo address. */
  demoAddress: z.boolean(),
  /** Where a real address comes from (e.g. a seed file). */
  source: z.string().optional(),
});

const coachSeedSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{3,64}$/),
  demo: z.literal(true),
  name: z.string().min(1),
  email,
  languages: z.array(z.enum(COACH_LANGUAGES)).min(1),
  area: z.string().regex(/^[a-z0-9-]+$/),
  municipalities: z.array(z.string().min(1)).min(1),
  office: officeSchema,
  weekly: weeklyHoursSchema,
  exceptions: z.array(availabilityExceptionSchema),
});

export const coachSeedFileSchema = z
  .object({
    version: z.number().int().positive(),
    demo: z.literal(true),
    note: z.string().optional(),
    coaches: z.array(coachSeedSchema).min(1),
  })
  .refine((f) => new Set(f.coaches.map((c) => c.id)).size === f.coaches.length, 'coach ids must be unique');

export type CoachSeed = z.infer<typeof coachSeedSchema>;
export type CoachSeedFile = z.infer<typeof coachSeedFileSchema>;

/** Reads and validates a coach seed file; throws a ZodError describing every problem. */
export async function loadCoachSeedFile(path: string | URL): Promise<CoachSeedFile> {
  return coachSeedFileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}

export function seedAvailability(coach: CoachSeed): CoachAvailability {
  return { coachId: coach.id, weekly: coach.weekly, exceptions: coach.exceptions };
}
