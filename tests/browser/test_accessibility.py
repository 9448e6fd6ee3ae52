"""axe-core in Chromium on every page, in both colour schemes, with the
search results open, and for touch-target size at phone width; and a service
page and its calculator by keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from helpers import AXE, AXE_RUN, visit_every_page


def violations(page, only: list[str] | None = None) -> list[str]:
    """axe's findings on the page: its default rules, or ``only`` these."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run scripts/setup --test (npm ci in tests/)")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN, only)


def test_every_page_has_no_axe_violations_in_the_light_scheme(light_visits):
    assert light_visits.pages > 50
    assert light_visits.axe == {}


def test_every_page_has_no_axe_violations_in_the_dark_scheme(chromium, default_site, site_url):
    visits = visit_every_page(chromium, default_site.site, site_url, color_scheme="dark")
    assert visits.pages > 50
    assert visits.axe == {}


def test_touch_targets_are_large_enough_or_far_enough_apart_on_a_phone(chromium, default_site, site_url):
    # WCAG 2.2's target size (24 px, or that much room around a smaller one):
    # Lighthouse's mobile audit checks it, axe's default rules leave it out.
    visits = visit_every_page(chromium, default_site.site, site_url, only=["target-size"],
                              viewport={"width": 412, "height": 823}, has_touch=True)
    assert visits.pages > 50
    assert visits.axe == {}


def test_search_results_open_have_no_axe_violations(page, site_url):
    page.goto(site_url + "services/sqs/")
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type("visibility timeout")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert violations(page) == []


def test_service_page_and_calculator_by_keyboard(page, site_url):
    page.goto(site_url + "services/dynamodb/")
    reached = []
    for _ in range(400):
        page.keyboard.press("Tab")
        label = page.evaluate("""() => {
            const el = document.activeElement;
            if (!el || el === document.body) return '';
            const labelled = (el.id && document.querySelector(`label[for="${el.id}"]`)) || el.closest('label');
            return (labelled ? labelled.textContent : el.getAttribute('aria-label') || el.textContent || '').trim();
        }""")
        reached.append(label)
        if label == "Requests":
            break
    assert "Skip to content" in reached[0]
    for wanted in ("Print cheat sheet", "Reviewed", "Try it", "Operation", "Consistency or mode", "Item size",
                   "Requests"):
        assert any(wanted in label for label in reached), wanted
    page.keyboard.press("Control+A")
    page.keyboard.type("12")
    expect(page.locator('form.cd-calc[data-calc="dynamodb"] .cd-calc__answer')).to_have_text("60 WCU")
    # Focus is visible where it lands: the browser draws an outline on the field.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
