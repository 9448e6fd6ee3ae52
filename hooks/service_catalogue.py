"""The service catalogue (``data/services.yml``): which services exist, what
they are called, and how to find them in text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from notes_model import NotesError
from term_matcher import TermMatch, TermMatcher
from yaml_data import load_yaml, require_keys

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SERVICE_FIELDS_REQUIRED = {"title", "name", "category", "description"}
SERVICE_FIELDS_OPTIONAL = {"aliases", "spellings", "keywords"}


@dataclass(frozen=True)
class Service:
    id: str
    title: str
    name: str
    category: str
    description: str
    aliases: tuple[str, ...] = ()
    spellings: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Everything that names the service itself (not its features)."""
        return (self.title, self.name, *self.aliases, *self.spellings)


@dataclass(frozen=True)
class ServiceHit:
    service: Service
    is_keyword: bool


@dataclass
class Catalogue:
    categories: list[str]
    services: dict[str, Service]
    _matcher: TermMatcher[ServiceHit] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        entries: list[tuple[str, ServiceHit]] = []
        keywords: list[tuple[str, ServiceHit]] = []
        for service in self.services.values():
            for name in service.names:
                entries.append((name, ServiceHit(service, False)))
                # "AWS Lambda", "Amazon S3": the vendor prefix is part of the name.
                for vendor in ("AWS ", "Amazon "):
                    if not name.startswith(vendor):
                        entries.append((vendor + name, ServiceHit(service, False)))
            keywords.extend((k, ServiceHit(service, True)) for k in service.keywords)
        self._matcher = TermMatcher(entries + keywords)

    def mentions(self, text: str, keywords: bool = False) -> list[TermMatch[ServiceHit]]:
        """Services named in ``text``; with ``keywords``, also by their features
        ("GSI" names DynamoDB)."""
        return list(self._matcher.finditer(text, None if keywords else _is_name))

    def named(self, text: str) -> Service | None:
        """The service ``text`` names exactly, in any case ("sqs", "api gateway")."""
        wanted = " ".join(text.split()).casefold()
        for service in self.services.values():
            if any(" ".join(n.split()).casefold() == wanted for n in service.names):
                return service
        return None

    def by_category(self) -> dict[str, list[Service]]:
        grouped: dict[str, list[Service]] = {c: [] for c in self.categories}
        for service in self.services.values():
            grouped[service.category].append(service)
        return grouped


def _is_name(hit: ServiceHit) -> bool:
    return not hit.is_keyword


def _string_list(value, path: str, line: int, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise NotesError(path, line, f"{what} must be a list of names", "for example: [SQS, Simple Queue Service]")
    return tuple(str(v) for v in value)


def load_catalogue(path: Path, display_path: str) -> Catalogue:
    data = load_yaml(path, display_path)
    require_keys(data, display_path, "the catalogue", {"categories", "services"}, set())
    categories = data["categories"]
    if not isinstance(categories, list) or not all(isinstance(c, str) and c.strip() for c in categories):
        raise NotesError(display_path, data.line_of("categories"), "categories must be a list of names")
    raw_services = data["services"]
    if not isinstance(raw_services, dict) or not raw_services:
        raise NotesError(display_path, data.line_of("services"), "services must be a non-empty mapping",
                         "id: {title: ..., name: ..., category: ..., description: ...}")
    services: dict[str, Service] = {}
    claimed: dict[str, tuple[str, int]] = {}  # folded name -> (service id, line)
    for service_id, raw in raw_services.items():
        line = raw_services.line_of(service_id)
        if not isinstance(service_id, str) or not SLUG_RE.match(service_id):
            raise NotesError(display_path, line, f"service id {service_id!r} is not a slug",
                             "lowercase letters, digits and single hyphens, e.g. api-gateway")
        require_keys(raw, display_path, f"service {service_id!r}", SERVICE_FIELDS_REQUIRED, SERVICE_FIELDS_OPTIONAL,
                     line=line)
        if raw["category"] not in categories:
            raise NotesError(display_path, raw.line_of("category"),
                             f"service {service_id!r} has unknown category {raw['category']!r}",
                             "categories: " + ", ".join(categories))
        service = Service(
            id=service_id,
            title=str(raw["title"]).strip(),
            name=str(raw["name"]).strip(),
            category=raw["category"],
            description=str(raw["description"]).strip(),
            aliases=_string_list(raw.get("aliases"), display_path, raw.line_of("aliases"), "aliases"),
            spellings=_string_list(raw.get("spellings"), display_path, raw.line_of("spellings"), "spellings"),
            keywords=_string_list(raw.get("keywords"), display_path, raw.line_of("keywords"), "keywords"),
        )
        for name in (*service.names, *service.keywords):
            folded = name.casefold()
            owner = claimed.get(folded)
            if owner and owner[0] != service_id:
                raise NotesError(display_path, line,
                                 f"name {name!r} of service {service_id!r} is already used by {owner[0]!r} "
                                 f"(line {owner[1]})", "each name and keyword must belong to one service")
            claimed[folded] = (service_id, line)
        services[service_id] = service
    return Catalogue(categories=list(categories), services=services)
