// 404.html, served at any address that has no page: shows the text of the language named by
// the address (its first path segment that is one of the site's language codes: /it/… is
// Italian) and hides the others. Without this script, or for an address in no language,
// every language's text shows.
(function () {
  'use strict';
  var sections = document.querySelectorAll('[data-not-found-language]');
  var segments = window.location.pathname.split('/');
  var chosen = null;
  for (var i = 0; i < segments.length && !chosen; i++) {
    for (var j = 0; j < sections.length; j++) {
      if (sections[j].getAttribute('data-not-found-language') === segments[i]) {
        chosen = sections[j];
        break;
      }
    }
  }
  if (!chosen) return;
  for (var k = 0; k < sections.length; k++) sections[k].hidden = sections[k] !== chosen;
  document.documentElement.lang = chosen.lang;
  document.documentElement.dir = chosen.dir;
  document.title = chosen.getAttribute('data-title');
})();
