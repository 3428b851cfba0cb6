/*
 * The coach's live chats in the staff console, without reloading the page. Plain browser script,
 * served as a file (the console's CSP allows script-src 'self' and nothing inline).
 *
 * For each open chat (article[data-handoff]) it long-polls the section's "messages" read and
 * appends the messages as the server renders them (the original, its machine translation and the
 * mark), shows whether the jobseeker is typing, sends the reply form with fetch and tells the
 * jobseeker, at most every few seconds, that the coach is typing. Every request carries the
 * session cookie and the form's CSRF token, as the forms do. When fetch fails the reply form posts
 * as usual, and when the chat has ended the page is loaded again to show it.
 */
(function () {
  'use strict';

  var BASE = '/staff/sections/live-chat/';
  var WAIT_MS = 8000;
  var RETRY_MS = 3000;
  var TYPING_EVERY_MS = 3000;

  /** Posts `body` (URLSearchParams with the CSRF token) to one of the section's actions. */
  function post(action, body) {
    return fetch(BASE + action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      body: body,
    });
  }

  function watch(chat) {
    var id = chat.getAttribute('data-handoff');
    var after = Number(chat.getAttribute('data-after')) || 0;
    var list = chat.querySelector('[data-live="messages"]');
    var typing = chat.querySelector('[data-live="typing"]');
    var replyForm = chat.querySelector('form[action$="/send"]');
    var textarea = replyForm && replyForm.querySelector('textarea');

    function poll() {
      var url = BASE + 'data/messages?handoffId=' + encodeURIComponent(id) + '&after=' + after + '&wait=' + WAIT_MS;
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (res) {
          if (!res.ok || (res.headers.get('content-type') || '').indexOf('application/json') < 0) throw new Error('messages: ' + res.status);
          return res.json();
        })
        .then(function (answer) {
          if (answer.html.length) {
            var empty = chat.querySelector('[data-live="empty"]');
            if (empty) empty.remove();
            answer.html.forEach(function (html) { list.insertAdjacentHTML('beforeend', html); });
            after = answer.after;
          }
          typing.textContent = answer.jobseekerTyping ? typing.getAttribute('data-text') : '';
          if (answer.status !== 'active') {
            window.location.reload();
            return;
          }
          poll();
        })
        .catch(function () { window.setTimeout(poll, RETRY_MS); });
    }

    if (replyForm && textarea) {
      replyForm.addEventListener('submit', function (event) {
        if (!textarea.value.trim()) return;
        event.preventDefault();
        var button = replyForm.querySelector('button[type="submit"]');
        button.disabled = true;
        post('send', new URLSearchParams(new FormData(replyForm)))
          .then(function (res) {
            if (!res.ok) throw new Error('send: ' + res.status);
            // The message comes back through the poll, rendered with its translation.
            textarea.value = '';
            button.disabled = false;
            textarea.focus();
          })
          .catch(function () {
            // Let the form post as it would without this script: the page shows what went wrong.
            button.disabled = false;
            replyForm.submit();
          });
      });

      var lastTyping = 0;
      textarea.addEventListener('input', function () {
        var now = Date.now();
        if (now - lastTyping < TYPING_EVERY_MS || !textarea.value.trim()) return;
        lastTyping = now;
        // Only the chat and the token: what the coach is writing stays in the browser until sent.
        var body = new URLSearchParams();
        body.set('_csrf', replyForm.querySelector('input[name="_csrf"]').value);
        body.set('handoffId', id);
        post('typing', body).catch(function () { /* only a hint: the message still goes */ });
      });
    }

    poll();
  }

  Array.prototype.forEach.call(document.querySelectorAll('article[data-handoff]'), watch);
})();
