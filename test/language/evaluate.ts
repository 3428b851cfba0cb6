import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LabelledMessage } from '../../bot/language/evaluation.js';

export { evaluate } from '../../bot/language/evaluation.js';

export function loadSet(name: 'detection-set.json' | 'holdout-set.json'): LabelledMessage[] {
  return JSON.parse(readFileSync(fileURLToPath(new URL(name, import.meta.url)), 'utf8')) as LabelledMessage[];
}

