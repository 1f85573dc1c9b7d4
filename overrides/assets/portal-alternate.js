/* Keep Material from re-routing the language menu through sitemaps. Loaded before its bundle.

   Material 9.8 asks every <link rel="alternate"> of a page for the "sitemap.xml" beside it
   (/en/plans/x/sitemap.xml, /plans/x/sitemap.xml, ...) and, once one answers, re-routes clicks on
   links into that alternate. mkdocs-static-i18n already writes each page's own translation into the
   language menu, so here those requests only cost: four per page, each parsing the whole sitemap on
   the main thread (80 to 130 ms on Lighthouse's phone CPU for 366 pages, and it grows with the site),
   a 404 in the console on hosts that cannot rewrite the address, and an extra redirect on every
   language switch (the re-route drops the trailing slash). Such a request is opened but never sent, so
   Material never re-routes and the menu's own link is followed. With instant navigation on,
   Material needs the site's sitemap for its own links and nothing is changed. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("__config").textContent);
  if (config.features.indexOf("navigation.instant") !== -1) return;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var unanswered = new WeakSet();
  XMLHttpRequest.prototype.open = function (method, address) {
    if (/\/sitemap\.xml$/.test(new URL(address, window.location.href).pathname)) unanswered.add(this);
    else unanswered.delete(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!unanswered.has(this)) return send.apply(this, arguments);
  };
})();
