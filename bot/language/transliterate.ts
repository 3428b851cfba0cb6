/**
 * Finnish place names written in Cyrillic ("Марттила", "Гельсінкі") in Latin letters, so the
 * pilot data (kept in Finnish and Swedish) can be searched with them. Finnish spelling is the
 * target: й→j, х→h, and Ukrainian г→h, и→y; Russian г→g, и→i.
 */
const COMMON: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', д: 'd', е: 'e', ё: 'jo', ж: 'z', з: 'z', й: 'j', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'tš', ш: 'š', щ: 'šš', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'ju', я: 'ja', і: 'i', ї: 'ji', є: 'je', ґ: 'g',
};
const RUSSIAN: Record<string, string> = { г: 'g', и: 'i' };
const UKRAINIAN: Record<string, string> = { г: 'h', и: 'y' };

const CYRILLIC = /[\u0400-\u04FF]/;

export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/** The text with Cyrillic letters spelled in Finnish-style Latin; other characters are kept. */
export function cyrillicToLatin(text: string, variant: 'ru' | 'uk' = 'ru'): string {
  const own = variant === 'uk' ? UKRAINIAN : RUSSIAN;
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const mapped = own[lower] ?? COMMON[lower];
    if (mapped === undefined) out += ch;
    else out += ch !== lower && mapped ? mapped[0].toUpperCase() + mapped.slice(1) : mapped;
  }
  return out;
}

const CYR_CONSONANT = /[бвгджзйклмнпрстфхцчшщ]/;
const CYR_VOWEL = /[аеёиоуыэюяіїє]/;

/**
 * A Finnish name as Russian and Ukrainian write it, back in Finnish letters: after a consonant я, ю
 * and ё stand for ä, y and ö (Хювинкяэ → Hyvinkää, Кёкар → Kökar), and э after я or a vowel
 * lengthens it (пяэ → pää). Word-initial Ю is read as y (Юливиеска → Ylivieska); й after a vowel
 * and before a consonant is i (Хейнола → Heinola). Other letters as in `cyrillicToLatin`.
 */
export function cyrillicPlaceToFinnish(text: string, variant: 'ru' | 'uk' = 'ru'): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const lower = ch.toLowerCase();
    const prev = i > 0 ? chars[i - 1].toLowerCase() : '';
    const afterConsonant = CYR_CONSONANT.test(prev);
    const wordStart = !prev || !/\p{L}/u.test(prev);
    let mapped: string | undefined;
    if (afterConsonant && lower === 'я') mapped = 'ä';
    else if (afterConsonant && lower === 'ю') mapped = 'y';
    else if (afterConsonant && lower === 'ё') mapped = 'ö';
    else if (wordStart && lower === 'ю') mapped = 'y';
    else if (wordStart && lower === 'ё') mapped = 'ö';
    // иё is iö (Кихниё), юю is yy (Круунупюю): in Finnish names these follow a vowel.
    else if (lower === 'ё' && CYR_VOWEL.test(prev)) mapped = 'ö';
    else if (lower === 'ю' && prev === 'ю') mapped = 'y';
    else if (lower === 'э' && (prev === 'я' || prev === 'э')) mapped = 'ä';
    else if (lower === 'э' && CYR_VOWEL.test(prev)) mapped = cyrillicToLatin(prev, variant).slice(-1);
    // й closing a diphthong is Finnish i (Хейнола → Heinola, Ийсалми → Iisalmi); before a vowel it stays j (Каухайоки → Kauhajoki).
    else if (lower === 'й' && CYR_VOWEL.test(prev) && !CYR_VOWEL.test((chars[i + 1] ?? '').toLowerCase())) mapped = 'i';
    if (mapped === undefined) {
      out += cyrillicToLatin(ch, variant);
      continue;
    }
    out += ch !== lower ? mapped.toUpperCase() : mapped;
  }
  return out;
}
