/* Cramdown's script for every page (the calculator and study scripts load
 * only on pages that have those). Plain script, works from file:// and with
 * Material's instant navigation.
 *
 * - Term and service links show their definition as a tooltip (Material's
 *   content.tooltips) on hover and on keyboard focus. A touch screen has no
 *   hover, so there the first tap shows the tooltip and a second tap follows
 *   the link.
 * - The "Print cheat sheet" button is shown only when scripts run, since it
 *   needs window.print().
 * - Search lands on the match: a result's snippet starts at the matching
 *   text, and the page it opens scrolls the match into view.
 */
(function () {
  "use strict";
  var LINKS = "a.cd-term, a.cd-service-link";
  var armed = null;

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(LINKS) : null;
    if (!link || !window.matchMedia("(hover: none)").matches) return;
    if (armed === link) {
      armed = null;
      return;
    }
    armed = link;
    event.preventDefault();
    event.stopPropagation();
    link.focus();
  }, true);

  function visible(el) {
    return el.getClientRects().length > 0 && !el.closest("[hidden], .cd-terms-used");
  }

  /* Where a search for ``query`` should land on this page: the first visible
   * place with the whole query, a heading that names it as a glossary term
   * ("Lambda at the Edge" for Lambda@Edge), a link to its glossary entry,
   * or the first word Material's search highlight marked. */
  function matchFor(query, article) {
    var wanted = query.toLowerCase();
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.data.toLowerCase().indexOf(wanted) >= 0 && visible(node.parentElement)) return node.parentElement;
    }
    var named = Array.prototype.filter.call(article.querySelectorAll("[data-cd-terms], a.cd-term"), function (el) {
      var names = el.hasAttribute("data-cd-terms") ? el.getAttribute("data-cd-terms").split("|")
        : [(el.getAttribute("title") || "").split(":")[0]];
      return visible(el) && names.some(function (name) { return name.toLowerCase() === wanted; });
    });
    if (named.length) return named[0];
    var marks = Array.prototype.filter.call(article.querySelectorAll("mark[data-md-highlight]"), visible);
    return marks[0] || null;
  }

  /* A search result opens its page at the top of a section; bring the match
   * itself into view, once Material has marked it. */
  function showMatch() {
    var query = new URLSearchParams(location.search).get("h");
    var article = document.querySelector("article.md-content__inner");
    if (!query || !article || location.hash) return;
    setTimeout(function () {
      var target = matchFor(query.trim(), article);
      if (!target) return;
      var box = target.getBoundingClientRect();
      if (box.top < 60 || box.bottom > window.innerHeight) target.scrollIntoView({ block: "center" });
    }, 50);
  }

  function blocksOf(article) {
    return Array.prototype.filter.call(article.children, function (el) {
      return /^(P|UL|OL|TABLE|PRE)$/.test(el.tagName);
    });
  }

  function marked(link) {
    return blocksOf(link.querySelector("article")).some(function (el) { return el.querySelector("mark"); });
  }

  /* In the search results, a page's entry shows matching text: when the
   * page ranks by its names alone (search tags) and its top has no match, the
   * entry shows, and links to, the first section of the page that has one;
   * and a long section shows from its first block with a match. */
  function trimSnippets(list) {
    list.querySelectorAll(".md-search-result__item:not([data-cd-trimmed])").forEach(function (item) {
      var top = item.querySelector(":scope > a.md-search-result__link");
      if (!top) return;
      item.setAttribute("data-cd-trimmed", "");
      var more = Array.prototype.slice.call(item.querySelectorAll("details a.md-search-result__link"));
      var better = marked(top) ? null : more.filter(marked)[0];
      var article = top.querySelector("article");
      if (better) {
        top.href = better.href;
        blocksOf(article).forEach(function (el) { el.remove(); });
        var heading = better.querySelector("article h2");
        if (heading) article.appendChild(heading.cloneNode(true));
        blocksOf(better.querySelector("article")).forEach(function (el) { article.appendChild(el.cloneNode(true)); });
      }
      var blocks = blocksOf(article);
      var first = blocks.findIndex(function (el) { return el.querySelector("mark"); });
      blocks.forEach(function (el, index) {
        if (first > 0 ? index < first : first < 0 && index > 0) el.hidden = true;
      });
      if (first >= 0) {  /* in a list, only the items that hold a match */
        blocks[first].querySelectorAll("li").forEach(function (li) { li.hidden = !li.querySelector("mark"); });
      }
    });
  }

  function watchSearch() {
    var list = document.querySelector(".md-search-result__list");
    if (!list || list.hasAttribute("data-cd-watched")) return;
    list.setAttribute("data-cd-watched", "");
    new MutationObserver(function () { trimSnippets(list); }).observe(list, { childList: true, subtree: true });
  }

  /* A "lines 238–291" link opens the notes file with all those lines marked
   * (its plain #L238 is for browsers without scripts). */
  function markLines() {
    var table = document.querySelector(".cd-notes-source");
    var match = /^#L([\d,-]+)$/.exec(location.hash);
    if (!table || !match) return;
    table.querySelectorAll(".cd-hl").forEach(function (row) { row.classList.remove("cd-hl"); });
    var first = null;
    match[1].split(",").forEach(function (part) {
      var ends = part.split("-").map(Number);
      for (var n = ends[0]; n <= (ends[1] || ends[0]); n += 1) {
        var row = document.getElementById("L" + n);
        if (row) row.classList.add("cd-hl");
        first = first || row;
      }
    });
    if (first) first.scrollIntoView({ block: "start" });
  }

  function init() {
    document.querySelectorAll("a[data-lines]:not([data-ready])").forEach(function (link) {
      link.setAttribute("data-ready", "");
      link.hash = "L" + link.getAttribute("data-lines");
    });
    markLines();
    document.querySelectorAll("button.cd-print:not([data-ready])").forEach(function (button) {
      button.setAttribute("data-ready", "");
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    watchSearch();
    showMatch();
  }

  window.addEventListener("hashchange", markLines);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
})();
