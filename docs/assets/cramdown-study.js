/* Cramdown's study page: a review loop an Anki user knows.
 *
 * Scheduling is FSRS, Anki's default since 23.10, by ts-fsrs (vendored in
 * docs/assets/vendor/ts-fsrs/, window.FSRS), with Anki's defaults: learning
 * steps of 1 and 10 minutes, a relearning step of 10 minutes, 90% retention,
 * no fuzz (so the intervals shown are the intervals given). A new card, or
 * one graded Again, comes back in the same session; cards in learning may
 * come up to 20 minutes early when nothing else is due, as in Anki.
 *
 * Order: learning cards that are due, then due reviews (most overdue first),
 * then new cards up to the day's limit (20 by default), interleaved across
 * services in an order fixed for the day, then learning cards ahead of time.
 *
 * Keys, from page load, except while typing in a field: Space shows the
 * answer, then Space or Enter means Good; 1 to 4 grade; u undoes the last
 * grade. Progress is kept by cramdown-progress.js.
 *
 * The pure part (scheduler, nextCard, newOrder, interval) loads in Node too.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./vendor/ts-fsrs/ts-fsrs.umd.js"), require("./cramdown-progress.js"));
  } else {
    /* Instant navigation runs the page's scripts again, and not in order:
     * wait (up to 5 s) for the scheduler and the progress store. */
    var tries = 0;
    var boot = function () {
      if (!root.FSRS || !root.CramdownProgress) {
        if ((tries += 1) < 250) setTimeout(boot, 20);
        return;
      }
      var started = root.CramdownStudy;
      root.CramdownStudy = factory(root.FSRS, root.CramdownProgress);
      if (!started) root.CramdownStudy.start();
    };
    boot();
  }
})(typeof self !== "undefined" ? self : this, function (FSRS, Progress) {
  "use strict";

  var MINUTE = 60 * 1000;
  var LEARN_AHEAD = 20 * MINUTE;
  var GRADES = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };
  var REVIEW = 2;

  /* ---- pure ------------------------------------------------------------- */

  function scheduler() {
    return FSRS.fsrs({ request_retention: 0.9, maximum_interval: 36500, enable_fuzz: false, enable_short_term: true,
                       learning_steps: ["1m", "10m"], relearning_steps: ["10m"] });
  }

  /* Stored state (times as numbers) to the library's card, and back. */
  function toCard(state, now) {
    if (!state) return FSRS.createEmptyCard(new Date(now));
    var card = Object.assign({}, state);
    card.due = new Date(state.due);
    card.last_review = state.last_review ? new Date(state.last_review) : undefined;
    return card;
  }

  function fromCard(card) {
    return { due: card.due.getTime(), stability: card.stability, difficulty: card.difficulty,
             elapsed_days: card.elapsed_days, scheduled_days: card.scheduled_days,
             learning_steps: card.learning_steps, reps: card.reps, lapses: card.lapses, state: card.state,
             last_review: card.last_review ? card.last_review.getTime() : 0 };
  }

  /* The state after grading ``grade`` (1-4) at ``now``. */
  function grade(fsrs, state, grade, now) {
    return fromCard(fsrs.next(toCard(state, now), new Date(now), grade).card);
  }

  /* How long until each grade would bring the card back: {1: ms, ...}. */
  function preview(fsrs, state, now) {
    var outcomes = fsrs.repeat(toCard(state, now), new Date(now));
    var result = {};
    [1, 2, 3, 4].forEach(function (g) { result[g] = outcomes[g].card.due.getTime() - now; });
    return result;
  }

  /* "1 min", "10 min", "3 h", "1 day", "8 days", "2.1 mo", "1.5 yr", as Anki writes them. */
  function interval(ms) {
    var minutes = Math.max(1, Math.round(ms / MINUTE));
    if (minutes < 60) return minutes + " min";
    if (minutes < 24 * 60) return Math.round(minutes / 60) + " h";
    var days = Math.round(minutes / (24 * 60));
    if (days < 31) return days + (days === 1 ? " day" : " days");
    if (days < 365) return (Math.round(days / 3.044) / 10) + " mo";
    return (Math.round(days / 36.5) / 10) + " yr";
  }

  /* A 32-bit hash (FNV-1a): an order that is fixed for a day, not random. */
  function hash(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i += 1) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  }

  /* New cards in the day's order: one service after another in turn, each
   * service's cards and the services themselves shuffled by the day. */
  function newOrder(cards, day) {
    var byService = {};
    cards.forEach(function (card) { (byService[card.service] = byService[card.service] || []).push(card); });
    var services = Object.keys(byService).sort(function (a, b) { return hash(day + a) - hash(day + b); });
    services.forEach(function (s) { byService[s].sort(function (a, b) { return hash(day + a.id) - hash(day + b.id); }); });
    var order = [];
    for (var round = 0; order.length < cards.length; round += 1) {
      services.forEach(function (s) { if (byService[s][round]) order.push(byService[s][round]); });
    }
    return order;
  }

  /* The card to show now, of ``cards`` (already filtered), or null. */
  function nextCard(cards, progress, now) {
    var pool = cards.filter(function (c) { return Progress.active(c.id, progress); });
    var seen = pool.filter(function (c) { return progress.cards[c.id]; });
    var byDue = function (a, b) { return progress.cards[a.id].due - progress.cards[b.id].due; };
    var learning = seen.filter(function (c) { return progress.cards[c.id].state !== REVIEW; }).sort(byDue);
    var dueLearning = learning.filter(function (c) { return progress.cards[c.id].due <= now; });
    if (dueLearning.length) return dueLearning[0];
    var dueReviews = seen.filter(function (c) {
      return progress.cards[c.id].state === REVIEW && progress.cards[c.id].due <= now;
    }).sort(byDue);
    if (dueReviews.length) return dueReviews[0];
    var n = Progress.counts(pool.map(function (c) { return c.id; }), progress, now);
    if (n.new > 0) {
      var unseen = pool.filter(function (c) { return !progress.cards[c.id]; });
      /* New cards of a service missed on the practice test come first. */
      var focus = progress.focus || {};
      var first = unseen.filter(function (c) { return focus[c.id]; });
      return newOrder(first.length ? first : unseen, Progress.today(now))[0];
    }
    var ahead = learning.filter(function (c) { return progress.cards[c.id].due <= now + LEARN_AHEAD; });
    return ahead[0] || null;
  }

  /* ---- browser ---------------------------------------------------------- */

  function text(element, value) {
    if (element) element.textContent = value;
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
  }

  function setUp(box) {
    var fsrs = scheduler();
    var key = box.getAttribute("data-store");
    var cards = JSON.parse(document.getElementById("cd-cards").getAttribute("data-json"));
    var byId = {};
    cards.forEach(function (c) { byId[c.id] = c; });
    var urls = JSON.parse(box.getAttribute("data-urls"));
    var find = function (selector) { return box.querySelector(selector); };
    var serviceFilter = find(".cd-study__service");
    var categoryFilter = find(".cd-study__category");
    var perDay = find(".cd-study__per-day");
    var card = find(".cd-study__card");
    var back = find(".cd-study__back");
    var reveal = find(".cd-study__reveal");
    var grades = find(".cd-study__grades");
    var message = find(".cd-study__message");
    var current = null;
    var undo = null;  /* {id, state, today}: the card before the last grade */

    function chosen() {
      return cards.filter(function (c) {
        return (!serviceFilter.value || c.service === serviceFilter.value) &&
          (!categoryFilter.value || c.category === categoryFilter.value);
      });
    }

    function say(words, error) {
      text(message, words);
      message.classList.toggle("cd-study__message--error", !!error);
    }

    function listSetAside(progress) {
      ["flagged", "suspended"].forEach(function (set) {
        var list = find(".cd-study__" + set);
        var ids = Object.keys(progress[set]).filter(function (id) { return byId[id]; });
        text(find(".cd-study__" + set + "-count"), String(ids.length));
        list.replaceChildren();
        ids.forEach(function (id) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.textContent = byId[id].front;
          link.href = sourceUrl(byId[id]) || "#";
          var undoButton = document.createElement("button");
          undoButton.type = "button";
          undoButton.className = "md-button";
          undoButton.textContent = set === "flagged" ? "Unflag" : "Unsuspend";
          undoButton.addEventListener("click", function () {
            var p = Progress.load(key);
            delete p[set][id];
            Progress.save(key, p);
            show();
          });
          item.append(link, " ", undoButton);
          list.appendChild(item);
        });
      });
    }

    function sourceUrl(c) {
      if (!c.service || !urls[c.service]) return "";
      return urls[c.service] + "#:~:text=" + encodeURIComponent(c.back.split("\n")[0].slice(0, 60));
    }

    /* Show the next card, or ``forced`` (the card an undo brings back). */
    function show(forced) {
      var progress = Progress.load(key);
      var now = Date.now();
      var pool = chosen();
      var n = Progress.counts(pool.map(function (c) { return c.id; }), progress, now);
      var waiting = function (inReview) {
        return pool.filter(function (c) {
          var s = progress.cards[c.id];
          return s && s.due > now && (s.state === REVIEW) === inReview && Progress.active(c.id, progress);
        }).length;
      };
      text(find(".cd-study__stats"), "Due " + n.due + " · New today " + n.new + " · Learning " + waiting(false) +
        " · Learned " + waiting(true));
      listSetAside(progress);
      current = forced || nextCard(pool, progress, now);
      back.hidden = true;
      grades.hidden = true;
      reveal.hidden = !current;
      find(".cd-study__card-actions").hidden = !current;
      if (!current) {
        text(find(".cd-study__meta"), "");
        var later = pool.filter(function (c) { return progress.cards[c.id] && Progress.active(c.id, progress); })
          .map(function (c) { return progress.cards[c.id].due; }).sort(function (a, b) { return a - b; })[0];
        text(find(".cd-study__front"), "Nothing to review here right now." +
          (later ? " The next card is due in " + interval(later - now) + "." : "") +
          (n.unseen && !n.new ? " Today's new cards are done; raise the daily limit for more." : ""));
        return;
      }
      var kinds = { cloze: "fill the blank", calc: "work it out", trap: "exam trap", own: "your card" };
      text(find(".cd-study__meta"), current.serviceTitle + " · " + kinds[current.kind] +
        (progress.cards[current.id] ? "" : " · new"));
      text(find(".cd-study__front"), current.front);
      text(find(".cd-study__answer"), current.answer || current.back);
      var context = find(".cd-study__context");
      text(context, current.answer && current.kind !== "own" ? current.back : "");
      context.hidden = !(current.answer && current.kind !== "own");
      text(find(".cd-study__changed"), current.changed || "");
      find(".cd-study__changed").hidden = !current.changed;
      var source = find(".cd-study__source");
      source.hidden = !sourceUrl(current);
      source.href = sourceUrl(current) || "#";
      var times = preview(fsrs, progress.cards[current.id], now);
      grades.querySelectorAll("button[data-grade]").forEach(function (button) {
        var g = Number(button.getAttribute("data-grade"));
        text(button.querySelector(".cd-study__interval"), interval(times[g]));
        button.setAttribute("aria-label", GRADES[g] + ", key " + g + ", next in " + interval(times[g]));
      });
    }

    function showAnswer() {
      if (!current || !back.hidden) return;
      back.hidden = false;
      reveal.hidden = true;
      grades.hidden = false;
      card.focus({ preventScroll: true });  /* never a grade button: Space must not land on Again */
    }

    function gradeCard(value) {
      if (!current || back.hidden) return;
      var progress = Progress.load(key);
      var now = Date.now();
      var before = progress.cards[current.id];
      undo = { id: current.id, state: before, today: Object.assign({}, progress.today) };
      if (!before) {
        var day = Progress.today(now);
        progress.today = { date: day, newSeen: (progress.today.date === day ? progress.today.newSeen : 0) + 1 };
      }
      progress.cards[current.id] = grade(fsrs, before, value, now);
      Progress.save(key, progress);
      say("“" + GRADES[value] + "”: back in " + interval(progress.cards[current.id].due - now) + ". Press u to undo.");
      show();
      card.focus({ preventScroll: true });
    }

    function undoGrade() {
      if (!undo) return;
      var progress = Progress.load(key);
      if (undo.state) progress.cards[undo.id] = undo.state;
      else delete progress.cards[undo.id];
      progress.today = undo.today;
      Progress.save(key, progress);
      var again = byId[undo.id];
      undo = null;
      show(again);
      say("Undone: the card is as it was before you graded it.");
    }

    function setAside(set, words) {
      if (!current) return;
      var progress = Progress.load(key);
      progress[set][current.id] = true;
      Progress.save(key, progress);
      say(words);
      show();
    }

    reveal.addEventListener("click", showAnswer);
    grades.querySelectorAll("button[data-grade]").forEach(function (button) {
      button.addEventListener("click", function () { gradeCard(Number(button.getAttribute("data-grade"))); });
    });
    find(".cd-study__undo").addEventListener("click", undoGrade);
    find(".cd-study__suspend").addEventListener("click", function () {
      setAside("suspended", "Suspended: the card is out of your reviews until you unsuspend it (listed below).");
    });
    find(".cd-study__flag").addEventListener("click", function () {
      setAside("flagged", "Flagged as a bad card: it is out of your reviews and listed below with its notes line.");
    });
    serviceFilter.addEventListener("change", show);
    categoryFilter.addEventListener("change", show);
    perDay.value = String(Progress.load(key).settings.newPerDay);
    perDay.addEventListener("change", function () {
      var value = Number(perDay.value);
      if (!Number.isInteger(value) || value < 0 || value > 9999) {
        say("New cards a day is a whole number from 0 to 9999.", true);
        return;
      }
      var progress = Progress.load(key);
      progress.settings.newPerDay = value;
      Progress.save(key, progress);
      say("New cards a day: " + value + ".");
      show();
    });
    document.addEventListener("keydown", function (event) {
      if (!box.isConnected || typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      var revealed = current && !back.hidden;
      if ((event.key === " " || event.key === "Enter") && current) {
        if (event.key === "Enter" && event.target.closest && event.target.closest("a, summary")) return;
        event.preventDefault();
        if (revealed) gradeCard(3);
        else showAnswer();
      } else if (/^[1-4]$/.test(event.key) && revealed) {
        event.preventDefault();
        gradeCard(Number(event.key));
      } else if (event.key === "u" || event.key === "U") {
        event.preventDefault();
        undoGrade();
      }
    });

    find(".cd-study__export").addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(Progress.load(key), null, 2)], { type: "application/json" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "cramdown-progress.json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      say("Progress exported as cramdown-progress.json.");
    });
    find(".cd-study__import").addEventListener("change", function (event) {
      var file = event.target.files && event.target.files[0];
      if (!file) return;
      file.text().then(function (content) {
        var read = Progress.readProgress(content);
        if (!read.ok) {
          say("Nothing was changed. " + read.error, true);
          return;
        }
        Progress.save(key, read.progress);
        say("Progress imported: " + Object.keys(read.progress.cards).length + " cards.");
        perDay.value = String(read.progress.settings.newPerDay);
        show();
      });
      event.target.value = "";
    });
    show();
  }

  function init() {
    var box = document.querySelector(".cd-study:not([data-ready])");
    if (!box) return;
    box.setAttribute("data-ready", "");
    setUp(box);
  }

  function start() {
    if (typeof document === "undefined") return;
    function ready() {
      init();
      if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
    else ready();
  }

  return { scheduler: scheduler, grade: grade, preview: preview, interval: interval, newOrder: newOrder,
           nextCard: nextCard, toCard: toCard, fromCard: fromCard, start: start };
});
