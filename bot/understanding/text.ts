/**
 * One folded form of a message for the understanding step: lower case, Latin diacritics
 * dropped (people type "ylojarvi", "tyomarkkinatori"), Cyrillic ё as е, Arabic and Persian
 * letter variants folded to one form, Persian verb prefixes joined, apostrophes removed,
 * everything else a space.
 */

// Users type the same Arabic-script word with different code points (Arabic vs Persian yeh
// and kaf, hamza-carrying alefs, teh marbuta); fold them to one form.
const ARABIC_FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ی', 'ي': 'ی', 'ئ': 'ی', 'ك': 'ک', 'ة': 'ه', 'ؤ': 'و', 'ۀ': 'ه',
};
const ARABIC_FOLD_RE = new RegExp(`[${Object.keys(ARABIC_FOLD).join('')}]`, 'g');

export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\u200C\u200D\u00AD]/g, '')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(ARABIC_FOLD_RE, (c) => ARABIC_FOLD[c])
    .replace(/ё/g, 'е')
    .replace(/й/g, '\u0000')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\u0000/g, 'й')
    .normalize('NFC')
    .replace(/['’ʼ`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    // Persian writes the verb prefix می / نمی joined, with a zero-width non-joiner or with a
    // space ("می خوام", "میخوام"): one form. The ezafe ی written apart ("برنامه ی ادغام") goes.
    .replace(/(^| )(ن?می) (?=\p{L})/gu, '$1$2')
    .replace(/(\p{L}ه) ی(?= |$)/gu, '$1');
}

export function words(folded: string): string[] {
  return folded.split(' ').filter(Boolean);
}
