/**
 * Files read at runtime (locales/, prisma/, the widget's static files, node_modules) are located from
 * the project root, so the same code works from source (tsx, vitest) and compiled into dist/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The nearest folder above this file that holds package.json: the checkout, both from bot/ and dist/bot/. */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);

/** An absolute path inside the project, e.g. projectPath('locales'). */
export function projectPath(...segments: string[]): string {
  return path.join(PROJECT_ROOT, ...segments);
}

/** The same as a file: URL. */
export function projectUrl(...segments: string[]): URL {
  return pathToFileURL(projectPath(...segments));
}
