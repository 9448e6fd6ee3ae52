"""A reader finds their way around the site with clicks and the keyboard."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from helpers import DEFAULT_NOTES_SHOWN, line_of

# Playwright writes a pattern out between slashes, so a slash in it is escaped.
SOURCE_LINK = re.compile(re.escape(DEFAULT_NOTES_SHOWN).replace("/", r"\/") + r", lines \d+–\d+")


def title(text: str):
    """The H1 text (Material adds a ¶ permalink after it)."""
    return re.compile(rf"^{re.escape(text)}¶?$")


def test_home_card_leads_to_the_service_page(page, site_url):
    page.goto(site_url)
    page.get_by_role("link", name="DynamoDB", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title("DynamoDB"))
    expect(page.locator(".md-path")).to_contain_text("Databases")
    expect(page.get_by_role("link", name=SOURCE_LINK).first).to_be_visible()


def test_source_link_opens_the_notes_at_that_line(page, site_url):
    page.goto(site_url + "services/sqs/")
    page.get_by_role("link", name=SOURCE_LINK).first.click()
    row = page.locator("tr.cd-hl").first
    expect(row).to_have_attribute("id", f"L{line_of('SQS: This is AWS Simple Queue Service')}")
    expect(row).to_contain_text("SQS: This is AWS Simple Queue Service")
    expect(row).to_be_in_viewport()


def test_review_item_links_to_its_service(page, site_url):
    page.goto(site_url + "practice-exam/")
    item = page.locator(f"#exam-{line_of('PlaintText vs SecureString in SSM')}")
    expect(item).to_contain_text("PlaintText vs SecureString in SSM")
    item.get_by_role("link", name="SSM Parameter Store").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title("SSM Parameter Store"))
    expect(page.locator(".admonition.warning")).to_contain_text("PlaintText vs SecureString in SSM")


def test_dark_mode_toggle(page, site_url):
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.get_by_title("Switch to dark mode").click()  # the visible toggle; the radio input is hidden
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def test_phone_width_navigation_drawer(chromium, site_url):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url)
    drawer_button = page.locator("label.md-header__button[for='__drawer']")
    drawer_button.tap()
    nav = page.locator("nav.md-nav--primary")
    nav.locator("label.md-nav__link", has_text="Databases").tap()
    nav.get_by_role("link", name="DynamoDB", exact=True).tap()
    expect(page.get_by_role("heading", level=1)).to_have_text(title("DynamoDB"))
    context.close()
