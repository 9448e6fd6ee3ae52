"""The MkDocs adapter: MkDocs events in, the Cramdown pipeline's results out.

- ``on_config``: read the settings (``mkdocs_settings.py``) and the exam's
  data (``exam_data.py``); register the calculator fence and the tree
  processors that finish each page (``rewrite_links``, ``link_terms``,
  ``safe_urls``).
- ``on_files``: run the pipeline (``build_site.py``) and hand MkDocs its
  pages, images and navigation.
- ``on_page_markdown`` / ``on_page_content``: tell the tree processors which
  page they are on; keep each page's HTML for the nothing-lost check.
- ``on_post_page``: fill in the glossary's "Mentioned on" lists, once every
  page has been converted.
- ``on_post_build``: check that nothing of the notes was lost.

The state of one build lives on a ``_Build`` this module owns, made anew in
``on_config``, so ``mkdocs serve`` rebuilds start clean. Bad input
(``NotesError``) becomes a ``PluginError``: one line, no traceback.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from build_site import BuiltSite, build_site
from calculators import FENCE_NAME, superfences_fence
from check_nothing_lost import blocks_by_line, missing_from_page, unplaced_lines
from exam_data import Exam, load_exam
from link_terms import LinkTermsExtension, PageUse, TermLinker
from mkdocs_settings import CramdownSettings, load_settings
from notes_model import NotesError
from rewrite_links import RewriteLinksExtension
from safe_urls import SafeUrlsExtension
from write_pages import Urls
from write_pages.common import GLOSSARY
from write_pages.glossary_page import fill_mentions
from write_pages.service_page import terms_used

log = logging.getLogger("mkdocs.hooks.cramdown")

NOT_LINKED = {"home", "source", "glossary", "study"}  # page kinds whose text gets no term links
FROM_NOTES = {"service", "topic", "general", "review"}  # page kinds made of notes text


@dataclass
class _Build:
    """Everything one build keeps between MkDocs events."""

    root: Path
    settings: CramdownSettings
    exam: Exam
    render: Callable[..., str]
    site: BuiltSite | None = None
    page: str | None = None  # src uri of the page being converted
    own_service: str | None = None  # and the service it is about
    page_kind: str | None = None
    page_use: dict[str, PageUse] = field(default_factory=dict)  # src uri -> terms and services it mentions
    page_links: dict[str, tuple[str, str]] = field(default_factory=dict)  # src uri -> (url, title)
    page_html: dict[str, str] = field(default_factory=dict)  # src uri -> converted HTML
    page_lines: dict = field(default_factory=dict)  # src uri -> notes lines it must show


_build: _Build | None = None


def last_build() -> _Build | None:
    """The state of the last build (for scripts that measure builds)."""
    return _build


def _state() -> _Build:
    assert _build is not None, "on_config has not run"
    return _build


def _template_cache() -> FileSystemBytecodeCache | None:
    """Compiling Cramdown's templates was a tenth of a small build's time.
    Jinja's bytecode cache (a private folder in the user's temp directory,
    each entry checked against its template's source) makes it a one-time cost."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no usable temp folder: compile every time
        return None


# -- MkDocs events --------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    root = Path(config.config_file_path).resolve().parent
    settings = load_settings(config.extra.get("cramdown"))
    try:
        exam = load_exam(root / settings["exam"], settings["exam"])
    except NotesError as error:
        raise PluginError(str(error)) from None
    env = config.theme.get_env()
    env.bytecode_cache = _template_cache()

    def render(template: str, /, **context) -> str:
        return env.get_template(template).render(**context)

    build = _build = _Build(root=root, settings=settings, exam=exam, render=render)
    fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault("custom_fences", [])
    fences[:] = [f for f in fences if f.get("name") != FENCE_NAME] + [
        superfences_fence(exam.calculators, exam.limits, render)]
    linker = TermLinker(exam.names, GLOSSARY,
                        lambda sid: build.site.service_pages.get(sid) if build.site else None, exam.services_named)
    config.markdown_extensions[:] = [e for e in config.markdown_extensions if not isinstance(
        e, (LinkTermsExtension, SafeUrlsExtension, RewriteLinksExtension))]
    config.markdown_extensions += [
        SafeUrlsExtension(),
        RewriteLinksExtension(lambda: build.page if build.page_kind in FROM_NOTES else None,
                              lambda: build.site.links if build.site else None),
        LinkTermsExtension(linker, lambda: None if build.page is None or build.page_kind in NOT_LINKED
                           else (build.page, build.own_service), build.page_use.__setitem__),
    ]
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:
        # Opened from a folder, Material's instant navigation cannot load pages.
        config.theme["features"] = [f for f in config.theme["features"] if not f.startswith("navigation.instant")]
    elif config.extra.get("polyfills"):
        # Material's search needs the iframe-worker shim only from file://. On a
        # server it would be one more script blocking the first paint.
        config.extra["polyfills"] = [p for p in config.extra["polyfills"] if "iframe-worker" not in str(p)]
    notes_dir = str(root / settings["notes"])
    if notes_dir not in config.watch:
        config.watch.append(notes_dir)
    return config


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    build = _state()
    docs = os.path.relpath(config.docs_dir, build.root).replace(os.sep, "/")
    hand_written = [(f"{docs}/{f.src_uri}", f.content_string) for f in files.documentation_pages()]
    urls = Urls(of=lambda uri: File(uri, config.docs_dir, config.site_dir, config.use_directory_urls).url,
                between=get_relative_url)
    try:
        site = build.site = build_site(
            build.root / build.settings["notes"], build.settings["notes"].rstrip("/"), build.exam,
            tuple(build.settings["exam_markers"]), build.render, urls, config.site_name, hand_written,
            deck_time=float(os.environ.get("SOURCE_DATE_EPOCH") or time.time()))
    except NotesError as error:
        raise PluginError(str(error)) from None
    for notice in site.notices:
        log.info("cramdown: %s", notice)
    docs_dir = Path(config.docs_dir)
    in_nav = _nav_uris(config.nav or site.nav)
    for spec in site.pages:
        if files.get_file_from_path(spec.src_uri) is not None:
            log.info("cramdown: %s exists in %s, so it is used instead of the generated page",
                     spec.src_uri, config.docs_dir)
            continue
        # Notes-source pages and services with no notes of their own are link
        # targets, not reading stops.
        inclusion = InclusionLevel.UNDEFINED if spec.src_uri in in_nav else InclusionLevel.NOT_IN_NAV
        generated = File.generated(config, spec.src_uri, content=spec.markdown, inclusion=inclusion)
        if spec.edit_path:
            generated.edit_uri = os.path.relpath(build.root / spec.edit_path, docs_dir).replace(os.sep, "/")
        files.append(generated)
        build.page_lines[spec.src_uri] = spec.lines
    for uri, source in site.images.items():
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(source)))
    for uri, content in site.downloads.items():
        files.append(File.generated(config, uri, content=content))
    if not config.nav:
        generated_uris = {spec.src_uri for spec in site.pages}
        config.nav = site.nav + sorted(f.src_uri for f in files.documentation_pages()
                                       if f.src_uri not in generated_uris and not f.src_uri.startswith("notes-source/"))
    log.info("cramdown: %s", site.summary)
    return files


def _nav_uris(nav: list | dict | str) -> set[str]:
    if isinstance(nav, str):
        return {nav}
    items = nav.values() if isinstance(nav, dict) else nav
    return {uri for item in items for uri in _nav_uris(item)}


def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Topic overviews stay in the sidebar but are no Previous/Next stop."""
    build = _state()
    topics = {spec.src_uri for spec in build.site.pages if spec.kind == "topic"} if build.site else set()
    stops = [page for page in nav.pages if page.file.src_uri not in topics]
    for index, page in enumerate(stops):
        page.previous_page = stops[index - 1] if index else None
        page.next_page = stops[index + 1] if index + 1 < len(stops) else None
    return nav


def _meta(page: Page) -> dict:
    meta = page.meta.get("cramdown") or {}
    return meta if isinstance(meta, dict) else {}


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Tell the tree processors which page they are about to see."""
    build = _state()
    build.page, build.page_kind, build.own_service = page.file.src_uri, _meta(page).get("kind"), \
        _meta(page).get("service")
    return markdown


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _state()
    uri = page.file.src_uri
    build.page = build.page_kind = build.own_service = None
    build.page_links[uri] = (page.url, page.title)
    if build.page_lines.get(uri):
        build.page_html[uri] = html
    use = build.page_use.get(uri)
    if _meta(page).get("kind") == "service" and use and use.terms:
        html += terms_used(build.render, list(use.terms.values()))
    return html


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    """Fill in the glossary's "Mentioned on" lists, now that every page is known."""
    if page.file.src_uri != GLOSSARY:
        return output
    build = _state()
    pages_by_term: dict[str, list[tuple[str, str]]] = {}
    for uri, use in sorted(build.page_use.items()):
        if uri in build.page_links:
            url, title = build.page_links[uri]
            for slug in use.terms:
                pages_by_term.setdefault(slug, []).append((get_relative_url(url, page.url), title))
    return fill_mentions(output, pages_by_term)


def on_post_build(*, config: MkDocsConfig) -> None:
    build = _state()
    assert build.site is not None
    placed = {(line.path, line.number) for lines in build.page_lines.values() for line in lines}
    unplaced = unplaced_lines(build.site.files, placed)
    if unplaced:
        line = unplaced[0]
        raise PluginError(f"{line.path}:{line.number}: this line was not placed on any page "
                          f"({len(unplaced)} lines in all; this is a Cramdown bug, please report it)")
    blocks = blocks_by_line(build.site.files)
    for uri, lines in build.page_lines.items():
        missing = missing_from_page(lines, build.page_html.get(uri, ""), blocks)
        if missing:
            line = missing[0]
            raise PluginError(f"{line.path}:{line.number}: this line is missing from the built page {uri} "
                              f"({len(missing)} lines in all; this is a Cramdown bug, please report it)")
