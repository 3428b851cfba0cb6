/**
 * Shared test parts for notifications and coaches: a real SMTP server on loopback (smtp-server)
 * with a small MIME reader for what it received, and rows written straight into the database.
 */
import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Prisma, PrismaClient } from '../../bot/db/database.js';
import { outboxMessageId, type OutboxKind } from '../../bot/kernel/outbox.js';
import { hashToken, newToken } from '../../bot/security/tokens.js';

export interface MimePart {
  headers: Record<string, string>;
  body: string;
  parts: MimePart[];
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  headers: Record<string, string>;
  subject: string;
  messageId: string;
  text: string;
  html: string;
  /** Every text/calendar part (the alternative and the attachment carry the same invite). */
  calendars: Array<{ contentType: string; content: string }>;
}

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g, (_m, _charset, enc: string, text: string) => {
    if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
    const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  });
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split(/\r\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? '7bit').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

export function parseMime(raw: string): MimePart {
  const split = raw.indexOf('\r\n\r\n');
  const headers = parseHeaders(split < 0 ? raw : raw.slice(0, split));
  const rawBody = split < 0 ? '' : raw.slice(split + 4);
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary) return { headers, body: decodeBody(rawBody, headers['content-transfer-encoding']), parts: [] };
  const parts = rawBody
    .split(`--${boundary}`)
    .slice(1)
    .filter((p) => !p.startsWith('--'))
    .map((p) => parseMime(p.replace(/^\r\n/, '').replace(/\r\n$/, '')));
  return { headers, body: '', parts };
}

function leaves(part: MimePart): MimePart[] {
  return part.parts.length ? part.parts.flatMap(leaves) : [part];
}

export function readMail(raw: string, from: string, to: string[]): ReceivedMail {
  const root = parseMime(raw);
  const all = leaves(root);
  const find = (type: string) => all.find((p) => (p.headers['content-type'] ?? 'text/plain').toLowerCase().startsWith(type))?.body ?? '';
  return {
    from,
    to,
    raw,
    headers: root.headers,
    subject: root.headers.subject ?? '',
    messageId: root.headers['message-id'] ?? '',
    text: find('text/plain'),
    html: find('text/html'),
    calendars: all
      .filter((p) => (p.headers['content-type'] ?? '').toLowerCase().startsWith('text/calendar') || /\.ics/i.test(p.headers['content-disposition'] ?? ''))
      .map((p) => ({ contentType: p.headers['content-type'] ?? '', content: p.body })),
  };
}

export interface SmtpSink {
  port: number;
  url: string;
  received: ReceivedMail[];
  stop(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts. */
export async function startSmtp(port = 0, received: ReceivedMail[] = []): Promise<SmtpSink> {
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push(readMail(Buffer.concat(chunks).toString('utf8'), session.envelope.mailFrom ? session.envelope.mailFrom.address : '', session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.server.address() as net.AddressInfo).port;
  return {
    port: bound,
    url: `smtp://127.0.0.1:${bound}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on (for "SMTP is down"). */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export const WEEKDAYS_9_TO_16 = { mon: [{ start: '09:00', end: '16:00' }], tue: [{ start: '09:00', end: '16:00' }], wed: [{ start: '09:00', end: '16:00' }], thu: [{ start: '09:00', end: '16:00' }], fri: [{ start: '09:00', end: '16:00' }] };

export async function insertCoach(prisma: PrismaClient, id: string, overrides: Partial<Prisma.CoachCreateInput> = {}) {
  return prisma.coach.create({
    data: {
      id,
      name: `Coach ${id}`,
      email: `${id}@coaches.example.fi`,
      languages: ['fi', 'en'],
      area: 'varsinais-suomi',
      municipalities: ['Salo'],
      officeStreet: 'Tehdaskatu 2',
      officePostalCode: '24100',
      officeCity: 'Salo',
      weeklyHours: WEEKDAYS_9_TO_16,
      ...overrides,
    },
  });
}

export async function insertAppointment(prisma: PrismaClient, coachId: string, startsAt: Date, data: Partial<Prisma.AppointmentUncheckedCreateInput> = {}) {
  return prisma.appointment.create({
    data: {
      coachId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      mode: 'in_person',
      meetingLanguage: 'fi',
      locale: 'fi',
      topic: 'job_search',
      jobseekerName: 'Matti Meikäläinen',
      manageTokenHash: hashToken(newToken()),
      ...data,
    },
  });
}

/** An outbox row exactly as the booking service writes it (bot/booking/outbox.ts). */
export async function enqueue(prisma: PrismaClient, kind: OutboxKind, appointmentId: string, payload: Record<string, unknown> & { sequence: number }, now: Date) {
  return prisma.outboxMessage.create({
    data: { kind, appointmentId, payload: payload as Prisma.InputJsonValue, status: 'pending', nextAttemptAt: now, messageId: outboxMessageId(appointmentId, kind, payload.sequence) },
  });
}

/** Unfolds iCalendar content lines and returns the value of the first property `name`. */
export function icsValue(ics: string, name: string): string | undefined {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  const line = unfolded.split('\r\n').find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  return line?.slice(line.indexOf(':') + 1);
}
