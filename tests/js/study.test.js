// SM-2 scheduling and progress files, with Node's own test runner.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const study = require(path.join(__dirname, "..", "..", "docs", "assets", "cramdown-study.js"));
const DAY = study.DAY;

function run(grades) {
  let state;
  const intervals = [];
  const efs = [];
  for (const grade of grades) {
    state = study.schedule(state, grade, 0);
    intervals.push(state.interval);
    efs.push(state.ef);
  }
  return { intervals, efs, state };
}

test("SM-2: first two intervals are 1 and 6 days, then times EF (Good keeps EF at 2.5)", () => {
  const { intervals, efs } = run([3, 3, 3, 3]);
  assert.deepEqual(intervals, [1, 6, 15, 38]); // 6 x 2.5 = 15, 15 x 2.5 = 37.5 -> 38
  assert.deepEqual(efs, [2.5, 2.5, 2.5, 2.5]);
});

test("SM-2: Easy (q=5) raises EF by 0.1 each time, used from the next interval on", () => {
  const { intervals, efs } = run([4, 4, 4, 4]);
  assert.deepEqual(efs, [2.6, 2.7, 2.8, 2.9]);
  assert.deepEqual(intervals, [1, 6, 16, 45]); // 6 x 2.7 = 16.2 -> 16, 16 x 2.8 = 44.8 -> 45
});

test("SM-2: Hard (q=3) lowers EF by 0.14; Again (q=1) restarts at 1 day and lowers EF by 0.54", () => {
  assert.equal(study.schedule(undefined, 2, 0).ef, 2.36);
  const { intervals, efs } = run([3, 3, 1]);
  assert.deepEqual(intervals, [1, 6, 1]);
  assert.equal(efs[2], 1.96);
});

test("SM-2: EF never goes below 1.3", () => {
  assert.equal(run([1, 1, 1, 1, 1]).state.ef, 1.3);
});

test("due date is the interval after the review", () => {
  assert.equal(study.schedule(undefined, 3, 1000).due, 1000 + DAY);
});

test("progress files: garbage, foreign JSON, other versions and broken cards are refused", () => {
  assert.equal(study.readProgress("not json {").ok, false);
  assert.match(study.readProgress('{"hello": 1}').error, /not a Cramdown progress file/);
  assert.match(study.readProgress('{"format": "cramdown-progress", "version": 9, "cards": {}, "pages": {}}').error,
    /version 9/);
  const broken = { format: "cramdown-progress", version: 1, cards: { a: { reps: "x" } }, pages: {} };
  assert.match(study.readProgress(JSON.stringify(broken)).error, /broken data/);
  const good = { format: "cramdown-progress", version: 1, pages: { "services/sqs.md": true },
    cards: { a: { reps: 1, ef: 2.5, interval: 1, due: 5 } } };
  assert.deepEqual(study.readProgress(JSON.stringify(good)).progress.cards.a.due, 5);
});

test("counts and queue: due cards first, most overdue first, then new ones", () => {
  const cards = [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }];
  const progress = study.emptyProgress();
  progress.cards.a = { reps: 1, ef: 2.5, interval: 1, due: 50 };
  progress.cards.b = { reps: 1, ef: 2.5, interval: 1, due: 10 };
  progress.cards.c = { reps: 1, ef: 2.5, interval: 6, due: 500 };
  assert.deepEqual(study.counts(cards, progress, 100), { due: 2, new: 1, learned: 1 });
  assert.deepEqual(study.queue(cards, progress, 100).map((c) => c.id), ["b", "a", "d"]);
});
