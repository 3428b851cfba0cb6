/**
 * The indexed municipality matcher gives exactly the results of the full scan it replaced
 * (`createScanAllMatcher`, the old algorithm kept as the reference): same kind, same
 * municipalities, same order, over every name the register knows in many forms, typed by ear in
 * other scripts, misspelt, and over every question of the understanding question sets.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getPilotData } from '../../bot/pilot/pilotData.js';
import { createMatcher, createScanAllMatcher, type MatchResult } from '../../bot/pilot/municipalityMatcher.js';
import { allMunicipalities, exonyms, oldNames } from '../../bot/pilot/places.js';
import { arabic, russian } from './scriptSpelling.js';

/** Kind and places, in order: what a caller of the matcher can observe. */
function observed(r: MatchResult): string {
  switch (r.kind) {
    case 'match':
      return `match ${r.municipality.id}`;
    case 'suggest':
      return `suggest ${r.candidates.map((c) => c.id).join(',')}`;
    case 'known_outside_data':
      return `outside ${r.municipality.id ?? r.name}`;
    case 'none':
      return 'none';
  }
}

const BACK_VOWELS = /[aou]/i;
/** Common Finnish (and a few Estonian) case forms of a name, with vowel harmony. */
function inflected(name: string): string[] {
  const back = BACK_VOWELS.test(name.replace(/.*[\s-]/, ''));
  const a = back ? 'a' : 'ä';
  const last = name.at(-1) ?? '';
  const stem = /[aeiouyäö]$/i.test(last) ? name : `${name}i`;
  return [
    name,
    `${stem}ss${a}`,
    `${stem}st${a}`,
    `${stem}ll${a}`,
    `${stem}lt${a}`,
    `${stem}lle`,
    `${stem}n`,
    `${stem}${stem.at(-1)}n`,
    `${stem}ksi`,
    `${stem}ssakin`,
    `${name}:ssa`,
    `${stem}sse`,
    `asun ${stem}ss${a} nyt`,
    `muutin ${stem}lle viime vuonna, kuka palvelee`,
    name.toUpperCase(),
  ];
}

/** Deterministic typos: a letter dropped, two swapped, one replaced, one doubled, and two at once. */
function typos(name: string): string[] {
  const w = name.toLowerCase();
  if (w.length < 4) return [];
  const mid = Math.floor(w.length / 2);
  const swap = (s: string, i: number) => s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  return [
    w.slice(0, mid) + w.slice(mid + 1),
    swap(w, mid - 1),
    `${w.slice(0, mid)}x${w.slice(mid + 1)}`,
    w.slice(0, mid) + w[mid] + w.slice(mid),
    `${swap(w, 1).slice(0, -1)}`,
    `${w.slice(0, 1)}${w.slice(2, -1)}o`,
    `asun ${w.slice(0, mid) + w.slice(mid + 1)}ssa`,
  ];
}

function questionSets(): string[] {
  const out: string[] = [];
  for (const file of ['../../prisma/data/understanding/tuning.json', '../knowledge/understanding/heldout.json']) {
    const set = JSON.parse(fs.readFileSync(new URL(file, import.meta.url), 'utf8')) as {
      questions: Record<string, Array<{ q: string }>>;
    };
    for (const qs of Object.values(set.questions)) for (const { q } of qs) out.push(q);
  }
  return out;
}

/** `n` items spread evenly over the list (all of it when it is shorter). */
function evenly<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]);
}

function texts(): Map<string, string[]> {
  const pilot = getPilotData().municipalities;
  const finnish = [...allMunicipalities().map((p) => p.fi), ...oldNames().map((o) => o.name), ...pilot.flatMap((m) => [m.name.fi, ...(m.aliases ?? [])])];
  const swedish = [...allMunicipalities().flatMap((p) => (p.sv ? [p.sv] : [])), ...oldNames().flatMap((o) => (o.sv ? [o.sv] : []))];
  const scripts = [
    ...exonyms().flatMap((e) => [e.name, `в ${e.name}`, `живу в ${e.name}, где офис`, `في ${e.name}`]),
    ...allMunicipalities().flatMap((p) => [russian(p.fi), `я живу в ${russian(p.fi)}`, arabic(p.fi), `أسكن في ${arabic(p.fi)}`]),
  ];
  return new Map([
    ['Finnish names, aliases and former names, inflected', finnish.flatMap(inflected)],
    ['Swedish names', swedish.flatMap((n) => [n, `jag bor i ${n}`, `från ${n}`, `${n}s kommun`])],
    ['names in Cyrillic and Arabic script', scripts],
    // Two of the seven kinds of typo per name, in turn, so that the slow reference stays quick enough to run.
    ['typos', [...finnish, ...swedish].flatMap((n, i) => typos(n).filter((_, k) => k % 7 === i % 7 || k % 7 === (i + 3) % 7))],
    // 800 questions spread evenly over the sets: the full scan takes about 25 ms a question and the sets keep
    // growing (every fourth of 12,000 took 70 s, past the test timeout).
    ['questions of the understanding sets', evenly(questionSets(), 800)],
    ['unrelated and empty text', ['', '   ', '!!!', 'hei', 'kiitos paljon', 'what is this', '12345', 'ok']],
  ]);
}

describe('municipality matcher: the index gives the full scan\'s results', () => {
  const fast = createMatcher();
  const reference = createScanAllMatcher();
  for (const [group, list] of texts()) {
    it(`${group} (${list.length} texts)`, () => {
      const differing = list.filter((t) => observed(fast(t)) !== observed(reference(t)));
      expect(differing.map((t) => `${t}: ${observed(fast(t))} ≠ ${observed(reference(t))}`)).toEqual([]);
      // The set is only a proof if it reaches every path of the matcher.
      if (group.startsWith('Finnish')) expect(new Set(list.map((t) => observed(fast(t)).split(' ')[0]))).toEqual(new Set(['match', 'suggest', 'outside', 'none']));
    });
  }

  it('also with hand-made lists and without other scripts', () => {
    const data = getPilotData();
    const options = { knownMunicipalities: [{ fi: 'Turku', sv: 'Åbo' }, { fi: 'Raisio' }], oldNames: [], scripts: false };
    const a = createMatcher({ data, ...options });
    const b = createScanAllMatcher({ data, ...options });
    const sample = [...(texts().get('typos') ?? []).slice(0, 400), 'Turussa', 'Åbo', 'Raisiossa', 'Raisoissa', 'Turkku'];
    expect(sample.filter((t) => observed(a(t)) !== observed(b(t)))).toEqual([]);
  });
});
