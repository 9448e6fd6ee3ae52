"""Definitions on hover, on keyboard focus and on tap; the printed term list."""

from __future__ import annotations

import re

from playwright.sync_api import expect

TOOLTIP = ".md-tooltip2--active"


def test_hover_shows_the_definition(page, site_url):
    page.goto(site_url + "services/dynamodb/")
    page.locator('a.cd-term[href$="#gsi"]').hover()
    expect(page.locator(TOOLTIP)).to_contain_text("Global secondary index")


def test_keyboard_focus_shows_the_definition(page, site_url):
    page.goto(site_url + "services/dynamodb/")
    link = page.locator('a.cd-term[href$="#rcu"]')
    link.focus()
    expect(link).to_be_focused()
    expect(page.locator(TOOLTIP)).to_contain_text("Read capacity unit")


def test_tap_shows_the_definition_and_a_second_tap_follows(chromium, site_url):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + "services/sqs/")
    link = page.locator('a.cd-term[href$="#dlq"]')
    link.tap()
    expect(page.locator(TOOLTIP)).to_contain_text("Dead-letter queue")
    assert page.url.endswith("/services/sqs/")
    link.tap()
    expect(page).to_have_url(re.compile(r"/glossary/#dlq$"))
    context.close()


def test_printed_page_lists_the_terms_it_uses(page, site_url):
    page.goto(site_url + "services/dynamodb/")
    terms = page.locator(".cd-terms-used")
    expect(terms).to_be_hidden()
    page.emulate_media(media="print")
    expect(terms).to_be_visible()
    expect(terms.locator("b", has_text="GSI")).to_be_visible()


def test_print_layout_is_two_columns_without_site_chrome(page, site_url):
    page.goto(site_url + "services/sqs/")
    expect(page.get_by_role("button", name="Print cheat sheet")).to_be_visible()
    page.emulate_media(media="print")
    article = page.locator("article.md-content__inner")
    assert article.evaluate("el => getComputedStyle(el).columnCount") == "2"
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert page.locator(chrome).first.evaluate("el => getComputedStyle(el).display") == "none", chrome
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".cd-chip")).to_have_text("Application Integration")
    expect(page.locator(".admonition.warning")).to_contain_text("Max Size for SQS Message is 256KB")
