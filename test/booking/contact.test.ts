import { describe, expect, it } from 'vitest';
import { isFinnishMobile, normaliseEmail, normalisePhone } from '../../bot/booking/contact.js';

describe('phone numbers', () => {
  it.each([
    ['040 123 4567', '+358401234567'],
    ['040-1234567', '+358401234567'],
    ['0401234567', '+358401234567'],
    ['+358 40 123 4567', '+358401234567'],
    ['+358401234567', '+358401234567'],
    ['00358 40 123 4567', '+358401234567'],
    ['+358 (0)40 123 4567', '+358401234567'],
    ['+358 040 123 4567', '+358401234567'],
    ['(09) 123 4567', '+35891234567'],
    ['09 1234 5678', '+358912345678'],
    ['050.123.4567', '+358501234567'],
    ['  044 987 6543  ', '+358449876543'],
    ['+46 70 123 45 67', '+46701234567'],
    ['0046 70 123 45 67', '+46701234567'],
    ['+372 5123 4567', '+37251234567'],
  ])('%j → %s', (input, e164) => {
    expect(normalisePhone(input)).toEqual({ ok: true, value: e164 });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['040 123 456a', 'invalid_characters'],
    ['puhelin 040 1234567', 'invalid_characters'],
    ['040+1234567', 'invalid_characters'],
    ['---', 'invalid_characters'],
    ['401234567', 'missing_prefix'],
    ['0401', 'too_short'],
    ['+358 40', 'too_short'],
    ['040 1234 5678 9012', 'too_long'],
    ['+1 234 567 890 123 456', 'too_long'],
    ['+44 12', 'too_short'],
    ['+0 123 456 789', 'invalid_country_code'],
    ['000 123 4567', 'invalid_number'],
  ])('%j is refused: %s', (input, reason) => {
    expect(normalisePhone(input)).toEqual({ ok: false, reason });
  });

  it.each([
    ['+358401234567', true],
    ['+358501234567', true],
    ['+35891234567', false],
    ['+46701234567', false],
  ])('%s is a Finnish mobile: %s', (e164, mobile) => {
    expect(isFinnishMobile(e164)).toBe(mobile);
  });
});

describe('email addresses', () => {
  it.each([
    ['matti.virtanen@example.fi', 'matti.virtanen@example.fi'],
    ['  Matti.Virtanen@Example.FI ', 'Matti.Virtanen@example.fi'],
    ['mailto:aino@example.org', 'aino@example.org'],
    ['first+tag@sub.example.co.uk', 'first+tag@sub.example.co.uk'],
    ["o'brien@example.com", "o'brien@example.com"],
    ['user@ääkkös.fi', 'user@xn--kks-plaa4i.fi'],
    ['user@example.fi.', 'user@example.fi'],
  ])('%j → %s', (input, value) => {
    expect(normaliseEmail(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['matti.example.fi', 'missing_at'],
    ['@example.fi', 'invalid_local_part'],
    ['.matti@example.fi', 'invalid_local_part'],
    ['matti..v@example.fi', 'invalid_local_part'],
    ['mat ti@example.fi', 'invalid_local_part'],
    ['mätti@example.fi', 'invalid_local_part'],
    [`${'a'.repeat(65)}@example.fi`, 'invalid_local_part'],
    ['matti@', 'invalid_domain'],
    ['matti@localhost', 'invalid_domain'],
    ['matti@example', 'invalid_domain'],
    ['matti@-example.fi', 'invalid_domain'],
    ['matti@example..fi', 'invalid_domain'],
    ['matti@example.f1', 'invalid_domain'],
    ['matti@exa mple.fi', 'invalid_domain'],
    ['matti@[127.0.0.1]', 'invalid_domain'],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.fi`, 'too_long'],
  ])('%j is refused: %s', (input, reason) => {
    expect(normaliseEmail(input)).toEqual({ ok: false, reason });
  });
});

describe('phone numbers against the numbering plans (libphonenumber-js)', () => {
  it.each([
    ['0401234', 'too_short'],
    ['040 12345', 'too_short'],
    ['+358 40 1234', 'too_short'],
    ['+1 555 0100 000', 'invalid_number'],
    ['+44 20 1234', 'invalid_number'],
  ])('%j is refused: %s', (input, reason) => {
    expect(normalisePhone(input)).toEqual({ ok: false, reason });
  });

  it.each([
    ['040 123456', '+35840123456'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+1 202 555 0123', '+12025550123'],
  ])('%j → %s', (input, e164) => {
    expect(normalisePhone(input)).toEqual({ ok: true, value: e164 });
  });
});
