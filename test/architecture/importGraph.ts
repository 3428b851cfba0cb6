/**
 * The import graph of the source folders, read with oxc-parser (TypeScript 7 has no JavaScript
 * compiler API): static imports, `import type`, `export … from`, `import()`, `import('…').T` type
 * queries and `import x = require(…)`, with relative specifiers resolved to files. Type-only edges
 * count like any other: a circle through types is still a circle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseSync } from 'oxc-parser';

export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

export interface ImportRule {
  /** What the rule forbids, printed with each offending import. */
  name: string;
  from: (file: string) => boolean;
  to: (file: string) => boolean;
}

export interface ImportReport {
  edges: ImportEdge[];
  /** One printable path per circle, e.g. "a.ts → b.ts → a.ts". */
  cycles: string[];
  /** "rule: from → to" for each import a rule forbids. */
  violations: string[];
  /** Imports that cannot be checked: unresolvable relative paths, non-literal import(). */
  problems: string[];
}

interface Specifier {
  value: string | undefined;
  typeOnly: boolean;
}

type Node = { type?: unknown; [key: string]: unknown };

function literal(node: unknown): string | undefined {
  const n = node as Node | null | undefined;
  if (n?.type === 'Literal' && typeof n.value === 'string') return n.value;
  // import(`./x.js`) without placeholders
  const quasis = n?.quasis as Array<{ value: { cooked: string } }> | undefined;
  if (n?.type === 'TemplateLiteral' && (n.expressions as unknown[]).length === 0 && quasis?.length === 1) return quasis[0].value.cooked;
  return undefined;
}

/** Every module specifier a TypeScript source mentions. */
export function specifiersOf(file: string, source: string): Specifier[] {
  const result = parseSync(file, source, { sourceType: 'module', lang: 'ts' });
  if (result.errors.length > 0) throw new Error(`${file}: ${result.errors.map((e) => e.message).join('; ')}`);
  const found: Specifier[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    switch (n.type) {
      case 'ImportDeclaration': {
        const specifiers = (n.specifiers as Node[]) ?? [];
        const allTypes = specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type');
        found.push({ value: literal(n.source), typeOnly: n.importKind === 'type' || allTypes });
        break;
      }
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
        if (n.source) found.push({ value: literal(n.source), typeOnly: n.exportKind === 'type' });
        break;
      case 'ImportExpression':
        found.push({ value: literal(n.source), typeOnly: false });
        break;
      case 'TSImportType':
        found.push({ value: literal(n.source ?? (n.argument as Node | undefined)?.literal), typeOnly: true });
        break;
      case 'TSExternalModuleReference':
        found.push({ value: literal(n.expression), typeOnly: false });
        break;
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'parent' && value && typeof value === 'object') visit(value);
  };
  visit(result.program);
  return found;
}

/** ./x.js → x.ts (or x.ts, x/index.ts) among the known files; undefined when it is not one of them. */
function resolve(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  const base = path.posix.join(path.posix.dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), base, `${base}.ts`, `${base}/index.ts`];
  return candidates.find((c) => files.has(c));
}

/** Circles as Tarjan's strongly connected components, each printed as one concrete path. */
function findCycles(files: readonly string[], edges: readonly ImportEdge[]): string[] {
  const out = new Map<string, ImportEdge[]>();
  for (const e of edges) (out.get(e.from) ?? out.set(e.from, []).get(e.from)!).push(e);
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const strongConnect = (v: string): void => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const { to } of out.get(v) ?? []) {
      if (!indices.has(to)) {
        strongConnect(to);
        low.set(v, Math.min(low.get(v)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(v, Math.min(low.get(v)!, indices.get(to)!));
    }
    if (low.get(v) !== indices.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    const selfLoop = (out.get(v) ?? []).some((e) => e.to === v);
    if (component.length > 1 || selfLoop) components.push(component);
  };
  for (const f of [...files].sort()) if (!indices.has(f)) strongConnect(f);

  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0];
    // Breadth-first back to the start inside the component: the shortest circle through it.
    const previous = new Map<string, ImportEdge>();
    const queue = [start];
    let closing: ImportEdge | undefined;
    while (queue.length > 0 && !closing) {
      const v = queue.shift()!;
      for (const e of out.get(v) ?? []) {
        if (!members.has(e.to)) continue;
        if (e.to === start) {
          closing = e;
          break;
        }
        if (!previous.has(e.to)) {
          previous.set(e.to, e);
          queue.push(e.to);
        }
      }
    }
    const path: ImportEdge[] = [closing!];
    for (let v = closing!.from; v !== start; v = previous.get(v)!.from) path.unshift(previous.get(v)!);
    return [start, ...path.map((e) => `${e.typeOnly ? '(type) ' : ''}${e.to}`)].join(' → ');
  });
}

/**
 * The graph of `sources` (path relative to the project root → TypeScript text). Imports of files
 * outside `sources` (packages, generated/, prisma/) are not edges; a relative import under one of
 * `checkedFolders` that matches no file is reported as a problem.
 */
export function analyseImports(sources: ReadonlyMap<string, string>, rules: readonly ImportRule[] = [], checkedFolders: readonly string[] = []): ImportReport {
  const files = new Set(sources.keys());
  const edges: ImportEdge[] = [];
  const problems: string[] = [];
  for (const [file, text] of sources) {
    for (const { value, typeOnly } of specifiersOf(file, text)) {
      if (value === undefined) {
        problems.push(`${file}: an import() whose path is not a string literal cannot be checked`);
        continue;
      }
      if (!value.startsWith('.')) continue;
      const to = resolve(file, value, files);
      if (to) edges.push({ from: file, to, typeOnly });
      else {
        const target = path.posix.join(path.posix.dirname(file), value);
        if (checkedFolders.some((folder) => target.startsWith(`${folder}/`))) problems.push(`${file}: '${value}' matches no file`);
      }
    }
  }
  const violations = rules.flatMap((rule) =>
    edges.filter((e) => rule.from(e.from) && rule.to(e.to)).map((e) => `${rule.name}: ${e.from} → ${e.typeOnly ? '(type) ' : ''}${e.to}`),
  );
  return { edges, cycles: findCycles([...files], edges), violations, problems };
}

/** Every .ts file under the given folders of `root`, keyed by its posix path relative to `root`. */
export function readSources(root: string, folders: readonly string[]): Map<string, string> {
  const sources = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) sources.set(child, fs.readFileSync(path.join(root, child), 'utf8'));
    }
  };
  for (const folder of folders) walk(folder);
  return sources;
}
