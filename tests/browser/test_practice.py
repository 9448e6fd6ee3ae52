"""The practice test as a student takes it, over http:// and file://: a
quick test by keys and by touch, each question with one right option among
four distinct ones, the score and its breakdown, the mock exam's length and
timer, wrong answers bringing their service's cards forward, the history of
attempts, and no axe violations on the way. The Coverage page against the
exam guide's data."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from playwright.sync_api import expect
from test_accessibility import violations

from helpers import HOOKS, ROOT

GUIDE = HOOKS / "exams" / "aws-developer-associate" / "exam_guide.yml"


@pytest.fixture(params=["http", "file"])
def practice(request, chromium, offline_site, site_url):
    """(page, url of the practice page) in a fresh browser profile."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if request.param == "http":
        url = site_url + "practice-test/"
    else:
        url = (offline_site.site / "practice-test.html").as_uri()
    yield page, url
    context.close()
    assert errors == []


def questions(page) -> dict[str, dict]:
    """The page's questions by their wording (the right answer is listed first)."""
    data = json.loads(page.locator("#cd-questions").get_attribute("data-json"))
    return {q["stem"]: q for q in data["questions"]}


def shown(page) -> tuple[dict, list[str]]:
    """The question on screen, from the page's data, and its options as shown."""
    stem = page.locator(".cd-practice__stem").inner_text()
    options = page.locator(".cd-practice__option span:not(.cd-practice__mark)").all_inner_texts()
    return questions(page)[stem], options


def check_options(question: dict, options: list[str]) -> int:
    """Four distinct options, exactly one of them right: its index."""
    assert len(options) == 4
    assert len({o.casefold() for o in options}) == 4
    assert sorted(options) == sorted(question["options"])
    right = [i for i, option in enumerate(options) if option == question["options"][0]]
    assert len(right) == 1
    return right[0]


def test_a_quick_test_by_keyboard_with_instant_feedback_score_and_breakdown(practice):
    page, url = practice
    page.goto(url)
    expect(page.locator(".cd-practice[data-ready=true]")).to_be_attached()
    page.get_by_role("button", name=re.compile("Quick test")).click()
    right_answers = 0
    services: dict[str, int] = {}
    for number in range(1, 11):
        expect(page.locator(".cd-practice__progress")).to_have_text(f"Question {number} of 10")
        question, options = shown(page)
        right = check_options(question, options)
        services[question["serviceTitle"]] = services.get(question["serviceTitle"], 0) + 1
        # Odd questions right by number key, even ones wrong by letter key.
        if number % 2:
            page.keyboard.press(str(right + 1))
            right_answers += 1
        else:
            page.keyboard.press("abcd"[(right + 1) % 4])
        page.keyboard.press("Enter")
        feedback = page.get_by_role("status").filter(has_text=re.compile("Right|Not quite"))
        expect(feedback).to_contain_text("Right." if number % 2 else f"the answer is “{question['options'][0]}”")
        if question["url"]:
            expect(feedback.get_by_role("link", name=re.compile("^From "))).to_be_visible()
        if number == 2:
            assert violations(page) == []
        page.keyboard.press("Enter")
    expect(page.locator(".cd-practice__score")).to_have_text(f"Score: {right_answers} of 10 (50%)")
    rows = page.locator(".cd-practice__by-service tbody tr")
    table = {row.locator("td").nth(0).inner_text(): int(row.locator("td").nth(2).inner_text())
             for row in rows.all()}
    assert table == services
    expect(page.locator(".cd-practice__wrong > li")).to_have_count(10 - right_answers)
    assert violations(page) == []


def test_a_quick_test_by_touch_at_phone_width(chromium, site_url):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + "practice-test/")
    page.get_by_role("button", name=re.compile("Quick test")).tap()
    for number in range(1, 11):
        expect(page.locator(".cd-practice__progress")).to_have_text(f"Question {number} of 10")
        question, options = shown(page)
        right = check_options(question, options)
        page.locator(".cd-practice__option").nth(right).tap()
        page.get_by_role("button", name="Check").tap()
        expect(page.locator(".cd-practice__feedback")).to_contain_text("Right.")
        page.get_by_role("button", name=re.compile("^(Next|See results)")).tap()
    expect(page.locator(".cd-practice__score")).to_have_text("Score: 10 of 10 (100%)")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_the_mock_exam_has_the_guides_length_a_timer_and_results_at_the_end(practice):
    page, url = practice
    guide = yaml.safe_load(GUIDE.read_text(encoding="utf-8"))
    page.goto(url)
    page.get_by_role("button", name=re.compile("Mock exam")).click()
    expect(page.locator(".cd-practice__progress")).to_have_text(f"Question 1 of {guide['questions']}")
    timer = page.get_by_role("timer")
    expect(timer).to_have_text(re.compile(rf"^({guide['minutes']}:00|{guide['minutes'] - 1}:5\d) left$"))
    question, options = shown(page)
    right = check_options(question, options)
    page.keyboard.press(str(right + 1))
    page.keyboard.press("Enter")
    # No feedback in a mock exam: straight on to the next question.
    expect(page.locator(".cd-practice__progress")).to_have_text(f"Question 2 of {guide['questions']}")
    expect(page.locator(".cd-practice__feedback")).to_have_text("")
    page.get_by_role("button", name="Finish early").click()
    expect(page.get_by_role("alertdialog")).to_contain_text(f"The {guide['questions'] - 1} questions not answered")
    page.get_by_role("button", name="Keep going").click()
    expect(page.get_by_role("alertdialog")).to_be_hidden()
    expect(page.locator(".cd-practice__progress")).to_have_text(f"Question 2 of {guide['questions']}")
    page.get_by_role("button", name="Finish early").click()
    page.get_by_role("button", name="Finish and see results").click()
    expect(page.locator(".cd-practice__score")).to_have_text(f"Score: 1 of {guide['questions']} (2%)")
    # Unanswered questions bring no cards forward: the one answer was right.
    expect(page.locator(".cd-practice__due")).to_have_text("")
    domains = page.locator(".cd-practice__by-domain tbody tr")
    expect(domains).to_have_count(len(guide["domains"]))
    assert sum(int(row.locator("td").nth(2).inner_text()) for row in domains.all()) == guide["questions"]


def test_the_mock_exam_follows_the_domain_weights(page, site_url):
    page.goto(site_url + "practice-test/")
    data = json.loads(page.locator("#cd-questions").get_attribute("data-json"))
    weights = data["setup"]["weights"]
    guide = yaml.safe_load(GUIDE.read_text(encoding="utf-8"))
    assert sum(weights.values()) == guide["questions"]
    for domain in guide["domains"]:
        assert abs(weights[domain["id"]] - guide["questions"] * domain["weight"] / 100) < 1
    runs = page.evaluate("""(data) => Array.from({length: 25}, () => {
        const qs = window.CramdownPractice.mockPick(data.questions, data.setup.mock, data.setup.weights, Math.random);
        const counts = {};
        qs.forEach(q => { counts[q.domain] = (counts[q.domain] || 0) + 1; });
        return {counts, distinct: new Set(qs.map(q => q.fact)).size, total: qs.length};
    })""", data)
    for picked in runs:  # 25 mock exams, each drawn afresh
        assert picked["total"] == picked["distinct"] == guide["questions"]
        # Each domain gets its share, or every fact it has when the notes give too few.
        for domain, share in weights.items():
            facts = {q["fact"] for q in data["questions"] if q["domain"] == domain}
            assert picked["counts"].get(domain, 0) >= min(share, len(facts)), (domain, picked)
    short = [d["title"] for d in data["setup"]["domains"]
             if len({q["fact"] for q in data["questions"] if q["domain"] == d["id"]}) < weights[d["id"]]]
    for title in short:
        expect(page.locator(".cd-practice__short")).to_contain_text(title)


def test_wrong_answers_bring_their_services_cards_forward_and_attempts_are_kept(practice):
    page, url = practice
    page.goto(url)
    data = json.loads(page.locator("#cd-questions").get_attribute("data-json"))
    page.get_by_role("button", name=re.compile("Quick test")).click()
    missed = set()
    for _ in range(10):
        question, options = shown(page)
        right = check_options(question, options)
        page.keyboard.press(str((right + 1) % 4 + 1))  # always wrong
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")
        missed.add(question["service"])
    expect(page.locator(".cd-practice__score")).to_have_text("Score: 0 of 10 (0%)")
    cards = {card for service in missed for card in data["setup"]["cards"].get(service, [])}
    expect(page.locator(".cd-practice__due")).to_contain_text(f"{len(cards)} study card")
    store = data["setup"]["store"]
    progress = json.loads(page.evaluate("(key) => localStorage.getItem(key)", store))
    assert {card for card, marked in progress["focus"].items() if marked is True} == cards
    page.reload()
    history = page.locator(".cd-practice__history tbody tr")
    expect(history).to_have_count(1)
    expect(history.first).to_contain_text("Quick test")
    expect(history.first).to_contain_text("0 of 10 (0%)")


def test_the_study_page_starts_with_a_card_of_a_missed_service(page, site_url):
    page.goto(site_url + "practice-test/")
    data = json.loads(page.locator("#cd-questions").get_attribute("data-json"))
    store = data["setup"]["store"]
    service = max(data["setup"]["cards"], key=lambda s: len(data["setup"]["cards"][s]))
    page.evaluate("""([key, ids]) => {
        const progress = window.CramdownProgress.load(key);
        window.CramdownPractice.bringForward(progress, ids, Date.now());
        window.CramdownProgress.save(key, progress);
    }""", [store, data["setup"]["cards"][service]])
    page.goto(site_url + "study/")
    cards = json.loads(page.locator("#cd-cards").get_attribute("data-json"))
    title = next(c["serviceTitle"] for c in cards if c["service"] == service)
    for _ in range(3):
        expect(page.locator(".cd-study__meta")).to_contain_text(title)
        page.keyboard.press("Space")
        page.keyboard.press("4")  # Easy: out of today's queue


def test_the_coverage_page_lists_every_in_scope_service_the_notes_lack(page, site_url):
    guide = yaml.safe_load(GUIDE.read_text(encoding="utf-8"))
    notes = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "notes").glob("*")))
    lacking = []
    for entries in guide["in_scope"].values():
        for entry in entries:
            if "service" in entry:
                continue  # the catalogue's own services have their own checks
            names = [entry["name"], *entry.get("also", [])]
            short = [re.sub(r"^(Amazon|AWS) ", "", n.split(" (")[0]) for n in names]
            if not any(re.search(rf"(?<![\w-]){re.escape(n)}(?!\w)", notes, re.IGNORECASE) for n in short):
                lacking.append(entry["name"])
    assert lacking  # the default notes do lack some: this checks the page lists them
    page.goto(site_url + "coverage/")
    listed = page.locator(".cd-coverage__none > li > strong").all_inner_texts()
    assert set(lacking) <= set(listed)
    for name in lacking:
        item = page.locator(".cd-coverage__none > li").filter(has=page.get_by_text(name, exact=True))
        expect(item.get_by_role("link", name=re.compile("^Add notes"))).to_be_visible()
    expect(page.locator(".cd-coverage__all tbody tr")).to_have_count(
        sum(len(entries) for entries in guide["in_scope"].values()))
    assert violations(page) == []


def test_the_home_page_leads_to_the_practice_test_and_the_coverage_page(page, site_url):
    page.goto(site_url)
    page.evaluate("window.cramdownNoReload = true")
    page.get_by_role("link", name="practice test", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Practice test")
    # Brought in by instant navigation, the test still starts.
    assert page.evaluate("window.cramdownNoReload") is True
    expect(page.locator(".cd-practice[data-ready=true]")).to_be_attached()
    page.get_by_role("button", name=re.compile("Quick test")).click()
    expect(page.locator(".cd-practice__progress")).to_have_text("Question 1 of 10")
    page.go_back()
    page.get_by_role("link", name="what your notes leave out").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Coverage")


def test_when_time_runs_out_the_chosen_answer_counts_and_leaving_saves_nothing(page, site_url):
    page.clock.install()
    page.goto(site_url + "practice-test/")
    page.get_by_role("button", name=re.compile("Mock exam")).click()
    question, options = shown(page)
    page.keyboard.press(str(check_options(question, options) + 1))  # chosen, not sent
    guide = yaml.safe_load(GUIDE.read_text(encoding="utf-8"))
    page.clock.fast_forward((guide['minutes'] * 60 + 2) * 1000)
    expect(page.locator(".cd-practice__score")).to_have_text(f"Score: 1 of {guide['questions']} (2%)")
    expect(page.locator(".cd-practice__history tbody tr")).to_have_count(1)
    # A mock exam left for another page (instant navigation) ends unsaved.
    page.evaluate("window.cramdownNoReload = true")
    page.get_by_role("button", name=re.compile("Mock exam")).click()
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Glossary").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Glossary")
    assert page.evaluate("window.cramdownNoReload") is True
    page.clock.fast_forward((guide['minutes'] * 60 + 2) * 1000)
    history = json.loads(page.evaluate("(key) => localStorage.getItem(key)", next(
        key for key in page.evaluate("Object.keys(localStorage)") if key.endswith(":practice"))))
    assert len(history["attempts"]) == 1


def test_reached_from_a_page_without_the_progress_script_a_wrong_answer_still_brings_cards_forward(page, site_url):
    page.goto(site_url + "glossary/")  # loads no progress script
    page.evaluate("window.cramdownNoReload = true")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Practice test").click()
    expect(page.locator(".cd-practice[data-ready=true]")).to_be_attached()
    assert page.evaluate("window.cramdownNoReload") is True
    page.get_by_role("button", name=re.compile("Quick test")).click()
    for _ in range(10):
        question, options = shown(page)
        page.keyboard.press(str((check_options(question, options) + 1) % 4 + 1))  # always wrong
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")
    expect(page.locator(".cd-practice__due")).to_contain_text("study card")
