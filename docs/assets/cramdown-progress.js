/* Cramdown study progress: where it is kept, the Reviewed box on service
 * pages, and the home page's "N cards due · M new" and progress bars.
 *
 * Progress lives in the browser's localStorage under a versioned key
 * ("cramdown:v2:<site>") and goes out and back in as JSON. Version 2 holds
 * each card's FSRS state (the study page's scheduler, cramdown-study.js);
 * version 1 held SM-2 state under "cramdown:v1:<site>", and is carried over
 * when version 2 is first read: every card keeps its due date, its reviews
 * and its place as learned, and every Reviewed box stays ticked. ``focus``
 * holds new cards of services missed on the practice test, which the study
 * page serves before other new cards.
 *
 * The pure part (readProgress, fromV1, counts, today) loads in Node too.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    var started = root.CramdownProgress;  /* instant navigation runs this again */
    root.CramdownProgress = api;
    if (!started) api.start();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var DAY = 24 * 60 * 60 * 1000;
  var FORMAT = "cramdown-progress";
  var VERSION = 2;
  var NEW_PER_DAY = 20;
  var REVIEW = 2;  /* FSRS states: 0 new, 1 learning, 2 review, 3 relearning */

  /* ---- pure ------------------------------------------------------------- */

  function emptyProgress() {
    return { format: FORMAT, version: VERSION, cards: {}, pages: {}, suspended: {}, flagged: {}, focus: {},
             settings: { newPerDay: NEW_PER_DAY }, today: { date: "", newSeen: 0 } };
  }

  /* The local calendar day of a time, "2026-12-01": the unit of daily limits. */
  function today(now) {
    var d = new Date(now);
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function isNumber(n) {
    return typeof n === "number" && isFinite(n) && n >= 0;
  }

  function isV1Card(value) {
    return value && typeof value === "object" && [value.reps, value.ef, value.interval, value.due].every(isNumber);
  }

  function isV2Card(value) {
    return value && typeof value === "object" &&
      [value.due, value.stability, value.difficulty, value.reps, value.lapses, value.state].every(isNumber);
  }

  /* An SM-2 card as an FSRS review card: the same due date and reviews; its
   * interval is its stability (FSRS schedules about that far at 90%
   * retention); an easiness of 2.5 is a middling difficulty of 5, 1.3 the
   * hardest, 10. A card last graded Again (0 reps) counts one lapse. */
  function fromV1Card(old) {
    var interval = Math.max(old.interval, 1);
    return {
      due: old.due, stability: interval,
      difficulty: Math.min(10, Math.max(1, 5 + (2.5 - old.ef) * (5 / 1.2))),
      elapsed_days: 0, scheduled_days: interval, learning_steps: 0,
      reps: Math.max(old.reps, 1), lapses: old.reps === 0 ? 1 : 0, state: REVIEW,
      last_review: isNumber(old.seen) ? old.seen : Math.max(0, old.due - interval * DAY)
    };
  }

  function fromV1(data) {
    var progress = emptyProgress();
    Object.keys(data.cards).forEach(function (id) { progress.cards[id] = fromV1Card(data.cards[id]); });
    Object.keys(data.pages).forEach(function (page) { if (data.pages[page] === true) progress.pages[page] = true; });
    return progress;
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
    if (data.version !== 1 && data.version !== VERSION) {
      return { ok: false, error: "This progress file is version " + data.version + "; this site reads versions 1 and 2." };
    }
    if (!data.cards || typeof data.cards !== "object" || Array.isArray(data.cards) ||
        !data.pages || typeof data.pages !== "object" || Array.isArray(data.pages)) {
      return { ok: false, error: "This progress file is missing its cards or pages." };
    }
    var valid = data.version === 1 ? isV1Card : isV2Card;
    var bad = Object.keys(data.cards).filter(function (id) { return !valid(data.cards[id]); });
    if (bad.length) {
      return { ok: false, error: "This progress file has " + bad.length + " card(s) with broken data." };
    }
    if (data.version === 1) return { ok: true, progress: fromV1(data) };
    var progress = emptyProgress();
    Object.keys(data.cards).forEach(function (id) { progress.cards[id] = data.cards[id]; });
    Object.keys(data.pages).forEach(function (page) { if (data.pages[page] === true) progress.pages[page] = true; });
    ["suspended", "flagged", "focus"].forEach(function (set) {
      var marks = data[set] && typeof data[set] === "object" ? data[set] : {};
      Object.keys(marks).forEach(function (id) { if (marks[id] === true) progress[set][id] = true; });
    });
    var perDay = data.settings && data.settings.newPerDay;
    if (Number.isInteger(perDay) && perDay >= 0 && perDay <= 9999) progress.settings.newPerDay = perDay;
    if (data.today && typeof data.today.date === "string" && Number.isInteger(data.today.newSeen)) {
      progress.today = { date: data.today.date, newSeen: data.today.newSeen };
    }
    return { ok: true, progress: progress };
  }

  /* A card in review: neither suspended nor flagged as a bad card. */
  function active(id, progress) {
    return !progress.suspended[id] && !progress.flagged[id];
  }

  /* Cards due now, new cards left for today, and learned ones, of ``ids``. */
  function counts(ids, progress, now) {
    var result = { due: 0, new: 0, learned: 0, unseen: 0 };
    ids.forEach(function (id) {
      var state = progress.cards[id];
      if (!active(id, progress)) return;
      if (!state) result.unseen += 1;
      else if (state.due <= now) result.due += 1;
      else result.learned += 1;
    });
    var seen = progress.today.date === today(now) ? progress.today.newSeen : 0;
    result.new = Math.min(result.unseen, Math.max(0, progress.settings.newPerDay - seen));
    return result;
  }

  /* ---- browser ---------------------------------------------------------- */

  function legacyKey(key) {
    return key.replace(":v2:", ":v1:");
  }

  function load(key) {
    try {
      var stored = window.localStorage.getItem(key);
      if (!stored) stored = window.localStorage.getItem(legacyKey(key));
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

  function setUpReviewedBoxes() {
    document.querySelectorAll("input.cd-reviewed:not([data-ready])").forEach(function (box) {
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

  function ids(element) {
    return (element.getAttribute("data-cards") || "").split(" ").filter(Boolean);
  }

  function setUpHome() {
    var due = document.querySelector(".cd-due[data-store]");
    if (due) {
      var n = counts(ids(due), load(due.getAttribute("data-store")), Date.now());
      text(due.querySelector(".cd-due__text"), n.due + " card" + (n.due === 1 ? "" : "s") + " due · " + n.new + " new");
      due.hidden = false;
    }
    document.querySelectorAll(".cd-progress[data-store]").forEach(function (bar) {
      var progress = load(bar.getAttribute("data-store"));
      var pages = (bar.getAttribute("data-pages") || "").split(" ").filter(Boolean);
      var cards = ids(bar);
      var reviewed = pages.filter(function (p) { return progress.pages[p]; }).length;
      var studied = cards.filter(function (id) { return progress.cards[id]; }).length;
      var meters = bar.querySelectorAll("progress");
      meters[0].max = Math.max(pages.length, 1);
      meters[0].value = reviewed;
      meters[1].max = Math.max(cards.length, 1);
      meters[1].value = studied;
      text(bar.querySelector(".cd-progress__text"), reviewed + " of " + pages.length + " pages reviewed · " +
        studied + " of " + cards.length + " cards studied");
    });
  }

  function init() {
    setUpReviewedBoxes();
    setUpHome();
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

  return { DAY: DAY, NEW_PER_DAY: NEW_PER_DAY, emptyProgress: emptyProgress, readProgress: readProgress,
           fromV1: fromV1, counts: counts, today: today, active: active, load: load, save: save, start: start };
});
