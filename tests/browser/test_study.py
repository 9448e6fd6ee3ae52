"""Study mode as an Anki user drives it, over http:// and file://: keys from
page load, Space then Space for Good, intervals on the grade buttons, Again
back in the same session, undo, suspend and flag, progress kept, carried over
from version 1, exported and imported; the home page's due count and bars."""

from __future__ import annotations

import base64
import json
import re

import pytest
from playwright.sync_api import expect

from helpers import ROOT, copy_project, run_build
from local_browser import serve_folder

CLOCK_START = "2026-03-02T09:00:00"


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


def count(page, name: str) -> int:
    return int(re.search(rf"{name} (\d+)", stats(page)).group(1))


def front(page) -> str:
    return page.locator(".cd-study__front").inner_text()


def review(page, how_many: int, grade: str = "Space") -> None:
    """Show the answer with Space, then grade with ``grade`` (Space is Good)."""
    for _ in range(how_many):
        page.keyboard.press("Space")
        expect(page.locator(".cd-study__back")).to_be_visible()
        page.keyboard.press(grade)
        expect(page.locator(".cd-study__back")).to_be_hidden()


def test_five_cards_with_space_and_space_from_a_fresh_load_without_a_click(study):
    page, study_url, _ = study
    page.goto(study_url)
    fresh = re.compile(r"^Due 0 · New today 20 · Learning 0 · Learned 0$")
    expect(page.locator(".cd-study__stats")).to_have_text(fresh)
    seen = []
    for _ in range(5):
        seen.append(front(page))
        review(page, 1)  # Space shows the answer, Space again is Good
    assert len(set(seen)) == 5
    expect(page.locator(".cd-study__message")).to_contain_text("“Good”: back in 10 min")
    expect(page.locator(".cd-study__stats")).to_have_text("Due 0 · New today 15 · Learning 5 · Learned 0")
    page.reload()
    expect(page.locator(".cd-study__stats")).to_have_text("Due 0 · New today 15 · Learning 5 · Learned 0")
    stored = page.evaluate("Object.entries(localStorage).filter(([k]) => k.startsWith('cramdown:v2:'))")
    assert len(stored) == 1 and len(json.loads(stored[0][1])["cards"]) == 5


def test_focus_is_never_on_again_and_enter_is_good_too(study):
    page, study_url, _ = study
    page.goto(study_url)
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.getAttribute('data-grade')") is None
    page.keyboard.press("Enter")
    expect(page.locator(".cd-study__message")).to_contain_text("“Good”")


def test_a_new_card_shows_at_least_three_intervals_on_its_grade_buttons(study):
    page, study_url, _ = study
    page.goto(study_url)
    page.keyboard.press("Space")
    intervals = page.locator(".cd-study__grades .cd-study__interval").all_inner_texts()
    assert len(intervals) == 4 and len(set(intervals)) >= 3, intervals
    expect(page.get_by_role("button", name=re.compile(r"^Good, key 3, next in"))).to_be_visible()


def test_a_card_graded_again_comes_back_in_the_same_session(study):
    page, study_url, _ = study
    page.clock.install(time=CLOCK_START)
    page.goto(study_url)
    missed = front(page)
    review(page, 1, grade="1")  # Again: back in 1 minute
    expect(page.locator(".cd-study__message")).to_contain_text("back in 1 min")
    assert front(page) != missed
    review(page, 1)  # another card, Good
    page.clock.fast_forward("01:05")  # a minute and five seconds later
    review(page, 1)  # the card on screen
    assert front(page) == missed  # the missed card is first again


def test_u_undoes_the_last_grade(study):
    page, study_url, _ = study
    page.goto(study_url)
    first = front(page)
    before = stats(page)
    review(page, 1)
    assert stats(page) != before
    page.keyboard.press("u")
    expect(page.locator(".cd-study__stats")).to_have_text(before)
    assert front(page) == first
    expect(page.locator(".cd-study__message")).to_contain_text("Undone")


def test_keys_are_left_alone_while_typing_in_a_field(study):
    page, study_url, _ = study
    page.goto(study_url)
    page.get_by_label("New cards a day").fill("5")
    page.get_by_label("New cards a day").press("Space")
    expect(page.locator(".cd-study__back")).to_be_hidden()
    page.get_by_label("New cards a day").press("Enter")
    expect(page.locator(".cd-study__stats")).to_contain_text("New today 5")


def test_suspend_and_flag_set_a_card_aside_and_list_it(study):
    page, study_url, _ = study
    page.goto(study_url)
    flagged = front(page)
    page.get_by_role("button", name="Flag as a bad card").click()
    expect(page.locator(".cd-study__message")).to_contain_text("Flagged as a bad card")
    suspended = front(page)
    page.get_by_role("button", name="Suspend").click()
    assert front(page) not in (flagged, suspended)
    page.get_by_text("Flagged (1) and suspended (1) cards").click()
    expect(page.locator(".cd-study__flagged li")).to_contain_text(flagged[:40])
    expect(page.locator(".cd-study__suspended li")).to_contain_text(suspended[:40])
    page.locator(".cd-study__flagged").get_by_role("button", name="Unflag").click()
    expect(page.locator(".cd-study__flagged li")).to_have_count(0)


def test_progress_saved_by_the_old_scheduler_carries_over(study):
    page, study_url, home_url = study
    page.goto(study_url)
    cards = json.loads(page.locator("#cd-cards").get_attribute("data-json"))
    key = page.locator(".cd-study").get_attribute("data-store").replace(":v2:", ":v1:")
    fixture = json.loads((ROOT / "tests" / "fixtures" / "progress-v1.json").read_text())
    old = dict(zip([card["id"] for card in cards[:4]], fixture["cards"].values(), strict=True))
    far = 4102444800000  # 2100-01-01: learned, not due
    old = {card_id: {**state, "due": far} for card_id, state in old.items()}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [key, json.dumps({**fixture, "cards": old})])
    page.reload()
    expect(page.locator(".cd-study__stats")).to_have_text("Due 0 · New today 20 · Learning 0 · Learned 4")
    # The fixture's ticked pages stay ticked (it ticks services/sqs.md).
    offline = home_url.endswith(".html")
    sqs = home_url.replace("index.html", "services/sqs.html") if offline else home_url + "services/sqs/"
    page.goto(sqs)
    expect(page.get_by_label("Reviewed", exact=True)).to_be_checked()


def test_export_clear_import_brings_progress_back(study, tmp_path):
    page, study_url, _ = study
    page.goto(study_url)
    review(page, 2, grade="4")
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
    review(page, 1)
    before = stats(page)
    page.get_by_text("Save or restore progress").click()
    for content, reason in ((b"not json at all {", "not JSON"), (b'{"some": "other app"}', "not a Cramdown")):
        page.get_by_label("Import progress from a file").set_input_files(
            {"name": "bad.json", "mimeType": "application/json", "buffer": content})
        expect(page.locator(".cd-study__message")).to_contain_text("Nothing was changed. This")
        expect(page.locator(".cd-study__message")).to_contain_text(reason)
        expect(page.locator(".cd-study__stats")).to_have_text(before)


# The left and right ends of a bar, as pixels: the same colour when it is empty.
BAR_ENDS = """async (png) => {
    const image = new Image();
    image.src = 'data:image/png;base64,' + png;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const y = Math.floor(image.height / 2);
    return [[...context.getImageData(2, y, 1, 1).data], [...context.getImageData(image.width - 3, y, 1, 1).data]];
}"""


def bar_ends(page, bar):
    return page.evaluate(BAR_ENDS, base64.b64encode(bar.screenshot()).decode())


def test_home_says_what_is_due_and_its_bars_start_empty_and_count_pages_alone(study):
    page, _study_url, home_url = study
    page.goto(home_url)
    expect(page.locator(".cd-due")).to_contain_text(re.compile(r"^0 cards due · 20 new"))
    databases = page.locator(".cd-progress").filter(has=page.locator('progress[aria-label^="Databases"]'))
    pages_bar = databases.locator("progress").first
    left, right = bar_ends(page, pages_bar)
    assert left == right  # empty at 0%
    text = databases.locator(".cd-progress__text")
    expect(text).to_contain_text(re.compile(r"\b0 of \d+ pages reviewed"))
    pages = int(re.search(r"of (\d+)", text.inner_text())[1])
    page.get_by_role("link", name="DynamoDB", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("DynamoDB")
    page.get_by_label("Reviewed", exact=True).check()
    page.goto(home_url)
    expect(text).to_contain_text(f"1 of {pages} pages reviewed")
    assert databases.locator("progress").first.evaluate("bar => bar.value / bar.max") == pytest.approx(1 / pages)
    left, right = bar_ends(page, databases.locator("progress").first)
    assert left != right  # part filled: pages count on their own, not as 1 of pages + cards
    page.get_by_role("link", name="Start").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Study cards")
    # Brought in by a link (instant navigation over http), the review starts.
    expect(page.locator(".cd-study__front")).not_to_be_empty()


def test_buttons_work_by_touch(chromium, site_url):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + "study/")
    page.get_by_role("button", name="Show answer").tap()
    page.get_by_role("button", name=re.compile(r"^Easy")).tap()
    expect(page.locator(".cd-study__message")).to_contain_text("“Easy”: back in")
    expect(page.locator(".cd-study__stats")).to_contain_text("Learned 1")
    context.close()


def test_rebuild_with_one_line_changed_resets_only_that_card(chromium, tmp_path):
    project = copy_project(tmp_path / "project")
    assert run_build(project).returncode == 0
    with serve_folder(project / "site") as base:
        context = chromium.new_context()
        page = context.new_page()
        page.goto(base + "study/")
        cards = {card["id"]: card for card in json.loads(page.locator("#cd-cards").get_attribute("data-json"))}
        studied = []
        for _ in range(3):
            studied.append(next(c for c in cards.values() if c["front"] == front(page))["id"])
            review(page, 1, grade="4")  # Easy: learned
        expect(page.locator(".cd-study__stats")).to_contain_text("Learned 3")
        path, line = cards[studied[0]]["source"].rsplit(":", 1)
        notes = project / path
        lines = notes.read_text(encoding="utf-8").split("\n")
        lines[int(line) - 1] += " (edited)"
        notes.write_text("\n".join(lines), encoding="utf-8")
        assert run_build(project).returncode == 0
        page.reload()
        rebuilt = [card["id"] for card in json.loads(page.locator("#cd-cards").get_attribute("data-json"))]
        assert studied[0] not in rebuilt and studied[1] in rebuilt and studied[2] in rebuilt
        expect(page.locator(".cd-study__stats")).to_contain_text("Learned 2")
        context.close()
