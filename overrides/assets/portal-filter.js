/* Filter a list of cards by the <select>s of a form marked data-portal-filter (the project directory).
   Each card carries data-<name> attributes matching the selects' names. The choice is kept in the URL
   query (?sector=logistics&status=calling) so a filtered list can be shared. Without JavaScript the
   form stays out of the page (portal.css) and every card shows. Runs locally; fetches nothing. */
(function () {
  "use strict";
  function setUp(form) {
    var list = form.parentNode.querySelector("[data-portal-items]");
    var empty = form.parentNode.querySelector("[data-portal-empty]");
    var count = form.querySelector("output");
    if (!list) return;
    var cards = Array.prototype.slice.call(list.children);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var query = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = query.get(select.name);
      if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) select.value = wanted;
    });
    function apply(updateUrl) {
      var shown = 0;
      cards.forEach(function (card) {
        var match = selects.every(function (select) {
          return !select.value || card.getAttribute("data-" + select.name) === select.value;
        });
        card.hidden = !match;
        if (match) shown += 1;
      });
      if (empty) empty.hidden = shown !== 0;
      if (count) count.textContent = count.getAttribute("data-text").replace("{shown}", shown).replace("{total}", cards.length);
      if (updateUrl) {
        var params = new URLSearchParams(window.location.search);
        selects.forEach(function (select) {
          if (select.value) params.set(select.name, select.value); else params.delete(select.name);
        });
        var search = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
      }
    }
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply(false);
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-portal-filter]"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
