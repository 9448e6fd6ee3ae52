"""An exam's data: one folder of YAML files, loaded once per build.

    services.yml      the service catalogue (required)
    glossary.yml      terms and their definitions (optional)
    limits.yml        numbers, each with its source and change history (optional)
    calculators.yml   which calculator widgets go on which pages (optional;
                      its calculators use limits from limits.yml)
    exam_guide.yml    the exam's length, domains, services in scope and key
                      topics (optional; the Practice test's mock exam and the
                      Coverage page use it)

Another exam is another folder: only its service catalogue is required, and
what it leaves out (a glossary, the calculators, the numbers page) is simply
not built.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from exam_guide import ExamGuide, load_guide

from calculators import Calculator, load_calculators
from limits import Limit, load_limits
from link_terms import Link, Term, build_matcher, is_term, load_glossary
from notes_model import NotesError
from service_catalogue import Catalogue, load_catalogue
from term_matcher import TermMatch, TermMatcher

CATALOGUE = "services.yml"
GLOSSARY = "glossary.yml"
LIMITS = "limits.yml"
CALCULATORS = "calculators.yml"
GUIDE = "exam_guide.yml"


@dataclass
class Exam:
    folder: str  # as written in the settings, for messages
    catalogue: Catalogue
    glossary: dict[str, Term] = field(default_factory=dict)
    limits: dict[str, Limit] = field(default_factory=dict)
    calculators: dict[str, Calculator] = field(default_factory=dict)
    guide: ExamGuide | None = None
    # Every glossary term and service name in one matcher, built once: the
    # term linker scans pages with it, and cards find their terms with it.
    names: TermMatcher[Link] = field(init=False)

    def __post_init__(self) -> None:
        self.names = build_matcher(self.glossary, self.catalogue)

    def find_terms(self, text: str) -> Iterator[TermMatch[Link]]:
        """The glossary terms in ``text``, leftmost and longest first."""
        return self.names.finditer(text, keep=is_term)

    def services_named(self, text: str) -> set[str]:
        """Ids of the services ``text`` names."""
        return {hit.payload.service.id for hit in self.catalogue.mentions(text)}


def load_exam(folder: Path, display: str) -> Exam:
    display = display.rstrip("/")
    if not folder.is_dir():
        raise NotesError(display, None, "the exam's data folder does not exist",
                         f"set extra.cramdown.exam in mkdocs.yml to a folder holding {CATALOGUE}")
    if not (folder / CATALOGUE).is_file():
        raise NotesError(f"{display}/{CATALOGUE}", None, "file not found",
                         "every exam needs its service catalogue; see hooks/exams/aws-developer-associate/"
                         f"{CATALOGUE} for the format")
    catalogue = load_catalogue(folder / CATALOGUE, f"{display}/{CATALOGUE}")
    glossary = load_glossary(folder / GLOSSARY, f"{display}/{GLOSSARY}", catalogue) \
        if (folder / GLOSSARY).is_file() else {}
    limits = load_limits(folder / LIMITS, f"{display}/{LIMITS}", catalogue) if (folder / LIMITS).is_file() else {}
    calculators = load_calculators(folder / CALCULATORS, f"{display}/{CALCULATORS}", limits, catalogue) \
        if (folder / CALCULATORS).is_file() else {}
    guide = load_guide(folder / GUIDE, f"{display}/{GUIDE}", catalogue) if (folder / GUIDE).is_file() else None
    return Exam(display, catalogue, glossary, limits, calculators, guide)
