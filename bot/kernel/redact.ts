/**
 * Redaction of personal data from free text before it is stored, logged or sent to an LLM.
 *
 * The detectors favour precision on identity codes and IBANs (both carry a checksum, so a
 * random number that merely looks similar is left alone) and recall on phone numbers and
 * emails, which have no checksum but have a recognisable shape.
 */

export type RedactionKind = 'identity_code' | 'phone' | 'email' | 'iban';

export interface RedactionResult {
  text: string;
  /** Each kind found at least once, in the fixed order of REDACTION_KINDS. */
  found: RedactionKind[];
}

export const REDACTION_KINDS: readonly RedactionKind[] = ['identity_code', 'phone', 'email', 'iban'];

/** Language-neutral placeholders, so a stored transcript reads the same in every locale. */
export const PLACEHOLDERS: Readonly<Record<RedactionKind, string>> = {
  identity_code: '[id-code]',
  phone: '[phone]',
  email: '[email]',
  iban: '[iban]',
};

// ---------------------------------------------------------------------------
// Finnish personal identity code (henkilötunnus)

const HETU_CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** Century signs; the 2023 reform added Y–U (1900s) and B–F (2000s) beside the old -, + and A. */
const CENTURY_BY_SIGN: Readonly<Record<string, number>> = {
  '+': 1800,
  '-': 1900,
  Y: 1900,
  X: 1900,
  W: 1900,
  V: 1900,
  U: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};

// Lookarounds instead of \b so that codes glued to letters or digits ("x131052-308Ty") are
// treated as part of some other token and left alone.
const HETU_RE = /(?<![\p{L}\p{N}])(\d{2})(\d{2})(\d{2})([-+ABCDEFYXWVU])(\d{3})([0-9A-Z])(?![\p{L}\p{N}])/giu;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0–99 to 1900–1999, so compare against the full year explicitly.
  d.setUTCFullYear(year);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function hetuPartsValid(dd: string, mm: string, yy: string, sign: string, individual: string, check: string): boolean {
  const century = CENTURY_BY_SIGN[sign.toUpperCase()];
  if (century === undefined) return false;
  if (!isRealDate(century + Number(yy), Number(mm), Number(dd))) return false;
  const expected = HETU_CHECK_CHARS[Number(dd + mm + yy + individual) % 31];
  return expected === check.toUpperCase();
}

/** True when `code` is exactly one valid identity code (date and checksum), any letter case. */
export function isValidIdentityCode(code: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})([-+ABCDEFYXWVU])(\d{3})([0-9A-Z])$/i.exec(code.trim());
  return m !== null && hetuPartsValid(m[1], m[2], m[3], m[4], m[5], m[6]);
}

export function containsIdentityCode(text: string): boolean {
  for (const m of text.matchAll(HETU_RE)) {
    if (hetuPartsValid(m[1], m[2], m[3], m[4], m[5], m[6])) return true;
  }
  return false;
}

function redactIdentityCodes(text: string, hit: () => void): string {
  return text.replace(HETU_RE, (whole, dd: string, mm: string, yy: string, sign: string, ind: string, check: string) => {
    if (!hetuPartsValid(dd, mm, yy, sign, ind, check)) return whole;
    hit();
    return PLACEHOLDERS.identity_code;
  });
}

/**
 * Only identity codes, for stored state: a dialog may still need the contact details it asked
 * for, but never an identity code (the bot never asks for one).
 */
export function removeIdentityCodes(text: string): string {
  return redactIdentityCodes(text, () => undefined);
}

// ---------------------------------------------------------------------------
// IBAN

/** Registered IBAN lengths; an unknown country falls back to the generic 15–34 range. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15,
  PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SE: 24, SI: 19, SK: 24,
  SM: 27, TL: 23, TN: 24, TR: 26, UA: 29, VG: 24, XK: 20,
};

function mod97(compact: string): number {
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) rem = (rem * 10 + Number(digit)) % 97;
  }
  return rem;
}

/** Validates an IBAN given with or without spaces, in any letter case. */
export function isValidIban(value: string): boolean {
  const compact = value.replace(/[ \u00a0]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const expected = IBAN_LENGTHS[compact.slice(0, 2)];
  if (expected !== undefined && compact.length !== expected) return false;
  return mod97(compact) === 1;
}

const IBAN_START_RE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}/gu;
const ALNUM_RE = /[A-Za-z0-9]/;

/**
 * Scans from each possible IBAN start, collecting alphanumerics across single spaces. A greedy
 * regex would swallow the following words ("FI21 1234 5600 0007 85 and") and then fail the
 * checksum, so the candidate length is taken from the country table instead.
 */
function redactIbans(text: string, hit: () => void): string {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(IBAN_START_RE)) {
    const start = m.index;
    if (spans.length > 0 && start < spans[spans.length - 1][1]) continue;
    let compact = '';
    const endAt: number[] = [];
    let i = start;
    while (i < text.length && compact.length < 34) {
      const ch = text[i];
      if (ALNUM_RE.test(ch)) {
        compact += ch.toUpperCase();
        endAt.push(i + 1);
        i++;
      } else if ((ch === ' ' || ch === '\u00a0') && i + 1 < text.length && ALNUM_RE.test(text[i + 1]) && compact.length > 0) {
        i++;
      } else {
        break;
      }
    }
    const known = IBAN_LENGTHS[compact.slice(0, 2)];
    const lengths = known !== undefined ? [known] : Array.from({ length: 20 }, (_, k) => 34 - k);
    for (const len of lengths) {
      if (compact.length < len) continue;
      const end = endAt[len - 1];
      // The IBAN must end at a token boundary, not in the middle of a longer word.
      if (end < text.length && /[\p{L}\p{N}]/u.test(text[end])) continue;
      if (isValidIban(compact.slice(0, len))) {
        spans.push([start, end]);
        break;
      }
    }
  }
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const [s, e] of spans) {
    out += text.slice(last, s) + PLACEHOLDERS.iban;
    last = e;
    hit();
  }
  return out + text.slice(last);
}

// ---------------------------------------------------------------------------
// Email

const EMAIL_RE = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

function redactEmails(text: string, hit: () => void): string {
  return text.replace(EMAIL_RE, () => {
    hit();
    return PLACEHOLDERS.email;
  });
}

// ---------------------------------------------------------------------------
// Phone numbers

/*
 * A candidate is a run of digit groups separated by a single space, hyphen or parentheses,
 * optionally led by "+". Dots, commas, colons and slashes are not separators, and a candidate
 * may neither start right after one preceded by a digit nor end right before one followed by a
 * digit: that keeps dates (01.03.2021), times (14:00), decimals (37,21) and law numbers
 * (1269/2020) out, while "puh:0401234567" is still caught.
 */
const PHONE_CANDIDATE_RE =
  /(?<![\p{L}\p{N}+])(?<!\d[.,:/])(?:\+[ \u00a0]?)?\(?\d{1,5}\)?(?:[ \u00a0-]?\(?\d{1,6}\)?){0,6}(?![\p{L}\p{N}])(?![.,:/]\d)/gu;

function looksLikePhone(candidate: string): boolean {
  // A Finnish business ID (Y-tunnus) names a company, not a person.
  if (/^\d{7}-\d$/.test(candidate)) return false;
  const digits = candidate.replace(/\D/g, '');
  if (candidate.trimStart().startsWith('+')) return digits.length >= 7 && digits.length <= 15 && digits[0] !== '0';
  if (digits.startsWith('00')) {
    // International prefix: a country code never starts with 0. "00100" (a postal code) is too short.
    const rest = digits.slice(2);
    return rest.length >= 7 && rest.length <= 15 && rest[0] !== '0';
  }
  // Domestic: trunk prefix 0, an area or operator code, and a subscriber number.
  if (digits.startsWith('0')) return digits.length >= 7 && digits.length <= 12;
  return false;
}

function redactPhones(text: string, hit: () => void): string {
  return text.replace(PHONE_CANDIDATE_RE, (candidate) => {
    if (!looksLikePhone(candidate)) return candidate;
    hit();
    // A closing parenthesis with no opening one belongs to the surrounding sentence, not the number.
    const trailingParen = candidate.endsWith(')') && !candidate.includes('(') ? ')' : '';
    return PLACEHOLDERS.phone + trailingParen;
  });
}

// ---------------------------------------------------------------------------

/**
 * Replaces identity codes, IBANs, emails and phone numbers with placeholders. Order matters:
 * IBANs and identity codes go first so their digits are never mistaken for phone numbers,
 * and emails before phones so digits in an address stay part of the address.
 */
export function redact(text: string): RedactionResult {
  const seen = new Set<RedactionKind>();
  const mark = (kind: RedactionKind) => () => {
    seen.add(kind);
  };
  let out = text;
  out = redactIbans(out, mark('iban'));
  out = redactIdentityCodes(out, mark('identity_code'));
  out = redactEmails(out, mark('email'));
  out = redactPhones(out, mark('phone'));
  return { text: out, found: REDACTION_KINDS.filter((k) => seen.has(k)) };
}
