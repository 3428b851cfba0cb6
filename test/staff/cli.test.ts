/**
 * `npm run admin -- signin-link EMAIL`: with the bot stopped the CLI (a real process) opens the
 * database and prints a link that then signs the person in; with the bot running it asks the bot
 * over HTTP with ADMIN_TOKEN. The coach commands keep working through the same entry point.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { silentLogger } from '../../bot/kernel/log.js';
import { runSignInLink } from '../../bot/staff/cli.js';
import { startTestApp, type RunningApp } from '../support/app.js';
import { freshDatabaseLocation, type TestDatabaseLocation } from '../support/database.js';
import { ConsoleClient, text } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ADMIN_TOKEN = 'cli-test-admin-token-0123456789abcdef';
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function admin(args: string[], location: TestDatabaseLocation): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/staff/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: location.dataDir, DATABASE_URL: location.databaseUrl ?? '', LOG_LEVEL: 'silent', PUBLIC_BASE_URL: 'https://botti.example.fi', PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN: '' },
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

describe('npm run admin -- signin-link', () => {
  it('with the bot stopped, opens the database; the printed link signs an admin in once', async () => {
    const location = await freshDatabaseLocation();
    cleanups.push(() => location.drop());
    const bad = await admin(['signin-link', 'not-an-email'], location);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('not a valid email address');
    const res = await admin(['signin-link', 'paivi@salo.example.fi', '--admin'], location);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toContain('One-time sign-in link for paivi@salo.example.fi (admin)');
    const url = /https:\/\/botti\.example\.fi\/staff\/signin\/link\/[A-Za-z0-9_-]+/.exec(res.out)![0];
    // The coach commands still work through the same entry point.
    const coaches = await admin(['coaches'], location);
    expect(coaches.code).toBe(0);

    const app = await createApp(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: location.dataDir, ...(location.databaseUrl ? { DATABASE_URL: location.databaseUrl } : {}), SEED_DEMO_DATA: 'false', PUBLIC_BASE_URL: 'https://botti.example.fi' }), {
      logger: silentLogger,
      manualJobs: true,
    });
    const port = await app.listen();
    cleanups.push(() => app.close());
    const client = new ConsoleClient(`http://127.0.0.1:${port}`);
    const page = await client.signInWithLink(url);
    expect(text(page.html)).toContain('Kirjautunut: paivi@salo.example.fi');
    // An admin who is no coach starts on the coaches page.
    expect(page.html).toContain('<h1>Valmentajat</h1>');
    expect((await new ConsoleClient(`http://127.0.0.1:${port}`).get(new URL(url).pathname)).status).toBe(410);
    const audit = await app.db.prisma.auditLog.findMany({ where: { action: 'staff.signin_link' } });
    expect(audit.map((a) => a.actor)).toEqual(['admin-cli']);
  }, 180_000);

  it('with the bot running, asks it over HTTP with ADMIN_TOKEN, and says so when the token is missing', async () => {
    const running: RunningApp = await startTestApp({ ADMIN_TOKEN, SEED_DEMO_DATA: 'false' });
    cleanups.push(() => running.stop());
    const port = Number(new URL(running.baseUrl).port);
    const lines: string[] = [];
    const config = loadConfig({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: running.location.dataDir, ...(running.location.databaseUrl ? { DATABASE_URL: running.location.databaseUrl } : {}), ADMIN_TOKEN });
    const code = await runSignInLink(['signin-link', 'kaisa@salo.example.fi', '--admin'], { config, out: (l) => lines.push(l), err: (l) => lines.push(l) });
    expect(code).toBe(0);
    const url = lines.find((l) => l.includes('/staff/signin/link/'))!;
    const client = new ConsoleClient(running.baseUrl);
    expect(text((await client.signInWithLink(url)).html)).toContain('Kirjautunut: kaisa@salo.example.fi');

    if (!running.location.databaseUrl) {
      const withoutToken = loadConfig({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: running.location.dataDir });
      await expect(runSignInLink(['signin-link', 'x@salo.example.fi'], { config: withoutToken, out: () => undefined, err: () => undefined })).rejects.toThrow(/ADMIN_TOKEN/);
    }
  }, 180_000);
});
