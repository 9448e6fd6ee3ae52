// The calculator formulas against the shared case table, with Node's own test
// runner. CRAMDOWN_LIMITS names a JSON file of the limits, written from
// hooks/data/limits.yml by tests/unit/test_formulas_node.py.
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
