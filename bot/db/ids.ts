/**
 * Row ids for rows written without Prisma (which would fill `@default(cuid())` itself): 25
 * characters like a cuid, starting with the creation time so that ordering by id is ordering by
 * creation, as reports that list "latest first" by id expect.
 */
import crypto from 'node:crypto';

let counter = 0;

export function newRowId(at: Date = new Date()): string {
  counter = (counter + 1) % 36 ** 4;
  return `c${at.getTime().toString(36).padStart(9, '0')}${counter.toString(36).padStart(4, '0')}${crypto.randomBytes(6).toString('hex').slice(0, 11)}`;
}
