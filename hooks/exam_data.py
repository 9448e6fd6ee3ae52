"""An exam's data: one folder of YAML files, loaded once per build.

    services.yml      the service catalogue (required)
    glossary.yml      terms and their definitions (optional)
    limits.yml        numbers, each with its source and change history (optional)
    calculators.yml   which calculator widgets go on which pages (optional;
                      its calculators use limits from limits.yml)

Another exam is another folder: only its service catalogue is required, and
what it leaves out (a glossary, the calculators, the numbers page) is simply
not built.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from link_terms import Term, load_glossary
from notes_model import NotesError
from render_widgets import Calculator, Limit, load_calculators, load_limits
from service_catalogue import Catalogue, load_catalogue

CATALOGUE = "services.yml"
GLOSSARY = "glossary.yml"
LIMITS = "limits.yml"
CALCULATORS = "calculators.yml"


@dataclass
class Exam:
    folder: str  # as written in the settings, for messages
    catalogue: Catalogue
    glossary: dict[str, Term] = field(default_factory=dict)
    limits: dict[str, Limit] = field(default_factory=dict)
    calculators: dict[str, Calculator] = field(default_factory=dict)


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
    exam = Exam(display, catalogue)
    if (folder / GLOSSARY).is_file():
        exam.glossary = load_glossary(folder / GLOSSARY, f"{display}/{GLOSSARY}", catalogue)
    if (folder / LIMITS).is_file():
        exam.limits = load_limits(folder / LIMITS, f"{display}/{LIMITS}", catalogue)
    if (folder / CALCULATORS).is_file():
        exam.calculators = load_calculators(folder / CALCULATORS, f"{display}/{CALCULATORS}", exam.limits,
                                            catalogue)
    return exam
