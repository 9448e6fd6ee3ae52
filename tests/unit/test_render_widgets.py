"""render_widgets: limits data, widget placement, worked examples, changed limits."""

from __future__ import annotations

import json

import pytest

from helpers import FIXTURES, HOOKS, ROOT
from notes_model import NotesError
from read_notes import read_notes_dir, read_notes_file
from render_widgets import (dynamodb_units, find_worked_examples, load_calculators, load_limits, plan_widgets)
from route_exam_notes import route_exam_notes
from split_by_service import split_by_service


@pytest.fixture(scope="module")
def limits(catalogue):
    return load_limits(HOOKS / "exams" / "aws-developer-associate" / "limits.yml", "hooks/exams/aws-developer-associate/limits.yml", catalogue)


@pytest.fixture(scope="module")
def calculators(limits, catalogue):
    return load_calculators(HOOKS / "exams" / "aws-developer-associate" / "calculators.yml", "hooks/exams/aws-developer-associate/calculators.yml", limits, catalogue)


@pytest.fixture(scope="module")
def default_split(catalogue):
    return split_by_service(read_notes_dir(ROOT / "notes"), catalogue)


def test_changed_limits_record_old_value_and_date(limits):
    sqs = limits["sqs.message_max"]
    assert (sqs.value, sqs.unit, sqs.bytes, sqs.was, sqs.changed_on) == (1, "MiB", 1048576, "256 KiB", "2025-08-04")
    lambda_async = limits["lambda.async_payload_max"]
    assert (lambda_async.bytes, lambda_async.was, lambda_async.changed_on) == (1048576, "256 KB", "2025-10-24")
    assert limits["s3.object_max"].changed_on == "2025-12-02"
    assert all(limit.source.startswith("https://docs.aws.amazon.com/") for limit in limits.values())


def test_all_nine_dynamodb_examples_in_the_notes_are_found_and_right(default_split, limits):
    nodes = [n for s in default_split.sections["dynamodb"] for n in s.nodes]
    examples = find_worked_examples(nodes, limits)
    assert [(e.node.first_line.number, e.stated, e.unit) for e in examples] == [
        (254, 20, "WCU"), (256, 30, "WCU"), (258, 4, "WCU"), (262, 10, "RCU"), (264, 24, "RCU"),
        (266, 20, "RCU"), (287, 30, "WCU"), (289, 20, "RCU")]
    assert all(e.stated == e.computed for e in examples)
    assert examples[4].values == {"operation": "read", "mode": "eventual", "size": "12", "rate": "16",
                                  "per": "second"}


def test_a_wrong_stated_answer_is_reported_with_its_line(catalogue, calculators, limits):
    text = "• DynamoDB\n  • Examples:\n    • 10 Strongly Consistent Reads per second, with item size 6 KB\n" \
           "      • 10 * (6/4) = 15 RCU\n"
    split = split_by_service([read_notes_file("notes/d.txt", text.encode())], catalogue)
    plan = plan_widgets(split, route_exam_notes([], catalogue), calculators, limits, {"dynamodb"})
    assert plan.mismatches == ["notes/d.txt:4: the notes say 15 RCU, but the DynamoDB rules give 20 RCU for "
                               "'10 Strongly Consistent Reads per second, with item size 6 KB' (the page shows "
                               "the check beside the line)"]
    assert "Check: the rules give 20 RCU" in plan.suffix[("notes/d.txt", 4)]


def test_python_check_agrees_with_the_shared_case_table(limits):
    table = json.loads((FIXTURES / "calculator-cases.json").read_text())
    for case in table["cases"]:
        if case["calc"] != "dynamodb" or "errors" in case:
            continue
        i = case["input"]
        total = dynamodb_units(i["operation"], i["mode"], float(i["size"]), float(i["rate"]), i["per"])
        assert total == case["result"].get("total", total), case["note"]
        assert case["answer"].startswith(f"{total:g} ")


def test_widgets_go_after_the_notes_they_belong_to(default_split, catalogue, calculators, limits):
    routing = route_exam_notes(default_split.exam_items, catalogue)
    pages = set(default_split.sections) | {"kms"}
    plan = plan_widgets(default_split, routing, calculators, limits, pages)
    where = {block: key[1] for key, blocks in plan.after.items() for block in blocks}
    assert where["```calculator dynamodb\n```"] == 251  # "We need to know how to do these computations:"
    assert where["```calculator kinesis\n```"] == 142  # "Kinesis Data Streams"
    assert where["```calculator s3\n```"] == 58  # "Uploading to s3 ... multi-upload"
    assert where["```calculator vpc\n```"] == 41  # "VPC's are made up of subnets"
    assert plan.at_end["kms"] == ["```calculator payload\n```"]


def test_lines_stating_an_old_limit_get_a_changed_note(default_split, catalogue, calculators, limits):
    routing = route_exam_notes(default_split.exam_items, catalogue)
    plan = plan_widgets(default_split, routing, calculators, limits, set(default_split.sections))
    changed = sorted(line for (_, line), text in plan.suffix.items() if "cd-changed" in text)
    assert changed == [424, 510]
    assert "now 1 MiB (since 2025-08-04; your notes predate it: was 256 KiB)" in \
        plan.suffix[("notes/aws-developer-associate.txt", 424)]


@pytest.mark.parametrize("edit, message", [
    (("unit: MiB\n    changed", "unit: parsecs\n    changed"), "limit 'sqs.message_max' has unknown unit 'parsecs'"),
    (("service: sqs\n", "service: sqs2\n"), "limit 'sqs.message_max' names unknown service 'sqs2'"),
    (("since: 2025-08-04", "since: soon"), "limit 'sqs.message_max' changed.since must be a date"),
    (("value: 400\n", "value: lots\n"), "limit 'dynamodb.item_max' value must be a number"),
])
def test_bad_limits_data_is_one_clear_line(tmp_path, catalogue, edit, message):
    text = (HOOKS / "exams" / "aws-developer-associate" / "limits.yml").read_text()
    assert edit[0] in text
    line = text[:text.index(edit[0])].count("\n") + 1  # the edited line, wherever the data has it
    path = tmp_path / "limits.yml"
    path.write_text(text.replace(edit[0], edit[1], 1))
    with pytest.raises(NotesError) as caught:
        load_limits(path, "limits.yml", catalogue)
    assert str(caught.value).startswith(f"limits.yml:{line}: {message}")
