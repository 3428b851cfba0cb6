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
