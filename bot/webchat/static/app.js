/*
 * OMA-botti chat page. Plain browser script (no inline script on the page, so a strict CSP with
 * script-src 'self' works). Settings and every string come from the server in the
 * #oma-settings JSON block, rendered from locales/<lng>/webchat.json with i18next.
 *
 * The conversation id and token live in sessionStorage, so a reload reconnects to the same
 * conversation and the history comes back from the server.
 */
(function () {
  'use strict';

  var STORAGE_KEY = 'omabotti.webchat.v1';
  var settings = JSON.parse(document.getElementById('oma-settings').textContent);
  var statusEl = document.getElementById('status');
  var chatEl = document.getElementById('webchat');
  var picker = document.getElementById('language');
  var locale = settings.locale;
  // Our own Direct Line is a path on this origin; Azure's is a full URL.
  var domain = /^https?:\/\//.test(settings.domain) ? settings.domain : window.location.origin + settings.domain;
  var directLine = null;
  var store = null;
  var userId = null;
  var conversationId = null;
  // Set when the bot ends the conversation (the user's data was erased): the next message the
  // user sends starts a new conversation instead of failing against the erased one.
  var ended = false;
  var pendingMessage = null;
  var persisting = false;

  function localeInfo(code) {
    for (var i = 0; i < settings.locales.length; i++) if (settings.locales[i].code === code) return settings.locales[i];
    return settings.locales[0];
  }

  function strings() {
    return settings.strings[locale] || settings.strings[settings.locales[0].code];
  }

  /**
   * Dates and times under the bubbles exactly as the bot writes them in its replies: Helsinki time,
   * day before month, a 24-hour clock. Web Chat's own formats (its Globalize data) use a 12-hour clock
   * and have no Somali or Persian, so the page hands Web Chat this formatter in place of them. The
   * pattern comes from the server's formatter (settings.locales[].clock).
   */
  var helsinkiFields = new Intl.DateTimeFormat('en-GB', {
    timeZone: settings.timeZone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23'
  });

  function two(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function formatDateTime(date, info) {
    var parts = {};
    helsinkiFields.formatToParts(date).forEach(function (p) {
      parts[p.type] = Number(p.value);
    });
    // Monday first, as the pattern's weekdays.
    var weekday = (new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay() + 6) % 7;
    var tokens = { d: parts.day, dd: two(parts.day), M: parts.month, MM: two(parts.month), y: parts.year, H: parts.hour, HH: two(parts.hour), mm: two(parts.minute), w: info.clock.weekdays[weekday] };
    var text = info.clock.dateTime.replace(/\{(\w+)\}/g, function (all, name) {
      return String(tokens[name]);
    });
    var digits = info.clock.digits;
    return digits ? text.replace(/[0-9]/g, function (d) { return digits[Number(d)]; }) : text;
  }

  /** The formatting half of Web Chat's Globalize, for `overrideLocalizedStrings.GLOBALIZE`. */
  function globalizeFor(info) {
    var plural = new Intl.PluralRules(info.intlLocale);
    return {
      dateFormatter: function () {
        return function (date) {
          return formatDateTime(new Date(date), info);
        };
      },
      relativeTimeFormatter: function (unit) {
        var relative = new Intl.RelativeTimeFormat(info.intlLocale, { numeric: 'auto' });
        return function (value) {
          return relative.format(value, unit);
        };
      },
      unitFormatter: function (unit, options) {
        var number = new Intl.NumberFormat(info.intlLocale, { style: 'unit', unit: unit, unitDisplay: options && options.form === 'long' ? 'long' : 'short', maximumFractionDigits: 1 });
        return function (value) {
          return number.format(value);
        };
      },
      plural: function (n) {
        return plural.select(n);
      }
    };
  }

  function readSession() {
    try {
      var raw = window.sessionStorage.getItem(STORAGE_KEY);
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return null;
    }
  }

  function writeSession() {
    if (!conversationId || ended) return;
    try {
      window.sessionStorage.setItem(
        STORAGE_KEY,
        JSON.stringify({ conversationId: conversationId, token: (directLine && directLine.token) || null, userId: userId, locale: locale })
      );
    } catch (e) {
      /* storage may be disabled; the chat still works until a reload */
    }
  }

  function clearSession() {
    try {
      window.sessionStorage.removeItem(STORAGE_KEY);
    } catch (e) {
      /* ignore */
    }
  }

  // The banner on screen, by string key, so a language change re-renders it in the new language.
  var statusShown = null;

  function showStatus(key, withRestart) {
    statusShown = { key: key, withRestart: withRestart };
    statusEl.textContent = strings()[key];
    statusEl.hidden = false;
    if (withRestart) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'restart';
      button.textContent = strings().restart;
      button.addEventListener('click', function () {
        clearSession();
        window.location.reload();
      });
      statusEl.appendChild(document.createTextNode(' '));
      statusEl.appendChild(button);
    }
  }

  function hideStatus() {
    statusShown = null;
    statusEl.hidden = true;
    statusEl.textContent = '';
  }

  function postJson(url, token, body) {
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return window.fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(body || {}), credentials: 'omit', cache: 'no-store' }).then(function (res) {
      if (!res.ok) {
        var error = new Error('HTTP ' + res.status);
        error.status = res.status;
        throw error;
      }
      return res.json();
    });
  }

  /** Reconnects to the stored conversation if its token is still good; otherwise starts a new one. */
  function openSession() {
    var saved = readSession();
    if (saved && saved.conversationId && saved.token) {
      return postJson(domain + '/tokens/refresh', saved.token).then(
        function (fresh) {
          if (fresh.conversationId !== saved.conversationId) throw new Error('conversation mismatch');
          if (saved.locale && localeInfo(saved.locale).code === saved.locale && !/[?&]lang=/.test(window.location.search)) locale = saved.locale;
          return { conversationId: fresh.conversationId, token: fresh.token, userId: saved.userId, resume: true };
        },
        function () {
          clearSession();
          return openSessionFresh();
        }
      );
    }
    return openSessionFresh();
  }

  function openSessionFresh() {
    return postJson(settings.tokenUrl, null, { locale: locale }).then(function (issued) {
      return { conversationId: issued.conversationId, token: issued.token, userId: issued.userId, resume: false };
    });
  }

  var narrow = window.matchMedia('(max-width: 480px)');
  var styleOptions = {
    hideUploadButton: true,
    rootHeight: '100%',
    rootWidth: '100%',
    backgroundColor: '#ffffff',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", Arial, sans-serif',
    accent: '#0b5cad',
    subtle: '#595959',
    timestampColor: '#595959',
    // The date and time ("ma 7.12.2026 klo 14.05"), not "Just now" or "Today": a user can tell a coach when they wrote.
    timestampFormat: 'absolute',
    bubbleBackground: '#eef1f4',
    bubbleBorderColor: '#c9d1d9',
    bubbleTextColor: '#1b1b1b',
    bubbleBorderRadius: 12,
    bubbleFromUserBackground: '#0b5cad',
    bubbleFromUserBorderColor: '#0b5cad',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderRadius: 12,
    bubbleMaxWidth: 560,
    sendBoxPlaceholderColor: '#595959',
    sendBoxTextColor: '#1b1b1b',
    sendBoxButtonColor: '#0b5cad',
    sendBoxTextWrap: true,
    // On a phone, a list of full-width buttons (labels wrap), its height capped (about three buttons) so the
    // conversation stays in view; a sideways strip hid most of the menu behind its arrows.
    suggestedActionLayout: narrow.matches ? 'stacked' : 'flow',
    suggestedActionsStackedHeight: 150,
    suggestedActionsStackedOverflow: 'auto',
    suggestedActionsStackedLayoutButtonTextWrap: true,
    suggestedActionTextColor: '#0b5cad',
    suggestedActionBorderColor: '#0b5cad',
    suggestedActionBorderWidth: 2,
    suggestedActionBorderRadius: 8,
    suggestedActionHeight: 44,
    // Focus indicators and the send box's edge at 3:1 or more against white (WCAG 1.4.11).
    transcriptVisualKeyboardIndicatorColor: '#1b1b1b',
    transcriptActivityVisualKeyboardIndicatorColor: '#1b1b1b',
    transcriptActivityVisualKeyboardIndicatorStyle: 'solid',
    transcriptActivityVisualKeyboardIndicatorWidth: 2,
    suggestedActionKeyboardFocusIndicatorBorderColor: '#1b1b1b',
    suggestedActionKeyboardFocusIndicatorBorderStyle: 'solid',
    suggestedActionKeyboardFocusIndicatorBorderWidth: 2,
    sendBoxButtonKeyboardFocusIndicatorBorderColor: '#1b1b1b',
    sendBoxButtonKeyboardFocusIndicatorBorderWidth: 2,
    sendBoxBorderTop: 'solid 1px #767676',
    hideScrollToEndButton: false
  };

  function render() {
    var info = localeInfo(locale);
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        nonce: settings.nonce,
        userID: userId,
        locale: info.webchatLocale,
        dir: info.dir,
        styleOptions: styleOptions,
        // A coach in a live chat sees when the user is typing.
        sendTypingIndicator: true,
        overrideLocalizedStrings: Object.assign({}, strings().ui, { GLOBALIZE: globalizeFor(info) })
      },
      chatEl
    );
  }

  /** Page language, direction and strings; Web Chat's own UI follows. */
  function applyLocale() {
    var info = localeInfo(locale);
    var s = strings();
    document.documentElement.lang = info.code === 'fi-x-selko' ? 'fi' : info.code;
    document.documentElement.dir = info.dir;
    document.title = s.documentTitle;
    document.getElementById('page-title').textContent = s.title;
    document.getElementById('page-subtitle').textContent = s.subtitle;
    document.getElementById('language-label').textContent = s.languageLabel;
    document.getElementById('skip-link').textContent = s.skipToChat;
    document.getElementById('chat').setAttribute('aria-label', s.chatLabel);
    picker.value = info.code;
    if (statusShown) showStatus(statusShown.key, statusShown.withRestart);
    if (directLine) render();
  }

  /** Switches the page to `next`: its chrome, the stored session and the address's ?lang=. */
  function switchLocale(next) {
    if (next === locale || localeInfo(next).code !== next) return false;
    locale = next;
    applyLocale();
    writeSession();
    try {
      var url = new URL(window.location.href);
      url.searchParams.set('lang', locale);
      window.history.replaceState(null, '', url.toString());
    } catch (e) {
      /* ignore */
    }
    return true;
  }

  /**
   * The bot announces every language change made in the conversation ("in English", the offer,
   * the language menu) with an event; the page follows it. The picker's own change comes back
   * the same way and is then already in place.
   */
  function followConversationLanguage() {
    return function (next) {
      return function (action) {
        var activity = action && action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity;
        if (activity && activity.type === 'event' && activity.name === 'omabotti.language' && activity.value && typeof activity.value.locale === 'string') {
          var wanted = activity.value.locale;
          // Let Web Chat finish this dispatch before it is re-rendered with the new locale.
          window.setTimeout(function () {
            switchLocale(wanted);
          }, 0);
        }
        return next(action);
      };
    };
  }

  /** Every message bubble follows its own text's direction (Arabic inside a Finnish page, and so on). */
  function markBubblesAuto(root) {
    var nodes = root.querySelectorAll ? root.querySelectorAll('.webchat__bubble__content, .webchat__text-content, .webchat__suggested-action') : [];
    for (var i = 0; i < nodes.length; i++) if (nodes[i].getAttribute('dir') !== 'auto') nodes[i].setAttribute('dir', 'auto');
  }

  new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      for (var j = 0; j < records[i].addedNodes.length; j++) {
        var node = records[i].addedNodes[j];
        if (node.nodeType === 1) {
          if (node.matches && node.matches('.webchat__bubble__content, .webchat__text-content, .webchat__suggested-action')) node.setAttribute('dir', 'auto');
          markBubblesAuto(node);
        }
      }
    }
  }).observe(chatEl, { childList: true, subtree: true });

  narrow.addEventListener('change', function () {
    // A new object, so Web Chat sees the change.
    styleOptions = Object.assign({}, styleOptions, { suggestedActionLayout: narrow.matches ? 'stacked' : 'flow' });
    if (directLine) render();
  });

  picker.addEventListener('change', function () {
    if (!switchLocale(picker.value)) return;
    if (store) store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'setLanguage', value: locale } });
  });

  /** Web Chat's store, watching for the bot's end of the conversation and sends after it. */
  function createStore() {
    return window.WebChat.createStore({}, followConversationLanguage, function () {
      return function (next) {
        return function (action) {
          var activity = action.payload && action.payload.activity;
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && activity && activity.type === 'endOfConversation' && activity.from && activity.from.role === 'bot') {
            ended = true;
            clearSession();
            // Web Chat has nothing to draw for it.
            return undefined;
          }
          if (ended && action.type === 'WEB_CHAT/SEND_MESSAGE') {
            startOver(action.payload && action.payload.text);
            return undefined;
          }
          var result = next(action);
          // The message that started this conversation goes once Web Chat can send.
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && pendingMessage) {
            var text = pendingMessage;
            pendingMessage = null;
            window.setTimeout(function () {
              if (store) store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text, method: 'keyboard' } });
            }, 0);
          }
          return result;
        };
      };
    });
  }

  // Once the conversation has ended Web Chat refuses to submit the send box, so after the bot's
  // end of conversation Enter and the send button start the new conversation here.
  function sendBoxText() {
    var input = chatEl.querySelector('[data-id="webchat-sendbox-input"]');
    return input ? input.value : '';
  }
  function takeOverSend(event) {
    if (!ended) return;
    var isEnter = event.type === 'keydown' && event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.target.matches && event.target.matches('[data-id="webchat-sendbox-input"]');
    var isSendButton = event.type === 'click' && event.target.closest && event.target.closest('.webchat__send-box__button');
    if (!isEnter && !isSendButton) return;
    var text = sendBoxText().trim();
    event.preventDefault();
    event.stopPropagation();
    if (text) startOver(text);
  }
  chatEl.addEventListener('keydown', takeOverSend, true);
  chatEl.addEventListener('click', takeOverSend, true);

  /** A fresh conversation (and its welcome), then the message the user just sent. */
  function startOver(text) {
    ended = false;
    clearSession();
    var old = directLine;
    directLine = null;
    store = null;
    conversationId = null;
    try {
      if (old && old.end) old.end();
    } catch (e) {
      /* the old conversation is gone already */
    }
    start(text);
  }

  function start(firstMessage) {
    if (!window.WebChat) {
      showStatus('connectionFailed', false);
      return;
    }
    openSession().then(
      function (session) {
        conversationId = session.conversationId;
        userId = session.userId;
        var options = {
          domain: domain,
          token: session.token,
          webSocket: false,
          pollingInterval: 200
        };
        // With a conversation id, the client reconnects (GET) and reads the history from watermark ''.
        if (session.resume) options.conversationId = session.conversationId;
        var line = window.WebChat.createDirectLine(options);
        pendingMessage = firstMessage || null;
        directLine = line;
        store = createStore();
        line.connectionStatus$.subscribe(function (status) {
          if (line !== directLine) return;
          // 2 Online, 3 ExpiredToken, 4 FailedToConnect, 5 Ended. A token stops working when it
          // lapsed while the device slept or the user's data was erased: offer a new chat. After
          // the bot ended the conversation, the next message starts one by itself.
          if (status === 2) hideStatus();
          else if (ended) {
            hideStatus();
          } else if (status === 3 || status === 4 || status === 5) {
            clearSession();
            showStatus('connectionFailed', true);
          }
        });
        writeSession();
        if (!persisting) {
          persisting = true;
          // The client refreshes its token every 15 minutes; keep the stored copy current for reloads.
          window.setInterval(writeSession, 30000);
          window.addEventListener('pagehide', writeSession);
        }
        applyLocale();
        render();
      },
      function () {
        showStatus('connectionFailed', true);
      }
    );
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
