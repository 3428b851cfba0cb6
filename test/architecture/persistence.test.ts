/**
 * "Dialogs orchestrate, services decide, repositories persist" (CONTRIBUTING.md), checked: only
 * repositories, stores and the database infrastructure use the Prisma client. Everything else in
 * bot/ and dialogs/ gets its data through a repository handed to its constructor.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Using the client: querying it, opening a transaction, raw SQL, its namespace, its generated types. */
const CLIENT_USE: Array<[name: string, pattern: RegExp]> = [
  ['a query on the client', /\bprisma\s*\.\s*[\w$]/],
  ['a query in a transaction', /\btx\s*\.\s*\w+\s*\./],
  ['a client method', /\$(transaction|queryRaw|queryRawUnsafe|executeRaw|executeRawUnsafe|connect|disconnect)\b/],
  ['the Prisma namespace', /\bPrisma\s*\./],
  ['the generated client', /generated\/prisma|@prisma\/client/],
  // The per-turn statements skip Prisma (bot/db/sql.ts); the same layering holds for them.
  ['a direct SQL statement', /\bsql\s*\.\s*query\b/],
];
/** Naming the client's type, to hand it to repository constructors. */
const CLIENT_TYPE: [name: string, pattern: RegExp] = ['the PrismaClient type', /\bPrismaClient\b|\bSqlClient\b/];

/** Persistence modules: every `*Repository.ts` and `*Store.ts`, and these, may use the client freely. */
const PERSISTENCE: Record<string, string> = {
  'bot/db/': 'the database itself: builds the Prisma client for PGlite or PostgreSQL, adapter fixes, startup migrations',
  'bot/state/sqlStorage.ts': "botbuilder's Storage over BotState rows (conversation and user state), straight to the driver: a store under botbuilder's name",
  'bot/webchat/store.ts': "DirectLineStore, the widget channel's conversations, activities and tokens: a store named before this rule",
};

/**
 * Composition: the composition root and each feature module build their repositories from the
 * client they are given, and the CLI bootstrap (bot/kernel/cli.ts) hands a command the client it
 * opened, so they may name PrismaClient, but they never use it.
 */
const COMPOSITION = (file: string): boolean => file === 'bot/app.ts' || file === 'bot/kernel/cli.ts' || /^bot\/[^/]+\/feature\.ts$/.test(file);

function isPersistence(file: string): boolean {
  return /(Repository|Store)\.ts$/.test(file) || Object.keys(PERSISTENCE).some((entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    return e.isDirectory() ? sourceFiles(rel) : e.name.endsWith('.ts') ? [rel] : [];
  });
}

function endOfQuoted(src: string, start: number, quote: string): number {
  let j = start + 1;
  while (j < src.length && src[j] !== quote && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
  return j + 1;
}

/**
 * The source with its comments blanked (line breaks kept), so that a word in a comment is not a
 * use. Strings, template literals and regular expressions are kept as they are: a comment marker
 * inside them is not a comment.
 */
function stripComments(src: string): string {
  let out = '';
  let i = 0;
  let depth = 0;
  // For each open `${` of a template literal, the brace depth at which its `}` closes it.
  const templates: number[] = [];
  // The last code character before a '/', to tell a regular expression from a division.
  let prev = '';
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      out += src.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      const j = endOfQuoted(src, i, c);
      out += src.slice(i, j);
      i = j;
      prev = c;
      continue;
    }
    if (c === '`' || (c === '}' && templates.at(-1) === depth)) {
      if (c === '}') templates.pop();
      let j = i + 1;
      while (j < src.length && src[j] !== '`' && !(src[j] === '$' && src[j + 1] === '{')) j += src[j] === '\\' ? 2 : 1;
      if (src[j] === '$') {
        templates.push(depth);
        j += 2;
      } else j += 1;
      out += src.slice(i, j);
      i = j;
      prev = '`';
      continue;
    }
    if (c === '/' && (prev === '' || '(,=:[!&|?{};+-*%<>~^'.includes(prev) || /\b(return|typeof|case|in|of)$/.test(out.trimEnd()))) {
      let j = i + 1;
      let inClass = false;
      while (j < src.length && src[j] !== '\n') {
        const r = src[j];
        if (r === '\\') {
          j += 2;
          continue;
        }
        if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        j++;
      }
      j++;
      while (/[a-z]/i.test(src[j] ?? '')) j++;
      out += src.slice(i, j);
      i = j;
      prev = '/';
      continue;
    }
    if (c === '{') depth++;
    if (c === '}') depth--;
    out += c;
    if (!/\s/.test(c)) prev = c;
    i++;
  }
  return out;
}

/** Every use of the client in `src` that a module of this kind may not make, as "line: what". */
function offences(file: string, src: string): string[] {
  if (isPersistence(file)) return [];
  const rules = COMPOSITION(file) ? CLIENT_USE : [...CLIENT_USE, CLIENT_TYPE];
  return stripComments(src)
    .split('\n')
    .flatMap((line, n) => rules.filter(([, re]) => re.test(line)).map(([what]) => `${file}:${n + 1}: ${what}: ${line.trim()}`));
}

describe('persistence: only repositories touch Prisma or the direct SQL client', () => {
  it('no module in bot/ or dialogs/ outside the repositories, stores and database uses the Prisma client', () => {
    const found = [...sourceFiles('bot'), ...sourceFiles('dialogs')].flatMap((file) => offences(file, fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('every allow-list entry still exists', () => {
    for (const entry of Object.keys(PERSISTENCE)) expect(fs.existsSync(path.join(ROOT, entry)), entry).toBe(true);
  });

  it('catches a service that queries, even beside comments, strings and regular expressions', () => {
    const service = [
      "import type { PrismaClient } from '../db/database.js';",
      '// this.prisma.user is mentioned in a comment only',
      "const url = 'https://example.fi/*not a comment*/';",
      'const re = /["/]/g;',
      'export class S { constructor(private readonly prisma: PrismaClient) {}',
      '  find = () => this.prisma.user.findMany(); }',
      'const t = `${(() => tx.appointment.count())()}`;',
    ].join('\n');
    expect(offences('bot/some/service.ts', service).map((o) => o.split(': ')[1])).toEqual([
      'the PrismaClient type',
      'the PrismaClient type',
      'a query on the client',
      'a query in a transaction',
    ]);
    expect(offences('bot/some/feature.ts', service).map((o) => o.split(': ')[1])).toEqual(['a query on the client', 'a query in a transaction']);
    expect(offences('bot/some/thingRepository.ts', service)).toEqual([]);
    expect(offences('bot/some/service.ts', '/** Uses PrismaClient and Prisma.InputJsonValue, in prose. */\nexport {};')).toEqual([]);
    const direct = ["import type { SqlClient } from '../db/database.js';", 'export const count = (sql: SqlClient) => sql.query(`SELECT count(*) FROM "BotState"`);'].join('\n');
    expect(offences('bot/some/service.ts', direct).map((o) => o.split(': ')[1])).toEqual(['the PrismaClient type', 'a direct SQL statement', 'the PrismaClient type']);
    expect(offences('bot/some/thingStore.ts', direct)).toEqual([]);
  });
});
