"""Two builds of the same sources are byte-identical, and no internal link,
anchor or asset of either build mode is broken."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from helpers import copy_project, run_build


def test_two_builds_are_byte_identical(tmp_path):
    project = copy_project(tmp_path / "project")
    trees = []
    for run, seed in enumerate(("1", "2")):
        # Different hash seeds: nothing may depend on set or dict order either.
        result = run_build(project, "-d", str(tmp_path / f"site{run}"),
                           env={"SOURCE_DATE_EPOCH": "1700000000", "PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.output
        site = tmp_path / f"site{run}"
        trees.append({p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()})
    assert trees[0].keys() == trees[1].keys()
    assert [name for name in trees[0] if trees[0][name] != trees[1][name]] == []


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        for key in ("href", "src"):
            if attributes.get(key) and not (tag == "link" and attributes.get("rel") in ("canonical",)):
                self.refs.append(attributes[key])


def crawl(site: Path, skip_404: bool) -> list[str]:
    """Broken references. Root-relative ones ("/assets/...", used by 404.html)
    resolve against the site root."""
    pages = {p: _Refs() for p in site.rglob("*.html") if not (skip_404 and p.name == "404.html")}
    for path, parser in pages.items():
        parser.feed(path.read_text(encoding="utf-8"))
    broken = []
    for path, parser in pages.items():
        for ref in parser.refs:
            parts = urlsplit(ref)
            if parts.scheme or ref.startswith(("//", "mailto:", "javascript:", "data:")):
                continue
            base = site if parts.path.startswith("/") else path.parent
            target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)} -> {ref}")
            elif (parts.fragment and target.suffix == ".html" and not parts.fragment.startswith(":~:")
                  and parts.fragment not in pages[target].ids and parts.fragment != "__skip"):
                broken.append(f"{path.relative_to(site)} -> {ref} (no such anchor)")
    return broken


@pytest.mark.parametrize("mode", ["hosted", "offline"])
def test_no_broken_internal_link_anchor_or_asset(mode, default_site, offline_site):
    site = default_site.site if mode == "hosted" else offline_site.site
    # Offline, there is no server to show 404.html, so its root-relative links do not matter.
    assert crawl(site, skip_404=mode == "offline") == []


def test_the_worker_shim_loads_only_in_the_offline_build(default_site, offline_site):
    # From file:// Material's search needs the iframe-worker shim; on a server
    # it would only be one more script blocking the first paint.
    shim = 'assets/vendor/iframe-worker/shim.js"></script>'
    assert shim not in (default_site.site / "services" / "dynamodb" / "index.html").read_text()
    assert shim in (offline_site.site / "services" / "dynamodb.html").read_text()
    assert (default_site.site / "assets" / "vendor" / "iframe-worker" / "LICENSE").exists()
