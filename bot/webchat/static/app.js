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

  function localeInfo(code) {
    for (var i = 0; i < settings.locales.length; i++) if (settings.locales[i].code === code) return settings.locales[i];
    return settings.locales[0];
  }

  function strings() {
    return settings.strings[locale] || settings.strings[settings.locales[0].code];
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
    if (!conversationId) return;
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

  function showStatus(text, withRestart) {
    statusEl.textContent = text;
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
    // On a phone, one swipeable row of suggested actions keeps the conversation in view.
    suggestedActionLayout: narrow.matches ? 'carousel' : 'flow',
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
        overrideLocalizedStrings: strings().ui
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
    if (directLine) render();
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
    styleOptions = Object.assign({}, styleOptions, { suggestedActionLayout: narrow.matches ? 'carousel' : 'flow' });
    if (directLine) render();
  });

  picker.addEventListener('change', function () {
    var next = picker.value;
    if (next === locale || localeInfo(next).code !== next) return;
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
    if (store) store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'setLanguage', value: locale } });
  });

  function start() {
    if (!window.WebChat) {
      showStatus(strings().connectionFailed, false);
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
        directLine = window.WebChat.createDirectLine(options);
        store = window.WebChat.createStore();
        directLine.connectionStatus$.subscribe(function (status) {
          // 2 Online, 3 ExpiredToken, 4 FailedToConnect, 5 Ended. A token stops working when it
          // lapsed while the device slept or the user's data was erased: offer a new chat.
          if (status === 2) hideStatus();
          else if (status === 3 || status === 4 || status === 5) {
            clearSession();
            showStatus(strings().connectionFailed, true);
          }
        });
        writeSession();
        // The client refreshes its token every 15 minutes; keep the stored copy current for reloads.
        window.setInterval(writeSession, 30000);
        window.addEventListener('pagehide', writeSession);
        applyLocale();
        render();
      },
      function () {
        showStatus(strings().connectionFailed, true);
      }
    );
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
