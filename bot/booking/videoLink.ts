/**
 * Video meeting links made from an operator-configured template such as
 * `https://meet.example.org/oma/{appointmentId}`.
 */

const VIDEO_LINK_PLACEHOLDERS = ['appointmentId', 'coachId'] as const;
export type VideoLinkPlaceholder = (typeof VIDEO_LINK_PLACEHOLDERS)[number];

export type VideoTemplateErrorReason =
  | 'empty'
  | 'not_a_url'
  | 'not_https'
  /** Credentials in a link would be shown to every jobseeker. */
  | 'has_credentials'
  | 'unknown_placeholder'
  /** Placeholders may only appear in the path, query or fragment, never in the host. */
  | 'placeholder_in_host';

/** A template that passed validation; build links from it with `buildVideoLink`. */
export interface VideoLinkTemplate {
  readonly template: string;
  readonly validated: true;
}

export type VideoTemplateResult = { ok: true; template: VideoLinkTemplate } | { ok: false; reason: VideoTemplateErrorReason };

const PLACEHOLDER = /\{([^{}]*)\}/g;

function isPlaceholder(name: string): name is VideoLinkPlaceholder {
  return (VIDEO_LINK_PLACEHOLDERS as readonly string[]).includes(name);
}

/** Checks a configured template once, at startup. */
export function parseVideoLinkTemplate(template: string): VideoTemplateResult {
  const trimmed = template.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  for (const match of trimmed.matchAll(PLACEHOLDER)) {
    if (!isPlaceholder(match[1])) return { ok: false, reason: 'unknown_placeholder' };
  }
  if (/[{}]/.test(trimmed.replace(PLACEHOLDER, ''))) return { ok: false, reason: 'unknown_placeholder' };

  // Two different fillings must give the same host; otherwise a placeholder reaches the host.
  let a: URL;
  let b: URL;
  try {
    a = new URL(trimmed.replace(PLACEHOLDER, 'x1'));
    b = new URL(trimmed.replace(PLACEHOLDER, 'y2'));
  } catch {
    return { ok: false, reason: 'not_a_url' };
  }
  if (a.protocol !== 'https:') return { ok: false, reason: 'not_https' };
  if (a.hostname === '') return { ok: false, reason: 'not_a_url' };
  if (a.username !== '' || a.password !== '' || b.username !== '' || b.password !== '') {
    return { ok: false, reason: 'has_credentials' };
  }
  if (a.host !== b.host) return { ok: false, reason: 'placeholder_in_host' };
  return { ok: true, template: { template: trimmed, validated: true } };
}

/** The link for one appointment; values are percent-encoded so they cannot change the URL's structure. */
export function buildVideoLink(template: VideoLinkTemplate, values: Record<VideoLinkPlaceholder, string>): string {
  return template.template.replace(PLACEHOLDER, (_, name: VideoLinkPlaceholder) => encodeURIComponent(values[name]));
}
