/* The glossary's filter box: as you type, only the terms whose name, other
 * names or definition hold the text stay, and letters left empty hide.
 * Loaded only on the glossary page (overrides/main.html). */
(function () {
  "use strict";

  function text(el) {
    return el ? el.textContent.toLowerCase() : "";
  }

  function init() {
    var box = document.querySelector(".cd-glossary-filter:not([data-ready])");
    if (!box) return;
    box.setAttribute("data-ready", "");
    box.hidden = false;
    var input = box.querySelector("input");
    var count = box.querySelector(".cd-glossary-filter__count");
    var entries = Array.prototype.map.call(document.querySelectorAll(".cd-entry"), function (entry) {
      return { el: entry, words: text(entry.querySelector("h3")) + " " + text(entry.querySelector("p")) };
    });
    var letters = document.querySelectorAll(".cd-letter");
    input.addEventListener("input", function () {
      var query = input.value.trim().toLowerCase();
      var shown = 0;
      entries.forEach(function (entry) {
        entry.el.hidden = query !== "" && entry.words.indexOf(query) < 0;
        if (!entry.el.hidden) shown += 1;
      });
      Array.prototype.forEach.call(letters, function (letter) {
        letter.hidden = !letter.querySelector(".cd-entry:not([hidden])");
      });
      count.textContent = query ? shown + " of " + entries.length + " terms" : "";
    });
  }

  function ready() {
    init();
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  }
  if (window.CramdownGlossaryReady) return;
  window.CramdownGlossaryReady = true;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
