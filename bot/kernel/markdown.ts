/**
 * Chat messages are Markdown (Web Chat and Teams render it). What a user typed goes into them
 * escaped, so a name like "*Anna*" or a note with brackets reads as written instead of turning
 * into formatting or a link.
 */
const SPECIAL = /[\\`*_{}[\]<>#|~!]/g;

export function escapeMarkdown(text: string): string {
  // A line starting with "1." or "-" would become a list item; a newline inside a value would
  // break the line it sits on.
  return text.replace(SPECIAL, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ').replace(/^(\d+)\./, '$1\\.').replace(/^([-+])/, '\\$1');
}

/** A link with readable text; the address is shown only where no label exists. */
export function markdownLink(label: string, url: string): string {
  const safeUrl = url.replace(/[()\s]/g, (c) => encodeURIComponent(c));
  return `[${label.replace(/[[\]\\]/g, (c) => `\\${c}`)}](${safeUrl})`;
}

/** Lines as a Markdown bullet list under an optional lead sentence. */
export function markdownList(lines: readonly string[], lead?: string): string {
  const list = lines.map((l) => `- ${l}`).join('\n');
  return lead ? `${lead}\n\n${list}` : list;
}
