/* Cramdown study mode: spaced review of the cards built from the notes, a
 * "Reviewed" box per page, and progress bars on the home page. Progress lives
 * in localStorage under a versioned key and goes out and back in as JSON.
 *
 * Scheduling is SM-2 (P. A. Wozniak, 1990): intervals of 1 and 6 days, then
 * the previous interval times the item's easiness factor (EF, from 2.5, at
 * least 1.3), which each answer adjusts by 0.1 - (5-q)(0.08 + (5-q)0.02).
 * Grades map to SM-2 qualities: Again 1, Hard 3, Good 4, Easy 5; a quality
 * below 3 starts the item's repetitions again. Intervals round to whole days.
 *
 * The pure part (schedule, readProgress, counts, queue) loads in Node too.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    /* With instant navigation the script runs again on each page that needs
     * it; the first run's document$ subscription already serves them. */
    var started = root.CramdownStudy;
    root.CramdownStudy = api;
    if (!started) api.start();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var DAY = 24 * 60 * 60 * 1000;
  var FORMAT = "cramdown-progress";
  var VERSION = 1;
  var QUALITY = { 1: 1, 2: 3, 3: 4, 4: 5 };
  var GRADE_NAMES = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };

  /* ---- pure ------------------------------------------------------------- */

  function schedule(state, grade, now) {
    var q = QUALITY[grade];
    if (q === undefined) throw new Error("grade must be 1 to 4");
    var ef = state && state.ef ? state.ef : 2.5;
    var reps = state && state.reps ? state.reps : 0;
    var interval = state && state.interval ? state.interval : 0;
    if (q < 3) {
      reps = 0;
      interval = 1;
    } else {
      reps += 1;
      interval = reps === 1 ? 1 : reps === 2 ? 6 : Math.round(interval * ef);
    }
    ef = Math.max(1.3, ef + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)));
    return { reps: reps, ef: Math.round(ef * 1000) / 1000, interval: interval, due: now + interval * DAY, seen: now };
  }

  function emptyProgress() {
    return { format: FORMAT, version: VERSION, cards: {}, pages: {} };
  }

  function isCardState(value) {
    return value && typeof value === "object" &&
      [value.reps, value.ef, value.interval, value.due].every(function (n) {
        return typeof n === "number" && isFinite(n) && n >= 0;
      });
  }

  /* Progress from untrusted JSON text: {ok, progress} or {ok: false, error}. */
  function readProgress(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { ok: false, error: "This file is not JSON, so it is not Cramdown progress." };
    }
    if (!data || typeof data !== "object" || data.format !== FORMAT) {
      return { ok: false, error: "This JSON is not a Cramdown progress file." };
    }
    if (data.version !== VERSION) {
      return { ok: false, error: "This progress file is version " + data.version + "; this site reads version " + VERSION + "." };
    }
    if (!data.cards || typeof data.cards !== "object" || Array.isArray(data.cards) ||
        !data.pages || typeof data.pages !== "object" || Array.isArray(data.pages)) {
      return { ok: false, error: "This progress file is missing its cards or pages." };
    }
    var bad = Object.keys(data.cards).filter(function (id) { return !isCardState(data.cards[id]); });
    if (bad.length) {
      return { ok: false, error: "This progress file has " + bad.length + " card(s) with broken data." };
    }
    var progress = emptyProgress();
    Object.keys(data.cards).forEach(function (id) { progress.cards[id] = data.cards[id]; });
    Object.keys(data.pages).forEach(function (page) { if (data.pages[page] === true) progress.pages[page] = true; });
    return { ok: true, progress: progress };
  }

  function counts(cards, progress, now) {
    var result = { due: 0, new: 0, learned: 0 };
    cards.forEach(function (card) {
      var state = progress.cards[card.id];
      if (!state) result.new += 1;
      else if (state.due <= now) result.due += 1;
      else result.learned += 1;
    });
    return result;
  }

  /* Cards to review now: due ones first (most overdue first), then new ones. */
  function queue(cards, progress, now) {
    var due = cards.filter(function (c) { var s = progress.cards[c.id]; return s && s.due <= now; });
    due.sort(function (a, b) { return progress.cards[a.id].due - progress.cards[b.id].due; });
    var fresh = cards.filter(function (c) { return !progress.cards[c.id]; });
    return due.concat(fresh);
  }

  /* ---- browser ---------------------------------------------------------- */

  function load(key) {
    try {
      var stored = window.localStorage.getItem(key);
      var read = stored ? readProgress(stored) : null;
      return read && read.ok ? read.progress : emptyProgress();
    } catch (error) {
      return emptyProgress();
    }
  }

  function save(key, progress) {
    try {
      window.localStorage.setItem(key, JSON.stringify(progress));
    } catch (error) {
      /* Storage full or blocked: progress lasts for this visit only. */
    }
  }

  function text(element, value) {
    if (element) element.textContent = value;
  }

  function setUpReview(box) {
    var key = box.getAttribute("data-store");
    var cards = JSON.parse(document.getElementById("cd-cards").textContent);
    var urls = JSON.parse(box.getAttribute("data-urls"));
    var serviceFilter = box.querySelector(".cd-study__service");
    var categoryFilter = box.querySelector(".cd-study__category");
    var stats = box.querySelector(".cd-study__stats");
    var card = box.querySelector(".cd-study__card");
    var back = box.querySelector(".cd-study__back");
    var reveal = box.querySelector(".cd-study__reveal");
    var grades = box.querySelector(".cd-study__grades");
    var message = box.querySelector(".cd-study__message");
    var current = null;

    function chosen() {
      return cards.filter(function (c) {
        return (!serviceFilter.value || c.service === serviceFilter.value) &&
          (!categoryFilter.value || c.category === categoryFilter.value);
      });
    }

    function show() {
      var progress = load(key);
      var now = Date.now();
      var pool = chosen();
      var n = counts(pool, progress, now);
      text(stats, "Due " + n.due + " · New " + n.new + " · Learned " + n.learned);
      current = queue(pool, progress, now)[0] || null;
      back.hidden = true;
      grades.hidden = true;
      reveal.hidden = !current;
      if (!current) {
        text(box.querySelector(".cd-study__meta"), "");
        text(box.querySelector(".cd-study__front"), "Nothing to review here right now. Come back later, or pick other cards.");
        return;
      }
      text(box.querySelector(".cd-study__meta"), current.serviceTitle + " · " +
        { cloze: "fill the blank", trap: "exam trap", own: "your card" }[current.kind]);
      text(box.querySelector(".cd-study__front"), current.front);
      text(box.querySelector(".cd-study__answer"), (current.answer ? current.answer + " — " + current.back : current.back) +
        (current.changed ? " (" + current.changed + ")" : ""));
      var source = box.querySelector(".cd-study__source");
      if (current.service && urls[current.service]) {
        source.hidden = false;
        source.href = urls[current.service] + "#:~:text=" + encodeURIComponent(current.back.split("\n")[0].slice(0, 60));
      } else {
        source.hidden = true;
      }
    }

    function showAnswer() {
      if (!current || !back.hidden) return;
      back.hidden = false;
      reveal.hidden = true;
      grades.hidden = false;
      grades.querySelector("button").focus();
    }

    function grade(value) {
      if (!current || back.hidden) return;
      var progress = load(key);
      progress.cards[current.id] = schedule(progress.cards[current.id], value, Date.now());
      save(key, progress);
      text(message, "“" + GRADE_NAMES[value] + "”: next review in " + progress.cards[current.id].interval + " day(s).");
      show();
      card.focus();
    }

    reveal.addEventListener("click", showAnswer);
    grades.querySelectorAll("button").forEach(function (button) {
      button.addEventListener("click", function () { grade(Number(button.getAttribute("data-grade"))); });
    });
    serviceFilter.addEventListener("change", show);
    categoryFilter.addEventListener("change", show);
    box.addEventListener("keydown", function (event) {
      if (event.target.closest("select, input, summary, a")) return;
      if (event.key === " " && back.hidden) {
        event.preventDefault();
        showAnswer();
      } else if (/^[1-4]$/.test(event.key) && !back.hidden) {
        event.preventDefault();
        grade(Number(event.key));
      }
    });

    box.querySelector(".cd-study__export").addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(load(key), null, 2)], { type: "application/json" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "cramdown-progress.json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      text(message, "Progress exported as cramdown-progress.json.");
    });
    box.querySelector(".cd-study__import").addEventListener("change", function (event) {
      var file = event.target.files && event.target.files[0];
      if (!file) return;
      file.text().then(function (content) {
        var read = readProgress(content);
        if (!read.ok) {
          text(message, "Nothing was changed. " + read.error);
          message.classList.add("cd-study__message--error");
          return;
        }
        message.classList.remove("cd-study__message--error");
        save(key, read.progress);
        text(message, "Progress imported: " + Object.keys(read.progress.cards).length + " cards.");
        show();
      });
      event.target.value = "";
    });
    show();
  }

  function setUpReviewedBoxes(root) {
    root.querySelectorAll("input.cd-reviewed:not([data-ready])").forEach(function (box) {
      box.setAttribute("data-ready", "");
      var key = box.getAttribute("data-store");
      var page = box.getAttribute("data-page");
      box.checked = load(key).pages[page] === true;
      box.addEventListener("change", function () {
        var progress = load(key);
        if (box.checked) progress.pages[page] = true;
        else delete progress.pages[page];
        save(key, progress);
      });
    });
  }

  function setUpProgressBars(root) {
    root.querySelectorAll(".cd-progress[data-store]").forEach(function (bar) {
      var progress = load(bar.getAttribute("data-store"));
      var pages = bar.getAttribute("data-pages").split(" ").filter(Boolean);
      var ids = bar.getAttribute("data-cards").split(" ").filter(Boolean);
      var reviewed = pages.filter(function (p) { return progress.pages[p]; }).length;
      var learned = ids.filter(function (id) { return progress.cards[id]; }).length;
      var meter = bar.querySelector("progress");
      meter.max = pages.length + ids.length;
      meter.value = reviewed + learned;
      text(bar.querySelector(".cd-progress__text"), reviewed + " of " + pages.length + " pages reviewed · " +
        learned + " of " + ids.length + " cards studied");
    });
  }

  function init() {
    var box = document.querySelector(".cd-study:not([data-ready])");
    if (box) {
      box.setAttribute("data-ready", "");
      setUpReview(box);
    }
    setUpReviewedBoxes(document);
    setUpProgressBars(document);
  }

  function start() {
    if (typeof document === "undefined") return;
    /* Material's bundle, and its document$, come after the page's content. */
    function ready() {
      init();
      if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
    else ready();
  }

  return { schedule: schedule, readProgress: readProgress, counts: counts, queue: queue, emptyProgress: emptyProgress,
           start: start, DAY: DAY };
});
