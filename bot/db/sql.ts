/**
 * Plain SQL straight to the driver: the `pg` pool on PostgreSQL, the PGlite instance when
 * embedded. Prisma 6's client compiles even `$queryRawUnsafe` in WebAssembly and wraps every
 * result, which cost more CPU than the database itself on the statements every turn makes (state,
 * transcript, knowledge gaps; see BENCHMARKS.md). Those go through here; Prisma stays for the
 * migrations and everything else.
 *
 * Only repositories, stores and the state storage use it (test/architecture/persistence.test.ts).
 */
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

export interface SqlResult<T> {
  rows: T[];
  /** Rows inserted, updated or deleted. */
  rowCount: number;
}

export interface SqlClient {
  readonly kind: 'pglite' | 'postgresql';
  /**
   * One statement with $1… parameters. Pass timestamps as ISO strings (`toISOString()`): `pg`
   * formats a Date in the process's local time zone, which a `timestamp(3)` column would keep.
   */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<T>>;
}

export function pgSqlClient(pool: pg.Pool): SqlClient {
  return {
    kind: 'postgresql',
    query: async <T>(text: string, params?: readonly unknown[]) => {
      const result = await pool.query(text, params as unknown[] | undefined);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
    },
  };
}

/**
 * PGlite runs one statement at a time and holds a Prisma transaction's statements together, so a
 * statement here waits for a transaction in progress instead of landing inside it.
 */
export function pgliteSqlClient(db: PGlite): SqlClient {
  return {
    kind: 'pglite',
    query: async <T>(text: string, params?: readonly unknown[]) => {
      const result = await db.query<T>(text, params as unknown[] | undefined);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
  };
}

/**
 * Told the text of every statement the process sends, Prisma's included, before it goes out; a
 * returned promise holds the statement until it settles. Tests count a turn's statements with it.
 */
export type StatementObserver = (text: string) => void | Promise<void>;

type QueryFn = (...args: unknown[]) => unknown;

function statementText(first: unknown): string {
  if (typeof first === 'string') return first;
  return typeof (first as { text?: unknown })?.text === 'string' ? (first as { text: string }).text : '';
}

/** Wraps a driver's query function (promise or callback style) so the observer sees each statement first. */
export function observedQuery(original: QueryFn, observer: StatementObserver): QueryFn {
  return (...args: unknown[]) => {
    const gate = observer(statementText(args[0]));
    if (!gate) return original(...args);
    const last = args.at(-1);
    if (typeof last === 'function') {
      void Promise.resolve(gate).then(
        () => original(...args),
        (err: unknown) => (last as (e: unknown) => void)(err),
      );
      return undefined;
    }
    return Promise.resolve(gate).then(() => original(...args));
  };
}
