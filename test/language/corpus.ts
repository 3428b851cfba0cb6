import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type CorpusLanguage = 'fi' | 'sv' | 'et';

/**
 * Ordinary sentences (test/language/corpus/<lng>.txt), one a line, written as people write
 * when they talk about work, money, family and appointments; blank lines ignored.
 */
export function loadCorpus(language: CorpusLanguage): string[] {
  const text = readFileSync(fileURLToPath(new URL(`corpus/${language}.txt`, import.meta.url)), 'utf8');
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** The form two sentences are compared in: case, punctuation and spacing do not make a new sentence. */
export function sentenceKey(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
