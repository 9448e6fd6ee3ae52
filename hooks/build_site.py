"""The pipeline, in the order it runs: notes in, pages out. No MkDocs here.

1. ``read_notes``: the notes files into trees of blocks (Markdown through
   ``read_markdown``, outline text through ``read_outline``).
2. ``split_by_service``: a section per service, topics, the General page's
   text, and the practice-exam notes.
3. ``route_exam_notes``: each practice-exam note to the services it is about.
4. ``calculators`` and ``limits``: where the calculators go, the worked
   examples and their checks, the lines that state a limit that has changed.
5. ``study_cards``: the self-test deck; ``practice_questions``: the
   practice test's multiple-choice questions; ``notes_coverage``: what the
   notes leave out against the exam guide.
6. ``write_pages``: every page, the navigation and the build's summary.

While MkDocs converts each page, three Python-Markdown tree processors
finish it (``rewrite_links``, ``link_terms``, ``safe_urls``), and at the end
``check_nothing_lost`` checks every line of the notes shows on a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from notes_coverage import measure
from practice_questions import make_questions

from calculators import check_fences, plan_calculators
from exam_data import Exam
from export_deck import anki_package, quizlet_csv
from limits import both_values, changed_limit_lines
from notes_model import NotesError, NotesFile
from read_notes import notes_images, read_notes_dir
from rewrite_links import LinkMap
from route_exam_notes import route_exam_notes, unassigned_notices
from site_paths import slugify
from split_by_service import split_by_service
from study_cards import make_cards
from write_pages import PageContext, PageSpec, SiteFacts, Urls, service_nodes, write_pages
from write_pages.common import Render, lines_of

NOTES_FILES_URI = "notes-files"  # images from the notes folder, in the site
# Study progress in the browser's localStorage: this prefix and the site's
# name. Version 2 holds FSRS state; the study script reads version 1 (SM-2)
# progress under the same name with ":v1:" and carries it over.
STORE_PREFIX = "cramdown:v2:"
DOWNLOADS = "downloads"  # the deck as an Anki package and a Quizlet CSV, in the site


@dataclass
class BuiltSite:
    """What MkDocs gets: the pages, the images, the navigation, what to log,
    and what the converters of each page need."""

    files: list[NotesFile]  # the notes, read
    pages: list[PageSpec]
    images: dict[str, Path]  # path in the site -> the image in the notes folder
    nav: list
    summary: str
    links: LinkMap  # where the notes' own links go
    service_pages: dict[str, str]  # service id -> src uri
    notices: list[str] = field(default_factory=list)  # "file:line: ..." for the build log
    downloads: dict[str, bytes] = field(default_factory=dict)  # path in the site -> the deck for Anki or Quizlet


def build_site(notes_dir: Path, notes_prefix: str, exam: Exam, exam_markers: tuple[str, ...], render: Render,
               urls: Urls, site_title: str, hand_written: list[tuple[str, str]], *,
               deck_time: float = 0.0) -> BuiltSite:
    """Build the site's pages from the notes in ``notes_dir`` (shown as
    ``notes_prefix/...``). ``hand_written``: (path, text) of the pages in the
    docs folder, whose calculator fences are checked too. ``deck_time`` is
    the time written into the Anki package. Bad input raises ``NotesError``."""
    return site_from_notes(read_notes_dir(notes_dir, notes_prefix), notes_images(notes_dir, notes_prefix), exam,
                           exam_markers, render, urls, site_title, hand_written, deck_time=deck_time)


def site_from_notes(files: list[NotesFile], images: dict[str, Path], exam: Exam, exam_markers: tuple[str, ...],
                    render: Render, urls: Urls, site_title: str, hand_written: list[tuple[str, str]], *,
                    deck_time: float = 0.0) -> BuiltSite:
    """``build_site`` for notes already read; ``images``: notes path -> file."""
    notes_prefix = files[0].path.split("/", 1)[0] if files else "notes"
    notices = [notice for notes_file in files for notice in notes_file.notices]
    split = split_by_service(files, exam.catalogue, exam_markers)
    if not split.sections and not split.exam_items:
        raise NotesError(files[0].path, 1, "no service from the catalogue was found in the notes",
                         f"start a bullet or heading with a service name from {exam.folder}/services.yml, "
                         "e.g. '• SQS:' or '## SQS'")
    routing = route_exam_notes(split.exam_items, exam.catalogue)
    notices += unassigned_notices(routing, f"{exam.folder}/services.yml")
    for notes_file in files:
        check_fences([line.text for line in notes_file.lines], notes_file.path, exam.calculators)
    for path, text in hand_written:
        check_fences(text.split("\n"), path, exam.calculators)

    facts = SiteFacts.of(split, routing, exam.catalogue)
    own_notes = service_nodes(split, routing)
    section_blocks = {sid: [n for s in sections for n in s.nodes] for sid, sections in split.sections.items()}
    calculator_plan = plan_calculators(section_blocks, exam.calculators, exam.limits, set(facts.service_pages))
    notices += [example.mismatch() for example in calculator_plan.examples if example.wrong]
    every_node = [n for sections in split.sections.values() for s in sections for n in s.nodes]
    every_node += [n for group in split.groups.values() for s in group.intro for n in s.nodes]
    every_node += [n for s in split.general for n in s.nodes] + [n for i in split.exam_items for n in i.nodes]
    assets = {path: f"{NOTES_FILES_URI}/{path.split('/', 1)[1]}" for path in images}

    changed = changed_limit_lines(every_node, exam.limits, own_notes)
    cards = make_cards(split, routing, exam.find_terms, {key: both_values(found) for key, found in changed.items()})
    questions = make_questions(cards, exam.catalogue, exam.glossary, exam.limits, list(facts.service_pages))
    coverage = None
    if exam.guide:
        own_text = {sid: [line.text for line in lines_of(nodes)] for sid, nodes in own_notes.items()}
        every_line = [line.text for notes_file in files for line in notes_file.lines if line.text.strip()]
        coverage = measure(exam.guide, exam.catalogue, exam.glossary, own_text, every_line, exam.find_terms)
    slug = slugify(site_title, fallback="site")
    downloads = {f"{DOWNLOADS}/{slug}.apkg": anki_package(cards, {s.id: s.title for s in facts.services}, site_title,
                                                          deck_time),
                 f"{DOWNLOADS}/{slug}.csv": quizlet_csv(cards).encode()} if cards else {}
    ctx = PageContext(
        split=split, routing=routing, catalogue=exam.catalogue, facts=facts, render=render, urls=urls,
        site_title=site_title, limits=exam.limits, glossary=exam.glossary,
        calculator_names=list(exam.calculators),
        calculator_titles={name: c.title for name, c in exam.calculators.items()},
        calculator_plan=calculator_plan, changed=changed,
        cards=cards, store=STORE_PREFIX + slug, assets=assets, downloads=sorted(downloads),
        questions=questions, guide=exam.guide, coverage=coverage)
    written = write_pages(ctx)
    return BuiltSite(files=files, pages=written.pages,
                     images={assets[path]: source for path, source in images.items()},
                     nav=written.nav, summary=written.summary,
                     links=_link_map(written.pages, written.landed, files, assets, notes_prefix),
                     service_pages=facts.service_pages, notices=notices, downloads=downloads)


def _link_map(pages: list[PageSpec], landed: dict, notes: list[NotesFile], assets: dict[str, str],
              notes_prefix: str) -> LinkMap:
    """Where the notes' own links can go: each file's first page, each
    heading's landing place and the published images."""
    first: dict[str, tuple[int, bool, str]] = {}  # notes path -> (line, on the review page, page)
    for spec in pages:
        for line in spec.lines:
            candidate = (line.number, spec.kind == "review", spec.src_uri)
            if line.path not in first or candidate < first[line.path]:
                first[line.path] = candidate
    return LinkMap(notes_prefix=notes_prefix, notes_files={f.path for f in notes},
                   file_pages={path: page for path, (_, _, page) in first.items()}, landed=landed, assets=assets)
