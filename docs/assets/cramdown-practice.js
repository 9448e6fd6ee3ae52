/* Cramdown practice test: multiple-choice questions made at build time
 * (hooks/practice_questions.py), run as a quick test (answer after each
 * question) or a timed mock exam (results at the end, weighted by the exam
 * guide's domains).
 *
 * Keys: 1-4 or a-d choose an option, Enter checks it, Enter again goes on.
 * A wrong answer brings its service's study cards forward: cards already
 * studied become due now, and new ones come first among the new cards.
 * Attempts are kept in localStorage under "<progress key>:practice".
 *
 * The pure part (pick, mockPick, score, shuffle) loads in Node too.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    var started = root.CramdownPractice;
    root.CramdownPractice = api;
    if (!started) api.start();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var HISTORY_FORMAT = "cramdown-practice";
  var HISTORY_KEEP = 50;
  var LETTERS = "abcd";

  /* ---- pure ------------------------------------------------------------- */

  /* A copy of ``items`` in random order (``random`` returns [0, 1)). */
  function shuffle(items, random) {
    var copy = items.slice();
    for (var i = copy.length - 1; i > 0; i -= 1) {
      var j = Math.floor(random() * (i + 1));
      var swap = copy[i];
      copy[i] = copy[j];
      copy[j] = swap;
    }
    return copy;
  }

  /* ``count`` questions, one service after another in turn, so a quick test
   * is not ten glossary questions about one service; each fact once (a
   * glossary question's explanation would answer a notes question on the
   * same term). ``taken``: facts already asked, added to. */
  function pick(questions, count, random, taken) {
    var asked = taken || {};
    var byService = {};
    shuffle(questions, random).forEach(function (q) {
      (byService[q.service] = byService[q.service] || []).push(q);
    });
    var services = shuffle(Object.keys(byService), random);
    var chosen = [];
    var longest = Math.max.apply(null, services.map(function (s) { return byService[s].length; }).concat([0]));
    for (var round = 0; round < longest && chosen.length < count; round += 1) {
      services.forEach(function (s) {
        var q = byService[s][round];
        if (!q || chosen.length >= count || (q.fact && asked[q.fact])) return;
        if (q.fact) asked[q.fact] = true;
        chosen.push(q);
      });
    }
    return chosen;
  }

  /* A mock exam: ``weights[domain]`` questions from each domain, the rest
   * (a domain with too few questions, or an exam with no domains) from any. */
  function mockPick(questions, count, weights, random) {
    var chosen = [];
    var taken = {};
    var facts = {};
    var pools = {};
    Object.keys(weights).forEach(function (domain) {
      pools[domain] = questions.filter(function (q) { return q.domain === domain; });
    });
    /* The domain with the fewest questions chooses first, so a fact two
     * domains share counts where it is scarce. */
    Object.keys(weights).sort(function (a, b) { return pools[a].length - pools[b].length; }).forEach(function (domain) {
      pick(pools[domain], weights[domain], random, facts).forEach(function (q) { chosen.push(q); taken[q.id] = true; });
    });
    var rest = questions.filter(function (q) { return !taken[q.id]; });
    pick(rest, count - chosen.length, random, facts).forEach(function (q) { chosen.push(q); });
    return shuffle(chosen, random);
  }

  /* The score of ``answers`` ({question, chosen}): right, of, and the
   * breakdowns by service and by domain. */
  function score(answers) {
    var result = { right: 0, of: answers.length, services: {}, domains: {}, wrong: [] };
    answers.forEach(function (a) {
      var ok = a.chosen === a.question.options[0];
      if (ok) result.right += 1;
      else result.wrong.push(a);
      [["services", a.question.serviceTitle], ["domains", a.question.domain]].forEach(function (pair) {
        if (!pair[1]) return;
        var row = result[pair[0]][pair[1]] = result[pair[0]][pair[1]] || { right: 0, of: 0 };
        row.of += 1;
        if (ok) row.right += 1;
      });
    });
    return result;
  }

  /* Past attempts from untrusted JSON text (newest first), or []. */
  function readHistory(text) {
    try {
      var data = JSON.parse(text);
      if (!data || data.format !== HISTORY_FORMAT || !Array.isArray(data.attempts)) return [];
      return data.attempts.filter(function (a) {
        return a && typeof a.when === "number" && typeof a.mode === "string" &&
          Number.isInteger(a.right) && Number.isInteger(a.of) && typeof a.seconds === "number";
      }).slice(0, HISTORY_KEEP);
    } catch (error) {
      return [];
    }
  }

  /* Bring ``cardIds`` forward in ``progress``: studied cards due at ``now``,
   * new ones first in line. Returns how many it touched. */
  function bringForward(progress, cardIds, now) {
    progress.focus = progress.focus || {};
    cardIds.forEach(function (id) {
      var state = progress.cards[id];
      if (state) state.due = Math.min(state.due, now);
      else progress.focus[id] = true;
    });
    return cardIds.length;
  }

  /* ---- browser ---------------------------------------------------------- */

  function minutes(seconds) {
    var m = Math.floor(seconds / 60);
    var s = Math.floor(seconds % 60);
    return m + ":" + String(s).padStart(2, "0");
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) &&
      !(target.tagName === "INPUT" && target.type === "radio"));
  }

  function setUp(box) {
    var dataNode = document.getElementById("cd-questions");
    if (!dataNode) return;
    var data = JSON.parse(dataNode.getAttribute("data-json"));
    var setup = data.setup;
    var questions = data.questions;
    var historyKey = setup.store + ":practice";
    var find = function (selector) { return box.querySelector(selector); };
    var form = find(".cd-practice__question");
    var optionsBox = find(".cd-practice__options");
    var feedback = find(".cd-practice__feedback");
    var check = find(".cd-practice__check");
    var next = find(".cd-practice__next");
    var finish = find(".cd-practice__finish");
    var timer = find(".cd-practice__timer");
    var runBox = find(".cd-practice__run");
    var confirmBox = find(".cd-practice__confirm");
    var run = null;  /* {mode, items, index, answers, started, deadline, checked} */
    var tick = null;

    function loadHistory() {
      try {
        return readHistory(window.localStorage.getItem(historyKey) || "");
      } catch (error) {
        return [];
      }
    }

    function saveHistory(attempts) {
      try {
        window.localStorage.setItem(historyKey, JSON.stringify({ format: HISTORY_FORMAT, version: 1,
                                                                 attempts: attempts.slice(0, HISTORY_KEEP) }));
      } catch (error) { /* storage full or blocked: this attempt is not kept */ }
    }

    function showHistory() {
      var attempts = loadHistory();
      var table = find(".cd-practice__history");  /* the table's wrapper */
      var body = table.querySelector("tbody");
      body.textContent = "";
      attempts.forEach(function (a) {
        var row = document.createElement("tr");
        [new Date(a.when).toLocaleString(), a.mode === "mock" ? "Mock exam" : "Quick test",
         a.right + " of " + a.of + " (" + Math.round(100 * a.right / Math.max(a.of, 1)) + "%)",
         minutes(a.seconds)].forEach(function (value) {
          var cell = document.createElement("td");
          cell.textContent = value;
          row.appendChild(cell);
        });
        body.appendChild(row);
      });
      table.hidden = attempts.length === 0;
      find(".cd-practice__no-history").hidden = attempts.length > 0;
    }

    function begin(mode) {
      var random = Math.random;
      var items = mode === "mock" ? mockPick(questions, setup.mock, setup.weights, random)
                                  : pick(questions, setup.quick, random);
      run = { mode: mode, items: items.map(function (q) { return { question: q, options: shuffle(q.options, random) }; }),
              index: 0, answers: [], started: Date.now(), checked: false,
              deadline: mode === "mock" ? Date.now() + setup.minutes * 60000 : 0 };
      find(".cd-practice__start").hidden = true;
      find(".cd-practice__results").hidden = true;
      find(".cd-practice__run").hidden = false;
      timer.hidden = mode !== "mock";
      if (tick) window.clearInterval(tick);
      if (mode === "mock") {
        tick = window.setInterval(updateTimer, 1000);
        updateTimer();
      }
      show();
    }

    function updateTimer() {
      if (!box.isConnected) {
        /* Instant navigation took the page away: the exam ends unsaved. */
        window.clearInterval(tick);
        tick = null;
        run = null;
        return;
      }
      if (!run || !run.deadline) return;
      var left = Math.max(0, (run.deadline - Date.now()) / 1000);
      timer.textContent = minutes(left) + " left";
      if (left <= 0) end();
    }

    function show() {
      var item = run.items[run.index];
      run.checked = false;
      find(".cd-practice__progress").textContent = "Question " + (run.index + 1) + " of " + run.items.length;
      find(".cd-practice__stem").textContent = item.question.stem;
      optionsBox.textContent = "";
      item.options.forEach(function (option, i) {
        var label = document.createElement("label");
        label.className = "cd-practice__option";
        var input = document.createElement("input");
        input.type = "radio";
        input.name = "cd-practice-option";
        input.value = option;
        var key = document.createElement("kbd");
        key.textContent = LETTERS[i].toUpperCase();
        key.setAttribute("aria-hidden", "true");
        var words = document.createElement("span");
        words.textContent = option;
        label.append(input, " ", key, " ", words);
        optionsBox.appendChild(label);
      });
      feedback.textContent = "";
      feedback.className = "cd-practice__feedback";
      check.hidden = false;
      label(check, run.mode === "mock" ? (run.index + 1 < run.items.length ? "Next" : "Finish") : "Check");
      next.hidden = true;
      finish.hidden = run.mode !== "mock";
      confirmBox.hidden = true;
      var first = optionsBox.querySelector("input");
      if (first) first.focus({ preventScroll: true });
      runBox.scrollIntoView({ block: "nearest" });
    }

    /* A button's words and its key: "Check Enter". */
    function label(button, words) {
      var key = document.createElement("kbd");
      key.textContent = "Enter";
      button.textContent = words + " ";
      button.appendChild(key);
    }

    function chosen() {
      var input = optionsBox.querySelector("input:checked");
      return input ? input.value : null;
    }

    function choose(index) {
      var inputs = optionsBox.querySelectorAll("input");
      if (run.checked || !inputs[index]) return;
      inputs[index].checked = true;
      inputs[index].focus({ preventScroll: true });
    }

    function checkAnswer() {
      if (!run || run.checked) return;
      var answer = chosen();
      if (answer === null) {
        feedback.textContent = "Choose an answer first: 1 to 4, A to D, or tap one.";
        return;
      }
      var item = run.items[run.index];
      run.answers.push({ question: item.question, chosen: answer });
      run.checked = true;
      optionsBox.querySelectorAll("input").forEach(function (input) { input.disabled = true; });
      if (run.mode === "mock") {
        goOn();
        return;
      }
      var right = item.question.options[0];
      optionsBox.querySelectorAll("label").forEach(function (label) {
        var value = label.querySelector("input").value;
        var mark = document.createElement("span");
        mark.className = "cd-practice__mark";
        if (value === right) {
          label.classList.add("cd-practice__option--right");
          mark.textContent = "✓ right answer";
        } else if (value === answer) {
          label.classList.add("cd-practice__option--wrong");
          mark.textContent = "✗ your answer";
        }
        if (mark.textContent) label.appendChild(mark);
      });
      feedback.textContent = "";
      feedback.className = "cd-practice__feedback " + (answer === right ? "cd-practice__feedback--right" : "cd-practice__feedback--wrong");
      var verdict = document.createElement("strong");
      verdict.textContent = answer === right ? "Right." : "Not quite: the answer is “" + right + "”.";
      var why = document.createElement("span");
      why.textContent = " " + item.question.explanation + " ";
      feedback.append(verdict, why);
      if (item.question.url) {
        var link = document.createElement("a");
        link.href = item.question.url;
        link.textContent = "From " + item.question.where;
        feedback.appendChild(link);
      }
      check.hidden = true;
      next.hidden = false;
      label(next, run.index + 1 < run.items.length ? "Next" : "See results");
      next.focus({ preventScroll: true });
    }

    function goOn() {
      if (run.index + 1 < run.items.length) {
        run.index += 1;
        show();
      } else {
        end();
      }
    }

    function end() {
      if (!run) return;
      if (tick) window.clearInterval(tick);
      tick = null;
      var finished = run;
      run = null;
      /* An answer chosen but not yet sent when time runs out still counts. */
      var pending = finished.checked ? null : chosen();
      if (pending !== null) {
        finished.answers.push({ question: finished.items[finished.index].question, chosen: pending });
      }
      /* Unanswered questions of a mock exam count as wrong, as on the exam. */
      var answered = {};
      finished.answers.forEach(function (a) { answered[a.question.id] = true; });
      finished.items.forEach(function (item) {
        if (!answered[item.question.id]) finished.answers.push({ question: item.question, chosen: null });
      });
      var result = score(finished.answers);
      var seconds = Math.round((Date.now() - finished.started) / 1000);
      var attempts = loadHistory();
      attempts.unshift({ when: Date.now(), mode: finished.mode, right: result.right, of: result.of, seconds: seconds });
      saveHistory(attempts);
      showResults(result);
      showHistory();
    }

    function fillTable(selector, rows, titles) {
      var body = find(selector + " tbody");
      body.textContent = "";
      Object.keys(rows).sort(function (a, b) {
        return rows[a].right / rows[a].of - rows[b].right / rows[b].of || a.localeCompare(b);
      }).forEach(function (name) {
        var row = document.createElement("tr");
        [titles ? titles[name] || name : name, rows[name].right, rows[name].of].forEach(function (value) {
          var cell = document.createElement("td");
          cell.textContent = value;
          row.appendChild(cell);
        });
        body.appendChild(row);
      });
    }

    function showResults(result) {
      find(".cd-practice__run").hidden = true;
      var results = find(".cd-practice__results");
      results.hidden = false;
      find(".cd-practice__start").hidden = false;
      find(".cd-practice__score").textContent = "Score: " + result.right + " of " + result.of + " (" +
        Math.round(100 * result.right / Math.max(result.of, 1)) + "%)";
      fillTable(".cd-practice__by-service", result.services);
      var domainTitles = {};
      setup.domains.forEach(function (d) { domainTitles[d.id] = d.title; });
      fillTable(".cd-practice__by-domain", result.domains, domainTitles);
      find(".cd-practice__domain-block").hidden = Object.keys(result.domains).length === 0;
      var list = find(".cd-practice__wrong");
      list.textContent = "";
      result.wrong.forEach(function (a) {
        var item = document.createElement("li");
        var stem = document.createElement("p");
        stem.textContent = a.question.stem;
        var answers = document.createElement("p");
        answers.textContent = (a.chosen === null ? "Not answered" : "You chose “" + a.chosen + "”") +
          "; the answer is “" + a.question.options[0] + "”. ";
        if (a.question.url) {
          var link = document.createElement("a");
          link.href = a.question.url;
          link.textContent = "From " + a.question.where;
          answers.appendChild(link);
        }
        item.append(stem, answers);
        list.appendChild(item);
      });
      if (!result.wrong.length) list.textContent = "None. Well done.";
      var services = {};
      /* Only answers given and wrong: a question left unanswered says nothing. */
      result.wrong.forEach(function (a) {
        if (a.chosen !== null && a.question.service) services[a.question.service] = true;
      });
      var ids = [];
      Object.keys(services).forEach(function (s) { ids = ids.concat(setup.cards[s] || []); });
      var due = find(".cd-practice__due");
      /* Looked up now, not when this script ran: instant navigation runs a
       * page's scripts in any order, so the progress script may come after. */
      var Progress = window.CramdownProgress;
      if (ids.length && Progress) {
        var progress = Progress.load(setup.store);
        bringForward(progress, ids, Date.now());
        Progress.save(setup.store, progress);
        due.textContent = ids.length + " study card" + (ids.length === 1 ? "" : "s") + " of the services you missed " +
          (ids.length === 1 ? "is" : "are") + " now first in line on the Study cards page.";
      } else {
        due.textContent = "";
      }
      results.focus({ preventScroll: true });
      results.scrollIntoView({ block: "start" });
    }

    box.querySelector(".cd-practice__quick").addEventListener("click", function () { begin("quick"); });
    box.querySelector(".cd-practice__mock").addEventListener("click", function () { begin("mock"); });
    box.querySelector(".cd-practice__again").addEventListener("click", function () {
      find(".cd-practice__results").hidden = true;
      box.querySelector(".cd-practice__quick").focus();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      checkAnswer();
    });
    next.addEventListener("click", goOn);
    /* Finishing a mock exam early asks first: unanswered questions count as wrong. */
    finish.addEventListener("click", function () {
      if (!run) return;
      var left = run.items.length - run.answers.length;
      find(".cd-practice__confirm-text").textContent = "Finish now? The " + left + " question" +
        (left === 1 ? "" : "s") + " not answered yet count as wrong.";
      confirmBox.hidden = false;
      find(".cd-practice__finish-yes").focus();
    });
    find(".cd-practice__finish-yes").addEventListener("click", end);
    find(".cd-practice__finish-no").addEventListener("click", function () {
      confirmBox.hidden = true;
      var input = optionsBox.querySelector("input:checked") || optionsBox.querySelector("input");
      if (input) input.focus();
    });
    document.addEventListener("keydown", function (event) {
      if (!run || !box.isConnected || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typing(event.target) || event.target.closest && event.target.closest("a")) return;
      var key = event.key.toLowerCase();
      var index = "1234".indexOf(key) >= 0 && key.length === 1 ? "1234".indexOf(key) : LETTERS.indexOf(key);
      if (key.length === 1 && index >= 0) {
        event.preventDefault();
        choose(index);
      } else if (event.key === "Enter") {
        /* Enter answers only from the options or the page itself; a button,
         * a link or the navigation does what it says. */
        var here = event.target === document.body || event.target === document.documentElement ||
          (optionsBox.contains(event.target) && event.target.type === "radio");
        if (!here || !confirmBox.hidden) return;
        event.preventDefault();
        if (run.checked && run.mode === "quick") goOn();
        else checkAnswer();
      }
    });
    showHistory();
    box.setAttribute("data-ready", "true");
  }

  function init() {
    document.querySelectorAll(".cd-practice:not([data-started])").forEach(function (box) {
      box.setAttribute("data-started", "");
      setUp(box);
    });
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

  return { shuffle: shuffle, pick: pick, mockPick: mockPick, score: score, readHistory: readHistory,
           bringForward: bringForward, start: start };
});
