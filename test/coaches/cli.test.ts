/**
 * The admin CLI (`npm run admin -- …`) as a real process against the real database: add a coach,
 * issue a token shown once, reassign, and read the mail kept in the outbox when no SMTP is set.
 * Bad commands and unknown ids are handled in-process through runCli.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../bot/kernel/clock.js';
import { openDatabase, type Database } from '../../bot/db/database.js';
import { createTranslator } from '../../bot/i18n/i18n.js';
import { silentLogger } from '../../bot/kernel/log.js';
import { CoachAdminService } from '../../bot/coaches/adminService.js';
import { runCli } from '../../bot/coaches/cli.js';
import { coachAdminRepositories } from '../../bot/coaches/feature.js';
import { AuditLog } from '../../bot/privacy/audit.js';
import { AuditLogRepository } from '../../bot/privacy/auditLogRepository.js';
import { hashToken } from '../../bot/security/tokens.js';
import { openTestDatabase, testBackend, type TestDatabase } from '../support/database.js';
import { enqueue, icsValue, insertAppointment, insertCoach } from '../notifications/helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HOUR = 3600_000;

let test: TestDatabase;

beforeAll(async () => {
  test = await openTestDatabase();
});
afterAll(async () => {
  await test?.destroy();
});

function admin(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/coaches/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: test.location.dataDir, DATABASE_URL: test.location.databaseUrl ?? '', LOG_LEVEL: 'silent', SMTP_URL: '', PUBLIC_BASE_URL: 'https://botti.example.fi', PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

/** The embedded database allows one process: the test's connection is closed while the CLI runs. */
async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ databaseUrl: test.location.databaseUrl, dataDir: test.location.dataDir, poolMax: 2 });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

describe('npm run admin', () => {
  it('adds a coach, issues a feed token shown once, reassigns, and shows the kept outbox mail', async () => {
    await test.close();
    const added = await admin(['coach', 'add', '--id', 'cli-aino', '--name', 'Aino CLI', '--email', 'aino.cli@example.fi', '--languages', 'fi,sv', '--area', 'varsinais-suomi', '--municipalities', 'Salo,Somero', '--street', 'Tehdaskatu 2', '--postal', '24100', '--city', 'Salo']);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.out)).toMatchObject({ id: 'cli-aino', name: 'Aino CLI', municipalities: ['Salo', 'Somero'], active: true });

    const issued = await admin(['token', 'issue', 'cli-aino', 'feed', '--label', 'Outlook']);
    expect(issued.code).toBe(0);
    const token = /token \(shown once, store it now\): (\S+)/.exec(issued.out)?.[1];
    expect(token).toBeDefined();
    expect(issued.out).toContain(`calendar feed URL: https://botti.example.fi/coach/feed/${token}.ics`);

    const appointmentId = await withDb(async (db) => {
      const stored = await db.prisma.coachToken.findFirstOrThrow({ where: { coachId: 'cli-aino' } });
      expect(stored.tokenHash).toBe(hashToken(token!));
      await insertCoach(db.prisma, 'cli-olli', { name: 'Olli CLI' });
      const a = await insertAppointment(db.prisma, 'cli-aino', new Date(Date.now() + 48 * HOUR), { jobseekerName: 'Asiakas <CLI>', contactEmail: 'asiakas@example.com' });
      return a.id;
    });

    const moved = await admin(['reassign', 'cli-aino', 'cli-olli']);
    expect(moved.code).toBe(0);
    expect(moved.out).toContain('moved 1 appointment(s) from cli-aino to cli-olli; 0 left in place');

    const listed = await admin(['outbox', '--status', 'pending']);
    expect(listed.code).toBe(0);
    const lines = listed.out.trim().split('\n');
    const released = lines.find((l) => l.includes('coach.released'));
    expect(released).toContain('aino.cli@example.fi');
    expect(lines.some((l) => l.includes('coach.rescheduled') && l.includes('cli-olli@coaches.example.fi'))).toBe(true);
    expect(lines.some((l) => l.includes('jobseeker.rescheduled') && l.includes('asiakas@example.com'))).toBe(true);

    const shown = await admin(['outbox', 'show', released!.split('\t')[0]]);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(`Message-ID: <${appointmentId}.coach.released.1@oma-botti>`);
    expect(shown.out).toContain('To: aino.cli@example.fi');
    expect(shown.out).toContain('Hei Aino CLI, tapaamisesi on siirretty poissaolosi ajaksi valmentajalle Olli CLI.');
    expect(shown.out).toContain('Asiakas: Asiakas <CLI>');
    const ics = shown.out.slice(shown.out.indexOf('BEGIN:VCALENDAR'));
    expect(icsValue(ics, 'METHOD')).toBe('CANCEL');

    const revoked = await withDb(async (db) => (await db.prisma.coachToken.findFirstOrThrow({ where: { coachId: 'cli-aino' } })).id);
    const revoke = await admin(['token', 'revoke', revoked]);
    expect(revoke.code).toBe(0);
    const off = await admin(['coach', 'deactivate', 'cli-aino']);
    expect(off.out).toContain('cli-aino: inactive');

    await withDb(async (db) => {
      expect((await db.prisma.coach.findUniqueOrThrow({ where: { id: 'cli-aino' } })).active).toBe(false);
      expect((await db.prisma.coachToken.findFirstOrThrow({ where: { id: revoked } })).revokedAt).not.toBeNull();
      const actions = (await db.prisma.auditLog.findMany({ where: { actor: 'admin-cli' } })).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['coach.add', 'coach.token.issue', 'coach.reassign', 'outbox.list', 'outbox.show', 'coach.token.revoke', 'coach.deactivate']));
    });
  }, 300_000);
});

describe('npm run admin next to a running bot', () => {
  // PostgreSQL takes many processes; only the embedded database needs the guard.
  it.skipIf(testBackend === 'postgresql')('refuses to open the embedded database while a bot on the configured port has it open', async () => {
    const bot = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', database: 'pglite' }));
    });
    await new Promise<void>((r) => bot.listen(0, '127.0.0.1', r));
    try {
      const r = await admin(['coaches'], { PORT: String((bot.address() as AddressInfo).port) });
      expect(r.code).toBe(2);
      expect(r.err).toContain('The bot is running on the embedded database');
    } finally {
      await new Promise((r) => bot.close(r));
    }
  }, 60_000);
});

describe('runCli', () => {
  it('prints usage for an unknown command and a clear error for an unknown coach, exiting non-zero', async () => {
    await withDb(async (db) => {
      const service = new CoachAdminService(coachAdminRepositories(db.prisma), systemClock, new AuditLog(new AuditLogRepository(db.prisma), systemClock, silentLogger), { translator: createTranslator(), publicBaseUrl: 'https://botti.example.fi', mailFrom: 'OMA-botti <no-reply@example.fi>' });
      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
      expect(await runCli(['launch', 'rockets'], service, io)).toBe(2);
      expect(err.join('\n')).toContain('Usage: npm run admin');
      expect(await runCli(['token', 'issue', 'no-such-coach', 'api'], service, io)).toBe(1);
      expect(err.at(-1)).toBe('error: No such coach.');
      expect(await runCli(['coach', 'add', '--id', 'X!'], service, io)).toBe(1);
      expect(err.at(-1)).toMatch(/^error: "id"/);
      expect(await runCli(['outbox', '--status', 'lost'], service, io)).toBe(1);
      const coach = await insertCoach(db.prisma, 'cli-empty');
      const a = await insertAppointment(db.prisma, coach.id, new Date(Date.now() + 30 * HOUR));
      await enqueue(db.prisma, 'coach.booked', a.id, { sequence: 0 }, new Date());
      out.length = 0;
      expect(await runCli(['outbox', '--json', '--limit', '1'], service, io)).toBe(0);
      const rows = JSON.parse(out.join('\n'));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: 'coach.booked', to: 'cli-empty@coaches.example.fi', status: 'pending' });

      // A failed message (SMTP was misconfigured for long) can be sent again.
      await db.prisma.outboxMessage.update({ where: { id: rows[0].id }, data: { status: 'failed', attempts: 20, lastError: 'EAUTH' } });
      expect(await runCli(['outbox', 'retry', 'failed'], service, io)).toBe(0);
      expect(out.at(-1)).toBe('1 message(s) queued again');
      const again = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: rows[0].id } });
      expect([again.status, again.attempts]).toEqual(['pending', 0]);
      expect(await runCli(['outbox', 'retry', rows[0].id], service, io)).toBe(1);
      expect(err.at(-1)).toBe('error: Only a failed message can be retried.');
    });
  });
});
