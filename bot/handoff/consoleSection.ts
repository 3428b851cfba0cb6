/**
 * Live chat in the staff console, as a section of the coach's "My hours" page (bot/staff/sections.ts):
 * the "available for live chat" switch, the jobseekers waiting in the coach's area, the coach's live
 * chats (the conversation with the bot so far, the messages as written with their machine
 * translations, a reply form, ending the chat) and the open call-back requests. Its script
 * (static/liveChat.js) long-polls the "messages" read for each open chat and appends the messages
 * rendered here, sends replies without a reload and tells the jobseeker the coach is typing; without
 * the script the forms post and the page is reloaded. The console has checked the session, the coach
 * role and the CSRF token before an action or a read runs.
 */
import type { TFunction } from '../i18n/i18n.js';
import { toSupportedLocale, type Locale } from '../i18n/locales.js';
import { escapeHtml as e } from '../kernel/html.js';
import { formatDateTime, formatTime } from '../language/format.js';
import type { AuditLog } from '../privacy/audit.js';
import type { CoachConsoleSection, ConsoleSectionContext } from '../staff/sections.js';
import type { ChatMessage, ChatView, HandoffService } from './handoffService.js';
import { ValidationError } from '../coaches/errors.js';
import { projectPath } from '../kernel/paths.js';
import { MAX_WAIT_MS } from './routes.js';

export const LIVE_CHAT_SECTION = 'live-chat';
const ACTION = (name: string) => `/staff/sections/${LIVE_CHAT_SECTION}/${name}`;
const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

function s(t: TFunction, key: string, args?: Record<string, unknown>): string {
  return e(String(t(`handoff:console.${key}`, args)));
}

function form(ctx: ConsoleSectionContext, action: string, body: string): string {
  return `<form method="post" action="${ACTION(action)}"><input type="hidden" name="_csrf" value="${e(ctx.csrfToken)}">${body}</form>`;
}

function button(label: string, kind: 'primary' | 'secondary' | 'danger' = 'primary'): string {
  return `<button type="submit" class="btn btn-${kind}">${label}</button>`;
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${e(name)}" value="${e(value)}">`;
}

function idOf(form: Record<string, string>, name: string): string {
  const id = form[name];
  if (!id || !ID_RE.test(id)) throw new ValidationError(`"${name}" is missing.`);
  return id;
}

/** A whole number from the script's query, or undefined. */
function whole(query: Record<string, string>, name: string): number | undefined {
  const raw = query[name];
  return raw !== undefined && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}

export function liveChatSection(service: HandoffService, audit: AuditLog, isShuttingDown: () => boolean = () => false): CoachConsoleSection {
  return {
    id: LIVE_CHAT_SECTION,
    scriptFile: projectPath('bot', 'handoff', 'static', 'liveChat.js'),
    render: async (ctx) => {
      const { t } = ctx;
      const locale = toSupportedLocale(ctx.locale) ?? 'fi';
      const [status, queue, active, callbacks] = await Promise.all([
        service.liveStatus(ctx.coachId),
        service.queueFor(ctx.coachId),
        service.activeFor(ctx.coachId),
        service.listCallbacks(ctx.coachId, 'open'),
      ]);
      const chats = await Promise.all(active.map((a) => service.chat(ctx.coachId, a.id)));

      const statusText = status.available ? s(t, 'status.available') : status.switchedOn ? s(t, 'status.outsideHours') : s(t, 'status.off');
      const switchForm = status.switchedOn
        ? form(ctx, 'unavailable', button(s(t, 'switch.off'), 'secondary'))
        : form(ctx, 'available', button(s(t, 'switch.on')));

      const queueHtml = queue.length
        ? `<ul class="cards">${queue
            .map(
              (q) =>
                `<li class="card row"><span>${s(t, 'queue.entry', { place: q.place, language: q.languageName, municipality: q.municipality ?? '–', since: formatTime(new Date(q.waitingSince), locale) })}</span>${form(
                  ctx,
                  'accept',
                  `${hidden('handoffId', q.id)}${button(s(t, 'queue.accept'))}`,
                )}</li>`,
            )
            .join('')}</ul>`
        : `<p>${s(t, 'queue.empty')}</p>`;

      const chatsHtml = chats.length ? chats.map((c) => chatHtml(ctx, c, locale)).join('') : `<p>${s(t, 'chat.none')}</p>`;

      const callbacksHtml = callbacks.length
        ? `<ul class="cards">${callbacks
            .map(
              (c) =>
                `<li class="card"><dl><div><dt>${s(t, 'callbacks.name')}</dt><dd>${e(c.name)}</dd></div><div><dt>${s(t, 'callbacks.phone')}</dt><dd><a href="tel:${e(c.phone)}">${e(c.phone)}</a></dd></div><div><dt>${s(
                  t,
                  'callbacks.time',
                )}</dt><dd>${e(c.preferredTime)}</dd></div><div><dt>${s(t, 'callbacks.language')}</dt><dd>${e(c.languageName)}</dd></div><div><dt>${s(t, 'callbacks.made')}</dt><dd>${e(
                  formatDateTime(new Date(c.createdAt), locale),
                )}</dd></div></dl>${form(ctx, 'callback-done', `${hidden('callbackId', c.id)}${button(s(t, 'callbacks.done'), 'secondary')}`)}</li>`,
            )
            .join('')}</ul>`
        : `<p>${s(t, 'callbacks.none')}</p>`;

      return [
        `<h2 id="h-section-${LIVE_CHAT_SECTION}">${s(t, 'title')}</h2>`,
        `<p role="status">${statusText}</p>`,
        switchForm,
        `<h3>${s(t, 'queue.title')}</h3>`,
        queueHtml,
        `<h3>${s(t, 'chat.title')}</h3>`,
        chatsHtml,
        `<p><a href="/staff/availability#section-${LIVE_CHAT_SECTION}">${s(t, 'refresh')}</a></p>`,
        `<h3>${s(t, 'callbacks.title')}</h3>`,
        callbacksHtml,
        `<script src="/staff/scripts/${LIVE_CHAT_SECTION}.js" defer></script>`,
      ].join('');
    },
    reads: {
      /** New messages of one chat after `after`, as the page renders them, held up to `wait` ms for one. */
      messages: async (ctx, query) => {
        const id = idOf(query, 'handoffId');
        const after = whole(query, 'after') ?? 0;
        const answer = await service.awaitMessages(ctx.coachId, id, after, Math.min(whole(query, 'wait') ?? 0, MAX_WAIT_MS), isShuttingDown);
        const locale = toSupportedLocale(ctx.locale) ?? 'fi';
        return {
          status: answer.status,
          jobseekerTyping: answer.jobseekerTyping,
          after: answer.messages.at(-1)?.seq ?? after,
          html: answer.messages.map((m) => messageHtml(ctx.t, m, locale)),
        };
      },
    },
    actions: {
      available: async (ctx) => {
        await service.setLive(ctx.coachId, true);
        await audit.audit(ctx.actor, 'live.available', `coach:${ctx.coachId}`);
      },
      unavailable: async (ctx) => {
        await service.setLive(ctx.coachId, false);
        await audit.audit(ctx.actor, 'live.unavailable', `coach:${ctx.coachId}`);
      },
      accept: async (ctx, f) => {
        const id = idOf(f, 'handoffId');
        await service.accept(ctx.coachId, id);
        await audit.audit(ctx.actor, 'handoff.accept', `handoff:${id}`);
      },
      typing: async (ctx, f) => {
        await service.coachTyping(ctx.coachId, idOf(f, 'handoffId'));
      },
      send: async (ctx, f) => {
        await service.send(ctx.coachId, idOf(f, 'handoffId'), f.text ?? '', ctx.locale === 'sv' || ctx.locale === 'en' ? ctx.locale : 'fi');
      },
      end: async (ctx, f) => {
        const id = idOf(f, 'handoffId');
        await service.end(ctx.coachId, id);
        await audit.audit(ctx.actor, 'handoff.end', `handoff:${id}`);
      },
      'callback-done': async (ctx, f) => {
        const id = idOf(f, 'callbackId');
        await service.callbackDone(ctx.coachId, id);
        await audit.audit(ctx.actor, 'callback.done', `callback:${id}`);
      },
    },
  };
}

function chatHtml(ctx: ConsoleSectionContext, chat: ChatView, locale: Locale): string {
  const { t } = ctx;
  const history = chat.history.length
    ? `<details><summary>${s(t, 'chat.history')}</summary><ol>${chat.history
        .map((h) => `<li><strong>${h.direction === 'inbound' ? s(t, 'chat.jobseeker') : s(t, 'chat.bot')}:</strong> <span lang="${e(chat.locale)}">${e(h.text)}</span></li>`)
        .join('')}</ol></details>`
    : '';
  // The list is there even when empty: the script appends new messages to it.
  const messages = `${chat.messages.length ? '' : `<p data-live="empty">${s(t, 'chat.noMessages')}</p>`}<ol class="cards" role="log" data-live="messages">${chat.messages.map((m) => messageHtml(t, m, locale)).join('')}</ol>`;
  const textId = `reply-${e(chat.id)}`;
  return [
    `<article class="card" aria-labelledby="chat-${e(chat.id)}" data-handoff="${e(chat.id)}" data-after="${chat.messages.at(-1)?.seq ?? 0}">`,
    `<h4 id="chat-${e(chat.id)}">${s(t, 'chat.with', { language: chat.languageName, municipality: chat.municipality ?? '–' })}</h4>`,
    chat.notice ? `<div class="notice notice-warning" role="status">${e(chat.notice)}</div>` : '',
    history,
    messages,
    `<p role="status" data-live="typing" data-text="${s(t, 'chat.typing')}">${chat.jobseekerTyping ? s(t, 'chat.typing') : ''}</p>`,
    form(
      ctx,
      'send',
      `${hidden('handoffId', chat.id)}<div class="field"><label for="${textId}">${s(t, 'chat.reply')}</label><textarea id="${textId}" name="text" rows="3" maxlength="2000" required></textarea></div>${button(s(t, 'chat.send'))}`,
    ),
    form(ctx, 'end', `${hidden('handoffId', chat.id)}${button(s(t, 'chat.end'), 'danger')}`),
    `</article>`,
  ].join('');
}

/** One message: as written (in the language it was written in), with its machine translation marked as such. */
function messageHtml(t: TFunction, m: ChatMessage, locale: Locale): string {
  const who = m.sender === 'jobseeker' ? s(t, 'chat.jobseeker') : s(t, 'chat.you');
  const lang = m.language;
  const translation = m.translation ? `<br><em>${s(t, 'chat.machineTranslation')}:</em> <span lang="${e(m.translationLanguage ?? '')}">${e(m.translation)}</span>` : '';
  return `<li class="card"><strong>${who}</strong> ${e(formatTime(new Date(m.at), locale))}: <span lang="${e(lang)}">${e(m.text)}</span>${translation}</li>`;
}
