/**
 * Validation and normalisation of the contact details a jobseeker gives for
 * reminders and phone meetings. Failures carry a reason code; the dialog turns
 * the code into a sentence in the user's language.
 */
import { domainToASCII } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneErrorReason =
  | 'empty'
  | 'invalid_characters'
  /** Digits that are neither national (leading 0) nor international (+ or 00). */
  | 'missing_prefix'
  | 'too_short'
  | 'too_long'
  | 'invalid_country_code'
  /** A Finnish number whose national part starts with 0, which no Finnish number does. */
  | 'invalid_number';

export type EmailErrorReason =
  | 'empty'
  | 'missing_at'
  | 'invalid_local_part'
  | 'invalid_domain'
  | 'too_long';

export type ContactResult<R> = { ok: true; value: string } | { ok: false; reason: R };

const FI_COUNTRY_CODE = '358';
/** Finnish national significant numbers are 5–12 digits long (ITU-T E.164 list for +358). */
const FI_NSN_MIN = 5;
const FI_NSN_MAX = 12;
/** Below this a foreign number is more likely a typo than a real subscriber number. */
const E164_MIN_DIGITS = 7;
const E164_MAX_DIGITS = 15;

/**
 * Normalises a Finnish or international phone number to E.164, e.g.
 * "040 123 4567" → "+358401234567", "(09) 123 4567" → "+35891234567".
 * Accepts spaces, hyphens, dots, slashes and parentheses as separators, the
 * "00" international prefix, and the common "+358 (0)40 …" or "+358 040 …" forms.
 */
function shapePhone(input: string): ContactResult<PhoneErrorReason> {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (!/^\+?[0-9\s\-./()]+$/.test(trimmed)) return { ok: false, reason: 'invalid_characters' };
  if (/\+/.test(trimmed.slice(1))) return { ok: false, reason: 'invalid_characters' };

  // "(0)" after a country code is a national trunk prefix shown for domestic callers.
  const withoutTrunkHint = trimmed.replace(/^(\+\d{1,3})\s*\(0\)/, '$1');
  const international = withoutTrunkHint.startsWith('+') || /^00[1-9]/.test(withoutTrunkHint.replace(/[^0-9]/g, ''));
  let digits = withoutTrunkHint.replace(/[^0-9]/g, '');
  if (digits === '') return { ok: false, reason: 'invalid_characters' };

  if (international) {
    if (!withoutTrunkHint.startsWith('+')) digits = digits.slice(2);
    if (digits.startsWith('0')) return { ok: false, reason: 'invalid_country_code' };
    if (digits.startsWith(FI_COUNTRY_CODE)) {
      let nsn = digits.slice(FI_COUNTRY_CODE.length);
      // A Finnish national number never starts with 0, so one written after +358 is the trunk prefix.
      if (nsn.startsWith('0')) nsn = nsn.slice(1);
      return finnish(nsn);
    }
    if (digits.length < E164_MIN_DIGITS) return { ok: false, reason: 'too_short' };
    if (digits.length > E164_MAX_DIGITS) return { ok: false, reason: 'too_long' };
    return { ok: true, value: `+${digits}` };
  }

  if (!digits.startsWith('0')) return { ok: false, reason: 'missing_prefix' };
  return finnish(digits.slice(1));
}

/**
 * The shape checks above, then the numbering plans themselves (libphonenumber-js, full metadata):
 * a number no operator could give out is refused, and so is a Finnish mobile number shorter
 * than any in use ("040 1234", which the plan's general pattern would let through).
 */
export function normalisePhone(input: string): ContactResult<PhoneErrorReason> {
  const shaped = shapePhone(input);
  if (!shaped.ok) return shaped;
  const parsed = parsePhoneNumberFromString(shaped.value);
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'invalid_number' };
  if (parsed.countryCallingCode === FI_COUNTRY_CODE && /^\+358(4\d|50)/.test(shaped.value) && parsed.nationalNumber.length < FI_MOBILE_NSN_MIN) {
    return { ok: false, reason: 'too_short' };
  }
  return { ok: true, value: parsed.number };
}

/** Finnish mobile numbers in use have at least 8 digits after the 0 (040 123456). */
const FI_MOBILE_NSN_MIN = 8;

function finnish(nsn: string): ContactResult<PhoneErrorReason> {
  if (nsn.startsWith('0')) return { ok: false, reason: 'invalid_number' };
  if (nsn.length < FI_NSN_MIN) return { ok: false, reason: 'too_short' };
  if (nsn.length > FI_NSN_MAX) return { ok: false, reason: 'too_long' };
  return { ok: true, value: `+${FI_COUNTRY_CODE}${nsn}` };
}

/** Finnish mobile numbers: +358 4x and +358 50. Useful for deciding whether SMS can reach a number. */
export function isFinnishMobile(e164: string): boolean {
  return /^\+358(4\d|50)\d{5,8}$/.test(e164);
}

const LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Validates an email address in the common dot-atom form (no quoted local
 * parts or IP literals) and normalises it: trimmed, domain lower-cased and, for
 * international domain names, converted to its ASCII (punycode) form so it can
 * be used in SMTP without extensions. The local part keeps its case.
 */
export function normaliseEmail(input: string): ContactResult<EmailErrorReason> {
  const trimmed = input.trim().replace(/^mailto:/i, '');
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return { ok: false, reason: 'missing_at' };
  const local = trimmed.slice(0, at);
  const rawDomain = trimmed.slice(at + 1);
  if (local.length === 0 || local.length > 64) return { ok: false, reason: 'invalid_local_part' };
  if (!local.split('.').every((atom) => LOCAL_ATOM.test(atom))) return { ok: false, reason: 'invalid_local_part' };

  if (rawDomain === '' || /\s/.test(rawDomain)) return { ok: false, reason: 'invalid_domain' };
  const domain = domainToASCII(rawDomain.replace(/\.$/, '')).toLowerCase();
  if (domain === '') return { ok: false, reason: 'invalid_domain' };
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) return { ok: false, reason: 'invalid_domain' };
  const tld = labels[labels.length - 1];
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) return { ok: false, reason: 'invalid_domain' };

  const value = `${local}@${domain}`;
  if (value.length > 254) return { ok: false, reason: 'too_long' };
  return { ok: true, value };
}
