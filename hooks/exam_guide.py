"""An exam guide's lists, from ``exam_guide.yml`` in the exam's data folder:
the sitting's length, the content domains and their weights, the services
in scope, and the key topics for a service. The Practice test weighs its
mock exam by the domains; the Coverage page compares the notes with the
rest. Every entry is checked here, so a mistake is one line naming where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from notes_model import NotesError
from service_catalogue import Catalogue
from yaml_data import LineDict, load_yaml, require_keys

GUIDE_KEYS = {"exam", "questions", "minutes", "source"}
GUIDE_OPTIONAL = {"domains", "in_scope", "topics"}
EXAMPLE_SCOPE = "Compute: [{name: AWS Lambda, service: lambda}]"


@dataclass(frozen=True)
class Domain:
    id: str
    title: str
    weight: float  # percent of the scored content
    services: tuple[str, ...]


@dataclass(frozen=True)
class InScope:
    name: str  # as the guide writes it
    category: str  # the guide's category
    service: str = ""  # the catalogue id, or "" when the catalogue does not have it
    also: tuple[str, ...] = ()  # other names the notes may use for it


@dataclass(frozen=True)
class Topic:
    names: tuple[str, ...]  # the first is the one shown

    @property
    def title(self) -> str:
        return self.names[0]

    def pattern(self) -> re.Pattern:
        """Any of its names as words, in any case ("FIFO" in "FIFO queues")."""
        alternatives = "|".join(re.escape(name) for name in sorted(self.names, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class ExamGuide:
    exam: str
    questions: int
    minutes: int
    source_url: str
    source_title: str
    read: str  # YYYY-MM-DD
    domains: tuple[Domain, ...] = ()
    in_scope: tuple[InScope, ...] = ()
    topics: dict[str, tuple[Topic, ...]] = field(default_factory=dict)

    def domain_of(self, service: str) -> str:
        """The id of the domain a service's questions count towards ("" with no domains)."""
        for domain in self.domains:
            if service in domain.services:
                return domain.id
        return self.domains[0].id if self.domains else ""


def _text_list(value, display: str, line: int, what: str) -> tuple[str, ...]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not values or not all(isinstance(v, str) and v.strip() for v in values):
        raise NotesError(display, line, f"{what} must be a name or a list of names")
    return tuple(v.strip() for v in values)


def _positive_int(raw: LineDict, key: str, display: str) -> int:
    value = raw[key]
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise NotesError(display, raw.line_of(key), f"{key} must be a whole number above 0")
    return value


def _domains(raw, display: str, line: int, catalogue: Catalogue) -> tuple[Domain, ...]:
    if not isinstance(raw, list) or not raw:
        raise NotesError(display, line, "domains must be a list",
                         "for example: [{id: security, title: Security, weight: 26, services: [iam]}]")
    domains: list[Domain] = []
    for entry in raw:
        require_keys(entry, display, "a domain", {"id", "title", "weight"}, {"services"}, line=line)
        weight = entry["weight"]
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight <= 100:
            raise NotesError(display, entry.line_of("weight"), f"domain {entry['id']!r} weight must be a number",
                             "a percentage above 0 and at most 100")
        services = _text_list(entry.get("services", []) or [], display, entry.line_of("services"),
                              f"domain {entry['id']!r} services") if entry.get("services") else ()
        for service in services:
            if service not in catalogue.services:
                raise NotesError(display, entry.line_of("services"),
                                 f"domain {entry['id']!r} names unknown service {service!r}",
                                 "use a service id from services.yml")
        domains.append(Domain(str(entry["id"]), str(entry["title"]), float(weight), services))
    total = sum(d.weight for d in domains)
    if abs(total - 100) > 0.5:
        raise NotesError(display, line, f"the domains' weights add up to {total:g}", "they must add up to 100")
    return tuple(domains)


def _in_scope(raw, display: str, line: int, catalogue: Catalogue) -> tuple[InScope, ...]:
    if not isinstance(raw, LineDict):
        raise NotesError(display, line, "in_scope must map each category to a list of services",
                         f"for example: {EXAMPLE_SCOPE}")
    found: list[InScope] = []
    for category, entries in raw.items():
        where = raw.line_of(category)
        if not isinstance(entries, list):
            raise NotesError(display, where, f"in_scope {category!r} must be a list of services",
                             f"for example: {EXAMPLE_SCOPE}")
        for entry in entries:
            require_keys(entry, display, f"an in_scope {category!r} service", {"name"}, {"service", "also"},
                         line=where)
            service = str(entry.get("service") or "")
            if service and service not in catalogue.services:
                raise NotesError(display, entry.line_of("service"), f"in_scope names unknown service {service!r}",
                                 "use a service id from services.yml, or leave service out")
            also = _text_list(entry["also"], display, entry.line_of("also"), "also") if "also" in entry else ()
            found.append(InScope(str(entry["name"]), str(category), service, also))
    return tuple(found)


def _topics(raw, display: str, line: int, catalogue: Catalogue) -> dict[str, tuple[Topic, ...]]:
    if not isinstance(raw, LineDict):
        raise NotesError(display, line, "topics must map service ids to lists of topics",
                         "for example: sqs: [[long polling, ReceiveMessageWaitTimeSeconds], visibility timeout]")
    topics: dict[str, tuple[Topic, ...]] = {}
    for service, entries in raw.items():
        where = raw.line_of(service)
        if service not in catalogue.services:
            raise NotesError(display, where, f"topics names unknown service {service!r}",
                             "use a service id from services.yml")
        if not isinstance(entries, list):
            raise NotesError(display, where, f"topics for {service!r} must be a list")
        topics[service] = tuple(Topic(_text_list(entry, display, where, f"a topic of {service!r}"))
                                for entry in entries)
    return topics


def load_guide(path: Path, display: str, catalogue: Catalogue) -> ExamGuide:
    data = load_yaml(path, display)
    require_keys(data, display, "the exam guide", GUIDE_KEYS, GUIDE_OPTIONAL)
    source = data["source"]
    require_keys(source, display, "source", {"url", "title", "read"}, set(), line=data.line_of("source"))
    if not isinstance(source["read"], date):
        raise NotesError(display, source.line_of("read"), "source.read must be a date", "YYYY-MM-DD")
    return ExamGuide(
        exam=str(data["exam"]), questions=_positive_int(data, "questions", display),
        minutes=_positive_int(data, "minutes", display), source_url=str(source["url"]),
        source_title=str(source["title"]), read=source["read"].isoformat(),
        domains=_domains(data["domains"], display, data.line_of("domains"), catalogue) if "domains" in data else (),
        in_scope=_in_scope(data["in_scope"], display, data.line_of("in_scope"), catalogue)
        if "in_scope" in data else (),
        topics=_topics(data["topics"], display, data.line_of("topics"), catalogue) if "topics" in data else {})


__all__ = ["Domain", "ExamGuide", "InScope", "Topic", "load_guide"]
