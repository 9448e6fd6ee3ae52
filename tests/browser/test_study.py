"""Study mode used with the keyboard and by touch, over http:// and file://:
progress is kept, survives rebuilds card by card, and goes out and back in."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from helpers import copy_project, run_build
from local_browser import serve_folder


@pytest.fixture(params=["http", "file"])
def study(request, chromium, offline_site, site_url):
    """(page, url of the study page, url of home) in a fresh browser profile:
    the hosted build over http://, or the offline build opened from a folder."""
    context = chromium.new_context(accept_downloads=True)
    page = context.new_page()
    if request.param == "http":
        urls = (site_url + "study/", site_url)
    else:
        site = offline_site.site
        urls = ((site / "study.html").as_uri(), (site / "index.html").as_uri())
    yield page, *urls
    context.close()


def stats(page) -> str:
    return page.locator(".cd-study__stats").inner_text()


def review_with_keyboard(page, how_many: int, key: str = "3") -> None:
    for _ in range(how_many):
        page.locator(".cd-study__card").focus()
        page.keyboard.press("Space")
        expect(page.locator(".cd-study__back")).to_be_visible()
        page.keyboard.press(key)
        expect(page.locator(".cd-study__back")).to_be_hidden()


def test_review_three_cards_with_the_keyboard_and_keep_them_after_reload(study):
    page, study_url, _ = study
    page.goto(study_url)
    expect(page.locator(".cd-study__stats")).to_have_text(re.compile(r"^Due 0 · New \d+ · Learned 0$"))
    total = int(re.search(r"New (\d+)", stats(page)).group(1))
    review_with_keyboard(page, 3)
    expect(page.locator(".cd-study__message")).to_contain_text("next review in 1 day")
    expect(page.locator(".cd-study__stats")).to_have_text(f"Due 0 · New {total - 3} · Learned 3")
    page.reload()
    expect(page.locator(".cd-study__stats")).to_have_text(f"Due 0 · New {total - 3} · Learned 3")
    stored = page.evaluate("Object.entries(localStorage).filter(([k]) => k.startsWith('cramdown:v1:'))")
    assert len(stored) == 1 and len(json.loads(stored[0][1])["cards"]) == 3


def test_export_clear_import_brings_progress_back(study, tmp_path):
    page, study_url, _ = study
    page.goto(study_url)
    review_with_keyboard(page, 2)
    before = stats(page)
    page.get_by_text("Save or restore progress").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text())["format"] == "cramdown-progress"
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.locator(".cd-study__stats")).to_contain_text("Learned 0")
    page.get_by_text("Save or restore progress").click()
    page.get_by_label("Import progress from a file").set_input_files(str(saved))
    expect(page.locator(".cd-study__message")).to_contain_text("Progress imported: 2 cards")
    expect(page.locator(".cd-study__stats")).to_have_text(before)


def test_importing_garbage_changes_nothing_and_says_why(study):
    page, study_url, _ = study
    page.goto(study_url)
    review_with_keyboard(page, 1)
    before = stats(page)
    page.get_by_text("Save or restore progress").click()
    for content, reason in ((b"not json at all {", "not JSON"), (b'{"some": "other app"}', "not a Cramdown")):
        page.get_by_label("Import progress from a file").set_input_files(
            {"name": "bad.json", "mimeType": "application/json", "buffer": content})
        expect(page.locator(".cd-study__message")).to_contain_text("Nothing was changed. This")
        expect(page.locator(".cd-study__message")).to_contain_text(reason)
        expect(page.locator(".cd-study__stats")).to_have_text(before)


def test_reviewed_box_fills_the_home_progress_bar(study):
    page, _study_url, home_url = study
    page.goto(home_url)
    databases = page.locator(".cd-progress").filter(has=page.locator('progress[aria-label^="Databases"]'))
    expect(databases.locator(".cd-progress__text")).to_contain_text(re.compile(r"\b0 of \d+ pages reviewed"))
    pages = int(re.search(r"of (\d+)", databases.locator(".cd-progress__text").inner_text())[1])
    page.get_by_role("link", name="DynamoDB", exact=True).first.click()
    page.get_by_label("Reviewed").check()
    page.goto(home_url)
    expect(databases.locator(".cd-progress__text")).to_contain_text(f"1 of {pages} pages reviewed")


def test_buttons_work_by_touch(chromium, site_url):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + "study/")
    page.get_by_role("button", name="Show answer").tap()
    page.get_by_role("button", name="Easy").tap()
    expect(page.locator(".cd-study__message")).to_contain_text("“Easy”: next review in 1 day")
    expect(page.locator(".cd-study__stats")).to_contain_text("Learned 1")
    context.close()


def test_rebuild_with_one_line_changed_resets_only_that_card(chromium, tmp_path):
    project = copy_project(tmp_path / "project")
    assert run_build(project).returncode == 0
    with serve_folder(project / "site") as base:
        context = chromium.new_context()
        page = context.new_page()
        page.goto(base + "study/")
        cards = json.loads(page.locator("#cd-cards").text_content())
        first_three = [card["id"] for card in cards[:3]]
        review_with_keyboard(page, 3)
        expect(page.locator(".cd-study__stats")).to_contain_text("Learned 3")
        path, line = cards[0]["source"].rsplit(":", 1)
        notes = project / path
        lines = notes.read_text(encoding="utf-8").split("\n")
        lines[int(line) - 1] += " (edited)"
        notes.write_text("\n".join(lines), encoding="utf-8")
        assert run_build(project).returncode == 0
        page.reload()
        rebuilt = [card["id"] for card in json.loads(page.locator("#cd-cards").text_content())]
        assert first_three[0] not in rebuilt and first_three[1] in rebuilt and first_three[2] in rebuilt
        expect(page.locator(".cd-study__stats")).to_contain_text("Learned 2")
        context.close()
