"""Browser fixtures: the default site served on 127.0.0.1, Debian's
Chromium through Playwright, and visits to every page of the site."""

from __future__ import annotations

import pytest

from helpers import Visits, visit_every_page
from local_browser import launch_chromium, serve_folder


@pytest.fixture(scope="session")
def chromium():
    with launch_chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def site_url(default_site, site_port):
    with serve_folder(default_site.site, site_port) as base:
        yield base


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def light_visits(chromium, default_site, site_url) -> Visits:
    """Every page of the hosted default site at desktop size, light scheme."""
    return visit_every_page(chromium, default_site.site, site_url, color_scheme="light")
