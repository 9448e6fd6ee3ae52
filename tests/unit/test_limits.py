"""limits: the exam's numbers, their change history, and the lines of the
notes that still state an old value."""

from __future__ import annotations

import pytest

from helpers import HOOKS
from limits import changed_limit_lines, load_limits
from notes_model import NotesError
from route_exam_notes import route_exam_notes
from write_pages import service_nodes


def test_changed_limits_record_old_value_and_date(limits):
    sqs = limits["sqs.message_max"]
    assert (sqs.value, sqs.unit, sqs.bytes, sqs.was, sqs.changed_on) == (1, "MiB", 1048576, "256 KiB", "2025-08-04")
    lambda_async = limits["lambda.async_payload_max"]
    assert (lambda_async.bytes, lambda_async.was, lambda_async.changed_on) == (1048576, "256 KB", "2025-10-24")
    assert limits["s3.object_max"].changed_on == "2025-12-02"
    assert all(limit.source.startswith("https://") for limit in limits.values())


def test_an_old_value_is_found_with_the_services_name_or_in_its_own_notes(split_notes, catalogue, limits):
    text = ("• SQS:\n  • msg size limit is 256kb\n  • batch of 10\n• Lambda\n  • async payload max 256 KB\n"
            "• S3\n  • largest object 5TB\n• Kinesis\n  • records up to 256 KB\n"
            "Things I got wrong\n  • Max Size for SQS Message is 256KB\n")
    split = split_notes(text)
    routing = route_exam_notes(split.exam_items, catalogue)
    nodes = [n for sections in split.sections.values() for s in sections for n in s.nodes] + \
        [n for item in split.exam_items for n in item.nodes]
    changed = changed_limit_lines(nodes, limits, service_nodes(split, routing))
    found = {line: [limit.id for limit in found] for (_, line), found in changed.items()}
    assert found == {2: ["sqs.message_max"], 5: ["lambda.async_payload_max"], 7: ["s3.object_max"],
                     11: ["sqs.message_max"]}  # 256 KB under Kinesis is no SQS limit


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


