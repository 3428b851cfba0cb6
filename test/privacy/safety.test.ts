import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES, type Locale } from '../../bot/i18n/locales.js';
import { CRISIS_PATTERN_LOCALES, CRISIS_RESOURCES, detectCrisis, detectCrisisPatternByPattern, type CrisisKind } from '../../bot/privacy/safety.js';

type Case = [Locale, string, CrisisKind];

const POSITIVES: Case[] = [
  ['fi', 'Haluan kuolla.', 'self_harm'],
  ['fi', 'haluan vain kuolla pois', 'self_harm'],
  ['fi', 'Mietin itsemurhaa', 'self_harm'],
  ['fi', 'tapan itseni', 'self_harm'],
  ['fi', 'En enää jaksa elää', 'self_harm'],
  ['fi', 'EN JAKSA ELÄÄ!!!', 'self_harm'],
  ['fi', 'en jaksa elaa', 'self_harm'],
  ['fi', 'Tämä on hätätilanne', 'emergency'],
  ['fi', 'Joku uhkaa minua', 'violence'],
  ['fi', 'Mieheni lyö minua', 'violence'],
  ['fi-x-selko', 'Minä en halua elää.', 'self_harm'],
  ['fi-x-selko', 'Apua, hätätilanne!', 'emergency'],
  ['sv', 'Jag vill dö', 'self_harm'],
  ['sv', 'Jag tänker på självmord', 'self_harm'],
  ['sv', 'Någon hotar mig', 'violence'],
  ['en', 'I want to kill myself', 'self_harm'],
  ['en', 'suicide', 'self_harm'],
  ['en', 'I feel suicidal', 'self_harm'],
  ['en', 'I want to die', 'self_harm'],
  ['en', 'I don’t want to live anymore', 'self_harm'],
  ['en', 'Someone is hurting me', 'violence'],
  ['en', 'My husband threatened me', 'violence'],
  ['en', 'This is an EMERGENCY', 'emergency'],
  ['ru', 'Я хочу умереть', 'self_harm'],
  ['ru', 'Хочу покончить с собой', 'self_harm'],
  ['ru', 'Муж бьёт меня', 'violence'],
  ['ru', 'Нужна скорая помощь', 'emergency'],
  ['uk', 'Я хочу померти', 'self_harm'],
  ['uk', 'думаю про суїцид', 'self_harm'],
  ['uk', 'Мене б’ють вдома', 'violence'],
  ['et', 'Ma tahan surra', 'self_harm'],
  ['et', 'Mõtlen enesetapule', 'self_harm'],
  ['et', 'Keegi ahvardab mind', 'violence'],
  ['et', 'Mul on hädaolukord', 'emergency'],
  ['ar', 'أريد أن أموت', 'self_harm'],
  ['ar', 'اريد ان اموت', 'self_harm'],
  ['ar', 'أفكر في الانتحار', 'self_harm'],
  ['ar', 'سأقتل نفسي', 'self_harm'],
  ['ar', 'شخص يهددني', 'violence'],
  ['ar', 'زوجي يضربني', 'violence'],
  ['ar', 'هذه حالة طوارئ', 'emergency'],
  ['so', 'Waxaan rabaa inaan is dilo', 'self_harm'],
  ['so', 'waxaan ka fikirayaa is-dil', 'self_harm'],
  ['so', 'Ninkaygu wuu i garaacaa', 'violence'],
  ['so', 'Waa xaalad degdeg ah', 'emergency'],
  ['fa', 'می‌خواهم بمیرم', 'self_harm'],
  ['fa', 'می خواهم بمیرم', 'self_harm'],
  ['fa', 'به خودکشی فکر می‌کنم', 'self_harm'],
  ['fa', 'کسی مرا تهدید می‌کند', 'violence'],
  ['fa', 'به اورژانس نیاز دارم', 'emergency'],
];

const NEGATIVES: string[] = [
  'kuolinpesä',
  'Kuolinpesän asiat hoitaa asianajaja',
  'työkyvyttömyys',
  'Olen työkyvyttömyyseläkkeellä',
  'deadline',
  'The deadline is killing me',
  'kill time',
  'I need to kill time before the meeting',
  'hätäinen',
  'Olen vähän hätäinen',
  'Tapaan itse valmentajan',
  'Tämä työnhaku tappaa minut',
  'My back is hurting me',
  'en jaksa tehdä hakemuksia',
  'Jag vill ha ett jobb',
  'Я хочу работать',
  'Я хочу жить в Хельсинки',
  'أريد عملا',
  'می‌خواهم کار پیدا کنم',
  'Waxaan rabaa shaqo',
  'Ma tahan tööd leida',
  'emergent technology',
  '',
];

describe('detectCrisis', () => {
  it.each(POSITIVES)('[%s] %j signals %s', (_locale, text, kind) => {
    expect(detectCrisis(text)).toEqual({ kind });
  });

  it('covers every shipped locale', () => {
    const covered = new Set(POSITIVES.map(([locale]) => locale));
    for (const locale of SUPPORTED_LOCALES) expect(covered.has(locale)).toBe(true);
    for (const locale of SUPPORTED_LOCALES) {
      // Plain Finnish is Finnish; it needs no patterns of its own.
      const base = locale === 'fi-x-selko' ? 'fi' : locale;
      expect(CRISIS_PATTERN_LOCALES).toContain(base);
    }
  });

  it('reports self-harm first when a message also mentions an emergency', () => {
    expect(detectCrisis('Hätätilanne, haluan kuolla')).toEqual({ kind: 'self_harm' });
  });

  it.each(NEGATIVES)('does not fire on %j', (text) => {
    expect(detectCrisis(text)).toBeNull();
  });
});

/** Every message text the repository's test sets hold: questions, language samples, the cases above. */
function testSetTexts(): string[] {
  const root = path.resolve(import.meta.dirname, '..');
  const texts = [...POSITIVES.map(([, text]) => text), ...NEGATIVES];
  for (const file of ['language/detection-set.json', 'language/holdout-set.json']) {
    texts.push(...(JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Array<{ text: string }>).map((e) => e.text));
  }
  for (const file of ['knowledge/questions.json', '../prisma/data/understanding/tuning.json', 'knowledge/understanding/heldout.json']) {
    const set = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as { questions: Record<string, Array<{ q: string }>> };
    for (const list of Object.values(set.questions)) texts.push(...list.map((e) => e.q));
  }
  return texts;
}

describe('one combined pattern per kind', () => {
  it('gives exactly the results of checking every pattern on its own, on every test-set message', () => {
    const texts = testSetTexts();
    expect(texts.length).toBeGreaterThan(1000);
    const differences = texts.filter((text) => JSON.stringify(detectCrisis(text)) !== JSON.stringify(detectCrisisPatternByPattern(text)));
    expect(differences).toEqual([]);
    // The sets hold crises of every kind, so the comparison covers matches as well as misses.
    expect(new Set(texts.map((text) => detectCrisis(text)?.kind).filter(Boolean))).toEqual(new Set(['self_harm', 'violence', 'emergency']));
  });
});

describe('crisis resources', () => {
  it('give the emergency number and a round-the-clock crisis line', () => {
    expect(CRISIS_RESOURCES.emergencyNumber).toBe('112');
    const mieli = CRISIS_RESOURCES.helplines.find((h) => h.id === 'mieli-kriisipuhelin');
    expect(mieli).toMatchObject({ phone: '09 2525 0111', tel: '+358925250111', hours: '24/7' });
  });
});
