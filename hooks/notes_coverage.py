"""What the notes leave out, against the exam guide: the services in scope
with no notes or thin notes, the key topics a service's notes never name,
and the glossary terms the notes never mention. The Coverage page shows it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from exam_guide import ExamGuide

from link_terms import Term
from service_catalogue import Catalogue
from term_matcher import TermMatcher

THIN_LINES = 5  # fewer notes lines than this, and a service's notes are thin


@dataclass(frozen=True)
class ServiceCoverage:
    name: str  # as the guide writes it
    category: str  # the guide's category
    service: str  # catalogue id, or ""
    lines: int  # notes lines of its own (0 for a service the catalogue does not have)
    mentions: int  # lines elsewhere that name it
    missing_topics: tuple[str, ...] = ()
    topics: int = 0  # how many key topics the guide lists for it

    @property
    def status(self) -> str:
        if self.lines == 0:
            return "none"
        return "thin" if self.lines < THIN_LINES else "covered"


@dataclass
class Coverage:
    services: list[ServiceCoverage] = field(default_factory=list)
    unmentioned_terms: list[Term] = field(default_factory=list)

    def with_status(self, status: str) -> list[ServiceCoverage]:
        return [s for s in self.services if s.status == status]


def _short_names(name: str) -> list[str]:
    """"Amazon Simple Queue Service (Amazon SQS)" -> the name, "Simple Queue
    Service", "SQS"; "AWS WAF" -> "AWS WAF", "WAF"."""
    names = [name]
    main, _, paren = name.partition(" (")
    for part in (main, paren.rstrip(")")):
        if part:
            names.append(part)
            names.append(re.sub(r"^(?:Amazon|AWS)\s+", "", part))
    return [n for n in names if n.strip()]


def measure(guide: ExamGuide, catalogue: Catalogue, glossary: dict[str, Term], own_lines: dict[str, list[str]],
            all_lines: list[str], find_terms: Callable[[str], Iterable]) -> Coverage:
    """``own_lines[service]``: the text of each notes line of a service's own
    notes (its sections and the exam notes routed to it); ``all_lines``: the
    text of every notes line; ``find_terms(text)``: the glossary terms in it."""
    coverage = Coverage()
    # The guide's services the catalogue lacks, found by their names (and
    # short forms) with the same matcher the catalogue's names use.
    others = TermMatcher([(name, entry.name) for entry in guide.in_scope if not entry.service
                          for name in (*_short_names(entry.name), *entry.also)])
    # Each line looked at once (a line written twice counts twice): the
    # catalogue's services and the others it names.
    lines_naming: Counter[str] = Counter()  # catalogue id -> lines
    lines_naming_other: Counter[str] = Counter()  # the guide's name -> lines
    for line, times in Counter(all_lines).items():
        for service_id in {hit.payload.service.id for hit in catalogue.mentions(line)}:
            lines_naming[service_id] += times
        for name in {hit.payload for hit in others.finditer(line)}:
            lines_naming_other[name] += times
    for entry in guide.in_scope:
        if entry.service:
            own = own_lines.get(entry.service, [])
            text = "\n".join(own)
            topics = guide.topics.get(entry.service, ())
            missing = tuple(t.title for t in topics if not t.pattern().search(text))
            coverage.services.append(ServiceCoverage(entry.name, entry.category, entry.service, len(own),
                                                     lines_naming[entry.service], missing, len(topics)))
        else:
            coverage.services.append(ServiceCoverage(entry.name, entry.category, "", 0, lines_naming_other[entry.name]))
    mentioned: set[str] = set()
    for line in set(all_lines):
        for hit in find_terms(line):
            term = getattr(hit.payload, "term", None)
            if term is not None:
                mentioned.add(term.slug)
    coverage.unmentioned_terms = sorted((t for t in glossary.values() if t.slug not in mentioned),
                                        key=lambda t: t.term.casefold())
    return coverage


__all__ = ["THIN_LINES", "Coverage", "ServiceCoverage", "measure"]
