/**
 * Driver adapter factories for both backends, with the fixes Prisma 6.19's adapters need here.
 * Every workaround for an upstream bug lives in this file, each with the reason beside it.
 */
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

// Structural subset of @prisma/driver-adapter-utils' types (not a direct dependency of ours).
interface SqlQuery {
  sql: string;
  args: unknown[];
  argTypes: unknown[];
}
interface SqlResultSet {
  columnNames: string[];
  columnTypes: unknown[];
  rows: unknown[][];
}
interface Queryable {
  queryRaw(q: SqlQuery): Promise<SqlResultSet>;
  executeRaw(q: SqlQuery): Promise<number>;
}
interface Transaction extends Queryable {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}
interface SqlDriverAdapter extends Queryable {
  executeScript(script: string): Promise<void>;
  startTransaction(isolationLevel?: string): Promise<Transaction>;
  dispose(): Promise<void>;
}
export interface MigrationAwareAdapterFactory {
  readonly provider: 'postgres';
  readonly adapterName: string;
  connect(): Promise<SqlDriverAdapter>;
  connectToShadowDb(): Promise<SqlDriverAdapter>;
}

// ---------------------------------------------------------------------------------------------
// PGlite (embedded default)
// ---------------------------------------------------------------------------------------------

const pgliteInstances = new Map<string, PGlite>();

/**
 * One PGlite per data folder per process: the CLI opens the adapter twice per command, and
 * PGlite has a single connection, so a second instance on the same folder would corrupt it.
 */
export function sharedPglite(dataDir: string): PGlite {
  let db = pgliteInstances.get(dataDir);
  if (!db) {
    if (!dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true });
    db = new PGlite({ dataDir });
    pgliteInstances.set(dataDir, db);
  }
  return db;
}

export async function closeSharedPglite(dataDir: string): Promise<void> {
  const db = pgliteInstances.get(dataDir);
  if (!db) return;
  pgliteInstances.delete(dataDir);
  if (!db.closed) await db.close();
}

// pglite-prisma-adapter 0.6.1 reports database errors as { kind: 'postgres', code }, while
// adapter-pg maps SQLSTATEs to Prisma's kinds (so the client raises P2002 etc.). Map them alike.
function mapPostgresError(error: unknown): unknown {
  const cause = (error as { cause?: { kind?: string; code?: string; detail?: string; column?: string; message?: string } })?.cause;
  if (!cause || cause.kind !== 'postgres') return error;
  const fields = cause.detail?.match(/Key \(([^)]+)\)/)?.at(1)?.split(', ');
  let mapped: Record<string, unknown> | undefined;
  switch (cause.code) {
    case '23505':
      mapped = { kind: 'UniqueConstraintViolation', constraint: fields ? { fields } : undefined };
      break;
    case '23502':
      mapped = { kind: 'NullConstraintViolation', constraint: fields ? { fields } : undefined };
      break;
    case '23503':
      mapped = { kind: 'ForeignKeyConstraintViolation', constraint: cause.column ? { fields: [cause.column] } : undefined };
      break;
    case '40001':
      mapped = { kind: 'TransactionWriteConflict' };
      break;
    default:
      return error;
  }
  (error as { cause: unknown }).cause = { ...mapped, originalCode: cause.code, originalMessage: cause.message };
  return error;
}

function withMappedErrors<T extends Queryable>(target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (prop === 'queryRaw' || prop === 'executeRaw') {
        return async (q: SqlQuery) => {
          try {
            return await (value as (q: SqlQuery) => Promise<unknown>).call(obj, q);
          } catch (e) {
            throw mapPostgresError(e);
          }
        };
      }
      if (prop === 'startTransaction') {
        return async (level?: string) => withMappedErrors(await (value as (l?: string) => Promise<Transaction>).call(obj, level));
      }
      return typeof value === 'function' ? value.bind(obj) : value;
    },
  });
}

function fixPgliteAdapter(adapter: SqlDriverAdapter, db: PGlite): SqlDriverAdapter {
  const mapped = withMappedErrors(adapter);
  return new Proxy(mapped, {
    get(obj, prop, receiver) {
      if (prop === 'executeScript') {
        // 0.6.1 does not await exec(), so a failed migration is recorded as applied; and a
        // multi-statement script needs exec(), not a prepared statement.
        return async (script: string) => {
          try {
            await db.exec(script);
          } catch (e) {
            throw mapPostgresError(Object.assign(new Error((e as Error).message), { cause: { kind: 'postgres', code: (e as { code?: string }).code, message: (e as Error).message } }));
          }
        };
      }
      if (prop === 'executeRaw') {
        // migrate dev applies whole migration files to the shadow database through executeRaw,
        // which PGlite runs as one prepared statement ("cannot insert multiple commands").
        const prepared = Reflect.get(obj, prop, receiver) as (q: SqlQuery) => Promise<number>;
        return async (q: SqlQuery) => {
          if (q.args.length > 0) return prepared(q);
          try {
            const results = await db.exec(q.sql);
            return results.reduce((n, r) => n + (r.affectedRows ?? 0), 0);
          } catch (e) {
            throw mapPostgresError(Object.assign(new Error((e as Error).message), { cause: { kind: 'postgres', code: (e as { code?: string }).code, message: (e as Error).message } }));
          }
        };
      }
      return Reflect.get(obj, prop, receiver);
    },
  });
}

export function pgliteAdapterFactory(db: PGlite): MigrationAwareAdapterFactory {
  const inner = new PrismaPGlite(db) as unknown as MigrationAwareAdapterFactory;
  return {
    provider: 'postgres',
    adapterName: inner.adapterName,
    connect: async () => fixPgliteAdapter(await inner.connect(), db),
    connectToShadowDb: async () => {
      const shadow = new PGlite({ dataDir: 'memory://' });
      const adapter = (await new PrismaPGlite(shadow).connect()) as unknown as SqlDriverAdapter;
      const fixed = fixPgliteAdapter(adapter, shadow);
      return new Proxy(fixed, {
        get(obj, prop, receiver) {
          if (prop === 'dispose') return async () => shadow.close();
          return Reflect.get(obj, prop, receiver);
        },
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL (production)
// ---------------------------------------------------------------------------------------------

// Catalog types the Prisma CLI reads while introspecting; adapter-pg 6.19 can't deserialize
// them ("Column type 'name' could not be deserialized"), so report them as text.
const NAME_OID = 19;
const CHAR_OID = 18;
const NAME_ARRAY_OID = 1003;
const CHAR_ARRAY_OID = 1002;
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;

function patchFieldTypes(result: pg.QueryResult | undefined): void {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    else if (field.dataTypeID === NAME_ARRAY_OID || field.dataTypeID === CHAR_ARRAY_OID) field.dataTypeID = TEXT_ARRAY_OID;
  }
}

/** Wraps a pg query function (promise or callback style) so results get patchFieldTypes. */
function catalogSafeQuery(original: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    const last = args.at(-1);
    if (typeof last === 'function') {
      const cb = last as (err: unknown, r?: pg.QueryResult) => void;
      args[args.length - 1] = (err: unknown, r?: pg.QueryResult) => {
        patchFieldTypes(r);
        cb(err, r);
      };
      return original(...args);
    }
    const out = original(...args);
    if (out && typeof (out as Promise<unknown>).then === 'function') {
      return (out as Promise<pg.QueryResult>).then((r) => {
        patchFieldTypes(r);
        return r;
      });
    }
    return out;
  };
}

/** A pg.Pool whose query results report catalog-only column types as text. */
class CatalogSafePool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super(config);
    this.on('connect', (client) => {
      const mutable = client as unknown as { query: (...args: unknown[]) => unknown };
      mutable.query = catalogSafeQuery(client.query.bind(client) as (...args: unknown[]) => unknown);
    });
  }
}

/** Splits a postgresql:// URL into fields, so a different database name can be substituted. */
export function pgConfigFromUrl(url: string): pg.PoolConfig {
  const u = new URL(url);
  const sslmode = u.searchParams.get('sslmode');
  return {
    host: decodeURIComponent(u.hostname) || undefined,
    port: u.port ? Number(u.port) : undefined,
    user: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: u.pathname.replace(/^\//, '') || undefined,
    ssl: sslmode && sslmode !== 'disable' ? { rejectUnauthorized: sslmode === 'verify-full' } : undefined,
  };
}

/** CLI adapter (migrate deploy/dev): catalog-safe types and a correct shadow database. */
export function pgMigrationAdapterFactory(url: string): MigrationAwareAdapterFactory {
  const config = pgConfigFromUrl(url);
  const inner = new PrismaPg(new CatalogSafePool(config), { disposeExternalPool: true }) as unknown as MigrationAwareAdapterFactory;
  return {
    provider: 'postgres',
    adapterName: inner.adapterName,
    connect: () => inner.connect(),
    // adapter-pg creates the shadow database through a connectionString-derived config, which
    // keeps pointing at the main database (P3006), and drops it while its pool is still open.
    connectToShadowDb: async () => {
      const admin = new pg.Client(config);
      await admin.connect();
      const database = `prisma_shadow_${crypto.randomUUID().replaceAll('-', '')}`;
      await admin.query(`CREATE DATABASE "${database}"`);
      await admin.end();
      const shadow = new PrismaPg(new CatalogSafePool({ ...config, database, max: 2 }), { disposeExternalPool: true }) as unknown as MigrationAwareAdapterFactory;
      const adapter = await shadow.connect();
      return new Proxy(adapter, {
        get(obj, prop, receiver) {
          if (prop === 'dispose') {
            return async () => {
              await adapter.dispose();
              const cleanup = new pg.Client(config);
              await cleanup.connect();
              await cleanup.query(`DROP DATABASE IF EXISTS "${database}"`);
              await cleanup.end();
            };
          }
          return Reflect.get(obj, prop, receiver);
        },
      });
    },
  };
}
