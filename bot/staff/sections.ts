/**
 * The place other features plug into a coach's console page (e.g. the live-handoff feature's
 * "available for live chat" switch). The composition root hands StaffFeature a list of sections;
 * each renders its part of the coach's "My hours" page and may handle its own form posts at
 * POST /staff/sections/{id}/{action}, after the console has checked the session, the coach role
 * and the CSRF token. A section may also ship a script (a static file, served at
 * /staff/scripts/{id}.js, which its HTML includes itself) and JSON reads for it at
 * GET /staff/sections/{id}/data/{read}; the page works without the script.
 */
import type { TFunction } from '../i18n/i18n.js';

export interface ConsoleSectionContext {
  coachId: string;
  /** fi, sv or en: the console's language. */
  locale: string;
  t: TFunction;
  /** Put in every form: <input type="hidden" name="_csrf" value="…">. */
  csrfToken: string;
  /** The audit log's actor for this coach. */
  actor: string;
}

export interface CoachConsoleSection {
  /** Unique, [a-z0-9-]; the section's element id is "section-{id}" and its heading must have id "h-section-{id}". */
  id: string;
  /** The section's HTML: a heading with id "h-section-{id}" and its forms. Escape every text that is not yours. */
  render(ctx: ConsoleSectionContext): Promise<string>;
  /**
   * Form posts to /staff/sections/{id}/{action}: the form's fields. The console redirects back to the
   * page afterwards, or answers 204 to a script that asked for JSON (Accept: application/json).
   */
  actions?: Record<string, (ctx: ConsoleSectionContext, form: Record<string, string>) => Promise<void>>;
  /** JSON for the section's script: GET /staff/sections/{id}/data/{read}?…, answered with what the read returns. */
  reads?: Record<string, (ctx: ConsoleSectionContext, query: Record<string, string>) => Promise<unknown>>;
  /** The path of the section's script file, served at /staff/scripts/{id}.js. */
  scriptFile?: string;
}
