// The calculator formulas against the shared case table, with Node's own test
// runner. CRAMDOWN_LIMITS names a JSON file of the limits, written from
// hooks/exams/aws-developer-associate/limits.yml by tests/unit/test_formulas_node.py.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const formulas = require(path.join(__dirname, "..", "..", "docs", "assets", "cramdown-formulas.js"));
const limits = JSON.parse(fs.readFileSync(process.env.CRAMDOWN_LIMITS, "utf8"));
const table = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "calculator-cases.json"), "utf8"));

for (const item of table.cases) {
  test(`${item.calc}: ${item.note}`, () => {
    const outcome = formulas[item.calc](item.input, limits);
    if (item.errors) {
      assert.equal(outcome.ok, false, "expected an error");
      assert.deepEqual(Object.keys(outcome.errors).sort(), [...item.errors].sort());
      for (const message of Object.values(outcome.errors)) {
        assert.match(message, /\S/);
        assert.doesNotMatch(message, /NaN|Infinity|undefined/);
      }
      return;
    }
    assert.equal(outcome.ok, true, JSON.stringify(outcome.errors));
    assert.equal(outcome.answer, item.answer);
    for (const [key, value] of Object.entries(item.result || {})) {
      assert.deepEqual(outcome.result[key], value, key);
    }
    if (item.fits) {
      const fitting = outcome.result.targets.filter((t) => t.fits).map((t) => t.id);
      assert.deepEqual(fitting, item.fits);
    }
    if (item.reserved) {
      assert.deepEqual(outcome.result.reserved.map((r) => r.address), item.reserved);
    }
    const text = [outcome.answer, outcome.working, outcome.summary, ...outcome.steps].join(" ");
    assert.doesNotMatch(text, /NaN|Infinity|undefined/);
  });
}

test("the DynamoDB working reads the way the exam expects it", () => {
  const outcome = formulas.dynamodb({ operation: "write", mode: "standard", size: "4.5", rate: "6", per: "second" }, limits);
  assert.equal(outcome.working, "4.5 KB → rounded up to 5 KB → 5 WCU per write × 6 writes/s = 30 WCU");
});

test("numbers are written as en-US Intl writes them, with at most two decimals", () => {
  // Hand-checked: grouping, trailing zeros dropped, half away from zero on the
  // shortest decimal form (as V8's Intl rounds), tiny and negative numbers.
  const cases = [[0, "0"], [0.5, "0.5"], [10240, "10,240"], [1234.567, "1,234.57"], [1.005, "1.01"],
    [2.675, "2.68"], [9.995, "10"], [999999.999, "1,000,000"], [0.0049, "0"], [0.005, "0.01"],
    [-1234.5, "-1,234.5"], [-0.001, "-0"], [1e15, "1,000,000,000,000,000"], [1 / 3, "0.33"]];
  for (const [value, text] of cases) assert.equal(formulas.formatNumber(value), text, String(value));
  // And the same as the platform's Intl on a deterministic sweep of magnitudes.
  const intl = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
  let seed = 1;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let i = 0; i < 20000; i += 1) {
    const value = (next() * 2 - 1) * Math.pow(10, Math.floor(next() * 22) - 5);
    assert.equal(formulas.formatNumber(value), intl.format(value), String(value));
  }
});
