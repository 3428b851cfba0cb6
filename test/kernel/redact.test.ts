import { describe, expect, it } from 'vitest';
import { containsIdentityCode, isValidIban, isValidIdentityCode, redact } from '../../bot/kernel/redact.js';

describe('identity codes (henkilötunnus)', () => {
  // Checksums computed by hand from the mod-31 table; one per century sign.
  it.each([
    ['131052-308T', '-'],
    ['311299+111T', '+'],
    ['020202A123C', 'A'],
    ['150310B456C', 'B'],
    ['290220F002J', 'F'],
    ['010594Y9032', 'Y'],
    ['131052X308T', 'X'],
    ['060575W2466', 'W'],
    ['241180V3188', 'V'],
    ['010190U2004', 'U'],
    ['290200A5557', 'A, a leap day'],
  ])('redacts %s (century sign %s)', (code) => {
    expect(redact(`Hetuni on ${code}, kiitos.`)).toEqual({ text: 'Hetuni on [id-code], kiitos.', found: ['identity_code'] });
    expect(containsIdentityCode(code)).toBe(true);
    expect(isValidIdentityCode(code)).toBe(true);
  });

  it('accepts lower case, as people type it', () => {
    expect(redact('131052-308t').text).toBe('[id-code]');
    expect(redact('020202a123c').text).toBe('[id-code]');
  });

  it.each([
    ['131052-308A', 'wrong checksum'],
    ['131052-309T', 'individual number changed'],
    ['290219-1236', '29 Feb in a non-leap year'],
    ['290200-5557', '29 Feb 1900 was not a leap day'],
    ['310420A123B', '31 April'],
    ['001220-123T', 'day zero'],
    ['151380-123S', 'month 13'],
    ['131052G308T', 'unknown century sign'],
  ])('leaves %s alone (%s)', (code) => {
    expect(redact(`koodi ${code}`)).toEqual({ text: `koodi ${code}`, found: [] });
    expect(containsIdentityCode(code)).toBe(false);
  });

  it('does not take a code out of the middle of a longer token', () => {
    expect(containsIdentityCode('X131052-308T9')).toBe(false);
  });
});

describe('phone numbers', () => {
  it.each([
    '040 123 4567',
    '0401234567',
    '040-123 4567',
    '050 1234567',
    '+358 40 123 4567',
    '+358401234567',
    '00358 40 1234567',
    '09 123 4567',
    '(09) 1234 5678',
    '020 123 456',
    '+44 20 7946 0958',
    '+1 (555) 123-4567',
    '+46 8 123 456 78',
  ])('redacts %s in a sentence', (phone) => {
    expect(redact(`Soita numeroon ${phone} huomenna.`)).toEqual({ text: 'Soita numeroon [phone] huomenna.', found: ['phone'] });
  });

  it.each([
    ['puh:0401234567', 'puh:[phone]'],
    ['tel.+358 40 123 4567', 'tel.[phone]'],
    ['+358 (0)40 123 4567', '[phone]'],
    ['Soita 040 123 4567.', 'Soita [phone].'],
  ])('redacts %j after punctuation', (input, expected) => {
    expect(redact(input).text).toBe(expected);
  });

  it('keeps the sentence around a number in brackets', () => {
    expect(redact('Numero (040 1234567) on uusi').text).toBe('Numero [phone] on uusi');
  });
});

describe('numbers that are not personal data', () => {
  it.each([
    ['a year', 'Aloitin vuonna 2024.'],
    ['an age', 'olen 29 vuotta'],
    ['a date', 'Kokeilu alkoi 1.3.2021.'],
    ['a date with leading zeros', 'alkaen 01.03.2021'],
    ['an end date', 'päättyy 31.12.2024'],
    ['a time with a dot', 'klo 9.30'],
    ['a time with a colon', 'kello 14:00'],
    ['a Helsinki postal code', '00100 Helsinki'],
    ['a Mikkeli address', 'Porrassalmenkatu 9, 50100 Mikkeli'],
    ['an amount', 'palkka 1 200 € kuussa'],
    ['a decimal amount', '37,21 euroa päivässä'],
    ['a law number', 'laki 1269/2020'],
    ['a bill number', 'HE 17/2022'],
    ['a short count', '4 hakemusta kuukaudessa'],
    ['a percentage', '15,3 %'],
    ['a population figure', 'noin 230 000 asiakasta'],
    ['a business ID', 'Y-tunnus 0123456-7'],
    ['a time range', 'auki 08-16'],
    ['a year range', '2021-2023'],
  ])('leaves %s alone', (_label, text) => {
    expect(redact(text)).toEqual({ text, found: [] });
  });
});

describe('emails', () => {
  it.each([
    ['Lähetä osoitteeseen matti.meikalainen@example.fi, kiitos', 'Lähetä osoitteeseen [email], kiitos'],
    ['(maija+työ@kunta.example.com)', '([email])'],
    ['contact: A.B@EXAMPLE.ORG.', 'contact: [email].'],
    ['two: a@b.fi and c@d.se', 'two: [email] and [email]'],
  ])('redacts in %j', (input, expected) => {
    expect(redact(input)).toEqual({ text: expected, found: ['email'] });
  });

  it('keeps the digits of an address inside the address', () => {
    expect(redact('matti0401234567@example.fi')).toEqual({ text: '[email]', found: ['email'] });
  });
});

describe('IBANs', () => {
  it.each([
    ['FI21 1234 5600 0007 85'],
    ['FI2112345600000785'],
    ['fi21 1234 5600 0007 85'],
    ['DE89 3704 0044 0532 0130 00'],
    ['GB82 WEST 1234 5698 7654 32'],
    ['SE45 5000 0000 0583 9825 7466'],
  ])('redacts valid %s and keeps the words after it', (iban) => {
    expect(redact(`Tilini on ${iban} ja muuta`)).toEqual({ text: 'Tilini on [iban] ja muuta', found: ['iban'] });
    expect(isValidIban(iban)).toBe(true);
  });

  it.each([['FI21 1234 5600 0007 86'], ['FI2112345600000786'], ['DE89 3704 0044 0532 0130 01']])('leaves %s alone (checksum fails)', (iban) => {
    expect(redact(`tili ${iban}`).found).not.toContain('iban');
    expect(isValidIban(iban)).toBe(false);
  });
});

describe('redact', () => {
  it('reports every kind it found, once each', () => {
    const result = redact('131052-308T, 040 123 4567, 050 1234567, a@b.fi, FI21 1234 5600 0007 85');
    expect(result.text).toBe('[id-code], [phone], [phone], [email], [iban]');
    expect(result.found).toEqual(['identity_code', 'phone', 'email', 'iban']);
  });

  it('is idempotent, so redacting stored text again changes nothing', () => {
    const once = redact('Olen Matti, 131052-308T, puh. 040 123 4567').text;
    expect(redact(once)).toEqual({ text: once, found: [] });
  });

  it('leaves ordinary text untouched', () => {
    const text = 'Hei! Haluan tietää työmarkkinatuesta ja OMA-valmentajasta.';
    expect(redact(text)).toEqual({ text, found: [] });
  });
});
