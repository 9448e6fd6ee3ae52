"""calculators: placement beside the notes they belong to, worked examples
checked by the same rule and data as the JavaScript, and the fence."""

from __future__ import annotations

import json

import pytest

from calculators import check_fences, dynamodb_units, find_worked_examples, plan_calculators
from helpers import FIXTURES
from notes_model import NotesError

EXAMPLES = """• DynamoDB
  • Capacity:
    • 10 writes per second, with item size 2 KB
      • = 20 WCU
    • 16 Eventually Consistent Reads per second, with item size 12 KB
      • 1/2 * 16 * 3 = 24 RCU
    • 120 items per minute, with item size 2 KB
      • = 5 WCU
  • Streams are a change log
"""


def test_worked_examples_are_found_and_checked(split_notes, limits):
    split = split_notes(EXAMPLES)
    examples = find_worked_examples([n for s in split.sections["dynamodb"] for n in s.nodes], limits)
    assert [(e.node.first_line.number, e.stated, e.computed, e.wrong) for e in examples] == [
        (3, 20, 20, False), (5, 24, 24, False), (7, 5, 4, True)]
    assert examples[1].values == {"operation": "read", "mode": "eventual", "size": "12", "rate": "16",
                                  "per": "second"}
    assert examples[2].mismatch().startswith("notes/n.txt:8: the notes say 5 WCU, but the DynamoDB rules give 4 WCU")


def test_calculators_go_after_the_notes_they_belong_to(split_notes, calculators, limits):
    split = split_notes(EXAMPLES + "• SQS\n  • queues\n• KMS\n  • keys\n")
    blocks = {sid: [n for s in sections for n in s.nodes] for sid, sections in split.sections.items()}
    plan = plan_calculators(blocks, calculators, limits, {"dynamodb", "sqs", "kms"})
    assert plan.after == {("notes/n.txt", 2): ["dynamodb"]}  # "Capacity:" holds the RCU/WCU lines
    assert plan.at_end == {"sqs": ["payload"], "kms": ["payload"]}  # no notes about payloads: at the end


def test_python_and_javascript_agree_on_every_dynamodb_case(limits):
    """The case table the JavaScript is tested against, each with its answer
    worked out by hand; the Python check reads the same limits.yml."""
    table = json.loads((FIXTURES / "calculator-cases.json").read_text())
    cases = [case for case in table["cases"] if case["calc"] == "dynamodb" and "errors" not in case]
    assert len(cases) >= 10
    for case in cases:
        i = case["input"]
        expected = float(case["answer"].split()[0])
        assert dynamodb_units(i["operation"], i["mode"], float(i["size"]), float(i["rate"]), i["per"], limits) \
            == expected, case["note"]


def test_the_rule_follows_the_data(limits):
    doubled = dict(limits)
    doubled["dynamodb.read_unit"] = limits["dynamodb.read_unit"].__class__(
        **{**limits["dynamodb.read_unit"].__dict__, "value": 8})
    assert dynamodb_units("read", "strong", 8, 1, "second", doubled) == 1
    assert dynamodb_units("read", "strong", 8, 1, "second", limits) == 2


def test_an_unknown_calculator_in_a_fence_is_its_line(calculators):
    with pytest.raises(NotesError) as caught:
        check_fences(["text", "```calculator sqs-size", "```"], "notes/n.md", calculators)
    assert str(caught.value) == ("notes/n.md:2: unknown calculator 'sqs-size' (write ```calculator NAME with NAME "
                                 "one of: dynamodb, kinesis, payload, s3, vpc)")
