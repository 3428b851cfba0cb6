/**
 * The coach's calendar feed and REST API, and the admin API, over real HTTP against the running
 * app: 401 without a valid token, 403 for another coach's rows, tokens stored only hashed, every
 * admin action in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../bot/kernel/clock.js';
import { hashToken } from '../../bot/security/tokens.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { enqueue, icsValue, insertAppointment } from '../notifications/helpers.js';

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
const NOW = new Date('2026-12-01T08:00:00Z');
const HOUR = 3600_000;

let running: RunningApp;
const clock = new FixedClock(NOW);

beforeAll(async () => {
  running = await startTestApp({ ADMIN_TOKEN, PUBLIC_BASE_URL: 'https://botti.example.fi' }, { clock, manualJobs: true });
});
afterAll(async () => {
  await running?.stop();
});

const prisma = () => running.app.db.prisma;

async function call(method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${running.baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

const admin = (method: string, path: string, body?: unknown) => call(method, path, ADMIN_TOKEN, body);

function coachBody(id: string, name: string) {
  return {
    id,
    name,
    email: `${id}@coaches.example.fi`,
    languages: ['fi', 'en', 'ar'],
    area: 'varsinais-suomi',
    municipalities: ['Salo'],
    office: { street: 'Tehdaskatu 2', postalCode: '24100', city: 'Salo' },
    weekly: { mon: [{ start: '09:00', end: '15:00' }] },
  };
}

describe('admin API', () => {
  it('refuses a missing or wrong admin token with 401', async () => {
    expect((await call('GET', '/api/admin/coaches')).status).toBe(401);
    expect((await call('GET', '/api/admin/coaches', 'wrong-token-wrong-token-wrong')).status).toBe(401);
    expect((await call('POST', '/api/admin/coaches', 'x'.repeat(32), coachBody('api-nobody', 'Nobody'))).status).toBe(401);
    expect(await prisma().coach.findUnique({ where: { id: 'api-nobody' } })).toBeNull();
  });

  it('adds coaches, refuses bad input with 400 and duplicates with 409', async () => {
    const added = await admin('POST', '/api/admin/coaches', coachBody('api-aino', 'Aino'));
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ id: 'api-aino', name: 'Aino', active: true, demo: false, languages: ['fi', 'en', 'ar'] });
    expect((await admin('POST', '/api/admin/coaches', coachBody('api-olli', 'Olli'))).status).toBe(201);
    expect((await admin('POST', '/api/admin/coaches', coachBody('api-aino', 'Aino again'))).status).toBe(409);
    const bad = await admin('POST', '/api/admin/coaches', { ...coachBody('api-bad', 'Bad'), email: 'not an email' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toContain('email');
    expect((await admin('POST', '/api/admin/coaches', '[1,2')).status).toBe(400);
    expect((await admin('POST', '/api/admin/coaches', [1, 2])).status).toBe(400);
    const list = await admin('GET', '/api/admin/coaches');
    expect(list.json.coaches.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['api-aino', 'api-olli']));
  });
});

describe('coach tokens, feed and API', () => {
  let ainoApi: string;
  let olliApi: string;
  let ainoFeed: string;
  let ainoFeedUrl: string;
  let ainoPast: string;
  let ainoFuture: string;
  let olliFuture: string;

  beforeAll(async () => {
    const issue = async (coach: string, kind: string) => {
      const r = await admin('POST', `/api/admin/coaches/${coach}/tokens`, { kind, label: `${kind} for tests` });
      expect(r.status).toBe(201);
      return r.json as { id: string; token: string; feedUrl?: string };
    };
    ainoApi = (await issue('api-aino', 'api')).token;
    olliApi = (await issue('api-olli', 'api')).token;
    const feed = await issue('api-aino', 'feed');
    ainoFeed = feed.token;
    ainoFeedUrl = feed.feedUrl!;
    ainoPast = (await insertAppointment(prisma(), 'api-aino', new Date(NOW.getTime() - 2 * HOUR), { jobseekerName: 'Mennyt Asiakas' })).id;
    ainoFuture = (await insertAppointment(prisma(), 'api-aino', new Date(NOW.getTime() + 26 * HOUR), { jobseekerName: 'Tuleva, Asiakas', note: 'Haluan puhua koulutuksesta', mode: 'phone', contactPhone: '+358401234567' })).id;
    olliFuture = (await insertAppointment(prisma(), 'api-olli', new Date(NOW.getTime() + 27 * HOUR), { jobseekerName: 'Ollin Asiakas' })).id;
  });

  it('stores only a hash of each token', async () => {
    const rows = await prisma().coachToken.findMany({ where: { coachId: 'api-aino' } });
    expect(rows.map((r) => r.kind).sort()).toEqual(['api', 'feed']);
    for (const r of rows) expect([ainoApi, ainoFeed]).not.toContain(r.tokenHash);
    expect(rows.map((r) => r.tokenHash).sort()).toEqual([hashToken(ainoApi), hashToken(ainoFeed)].sort());
    const listed = await admin('GET', '/api/admin/coaches/api-aino/tokens');
    expect(JSON.stringify(listed.json)).not.toContain(ainoApi);
    expect(JSON.stringify(listed.json)).not.toContain('tokenHash');
  });

  it('serves the coach\'s own calendar feed and nobody else\'s appointments', async () => {
    expect(ainoFeedUrl).toBe(`https://botti.example.fi/coach/feed/${ainoFeed}.ics`);
    const res = await call('GET', `/coach/feed/${ainoFeed}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(icsValue(res.text, 'METHOD')).toBe('PUBLISH');
    expect(res.text).toContain(`UID:appointment-${ainoFuture}@botti.example.fi`);
    expect(res.text).toContain(`UID:appointment-${ainoPast}@botti.example.fi`);
    expect(res.text).not.toContain(olliFuture);
    expect(res.text).not.toContain('Ollin Asiakas');
    expect(res.text.replace(/\r\n /g, '')).toContain('SUMMARY:Tapaaminen: Tuleva\\, Asiakas (Työnhaku)');
    expect(res.text).toContain('DTSTART:20261202T100000Z');
    const unfolded = res.text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('\\nAsiakkaan viesti (suomi): Haluan puhua koulutuksesta');
    expect(unfolded).toContain('\\nPuhelin: +358401234567');
  });

  it('refuses the feed with 401 for an unknown, malformed, api-kind or revoked token', async () => {
    expect((await call('GET', `/coach/feed/${'A'.repeat(43)}.ics`)).status).toBe(401);
    expect((await call('GET', '/coach/feed/.ics')).status).toBe(401);
    expect((await call('GET', `/coach/feed/${ainoFeed}`)).status).toBe(401);
    expect((await call('GET', `/coach/feed/${ainoApi}.ics`)).status).toBe(401);
    const extra = await admin('POST', '/api/admin/coaches/api-olli/tokens', { kind: 'feed' });
    expect((await call('GET', `/coach/feed/${extra.json.token}.ics`)).status).toBe(200);
    expect((await admin('POST', `/api/admin/tokens/${extra.json.id}/revoke`)).status).toBe(200);
    expect((await call('GET', `/coach/feed/${extra.json.token}.ics`)).status).toBe(401);
  });

  it('answers 401 without a valid coach token', async () => {
    expect((await call('GET', '/api/coach/appointments')).status).toBe(401);
    expect((await call('GET', '/api/coach/appointments', 'not-a-real-token-not-a-real-token')).status).toBe(401);
    expect((await call('GET', '/api/coach/appointments', ADMIN_TOKEN)).status).toBe(401);
    expect((await call('GET', '/api/coach/appointments', ainoFeed)).status).toBe(401);
    const res = await call('POST', `/api/coach/appointments/${ainoPast}/complete`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('lists only the coach\'s own appointments, with everything the jobseeker gave', async () => {
    const res = await call('GET', '/api/coach/appointments', ainoApi);
    expect(res.status).toBe(200);
    const ids = res.json.appointments.map((a: { id: string }) => a.id);
    expect(ids).toEqual([ainoPast, ainoFuture]);
    expect(res.json.appointments[1]).toMatchObject({ jobseekerName: 'Tuleva, Asiakas', note: 'Haluan puhua koulutuksesta', mode: 'phone', contactPhone: '+358401234567', status: 'booked' });
    const upcoming = await call('GET', `/api/coach/appointments?from=${encodeURIComponent(NOW.toISOString())}`, ainoApi);
    expect(upcoming.json.appointments.map((a: { id: string }) => a.id)).toEqual([ainoFuture]);
    expect((await call('GET', '/api/coach/appointments?from=yesterday', ainoApi)).status).toBe(400);
    expect((await call('GET', '/api/coach/appointments?status=lost', ainoApi)).status).toBe(400);
  });

  it('answers 403 for another coach\'s appointment and changes nothing', async () => {
    expect((await call('GET', `/api/coach/appointments/${olliFuture}`, ainoApi)).status).toBe(403);
    expect((await call('POST', `/api/coach/appointments/${olliFuture}/complete`, ainoApi)).status).toBe(403);
    expect((await prisma().appointment.findUniqueOrThrow({ where: { id: olliFuture } })).status).toBe('booked');
    expect((await call('GET', `/api/coach/appointments/${olliFuture}`, olliApi)).status).toBe(200);
    expect((await call('GET', '/api/coach/appointments/no-such-appointment', ainoApi)).status).toBe(404);
    expect((await call('GET', '/api/coach/appointments/%3Cscript%3E', ainoApi)).status).toBe(404);
  });

  it('marks a held meeting completed; a future one is 409', async () => {
    const done = await call('POST', `/api/coach/appointments/${ainoPast}/complete`, ainoApi);
    expect(done.status).toBe(200);
    expect(done.json.status).toBe('completed');
    const row = await prisma().appointment.findUniqueOrThrow({ where: { id: ainoPast } });
    expect(row.status).toBe('completed');
    expect(row.completedAt?.toISOString()).toBe(NOW.toISOString());
    expect((await call('POST', `/api/coach/appointments/${ainoPast}/complete`, ainoApi)).status).toBe(200);
    expect((await call('POST', `/api/coach/appointments/${ainoFuture}/complete`, ainoApi)).status).toBe(409);
    const audit = await prisma().auditLog.findMany({ where: { actor: 'coach:api-aino', action: 'appointment.complete' } });
    expect(audit.map((a) => a.target)).toContain(`appointment:${ainoPast}`);
  });

  it('manages availability: weekly hours and exceptions, validated, own exceptions only', async () => {
    const weekly = { mon: [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '16:00' }], thu: [{ start: '10:00', end: '14:00' }] };
    const put = await call('PUT', '/api/coach/availability/weekly', ainoApi, { weekly });
    expect(put.status).toBe(200);
    expect(put.json.weekly).toEqual(weekly);
    expect((await prisma().coach.findUniqueOrThrow({ where: { id: 'api-aino' } })).weeklyHours).toEqual(weekly);
    expect((await call('PUT', '/api/coach/availability/weekly', ainoApi, { weekly: { mon: [{ start: '12:00', end: '09:00' }] } })).status).toBe(400);
    expect((await call('PUT', '/api/coach/availability/weekly', ainoApi, { weekly: { mon: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] } })).status).toBe(400);
    expect((await call('PUT', '/api/coach/availability/weekly', ainoApi, { weekly: { someday: [] } })).status).toBe(400);

    const added = await call('POST', '/api/coach/availability/exceptions', ainoApi, { kind: 'off', from: '2026-12-24', to: '2026-12-26', reason: 'holiday' });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ kind: 'off', from: '2026-12-24', to: '2026-12-26', reason: 'holiday' });
    expect((await call('POST', '/api/coach/availability/exceptions', ainoApi, { kind: 'off', from: '2026-02-30' })).status).toBe(400);
    const view = await call('GET', '/api/coach/availability', ainoApi);
    expect(view.json.exceptions.map((e: { id: string }) => e.id)).toContain(added.json.id);

    expect((await call('DELETE', `/api/coach/availability/exceptions/${added.json.id}`, olliApi)).status).toBe(403);
    expect(await prisma().availabilityException.findUnique({ where: { id: added.json.id } })).not.toBeNull();
    expect((await call('DELETE', `/api/coach/availability/exceptions/${added.json.id}`, ainoApi)).status).toBe(204);
    expect(await prisma().availabilityException.findUnique({ where: { id: added.json.id } })).toBeNull();
  });

  it('a deactivated coach\'s tokens and feed stop working', async () => {
    expect((await admin('POST', '/api/admin/coaches', coachBody('api-leaving', 'Leaving'))).status).toBe(201);
    const api = (await admin('POST', '/api/admin/coaches/api-leaving/tokens', { kind: 'api' })).json.token;
    const feed = (await admin('POST', '/api/admin/coaches/api-leaving/tokens', { kind: 'feed' })).json.token;
    expect((await call('GET', '/api/coach/me', api)).status).toBe(200);
    const off = await admin('POST', '/api/admin/coaches/api-leaving/deactivate');
    expect(off.status).toBe(200);
    expect(off.json.active).toBe(false);
    expect((await call('GET', '/api/coach/me', api)).status).toBe(401);
    expect((await call('GET', `/coach/feed/${feed}.ics`)).status).toBe(401);
    expect((await admin('POST', '/api/admin/coaches/no-such-coach/deactivate')).status).toBe(404);
    expect((await admin('POST', '/api/admin/coaches/api-aino/tokens', { kind: 'root' })).status).toBe(400);
  });
});

describe('reassigning a coach\'s bookings and viewing the outbox', () => {
  it('moves upcoming bookings to another coach, queues notices for both coaches and the jobseeker, and audits it', async () => {
    for (const id of ['re-from', 're-to']) expect((await admin('POST', '/api/admin/coaches', coachBody(id, id === 're-from' ? 'Eeva' : 'Pekka'))).status).toBe(201);
    const t1 = new Date(NOW.getTime() + 30 * HOUR);
    const t2 = new Date(NOW.getTime() + 50 * HOUR);
    const movable = await insertAppointment(prisma(), 're-from', t1, { contactEmail: 'asiakas@example.com', conversationRef: { channelId: 'test', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c-re' } } });
    const clash = await insertAppointment(prisma(), 're-from', t2);
    await insertAppointment(prisma(), 're-to', t2, { jobseekerName: 'Already there' });
    const past = await insertAppointment(prisma(), 're-from', new Date(NOW.getTime() - 5 * HOUR));

    expect((await admin('POST', '/api/admin/coaches/re-from/reassign', {})).status).toBe(400);
    expect((await admin('POST', '/api/admin/coaches/re-from/reassign', { toCoachId: 'no-such-coach' })).status).toBe(404);
    const res = await admin('POST', '/api/admin/coaches/re-from/reassign', { toCoachId: 're-to' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ moved: [movable.id], conflicts: [clash.id] });

    const moved = await prisma().appointment.findUniqueOrThrow({ where: { id: movable.id } });
    expect([moved.coachId, moved.sequence, moved.status]).toEqual(['re-to', 1, 'booked']);
    expect((await prisma().appointment.findUniqueOrThrow({ where: { id: clash.id } })).coachId).toBe('re-from');
    expect((await prisma().appointment.findUniqueOrThrow({ where: { id: past.id } })).coachId).toBe('re-from');

    const rows = await prisma().outboxMessage.findMany({ where: { appointmentId: movable.id }, orderBy: { kind: 'asc' } });
    expect(rows.map((r) => [r.kind, r.messageId])).toEqual([
      ['chat.reassigned', `<${movable.id}.chat.reassigned.1@oma-botti>`],
      ['coach.released', `<${movable.id}.coach.released.1@oma-botti>`],
      ['coach.rescheduled', `<${movable.id}.coach.rescheduled.1@oma-botti>`],
      ['jobseeker.rescheduled', `<${movable.id}.jobseeker.rescheduled.1@oma-botti>`],
    ]);

    // Embedded mode without SMTP: the mail waits in the outbox and can be read there.
    const outbox = await admin('GET', '/api/admin/outbox?status=pending');
    expect(outbox.status).toBe(200);
    const released = outbox.json.messages.find((m: { kind: string; appointmentId: string }) => m.kind === 'coach.released' && m.appointmentId === movable.id);
    expect(released).toMatchObject({ status: 'pending', to: 're-from@coaches.example.fi' });
    expect(released.subject).toContain('siirretty toiselle valmentajalle');
    const shown = await admin('GET', `/api/admin/outbox/${released.id}`);
    expect(shown.json.text).toContain('Hei Eeva, tapaamisesi on siirretty poissaolosi ajaksi valmentajalle Pekka.');
    expect(icsValue(shown.json.ics, 'METHOD')).toBe('CANCEL');
    expect(icsValue(shown.json.ics, 'SEQUENCE')).toBe('1');
    const gained = outbox.json.messages.find((m: { kind: string; appointmentId: string }) => m.kind === 'coach.rescheduled' && m.appointmentId === movable.id);
    expect(gained.to).toBe('re-to@coaches.example.fi');
    const jobseeker = outbox.json.messages.find((m: { kind: string; appointmentId: string }) => m.kind === 'jobseeker.rescheduled' && m.appointmentId === movable.id);
    expect(jobseeker.to).toBe('asiakas@example.com');
    expect(jobseeker.subject).toBe('Tapaamisellasi ke 2.12.2026 klo 16.00 on uusi valmentaja');
    expect((await admin('GET', '/api/admin/outbox?status=nope')).status).toBe(400);
    expect((await admin('GET', '/api/admin/outbox/unknown-id')).status).toBe(404);

    const audit = await prisma().auditLog.findMany({ where: { actor: 'admin-api' } });
    const actions = audit.map((a) => a.action);
    for (const action of ['coach.add', 'coach.token.issue', 'coach.token.revoke', 'coach.deactivate', 'coach.reassign', 'outbox.list', 'outbox.show']) {
      expect(actions).toContain(action);
    }
    expect(audit.find((a) => a.action === 'coach.reassign')).toMatchObject({ target: 'coach:re-from', detail: { toCoachId: 're-to', moved: 1, conflicts: 1 } });
  });

  it('a pending coach email reads in the outbox as it will be sent', async () => {
    const a = await insertAppointment(prisma(), 'api-olli', new Date(NOW.getTime() + 80 * HOUR));
    const row = await enqueue(prisma(), 'coach.booked', a.id, { sequence: 0 }, NOW);
    const shown = await admin('GET', `/api/admin/outbox/${row.id}`);
    expect(shown.status).toBe(200);
    expect(shown.json.subject).toBe('Uusi tapaaminen pe 4.12.2026 klo 18.00: Matti Meikäläinen');
    expect((await admin('POST', `/api/admin/outbox/${row.id}/retry`)).status).toBe(409);
    await prisma().outboxMessage.update({ where: { id: row.id }, data: { status: 'failed', attempts: 20 } });
    const retried = await admin('POST', `/api/admin/outbox/${row.id}/retry`);
    expect([retried.status, retried.json]).toEqual([200, { requeued: 1 }]);
    expect((await prisma().outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('pending');
  });
});
