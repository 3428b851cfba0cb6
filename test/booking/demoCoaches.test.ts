import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COACH_LANGUAGES,
  type CoachSeedFile,
  coachSeedFileSchema,
  loadCoachSeedFile,
  seedAvailability,
} from '../../bot/booking/coachData.js';
import { findFreeSlots } from '../../bot/booking/slots.js';

const FILE = new URL('../../prisma/data/demo-coaches.json', import.meta.url);

describe('demo coaches seed file', async () => {
  const data: CoachSeedFile = await loadCoachSeedFile(FILE);

  it('is marked as demo data at the top and on every coach', () => {
    expect(data.demo).toBe(true);
    expect(data.version).toBeGreaterThanOrEqual(1);
    expect(data.coaches.length).toBeGreaterThanOrEqual(10);
    for (const c of data.coaches) {
      expect(c.demo).toBe(true);
      expect(c.name).toMatch(/\(demo\)$/);
      expect(c.email).toMatch(/@example\.(org|com|net)$/);
    }
  });

  it.each([
    ['salo', 'Salo'],
    ['vantaa', 'Vantaa'],
    ['helsinki', 'Helsinki'],
    ['espoo', 'Espoo'],
    ['pirkanmaa', 'Tampere'],
    ['mikkeli', 'Mikkeli'],
    ['savonlinna', 'Savonlinna'],
    ['pori', 'Pori'],
  ])('has a coach for the %s area serving %s', (area, municipality) => {
    expect(data.coaches.some((c) => c.area === area && c.municipalities.includes(municipality))).toBe(true);
  });

  it('has a coach somewhere for every meeting language', () => {
    const spoken = new Set(data.coaches.flatMap((c) => c.languages));
    expect([...COACH_LANGUAGES].filter((l) => !spoken.has(l))).toEqual([]);
  });

  it('leaves some areas without some languages, so the interpreter path is used', () => {
    const areas = new Set(data.coaches.map((c) => c.area));
    const withArabic = new Set(data.coaches.filter((c) => c.languages.includes('ar')).map((c) => c.area));
    expect(withArabic.size).toBeGreaterThan(0);
    expect(withArabic.size).toBeLessThan(areas.size);
  });

  it('uses the public Mikkeli office address and marks invented addresses as demo', () => {
    for (const c of data.coaches) {
      if (c.area === 'mikkeli') {
        expect(c.office).toMatchObject({ street: 'Porrassalmenkatu 9', postalCode: '50100', city: 'Mikkeli', demoAddress: false });
      } else {
        expect(c.office.demoAddress).toBe(true);
        expect(c.office.street).toContain('(demo)');
      }
    }
  });

  it('gives every coach bookable time and at least one exception', () => {
    for (const c of data.coaches) {
      expect(c.exceptions.length).toBeGreaterThan(0);
      const slots = findFreeSlots([{ availability: seedAvailability(c) }], {
        now: new Date('2026-11-30T06:00:00Z'),
        slotMinutes: 45,
        horizonDays: 14,
        limit: 1,
      });
      expect(slots, c.id).toHaveLength(1);
    }
  });

  it.each<[string, (raw: any) => void]>([
    ['a coach not marked demo', (raw) => delete raw.coaches[0].demo],
    ['the file not marked demo', (raw) => (raw.demo = false)],
    ['a duplicate id', (raw) => (raw.coaches[1].id = raw.coaches[0].id)],
    ['an unknown language', (raw) => (raw.coaches[0].languages = ['xx'])],
    ['hours ending before they start', (raw) => (raw.coaches[0].weekly.mon = [{ start: '12:00', end: '09:00' }])],
    ['an impossible exception date', (raw) => (raw.coaches[0].exceptions = [{ kind: 'off', from: '2026-02-30' }])],
    ['a malformed email', (raw) => (raw.coaches[0].email = 'not-an-email')],
  ])('the schema rejects %s', (_, spoil) => {
    const raw = JSON.parse(readFileSync(FILE, 'utf8'));
    spoil(raw);
    expect(coachSeedFileSchema.safeParse(raw).success).toBe(false);
  });
});
