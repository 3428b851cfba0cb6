/**
 * Imports flow one way (issue 12): composition root → dialogs → feature services → repositories →
 * database, everything over the shared kernel. No circle, not even through type imports; bot/ reaches
 * into dialogs/ only from the composition root.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseImports, readSources, type ImportRule } from './importGraph.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FOLDERS = ['bot', 'dialogs'];
const COMPOSITION_ROOT = 'bot/app.ts';
const FEATURES = ['pilot', 'booking', 'coaches', 'notifications', 'knowledge', 'privacy', 'webchat', 'analytics', 'language'];

const RULES: ImportRule[] = [
  {
    name: 'only the composition root imports dialogs/',
    from: (f) => f.startsWith('bot/') && f !== COMPOSITION_ROOT,
    to: (f) => f.startsWith('dialogs/'),
  },
  {
    name: 'dialogs/ never import the composition root',
    from: (f) => f.startsWith('dialogs/'),
    to: (f) => f === COMPOSITION_ROOT,
  },
  {
    name: 'the kernel imports no feature',
    from: (f) => f.startsWith('bot/kernel/'),
    to: (f) => FEATURES.some((feature) => f.startsWith(`bot/${feature}/`)),
  },
];

describe('the import graph of bot/ and dialogs/', () => {
  const report = analyseImports(readSources(ROOT, FOLDERS), RULES, FOLDERS);

  it('is read completely', () => {
    expect(report.problems).toEqual([]);
    // A parser that silently found nothing would pass every check below.
    expect(report.edges.length).toBeGreaterThan(300);
    expect(report.edges).toContainEqual({ from: 'bot/index.ts', to: COMPOSITION_ROOT, typeOnly: false });
    expect(report.edges.some((e) => e.typeOnly)).toBe(true);
  });

  it('has no import circle, type-only imports included', () => {
    expect(report.cycles).toEqual([]);
  });

  it('flows one way: dialogs only from the composition root, never up into it; the kernel knows no feature', () => {
    expect(report.violations).toEqual([]);
  });
});

describe('the graph check itself', () => {
  const fixture = new Map([
    ['bot/app.ts', "import { MainDialog } from '../dialogs/main/mainDialog.js';\nexport const app = new MainDialog();"],
    // a circle of three through a type-only import and an `export … from`
    ['bot/a.ts', "import type { B } from './b.js';\nexport type A = B;"],
    ['bot/b.ts', "export { c as b } from './sub/c.js';\nexport type B = string;"],
    ['bot/sub/c.ts', "export const c = 1;\nexport type Z = import('../a.js').A;"],
    // a circle of two through import()
    ['dialogs/x.ts', "export async function x() { return import('./y.js'); }"],
    ['dialogs/y.ts', "import { x } from './x.js';\nexport const y = x;"],
    // upward imports
    ['bot/pilot/service.ts', "import { MainDialog } from '../../dialogs/main/mainDialog.js';\nexport const s = MainDialog;"],
    ['dialogs/main/mainDialog.ts', 'export class MainDialog {}'],
    ['dialogs/main/helpDialog.ts', "import type { app } from '../../bot/app.js';\nexport type Help = typeof app;"],
    ['bot/kernel/clock.ts', "import { s } from '../pilot/service.js';\nexport const k = s;"],
    // packages, generated code and unknown paths
    ['bot/db.ts', "import { PrismaClient } from '../generated/prisma/client.js';\nimport 'node:fs';\nimport { gone } from './gone.js';\nconst m = await import(name);"],
  ]);
  const report = analyseImports(fixture, RULES, FOLDERS);

  it('reports each circle with its path', () => {
    expect(report.cycles).toHaveLength(2);
    expect(report.cycles).toContain('bot/a.ts → (type) bot/b.ts → bot/sub/c.ts → (type) bot/a.ts');
    expect(report.cycles).toContain('dialogs/x.ts → dialogs/y.ts → dialogs/x.ts');
  });

  it('reports imports against the direction, and allows the composition root', () => {
    expect(report.violations.sort()).toEqual([
      'dialogs/ never import the composition root: dialogs/main/helpDialog.ts → (type) bot/app.ts',
      'only the composition root imports dialogs/: bot/pilot/service.ts → dialogs/main/mainDialog.ts',
      'the kernel imports no feature: bot/kernel/clock.ts → bot/pilot/service.ts',
    ]);
  });

  it('reports what it cannot check, and ignores packages and files outside the checked folders', () => {
    expect(report.problems.sort()).toEqual([
      "bot/db.ts: './gone.js' matches no file",
      'bot/db.ts: an import() whose path is not a string literal cannot be checked',
    ]);
    expect(report.edges.filter((e) => e.from === 'bot/db.ts')).toEqual([]);
  });
});
