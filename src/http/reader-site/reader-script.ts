/**
 * The reader site's one script, served from /assets/reader.js (the policy allows only scripts of
 * the site itself, none inline). Pages are cached as bytes and sent to everyone, so what one
 * reader chose lives in their browser only: the type size in localStorage, applied as a class on
 * <html>. The words it shows come from data attributes of the page, in the page's script.
 * Without it, the page is whole: the size controls stay hidden and the address stays selectable.
 */
export const READER_JS = String.raw`(function () {
  'use strict';
  var KEY = 'heitu.fontSize';
  var SIZES = ['s', 'm', 'l'];
  var root = document.documentElement;

  function stored() {
    try {
      var v = window.localStorage.getItem(KEY);
      return SIZES.indexOf(v) >= 0 ? v : null;
    } catch (e) {
      return null;
    }
  }

  function apply(size) {
    SIZES.forEach(function (s) { root.classList.toggle('font-' + s, s === size && s !== 'm'); });
    document.querySelectorAll('[data-font-size]').forEach(function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-font-size') === size ? 'true' : 'false');
    });
  }

  apply(stored() || 'm');
  document.querySelectorAll('.font-size').forEach(function (g) { g.hidden = false; });

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var sizeButton = target && target.closest('[data-font-size]');
    if (sizeButton) {
      var size = sizeButton.getAttribute('data-font-size');
      apply(size);
      try { window.localStorage.setItem(KEY, size); } catch (e) { /* private mode: this page only */ }
      return;
    }
    var copyButton = target && target.closest('[data-copy]');
    if (copyButton) copy(copyButton);
  });

  function copy(button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    var status = button.parentElement && button.parentElement.querySelector('.copy-status');
    if (!field) return;
    function say(text) { if (status) status.textContent = text || ''; }
    function fallback() {
      field.focus();
      field.select();
      say(button.getAttribute('data-copy-failed'));
    }
    navigator.clipboard.writeText(field.value).then(function () { say(button.getAttribute('data-copied')); }, fallback);
  }

  // Copying needs the clipboard API (a secure page); elsewhere the field alone is shown.
  if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
    document.querySelectorAll('[data-copy]').forEach(function (b) { b.hidden = false; });
  }
})();
`;
