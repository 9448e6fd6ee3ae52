"""The MkDocs adapter: wires the Cramdown pipeline into MkDocs events.

Pipeline (one module per step, none of which imports MkDocs):
read_notes -> split_by_service -> route_exam_notes -> render_widgets ->
build_pages, then link_terms while each page's Markdown is converted, and
check_nothing_lost at the end.

This file only translates: MkDocs config in, virtual pages and navigation
out, and ``NotesError`` turned into ``PluginError`` so the build stops with
one clear line. Per-build state hangs off the config object, which MkDocs
creates anew for every build, so ``mkdocs serve`` rebuilds start clean.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, field
from html import escape as html_escape
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from build_pages import PageSpec, SitePlan, build_pages, service_mentions, service_uri, services_with_pages
from check_nothing_lost import blocks_by_line, missing_from_page, unplaced_lines
from link_terms import (MENTIONED_PLACEHOLDER_RE, LinkTermsExtension, PageUse, Term, TermLinker, build_matcher,
                        glossary_page, is_term)
from exam_data import load_exam
from mkdocs_settings import CramdownSettings, load_settings
from notes_model import NotesError, NotesFile
from read_notes import notes_images, read_notes_dir
from rewrite_links import LinkMap, RewriteLinksExtension
from render_widgets import (FENCE_NAME, Calculator, Limit, calculators_page, check_fence_options, limits_json,
                            numbers_page, plan_widgets)
from route_exam_notes import route_exam_notes, unassigned_notices
from service_catalogue import Catalogue
from safe_urls import SafeUrlsExtension
from site_paths import slugify
from split_by_service import split_by_service
from study_cards import CARD_URLS_PLACEHOLDER, make_cards, study_page

log = logging.getLogger("mkdocs.hooks.cramdown")

GLOSSARY = "glossary.md"
STUDY = "study.md"
NOT_LINKED = {"home", "source"}  # page kinds whose text gets no term links
FROM_NOTES = {"service", "topic", "general", "review"}  # page kinds made of notes text
NOTES_FILES_URI = "notes-files"  # images from the notes folder, in the site

@dataclass
class _BuildState:
    root: Path
    settings: CramdownSettings
    catalogue: Catalogue
    limits: dict[str, Limit]
    calculators: dict[str, Calculator]
    glossary: dict[str, Term] = field(default_factory=dict)
    render: object = None  # template renderer, set in on_config
    linker: TermLinker | None = None  # set in on_config
    widget_count: int = 0
    service_pages: dict = field(default_factory=dict)  # service id -> src uri
    current: tuple | None = None  # (src uri, own service id) of the page being converted
    page_use: dict = field(default_factory=dict)  # src uri -> PageUse
    page_links: dict = field(default_factory=dict)  # src uri -> (url, title), for "Mentioned on"
    files: list[NotesFile] = field(default_factory=list)
    plan: SitePlan | None = None
    page_lines: dict = field(default_factory=dict)  # src_uri -> notes lines it must show
    page_html: dict = field(default_factory=dict)  # src_uri -> rendered HTML
    links: LinkMap | None = None  # where the notes' own links go, set in on_files
    link_page: str | None = None  # src uri of the notes page being converted
    link_page_url: str | None = None  # and its URL in the site


def _state(config: MkDocsConfig) -> _BuildState:
    return config._cramdown  # type: ignore[attr-defined]


def _calculator_fence(state: _BuildState) -> dict:
    """```calculator NAME renders the widget NAME. Names were checked before
    Markdown runs (SuperFences swallows errors), so this only renders."""

    def validator(language, inputs, options, attrs, md) -> bool:
        options.update(inputs)
        return True

    def formatter(source, language, css_class, options, md, **kwargs) -> str:
        name = next(key for key in options if key in state.calculators)
        calculator = state.calculators[name]
        state.widget_count += 1
        # Stripped: Python-Markdown takes stashed HTML for a block (not a <p>'s
        # content) only when it starts with the tag itself.
        return state.render(calculator.template, id=f"cd-calc-{state.widget_count}", title=calculator.title,
                            limits=limits_json(calculator, state.limits)).strip()

    return {"name": FENCE_NAME, "class": "cd-calc", "format": formatter, "validator": validator}


FENCE_LINE_RE = re.compile(r"^\s*(`{3,}|~{3,})\s*" + FENCE_NAME + r"\b(?P<options>[^`]*)$")


def _check_fences(lines: list[str], path: str, state: _BuildState, first_line: int = 1) -> None:
    for number, text in enumerate(lines, first_line):
        match = FENCE_LINE_RE.match(text)
        if match:
            options = {word: word for word in match.group("options").split()}
            check_fence_options(options, state.calculators, path, number)


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
    root = Path(config.config_file_path).resolve().parent
    settings = load_settings(config.extra.get("cramdown"))
    try:
        exam = load_exam(root / settings["exam"], settings["exam"])
    except NotesError as error:
        raise PluginError(str(error)) from None
    state = _BuildState(root=root, settings=settings, catalogue=exam.catalogue, limits=exam.limits,
                        calculators=exam.calculators, glossary=exam.glossary)
    env = config.theme.get_env()
    env.bytecode_cache = _template_cache()
    state.render = lambda template, /, **context: env.get_template(template).render(**context)
    config._cramdown = state  # type: ignore[attr-defined]
    fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault("custom_fences", [])
    fences[:] = [f for f in fences if f.get("name") != FENCE_NAME] + [_calculator_fence(state)]
    linker = TermLinker(build_matcher(exam.glossary, exam.catalogue), GLOSSARY, lambda sid: state.service_pages.get(sid),
                        lambda text: {hit.payload.service.id for hit in exam.catalogue.mentions(text)})
    state.linker = linker
    config.markdown_extensions[:] = [e for e in config.markdown_extensions
                                     if not isinstance(e, (LinkTermsExtension, SafeUrlsExtension,
                                                           RewriteLinksExtension))]
    config.markdown_extensions.append(SafeUrlsExtension())
    config.markdown_extensions.append(RewriteLinksExtension(lambda: state.link_page, lambda: state.links,
                                                            lambda: state.link_page_url))
    config.markdown_extensions.append(LinkTermsExtension(
        linker, current_page=lambda: state.current,
        on_page_use=lambda uri, use: state.page_use.__setitem__(uri, use)))
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
    state = _state(config)
    settings = state.settings
    try:
        notes_prefix = settings["notes"].rstrip("/")
        state.files = read_notes_dir(state.root / settings["notes"], notes_prefix)
        for notes_file in state.files:
            for notice in notes_file.notices:
                log.info("cramdown: %s", notice)
        split = split_by_service(state.files, state.catalogue, tuple(settings["exam_markers"]))
        if not split.sections and not split.exam_items:
            first = state.files[0]
            raise NotesError(first.path, 1, "no service from the catalogue was found in the notes",
                             f"start a bullet or heading with a service name from {settings['exam']}/services.yml, "
                             "e.g. '• SQS:' or '## SQS'")
        routing = route_exam_notes(split.exam_items, state.catalogue)
        for notice in unassigned_notices(routing, f"{settings['exam']}/services.yml"):
            log.info("cramdown: %s", notice)
        for notes_file in state.files:
            _check_fences([line.text for line in notes_file.lines], notes_file.path, state)
        # Hand-written pages may place widgets too: check them before any Markdown runs.
        docs = os.path.relpath(config.docs_dir, state.root).replace(os.sep, "/")
        for page_file in files.documentation_pages():
            _check_fences(page_file.content_string.split("\n"), f"{docs}/{page_file.src_uri}", state)
    except NotesError as error:
        raise PluginError(str(error)) from None

    images = notes_images(state.root / settings["notes"], notes_prefix)
    assets = {path: f"{NOTES_FILES_URI}/{path.split('/', 1)[1]}" for path in images}
    node_services = service_mentions(split, state.catalogue)
    with_pages = services_with_pages(split, routing, state.catalogue, node_services)
    services = {s.id for s in with_pages}
    widgets = plan_widgets(split, routing, state.calculators, state.limits, services)
    for mismatch in widgets.mismatches:
        log.info("cramdown: %s", mismatch)
    service_pages = {s.id: service_uri(s.id) for s in with_pages}
    state.service_pages = service_pages
    # An exam without a glossary, calculators or limits gets no such page.
    extra = []
    if state.glossary:
        extra.append(PageSpec(GLOSSARY, "Glossary", "glossary",
                              "---\nhide: [toc]\nsearch: {boost: 0.3}\ncramdown: {kind: glossary}\n---\n\n" +
                              glossary_page(state.glossary, state.catalogue, service_pages, state.render)))
    if state.calculators:
        extra.append(PageSpec("calculators.md", "Calculators", "calculators", calculators_page(state.calculators)))
    if state.limits:
        extra.append(PageSpec("numbers.md", "Numbers to remember", "numbers",
                              numbers_page(state.limits, state.catalogue, service_pages)))
    service_terms: dict[str, list[str]] = {}
    for term in state.glossary.values():
        if term.service:
            service_terms.setdefault(term.service, []).extend(term.names)
    # Cards blank glossary terms: the linker's matcher, narrowed to them.
    cards = make_cards(split, routing, lambda text: state.linker.matcher.finditer(text, keep=is_term))
    store = "cramdown:v1:" + slugify(config.site_name, fallback="site")
    cards_by_service: dict[str, list[str]] = {}
    for card in cards:
        cards_by_service.setdefault(card.service, []).append(card.id)
    extra.append(PageSpec(STUDY, "Study cards", "study",
                          "---\nhide: [toc]\nsearch: {exclude: true}\ncramdown: {kind: study}\n---\n\n" +
                          study_page(cards, state.catalogue, state.render, store)))
    plan = build_pages(split, routing, state.catalogue, state.render, site_title=config.site_name,
                       widgets=widgets, extra_pages=extra, service_terms=service_terms,
                       study={"store": store, "cards": cards_by_service}, services=with_pages,
                       node_services=node_services, assets=assets)
    state.plan = plan
    docs_dir = Path(config.docs_dir)
    for spec in plan.pages:
        if files.get_file_from_path(spec.src_uri) is not None:
            log.info("cramdown: %s exists in %s, so it is used instead of the generated page",
                     spec.src_uri, config.docs_dir)
            continue
        # The notes-source pages are link targets, not reading material.
        inclusion = InclusionLevel.NOT_IN_NAV if spec.kind == "source" else InclusionLevel.UNDEFINED
        generated = File.generated(config, spec.src_uri, content=spec.markdown, inclusion=inclusion)
        if spec.edit_path:
            generated.edit_uri = os.path.relpath(state.root / spec.edit_path, docs_dir).replace(os.sep, "/")
        files.append(generated)
        state.page_lines[spec.src_uri] = spec.lines
    for path, source in images.items():
        if files.get_file_from_path(assets[path]) is None:
            files.append(File.generated(config, assets[path], abs_src_path=str(source)))
    state.links = _link_map(plan, state.files, assets, notes_prefix)
    if not config.nav:
        config.nav = plan.nav + _hand_written_pages(files, plan)
    log.info("cramdown: %s", plan.summary)
    return files


def _link_map(plan: SitePlan, notes: list[NotesFile], assets: dict[str, str], notes_prefix: str) -> LinkMap:
    """Where the notes' own links can go: each file's first page, each
    heading's landing place, the published images and every page."""
    first: dict[str, tuple[int, int, str]] = {}  # notes path -> (line, review page last, page)
    for spec in plan.pages:
        for line in spec.lines:
            candidate = (line.number, spec.kind == "review", spec.src_uri)
            if line.path not in first or candidate < first[line.path]:
                first[line.path] = candidate
    return LinkMap(notes_prefix=notes_prefix, notes_files={f.path for f in notes},
                   file_pages={path: page for path, (_, _, page) in first.items()}, landed=plan.landed,
                   assets=assets)


def _hand_written_pages(files: Files, plan: SitePlan) -> list:
    generated = {spec.src_uri for spec in plan.pages}
    return sorted(f.src_uri for f in files.documentation_pages()
                  if f.src_uri not in generated and not f.src_uri.startswith("notes-source/"))


def _page_kind(page: Page) -> str | None:
    meta = page.meta.get("cramdown") or {}
    return meta.get("kind") if isinstance(meta, dict) else None


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Tell the term linker which page it is about to see."""
    state = _state(config)
    kind = _page_kind(page)
    meta = page.meta.get("cramdown") or {}
    own = meta.get("service") if isinstance(meta, dict) else None
    state.current = None if kind in NOT_LINKED or kind in ("glossary", "study") else (page.file.src_uri, own)
    state.link_page = page.file.src_uri if kind in FROM_NOTES else None
    state.link_page_url = page.url
    if kind == "study":
        # Card links depend on the build mode (directory URLs or .html files).
        urls = {sid: get_relative_url(files.get_file_from_path(uri).url, page.url)
                for sid, uri in state.service_pages.items() if files.get_file_from_path(uri)}
        markdown = markdown.replace(CARD_URLS_PLACEHOLDER, html_escape(json.dumps(urls, sort_keys=True)))
    return markdown


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _state(config)
    uri = page.file.src_uri
    state.current = None
    state.link_page = None
    state.page_links[uri] = (page.url, page.title)
    if state.page_lines.get(uri):
        state.page_html[uri] = html
    use: PageUse | None = state.page_use.get(uri)
    if _page_kind(page) == "service" and use and use.terms:
        # Tooltips do not print: a printed service page lists its terms at the end.
        html += state.render("partials/cramdown/terms-used.html", terms=list(use.terms.values()))
    return html


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    """Fill in the glossary's "Mentioned on" lists, now that every page is known."""
    if page.file.src_uri != GLOSSARY:
        return output
    state = _state(config)
    pages_by_term: dict[str, list[tuple[str, str]]] = {}
    for uri, use in sorted(state.page_use.items()):
        url, title = state.page_links.get(uri, (None, None))
        if url is None:
            continue
        for slug in use.terms:
            pages_by_term.setdefault(slug, []).append((get_relative_url(url, page.url), title))

    def links(match) -> str:
        found = pages_by_term.get(match.group(1), [])
        if not found:
            return "no page yet"
        return ", ".join(f'<a href="{html_escape(url)}">{html_escape(title)}</a>' for url, title in found)

    return MENTIONED_PLACEHOLDER_RE.sub(links, output)


def on_post_build(*, config: MkDocsConfig) -> None:
    state = _state(config)
    placed = {(line.path, line.number) for lines in state.page_lines.values() for line in lines}
    unplaced = unplaced_lines(state.files, placed)
    if unplaced:
        line = unplaced[0]
        raise PluginError(f"{line.path}:{line.number}: this line was not placed on any page "
                          f"({len(unplaced)} lines in all; this is a Cramdown bug, please report it)")
    blocks = blocks_by_line(state.files)
    for uri, lines in state.page_lines.items():
        missing = missing_from_page(lines, state.page_html.get(uri, ""), blocks)
        if missing:
            line = missing[0]
            raise PluginError(f"{line.path}:{line.number}: this line is missing from the built page {uri} "
                              f"({len(missing)} lines in all; this is a Cramdown bug, please report it)")
