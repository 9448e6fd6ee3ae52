"""The calculators used as a person would: fields found by their labels,
typed into, results read back. Every case of the shared table, over
http:// and file://."""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from helpers import FIXTURES

LABELS = {
    "dynamodb": {"operation": "Operation", "mode": "Consistency or mode", "size": "Item size", "rate": "Requests",
                 "per": "Per"},
    "kinesis": {"size": "Record size", "rate": "Records per second", "consumers": "Consumers",
                "fanout": "Consumer type"},
    "payload": {"size": "Payload size", "unit": "Unit"},
    "s3": {"size": "Object size", "unit": "Unit"},
    "vpc": {"cidr": "Subnet CIDR block"},
}
CASES = json.loads((FIXTURES / "calculator-cases.json").read_text(encoding="utf-8"))["cases"]


def fill(form, calc: str, values: dict) -> None:
    for name in sorted(values, key=lambda n: n != "operation"):  # the operation decides the modes
        field = form.get_by_label(LABELS[calc][name], exact=True)
        if field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(values[name])
        else:
            field.fill(values[name])


def run_table(page) -> list[str]:
    problems = []
    for case in CASES:
        form = page.locator(f'form.cd-calc[data-calc="{case["calc"]}"]').first
        fill(form, case["calc"], case["input"])
        answer = form.locator(".cd-calc__answer")
        text = form.inner_text()
        if "NaN" in text or "Infinity" in text or "undefined" in text:
            problems.append(f"{case['note']}: shows {text!r}")
        if "errors" in case:
            for field in case["errors"]:
                message = form.locator(f'[data-msg-for="{field}"]').inner_text()
                invalid = form.get_by_label(LABELS[case["calc"]][field], exact=True).get_attribute("aria-invalid")
                if not message.strip() or invalid != "true":
                    problems.append(f"{case['note']}: no message beside {field}")
        elif answer.inner_text() != case["answer"]:
            problems.append(f"{case['note']}: {answer.inner_text()!r} != {case['answer']!r}")
    return problems


def test_every_table_case_through_the_page_over_http(page, site_url):
    page.goto(site_url + "calculators/")
    assert run_table(page) == []


def test_every_table_case_through_the_page_over_file(page, default_site):
    page.goto((default_site.site / "calculators" / "index.html").as_uri())
    assert run_table(page) == []


def test_try_it_loads_each_worked_example_of_the_notes(page, site_url):
    page.goto(site_url + "services/dynamodb/")
    buttons = page.get_by_role("button", name="Try it")
    expect(buttons).to_have_count(8)
    answer = page.locator('form.cd-calc[data-calc="dynamodb"] .cd-calc__answer')
    stated = ["20 WCU", "30 WCU", "4 WCU", "10 RCU", "24 RCU", "20 RCU", "30 WCU", "20 RCU"]
    for index, expected in enumerate(stated):
        buttons.nth(index).click()
        expect(answer).to_have_text(expected)


def test_results_update_as_you_type_with_the_keyboard(page, site_url):
    page.goto(site_url + "services/dynamodb/")
    form = page.locator('form.cd-calc[data-calc="dynamodb"]')
    form.get_by_label("Operation").focus()
    page.keyboard.press("ArrowUp")  # Write -> Read
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # Strongly -> Eventually consistent
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("12")
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("16")
    expect(form.locator(".cd-calc__answer")).to_have_text("24 RCU")
    expect(form.locator(".cd-calc__steps")).to_contain_text("Eventually consistent reads cost half")
    assert form.locator(".cd-calc__output").get_attribute("aria-live") == "polite"


def test_changed_limit_note_sits_beside_the_users_line(page, site_url):
    page.goto(site_url + "services/sqs/")
    item = page.locator("li", has_text="Max Size for SQS Message is 256KB").first
    expect(item).to_contain_text("Max Size for SQS Message is 256KB")
    expect(item.locator(".cd-changed")).to_contain_text("now 1 MiB (since 2025-08-04")
    item.locator(".cd-changed").get_by_role("link", name="numbers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Numbers to remember"))


def test_widgets_start_after_instant_navigation(page, site_url):
    page.goto(site_url)
    page.evaluate("window.cramdownNoReload = true")  # gone if the browser loads a whole new page
    page.get_by_role("link", name="DynamoDB", exact=True).first.click()
    expect(page.locator('form.cd-calc[data-calc="dynamodb"] .cd-calc__answer')).to_have_text("30 WCU")
    assert page.evaluate("window.cramdownNoReload") is True  # Material swapped the content in place
