"""Pages a student can find their way in: headings and a table of contents
on long pages, search that lands on the match, exam traps first, a glossary
that filters as you type, no stop at pages without notes, scripts only where
they are used, and a notes source that marks the whole range."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

HEADER_PX = 60  # Material's fixed header; a match under it is not in view

# In the window, below the header: a visible text node holding the query, or
# a link to the query's glossary entry (the notes may spell it otherwise:
# "exponential back offs" for Exponential backoff).
MATCH_IN_VIEW = """([query, header]) => {
    const wanted = query.toLowerCase();
    const inView = el => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.top >= header && box.bottom <= window.innerHeight;
    };
    const article = document.querySelector('article.md-content__inner');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.data.toLowerCase().includes(wanted) && inView(node.parentElement)) return true;
    }
    return [...article.querySelectorAll('a.cd-term')].some(
        a => (a.title || '').toLowerCase().startsWith(wanted + ':') && inView(a));
}"""


def search(page, query: str):
    box = page.get_by_role("textbox", name="Search")
    box.click()
    box.fill(query[:-1])
    page.keyboard.type(query[-1])  # Material searches on a key, so one search, for the whole query
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_visible()
    return first


@pytest.mark.parametrize("service", ["dynamodb", "lambda"])
def test_long_service_pages_have_headings_and_a_table_of_contents(page, site_url, service):
    page.goto(site_url + f"services/{service}/")
    headings = page.locator("article h2")
    assert headings.count() >= 3
    toc = page.locator(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
    expect(toc.first).to_be_visible()
    assert toc.count() >= 3


# "hot partition" and "DLQ" sit far down their sections: without the page
# script's landing, Material opens them at the section's top, out of view.
@pytest.mark.parametrize("query", ["Lambda@Edge", "WCU", "visibility timeout", "Exponential backoff", "PartiQL",
                                   "hot partition", "Optimistic Locking", "DLQ", "ephemeral"])
def test_a_search_result_lands_with_the_match_in_view(page, site_url, query):
    page.goto(site_url)
    result = search(page, query)
    # The snippet is the matching text: the first block shown holds a match.
    shown = result.locator(".md-search-result__article > :is(p, ul, ol, table):visible").first
    if shown.count():
        expect(shown.locator("mark").first).to_be_attached()
    result.locator("a.md-search-result__link").first.click()
    expect(page).to_have_url(re.compile(r"\?h="))
    page.wait_for_function(MATCH_IN_VIEW, arg=[query, HEADER_PX], timeout=5000)


def test_the_exam_traps_come_first_in_body_size_text(page, site_url):
    page.goto(site_url + "services/dynamodb/")
    traps = page.locator(".admonition.cd-traps")
    expect(traps).to_be_visible()
    first_note_section = page.locator(".cd-source").first
    assert traps.bounding_box()["y"] < first_note_section.bounding_box()["y"]
    assert traps.bounding_box()["y"] < 600  # in the first screen, under the page's header
    # A notes item outside the box (Material sets admonitions in smaller type).
    body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article > ul > li')).fontSize)")
    trap = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.cd-traps li')).fontSize)")
    assert trap >= body
    changed = page.locator(".cd-traps .cd-changed")
    if changed.count():
        assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('.cd-traps .cd-changed')).fontSize)") \
            < trap


def test_a_term_tooltip_is_readable_and_leaves_its_line_clear(page, site_url):
    page.goto(site_url + "services/dynamodb/")
    link = page.locator(".cd-traps ~ * a.cd-term, article > ul a.cd-term").first
    link.scroll_into_view_if_needed()
    link.hover()
    tip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    expect(tip).to_be_visible()
    style = tip.evaluate("el => [parseFloat(getComputedStyle(el).fontSize), getComputedStyle(el).fontWeight]")
    assert style[0] >= 13 and int(style[1]) < 600
    page.wait_for_timeout(500)  # the tooltip's entrance moves it
    tip_box, link_box = tip.bounding_box(), link.bounding_box()
    assert tip_box["y"] >= link_box["y"] + link_box["height"] or tip_box["y"] + tip_box["height"] <= link_box["y"]


def test_the_glossary_filter_narrows_the_terms_as_you_type(page, site_url):
    page.goto(site_url + "glossary/")
    entries = page.locator(".cd-entry")
    total = entries.count()
    page.get_by_label("Filter terms").press_sequentially("capacity")
    visible = page.locator(".cd-entry:visible")
    expect(page.locator(".cd-glossary-filter__count")).to_contain_text(f"of {total} terms")
    shown = visible.count()
    assert 0 < shown < total
    for text in visible.all_inner_texts():
        assert "capacity" in text.lower()
    expect(page.locator(".cd-letter:visible h2").first).to_be_visible()
    page.get_by_label("Filter terms").fill("")
    page.get_by_label("Filter terms").press("End")
    expect(page.locator(".cd-entry:visible")).to_have_count(total)


def test_the_glossary_letters_stay_in_view_as_you_scroll(page, site_url):
    page.goto(site_url + "glossary/")
    page.mouse.wheel(0, 6000)
    page.wait_for_timeout(300)
    bar = page.locator(".cd-glossary-bar").bounding_box()
    assert 0 <= bar["y"] < 120
    page.locator(".cd-az").get_by_role("link", name="S", exact=True).click()
    expect(page).to_have_url(re.compile(r"#letter-s$"))


def test_scripts_load_only_on_pages_that_use_them(page, site_url):
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(site_url + "glossary/", wait_until="load")
    glossary = [url.rsplit("/", 1)[-1] for url in seen if "/assets/cramdown" in url]
    assert "cramdown-page.js" in glossary and "cramdown-glossary.js" in glossary
    assert not {"cramdown-formulas.js", "cramdown-widgets.js", "cramdown-study.js"} & set(glossary)
    seen.clear()
    page.goto(site_url + "services/dynamodb/", wait_until="load")
    dynamodb = [url.rsplit("/", 1)[-1] for url in seen if "/assets/cramdown" in url]
    assert {"cramdown-formulas.js", "cramdown-widgets.js"} <= set(dynamodb)
    assert "cramdown-glossary.js" not in dynamodb


def test_a_calculator_starts_after_instant_navigation_from_a_page_without_one(page, site_url):
    page.goto(site_url + "glossary/")
    page.evaluate("window.cramdownNoReload = true")
    nav = page.get_by_role("navigation", name="Navigation")
    nav.locator("label.md-nav__link", has_text="Databases").click()
    nav.get_by_role("link", name="DynamoDB", exact=True).click()
    expect(page.locator('form.cd-calc[data-calc="dynamodb"] .cd-calc__answer')).to_have_text("30 WCU")
    assert page.evaluate("window.cramdownNoReload") is True
    page.get_by_label("Reviewed", exact=True).check()
    assert "services/dynamodb.md" in page.evaluate("JSON.stringify(localStorage)")


def test_services_without_notes_of_their_own_are_no_navigation_stop(page, site_url):
    page.goto(site_url)
    others = page.locator(".cd-others a")
    assert others.count() > 0
    name = others.first.inner_text()
    nav = page.get_by_role("navigation", name="Navigation")
    assert nav.get_by_role("link", name=name, exact=True).count() == 0
    others.first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(name)
    assert page.locator(".md-footer__link").count() == 0  # no Previous or Next from here


def test_topic_overviews_are_no_previous_or_next_stop(page, site_url):
    page.goto(site_url)
    nav = page.get_by_role("navigation", name="Navigation")
    overview = nav.locator("a.md-nav__link", has_text="(overview)").first
    href = overview.get_attribute("href")
    page.goto(site_url + "services/ecs/")
    for link in page.locator(".md-footer__link").all():
        assert link.get_attribute("href").rstrip("/").rsplit("/", 1)[-1] != href.rstrip("/").rsplit("/", 1)[-1]
        assert "(overview)" not in link.inner_text()


@pytest.mark.parametrize("typed, same_as", [("6 KB", "6"), ("6kb", "6"), ("0.25 MB", "256")])
def test_the_dynamodb_calculator_takes_sizes_with_their_unit(page, site_url, typed, same_as):
    page.goto(site_url + "calculators/")
    form = page.locator('form.cd-calc[data-calc="dynamodb"]')
    form.get_by_label("Operation").select_option("read")
    form.get_by_label("Item size").fill(same_as)
    expected = form.locator(".cd-calc__answer").inner_text()
    form.get_by_label("Item size").fill(typed)
    expect(form.locator(".cd-calc__answer")).to_have_text(expected)
    form.get_by_label("Requests").fill("1,500")
    expect(form.locator(".cd-calc__answer")).not_to_contain_text("not a number")


def test_an_invalid_field_is_marked_and_the_form_does_not_move(page, site_url):
    page.goto(site_url + "calculators/")
    form = page.locator('form.cd-calc[data-calc="dynamodb"]')
    fields = form.locator(".cd-calc__field")
    before = [fields.nth(i).bounding_box() for i in range(fields.count())]
    size = form.get_by_label("Item size")
    size.fill("lots")
    expect(size).to_have_attribute("aria-invalid", "true")
    expect(form.locator(".cd-calc__answer")).to_contain_text("Item size")
    assert size.evaluate("el => getComputedStyle(el).boxShadow") != "none"
    after = [fields.nth(i).bounding_box() for i in range(fields.count())]
    assert after == before
    expect(form.locator(".cd-calc__units")).to_contain_text("1,024")


def test_the_payload_advisor_shows_both_values_of_a_changed_limit(page, site_url):
    page.goto(site_url + "calculators/")
    form = page.locator('form.cd-calc[data-calc="payload"]')
    form.get_by_label("Payload size").fill("300")
    form.get_by_label("Unit").select_option("KB")
    expect(form.locator(".cd-calc__steps")).to_contain_text(
        re.compile(r"SQS message: fits today's 1 MiB limit \(was 256 KiB until \d{4}-\d{2}-\d{2}\)"))


def test_a_lines_link_marks_the_whole_range_in_the_notes(page, site_url):
    page.goto(site_url + "services/sqs/")
    link = page.get_by_role("link", name=re.compile(r"lines \d+–\d+")).first
    first, last = map(int, re.search(r"lines (\d+)–(\d+)", link.inner_text()).groups())
    link.click()
    marked = page.locator("tr.cd-hl")
    expect(marked.first).to_be_in_viewport()
    ids = [int(i[1:]) for i in marked.evaluate_all("rows => rows.map(r => r.id)")]
    assert ids[0] == first and ids[-1] == last
    # Compact rows: on average well under two lines of text each.
    assert page.evaluate("(t => t.getBoundingClientRect().height / t.rows.length)"
                         "(document.querySelector('.cd-notes-source table'))") < 30
