"""split_by_service: what a title says, and where a sub-section goes."""

from __future__ import annotations

import pytest

from read_notes import read_notes_file
from split_by_service import head_words, split_by_service


def sections(catalogue, path: str, text: str) -> dict[str, list[int]]:
    """service id -> the lines of its sections, for notes in one file."""
    split = split_by_service([read_notes_file(path, text.encode())], catalogue)
    return {sid: sorted(line.number for s in secs for line in ((s.head.lines if s.head else []) +
                        [ln for n in s.nodes for ln in n.all_lines()])) for sid, secs in split.sections.items()}


@pytest.mark.parametrize("title, words", [
    ("## 18 DynamoDB", "DynamoDB"),
    ("## 431. KMS Limits", "KMS Limits"),
    ("# Section 7: Elastic Beanstalk", "Elastic Beanstalk"),
    ("## 7 - SQS", "SQS"),
    ("## 🚀 AWS Lambda", "AWS Lambda"),
    ("## **API Gateway**", "API Gateway"),
    ("# [IAM](../README.md)", "IAM"),
    ("## 3rd party tools", "3rd party tools"),
])
def test_a_title_says_its_words_without_numbering_symbols_or_markup(title, words):
    notes = read_notes_file("notes/n.md", f"{title}\n\n- a note\n".encode())
    assert head_words(notes.nodes[0]) == words


@pytest.mark.parametrize("title, service", [
    ("AutoScaling", "auto-scaling"), ("Step-Functions", "step-functions"), ("CloudTrial", "cloudtrail"),
    ("Key Management System", "kms"), ("Amazon Simple Queue Service (SQS)", "sqs"), ("ClodWatch", "cloudwatch"),
    ("Configuration", None), ("Best practices", None), ("Connect to the console", None),
])
def test_titles_name_services_in_the_ways_people_write_them(catalogue, title, service):
    found = sections(catalogue, "notes/n.md", f"## {title}\n\n- a note about it\n- another one\n")
    assert list(found) == ([service] if service else [])


def test_a_sub_section_stays_with_its_parent_unless_it_is_a_whole_section_about_another(catalogue):
    text = ("## CloudWatch\n\n- metrics and alarms\n\n### X-Ray\n\n- traces, segments and subsegments\n- sampling\n\n"
            "## API Gateway\n\n- stages\n\n### Cognito User Pools\n\n"
            "- authorizer on the method, API GW checks the JWT\n\n"
            "## DynamoDB\n\n### CLI – Good to know\n\n- --projection-expression\n")
    found = sections(catalogue, "notes/n.md", text)
    assert found["x-ray"] == [5, 7, 8]
    assert 14 in found["api-gateway"] and "cognito" not in found
    assert found["dynamodb"] == [18, 20, 22] and "sdk-cli" not in found


def test_a_file_named_after_a_service_is_its_section(catalogue):
    assert list(sections(catalogue, "notes/25_sqs-notes.md", "## Overview\n\n- queues\n\n## Lambda triggers\n\n"
                                                              "- batch size\n")) == ["sqs"]
    assert list(sections(catalogue, "notes/ec2/notes-elb.md", "## What is it\n\n- balances\n")) == ["elb"]


def test_a_table_of_contents_starts_no_section(catalogue):
    text = "## Contents\n\n- [SQS](#sqs)\n  - [FIFO](#fifo)\n- [Lambda](#lambda)\n\n## SQS\n\n- queues\n"
    assert sections(catalogue, "notes/n.md", text) == {"sqs": [7, 9]}
