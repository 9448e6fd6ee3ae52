// The study engine in Node's own test runner: FSRS through the vendored
// ts-fsrs with Cramdown's settings, the order of cards, and progress files
// (version 2, and version 1 carried over).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const assets = path.join(__dirname, "..", "..", "docs", "assets");
const study = require(path.join(assets, "cramdown-study.js"));
const progressApi = require(path.join(assets, "cramdown-progress.js"));
const FSRS = require(path.join(assets, "vendor", "ts-fsrs", "ts-fsrs.umd.js"));

const MIN = 60 * 1000;
const DAY = 24 * 60 * MIN;
const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);  // a fixed clock

function run(grades, start = NOW) {
  // Grade a new card with each grade in turn, each review when it is due.
  const fsrs = study.scheduler();
  let state;
  let now = start;
  const waits = [];
  for (const grade of grades) {
    state = study.grade(fsrs, state, grade, now);
    waits.push(state.due - now);
    now = state.due;
  }
  return { state, waits };
}

// ts-fsrs documents learning steps ["1m", "10m"] and relearning ["10m"]
// (README, "Custom parameters"): a new card's Again is the first step,
// Good the second, and Easy graduates at once.
test("a new card: Again 1 min, Hard 6 min, Good 10 min, Easy graduates to days", () => {
  const waits = study.preview(study.scheduler(), undefined, NOW);
  assert.equal(waits[1], 1 * MIN);
  assert.equal(waits[2], 6 * MIN);  // Hard on the first step: the mean of 1 and 10 minutes
  assert.equal(waits[3], 10 * MIN);
  assert.ok(waits[4] >= DAY);
  assert.equal(new Set(Object.values(waits)).size, 4);  // every grade shows a different interval
});

test("Good through the learning steps graduates the card; its intervals then grow", () => {
  const { state, waits } = run([3, 3, 3, 3]);
  assert.deepEqual(waits.slice(0, 1), [10 * MIN]);
  assert.ok(waits[1] >= DAY, "the second Good graduates to at least a day");
  assert.ok(waits[2] > waits[1] && waits[3] > waits[2], "each Good waits longer");
  assert.equal(state.state, FSRS.State.Review);
});

test("Again on a review card relearns it in 10 minutes and counts a lapse", () => {
  const { state, waits } = run([3, 3, 3, 1]);
  assert.equal(waits[3], 10 * MIN);
  assert.equal(state.state, FSRS.State.Relearning);
  assert.equal(state.lapses, 1);
});

test("Hard, Good and Easy give different intervals for a review card", () => {
  const { state } = run([3, 3]);
  const waits = study.preview(study.scheduler(), state, state.due);
  assert.ok(waits[2] < waits[3] && waits[3] < waits[4], JSON.stringify(waits));
});

test("stored state goes to the library's card and back unchanged", () => {
  const { state } = run([3, 3, 4]);
  assert.deepEqual(study.fromCard(study.toCard(state, NOW)), state);
});

test("intervals read as Anki writes them", () => {
  assert.deepEqual([MIN, 10 * MIN, 3 * 60 * MIN, DAY, 8 * DAY, 62 * DAY, 400 * DAY].map(study.interval),
    ["1 min", "10 min", "3 h", "1 day", "8 days", "2 mo", "1.1 yr"]);
});

const deck = [
  { id: "s1", service: "sqs" }, { id: "s2", service: "sqs" }, { id: "s3", service: "sqs" },
  { id: "d1", service: "dynamodb" }, { id: "d2", service: "dynamodb" }, { id: "l1", service: "lambda" },
];

test("new cards interleave services, in an order fixed for the day", () => {
  const order = study.newOrder(deck, "2026-01-05").map((c) => c.service);
  for (let i = 1; i < 3; i += 1) assert.notEqual(order[i], order[i - 1]);  // the first round: three services
  assert.deepEqual(study.newOrder(deck, "2026-01-05"), study.newOrder(deck.slice().reverse(), "2026-01-05"));
  const days = new Set(["01", "02", "03", "04", "05", "06"].map((d) => study.newOrder(deck, `2026-01-${d}`)
    .map((c) => c.id).join()));
  assert.ok(days.size > 1, "the order changes from day to day");
});

test("a card graded Again comes back in the same session, before new cards, once it is due", () => {
  const fsrs = study.scheduler();
  const progress = progressApi.emptyProgress();
  const first = study.nextCard(deck, progress, NOW);
  progress.cards[first.id] = study.grade(fsrs, undefined, 1, NOW);
  assert.notEqual(study.nextCard(deck, progress, NOW + 30 * 1000).id, first.id);  // not due yet: a new card
  assert.equal(study.nextCard(deck, progress, NOW + MIN).id, first.id);  // due: first
});

test("the daily limit on new cards holds, and learning cards come early when nothing else is due", () => {
  const fsrs = study.scheduler();
  const progress = progressApi.emptyProgress();
  progress.settings.newPerDay = 1;
  const first = study.nextCard(deck, progress, NOW);
  progress.cards[first.id] = study.grade(fsrs, undefined, 3, NOW);  // Good: back in 10 minutes
  progress.today = { date: progressApi.today(NOW), newSeen: 1 };
  assert.equal(study.nextCard(deck, progress, NOW).id, first.id);  // no new card left today: learn ahead
  progress.cards[first.id].due = NOW + 30 * MIN;
  assert.equal(study.nextCard(deck, progress, NOW), null);  // beyond 20 minutes: nothing now
});

test("suspended and flagged cards leave the review", () => {
  const progress = progressApi.emptyProgress();
  for (const card of deck) progress.suspended[card.id] = true;
  progress.flagged.s1 = true;
  delete progress.suspended.s1;
  assert.equal(study.nextCard(deck, progress, NOW), null);
});

test("a saved version 1 file carries over: every card keeps its due date and reviews, every page its tick", () => {
  const text = fs.readFileSync(path.join(__dirname, "..", "fixtures", "progress-v1.json"), "utf8");
  const old = JSON.parse(text);
  const read = progressApi.readProgress(text);
  assert.equal(read.ok, true);
  const carried = read.progress;
  assert.equal(carried.version, 2);
  assert.deepEqual(Object.keys(carried.cards).sort(), Object.keys(old.cards).sort());
  assert.deepEqual(carried.pages, old.pages);
  for (const [id, card] of Object.entries(old.cards)) {
    assert.equal(carried.cards[id].due, card.due);
    assert.equal(carried.cards[id].state, FSRS.State.Review);
    assert.ok(carried.cards[id].reps >= card.reps);
  }
  // A carried card schedules like any other, and the lapsed one is harder.
  const fsrs = study.scheduler();
  const due = carried.cards.a1b2c3d4e5f6.due;
  assert.ok(study.preview(fsrs, carried.cards.a1b2c3d4e5f6, due)[3] >= DAY);
  assert.ok(carried.cards["111122223333"].difficulty > carried.cards.a1b2c3d4e5f6.difficulty);
  assert.equal(carried.cards["111122223333"].lapses, 1);
  // And it is counted as it was: nothing new, everything learned or due.
  const counts = progressApi.counts(Object.keys(old.cards), carried, Date.UTC(2026, 10, 20, 9));
  assert.equal(counts.unseen, 0);
});

test("progress files: garbage, foreign JSON, other versions and broken cards are refused", () => {
  assert.equal(progressApi.readProgress("not json {").ok, false);
  assert.match(progressApi.readProgress('{"hello": 1}').error, /not a Cramdown progress file/);
  assert.match(progressApi.readProgress('{"format": "cramdown-progress", "version": 9, "cards": {}, "pages": {}}')
    .error, /version 9/);
  const broken = { format: "cramdown-progress", version: 2, cards: { a: { due: "x" } }, pages: {} };
  assert.match(progressApi.readProgress(JSON.stringify(broken)).error, /broken data/);
});

test("a version 2 file round-trips with its settings, set-aside cards and daily count", () => {
  const progress = progressApi.emptyProgress();
  progress.cards.a = run([3]).state;
  progress.flagged.b = true;
  progress.suspended.c = true;
  progress.settings.newPerDay = 7;
  progress.today = { date: "2026-01-05", newSeen: 3 };
  progress.pages["services/sqs.md"] = true;
  assert.deepEqual(progressApi.readProgress(JSON.stringify(progress)).progress, progress);
});

test("the home page's counts: due now, new left today, learned", () => {
  const progress = progressApi.emptyProgress();
  progress.cards.s1 = Object.assign(run([3]).state, { due: NOW - 1 });
  progress.cards.s2 = Object.assign(run([3]).state, { due: NOW + DAY });
  progress.settings.newPerDay = 2;
  progress.today = { date: progressApi.today(NOW), newSeen: 1 };
  const counts = progressApi.counts(deck.map((c) => c.id), progress, NOW);
  assert.deepEqual(counts, { due: 1, new: 1, learned: 1, unseen: 4 });
});
