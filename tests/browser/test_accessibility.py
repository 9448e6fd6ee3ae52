"""axe-core in Chromium on every page, in both colour schemes, with the
search results open, and for touch-target size at phone width; and a service
page and its calculator by keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from helpers import ROOT, content_pages

AXE = ROOT / "tests" / "node_modules" / "axe-core" / "axe.min.js"


def violations(page, only: list[str] | None = None) -> list[str]:
    """axe's findings on the page: its default rules, or ``only`` these."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run scripts/setup --test (npm ci in tests/)")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async (only) => {
        const result = await axe.run(document, only ? {runOnly: only} : {});
        if (only && result.passes.length + result.violations.length === 0) return ['nothing was checked'];
        return result.violations.map(
            v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`);
    }""", only)
    return found


def violations_on_every_page(chromium, site, site_url, only: list[str] | None = None,
                             **context_options) -> dict[str, list[str]]:
    """Every reading page of the built site, opened in a new context with
    ``context_options``: its axe findings, by page."""
    paths = [path.removesuffix("index.html") for path, _ in content_pages(site)]
    assert len(paths) > 50
    problems = {}
    context = chromium.new_context(**context_options)
    try:
        page = context.new_page()
        for path in paths:
            page.goto(site_url + path, wait_until="load")
            found = violations(page, only)
            if found:
                problems[path or "home"] = found
    finally:
        context.close()
    return problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_axe_violations(chromium, default_site, site_url, scheme):
    assert violations_on_every_page(chromium, default_site.site, site_url, color_scheme=scheme) == {}


def test_touch_targets_are_large_enough_or_far_enough_apart_on_a_phone(chromium, default_site, site_url):
    # WCAG 2.2's target size (24 px, or that much room around a smaller one):
    # Lighthouse's mobile audit checks it, axe's default rules leave it out.
    assert violations_on_every_page(chromium, default_site.site, site_url, only=["target-size"],
                                    viewport={"width": 412, "height": 823}, has_touch=True) == {}


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
