/** How Russian and Arabic speakers spell Finnish place names by ear (shared by the matcher tests). */
const RU: Record<string, string> = {
  a: 'а', b: 'б', c: 'к', d: 'д', f: 'ф', g: 'г', h: 'х', i: 'и', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', q: 'к',
  r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', x: 'кс', z: 'з', y: 'ю', ö: 'ё', å: 'о', é: 'е',
};

/** A Finnish name as Russian writes it: Järvenpää → Ярвенпяэ, Hyvinkää → Хювинкяэ. */
export function russian(name: string): string {
  const w = name.toLowerCase();
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    const prev = i > 0 ? w[i - 1] : '';
    const next = w[i + 1] ?? '';
    const afterVowel = !prev || /[aeiouyäö\s-]/u.test(prev);
    if (c === 'j' && /[aä]/u.test(next)) out += 'я';
    else if (c === 'j' && next === 'u') out += 'ю';
    else if (c === 'j' && next === 'e') out += 'е';
    if (c === 'j' && /[aäue]/u.test(next)) {
      i++;
      continue;
    }
    if (c === 'j') out += 'й';
    else if (c === 'e') out += afterVowel && prev !== 'i' ? 'э' : 'е';
    else if (c === 'ä') out += afterVowel ? 'э' : 'я';
    else if (c === ' ' || c === '-') out += c;
    else out += RU[c] ?? c;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}

const AR: Record<string, string> = {
  a: 'ا', ä: 'ا', o: 'و', u: 'و', ö: 'و', y: 'ي', i: 'ي', e: 'ي', b: 'ب', d: 'د', f: 'ف', g: 'غ', h: 'ه', j: 'ي', k: 'ك',
  l: 'ل', m: 'م', n: 'ن', p: 'ب', r: 'ر', s: 'س', t: 'ت', v: 'ف', w: 'و', z: 'ز', c: 'ك', x: 'كس', q: 'ك', å: 'و',
};

/** A Finnish name as Arabic writes it: Turku → توركو, Kuopio → كوبيو. */
export function arabic(name: string): string {
  const w = name.toLowerCase().replace(/(.)\1+/gu, '$1');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    if (c === ' ' || c === '-') out += ' ';
    else if (i === 0 && /[aäeiouyö]/u.test(c)) out += /[ouöy]/u.test(c) ? 'او' : /[ei]/u.test(c) ? 'اي' : 'ا';
    else out += AR[c] ?? '';
  }
  return out;
}
