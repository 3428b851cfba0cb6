/**
 * Shape checks for an incoming Bot Framework activity before it reaches the SDK, which assumes
 * strings where a client may send anything and answers a wrong type with a 500.
 */
import { isPlainObject } from '../kernel/json.js';

const STRING_FIELDS = ['id', 'channelId', 'serviceUrl', 'locale', 'text', 'replyToId', 'name', 'textFormat', 'deliveryMode', 'inputHint', 'timestamp', 'localTimestamp', 'speak', 'summary'] as const;
const ACCOUNT_FIELDS = ['from', 'recipient'] as const;
const ARRAY_FIELDS = ['attachments', 'entities', 'membersAdded', 'membersRemoved', 'reactionsAdded', 'reactionsRemoved'] as const;
const MAX_ID_CHARS = 1000;
const BAD_ID_CHARS = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

/** Why the activity cannot be processed, or undefined when its shape is acceptable. */
export function activityShapeProblem(body: Record<string, unknown>): string | undefined {
  for (const field of STRING_FIELDS) {
    if (body[field] !== undefined && body[field] !== null && typeof body[field] !== 'string') return `"${field}" must be a string.`;
  }
  for (const field of ACCOUNT_FIELDS) {
    const account = body[field];
    if (account === undefined || account === null) continue;
    if (!isPlainObject(account)) return `"${field}" must be an object.`;
    if (account.id !== undefined && typeof account.id !== 'string') return `"${field}.id" must be a string.`;
    if (account.name !== undefined && account.name !== null && typeof account.name !== 'string') return `"${field}.name" must be a string.`;
    if (account.role !== undefined && account.role !== null && typeof account.role !== 'string') return `"${field}.role" must be a string.`;
  }
  for (const field of ARRAY_FIELDS) {
    const list = body[field];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list) || list.some((item) => !isPlainObject(item))) return `"${field}" must be a list of objects.`;
  }
  for (const field of ['membersAdded', 'membersRemoved'] as const) {
    const list = body[field];
    if (Array.isArray(list) && list.some((m) => typeof (m as Record<string, unknown>).id !== 'string')) return `"${field}[].id" must be a string.`;
  }
  // Ids become database keys: lone surrogates and control characters cannot be stored.
  const ids: Array<[string, unknown]> = [
    ['channelId', body.channelId],
    ['conversation.id', (body.conversation as Record<string, unknown>).id],
    ['from.id', (body.from as Record<string, unknown> | undefined)?.id],
    ['recipient.id', (body.recipient as Record<string, unknown> | undefined)?.id],
  ];
  for (const [name, id] of ids) {
    if (typeof id === 'string' && BAD_ID_CHARS.test(id)) return `"${name}" contains characters that are not allowed.`;
  }
  const conversation = body.conversation as Record<string, unknown>;
  if (typeof conversation.id === 'string' && conversation.id.length > MAX_ID_CHARS) return `"conversation.id" is longer than ${MAX_ID_CHARS} characters.`;
  for (const field of ACCOUNT_FIELDS) {
    const id = (body[field] as Record<string, unknown> | undefined)?.id;
    if (typeof id === 'string' && id.length > MAX_ID_CHARS) return `"${field}.id" is longer than ${MAX_ID_CHARS} characters.`;
  }
  if (typeof body.serviceUrl === 'string' && body.serviceUrl !== '') {
    let url: URL | undefined;
    try {
      url = new URL(body.serviceUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return '"serviceUrl" must be an http(s) URL.';
  }
  if (body.suggestedActions !== undefined && body.suggestedActions !== null && !isPlainObject(body.suggestedActions)) return '"suggestedActions" must be an object.';
  return undefined;
}
