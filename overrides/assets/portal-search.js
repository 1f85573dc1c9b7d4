/* Point Material's search box at this language's Pagefind index (portal-search-worker.js explains
   the protocol). Loaded right after Material's #__config and before its bundle reads it; the
   script tag carries the worker, the index folder and the result-count wording of the page's
   language. Also names the search dialog for screen readers, which stock Material leaves unnamed. */
(function (script) {
  "use strict";
  var element = document.getElementById("__config");
  var config = JSON.parse(element.textContent);
  var worker = new URL(script.dataset.worker, window.location.href);
  worker.searchParams.set("index", new URL(script.dataset.index, window.location.href).href);
  // config.base is "." or "../.." on pages, "/" on 404 pages ("/" + "/" would be a host-less URL)
  worker.searchParams.set("root", new URL(config.base.replace(/\/?$/, "/"), window.location.href).pathname);
  config.search = worker.href;
  config.translations["search.result.other"] = script.dataset.resultOther;
  element.textContent = JSON.stringify(config);
  var dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog) dialog.setAttribute("aria-label", script.dataset.label);
})(document.currentScript);
