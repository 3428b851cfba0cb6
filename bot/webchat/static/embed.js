/*
 * OMA-botti embed script. Paste on a municipality's page:
 *
 *   <script src="https://chat.example.fi/embed.js" data-lang="fi" data-municipality="Salo" async></script>
 *
 * It inserts the chat in an iframe right after the script tag (or into the element named by
 * data-target). Options: data-lang (fi, fi-x-selko, sv, en, ru, uk, et, ar, so, fa),
 * data-municipality (a municipality of the service area, shown in the header),
 * data-title (the iframe's accessible name), data-height (CSS height, default 600px).
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src, window.location.href).origin;
  var params = new URLSearchParams();
  var lang = script.getAttribute('data-lang');
  var municipality = script.getAttribute('data-municipality');
  if (lang) params.set('lang', lang);
  if (municipality) params.set('municipality', municipality);
  var query = params.toString();
  var iframe = document.createElement('iframe');
  iframe.src = origin + '/' + (query ? '?' + query : '');
  iframe.title = script.getAttribute('data-title') || 'OMA-botti';
  iframe.setAttribute('loading', 'lazy');
  iframe.setAttribute('referrerpolicy', 'no-referrer');
  iframe.style.width = '100%';
  iframe.style.maxWidth = '100%';
  iframe.style.height = script.getAttribute('data-height') || '600px';
  iframe.style.border = '1px solid #c9d1d9';
  iframe.style.borderRadius = '8px';
  var targetId = script.getAttribute('data-target');
  var target = targetId ? document.getElementById(targetId) : null;
  if (target) target.appendChild(iframe);
  else script.parentNode.insertBefore(iframe, script.nextSibling);
})();
