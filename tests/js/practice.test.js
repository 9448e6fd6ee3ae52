// The practice test's pure part in Node's own test runner: which questions a
// quick test and a mock exam take, the score and its breakdowns, the history
// read from storage, and bringing a missed service's cards forward.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const practice = require(path.join(__dirname, "..", "..", "docs", "assets", "cramdown-practice.js"));

function seeded(seed) {
  // A small repeatable random source (mulberry32), so each run picks alike.
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function questions(perService, domainOf) {
  const found = [];
  Object.keys(perService).forEach(function (service) {
    for (let i = 0; i < perService[service]; i += 1) {
      found.push({ id: service + i, service: service, serviceTitle: service.toUpperCase(),
                   domain: domainOf ? domainOf(service) : "", options: ["right", "w1", "w2", "w3"] });
    }
  });
  return found;
}

test("a quick test takes distinct questions, one service after another", function () {
  const pool = questions({ sqs: 30, sns: 2, lambda: 5 });
  const picked = practice.pick(pool, 10, seeded(1));
  assert.equal(picked.length, 10);
  assert.equal(new Set(picked.map(function (q) { return q.id; })).size, 10);
  const services = new Set(picked.map(function (q) { return q.service; }));
  assert.deepEqual([...services].sort(), ["lambda", "sns", "sqs"]);
  // Services take turns: the first three are one of each, and both of SNS's come in.
  assert.equal(new Set(picked.slice(0, 3).map(function (q) { return q.service; })).size, 3);
  assert.equal(picked.filter(function (q) { return q.service === "sns"; }).length, 2);
});

test("a quick test of more questions than there are takes them all once", function () {
  const pool = questions({ sqs: 3 });
  assert.equal(practice.pick(pool, 10, seeded(2)).length, 3);
});

test("a mock exam takes each domain's share, then fills from any", function () {
  const domainOf = function (s) { return s === "iam" ? "security" : "development"; };
  const pool = questions({ sqs: 40, lambda: 40, iam: 5 }, domainOf);
  const picked = practice.mockPick(pool, 20, { development: 12, security: 8 }, seeded(3));
  assert.equal(picked.length, 20);
  assert.equal(new Set(picked.map(function (q) { return q.id; })).size, 20);
  // Security has only 5 questions: all 5, and development fills the rest.
  assert.equal(picked.filter(function (q) { return q.domain === "security"; }).length, 5);
});

test("the score counts the answers that match the right option and breaks down by service and domain", function () {
  const qs = questions({ sqs: 2, iam: 1 }, function (s) { return s === "iam" ? "security" : "development"; });
  const result = practice.score([
    { question: qs[0], chosen: "right" }, { question: qs[1], chosen: "w2" }, { question: qs[2], chosen: null }]);
  assert.equal(result.right, 1);
  assert.equal(result.of, 3);
  assert.deepEqual(result.services, { SQS: { right: 1, of: 2 }, IAM: { right: 0, of: 1 } });
  assert.deepEqual(result.domains, { development: { right: 1, of: 2 }, security: { right: 0, of: 1 } });
  assert.equal(result.wrong.length, 2);
});

test("history from storage keeps well-formed attempts and drops the rest", function () {
  const good = { when: 1, mode: "quick", right: 7, of: 10, seconds: 95 };
  const text = JSON.stringify({ format: "cramdown-practice", version: 1,
                                attempts: [good, { when: "x" }, null, { ...good, right: 1.5 }] });
  assert.deepEqual(practice.readHistory(text), [good]);
  assert.deepEqual(practice.readHistory("not json"), []);
  assert.deepEqual(practice.readHistory(JSON.stringify({ format: "other", attempts: [good] })), []);
});

test("a missed service's studied cards fall due now and its new cards go first", function () {
  const now = Date.UTC(2026, 0, 5);
  const progress = { cards: { a: { due: now + 86400000 }, b: { due: now - 1000 } }, focus: {} };
  assert.equal(practice.bringForward(progress, ["a", "b", "c"], now), 3);
  assert.equal(progress.cards.a.due, now);
  assert.equal(progress.cards.b.due, now - 1000);  // already due: unchanged
  assert.deepEqual(progress.focus, { c: true });
});

test("shuffling keeps every option once", function () {
  const options = ["a", "b", "c", "d"];
  const shuffled = practice.shuffle(options, seeded(4));
  assert.deepEqual([...shuffled].sort(), options);
  assert.deepEqual(options, ["a", "b", "c", "d"]);  // the original is left alone
});

test("a test asks each fact once, however many questions ask it", function () {
  const pool = questions({ sqs: 6 });
  pool.forEach(function (q, i) { q.fact = i < 4 ? "term:dlq" : "term:fifo-" + i; });
  const picked = practice.pick(pool, 10, seeded(5));
  assert.deepEqual(picked.map(function (q) { return q.fact; }).sort(), ["term:dlq", "term:fifo-4", "term:fifo-5"]);
});
