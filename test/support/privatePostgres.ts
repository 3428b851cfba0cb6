/**
 * A private PostgreSQL server for tests that stop and start the database (outages), started as
 * the postgres user on its own port and data folder, as .ci/run does. Never the shared server.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pgConfigFromUrl } from '../../bot/db/adapters.js';
import { applyMigrations, pgExecutor } from '../../bot/db/migrations.js';

export interface PrivatePostgres {
  /** A migrated database on this server. */
  databaseUrl: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')));
  versions.sort((a, b) => Number(a) - Number(b));
  return versions.length ? path.join(root, versions[versions.length - 1], 'bin') : undefined;
}

/** Why a private server cannot be started here, or undefined when it can. */
export function privatePostgresUnavailable(): string | undefined {
  if (!binDir()) return 'PostgreSQL binaries are not installed (/usr/lib/postgresql/*/bin)';
  if (process.getuid?.() !== 0) return 'starting a server as the postgres user needs root';
  try {
    execFileSync('id', ['postgres'], { stdio: 'ignore' });
  } catch {
    return 'there is no postgres user';
  }
  return undefined;
}

function asPostgres(command: string): void {
  execFileSync('su', ['postgres', '-c', command], { stdio: 'ignore' });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir()!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omabotti-pg-'));
  fs.chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  const port = 56000 + Math.floor(Math.random() * 3000);
  const data = path.join(dir, 'data');
  asPostgres(`${bin}/initdb -D ${data} -A trust -U postgres`);
  const start = () => asPostgres(`${bin}/pg_ctl -D ${data} -w -o '-p ${port} -k ${dir} -c listen_addresses=127.0.0.1' -l ${dir}/log start`);
  const stop = () => asPostgres(`${bin}/pg_ctl -D ${data} -w -m fast stop`);
  start();
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const admin = new pg.Client(pgConfigFromUrl(adminUrl));
  await admin.connect();
  await admin.query('CREATE DATABASE omabotti');
  await admin.end();
  const databaseUrl = `postgresql://postgres@127.0.0.1:${port}/omabotti`;
  const client = new pg.Client(pgConfigFromUrl(databaseUrl));
  await client.connect();
  await applyMigrations(pgExecutor(client));
  await client.end();
  return {
    databaseUrl,
    stop,
    start,
    destroy: () => {
      try {
        stop();
      } catch {
        // Already stopped.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
