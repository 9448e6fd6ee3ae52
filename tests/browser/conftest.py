"""Browser fixtures: the default site served on 127.0.0.1, and Debian's
Chromium through Playwright."""

from __future__ import annotations

import pytest

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
