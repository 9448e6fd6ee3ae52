"""The service catalogue (``data/services.yml``): which services exist, what
they are called, and how to find them in text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz.distance import OSA

from notes_model import NotesError
from term_matcher import TermMatch, TermMatcher
from yaml_data import LineDict, load_yaml, require_keys

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FUZZY_MIN_LETTERS = 5  # shorter names are too easy to hit by accident ("ECS" and "EC2")
FUZZY_LONG_NAME = 9  # from this many letters, two slips are forgiven; below it, one
SMALL_WORDS = {"and", "of", "for", "the", "to", "a", "an", "on", "in"}
WORD_RE = re.compile(r"[\w@.+-]+")
API_ACTION_RE = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+$")  # "DecodeAuthorizationMessage"
CAMEL_HUMP_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
SERVICE_FIELDS_REQUIRED = {"title", "name", "category", "description"}
SERVICE_FIELDS_OPTIONAL = {"aliases", "spellings", "keywords", "topic"}


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
    topic: bool = False  # a page for several services or tools ("SDK and CLI"), not one service

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
    vendor_prefixes: tuple[str, ...] = ()  # words that may stand before a name: "AWS", "Amazon"
    _matcher: TermMatcher[ServiceHit] = field(init=False, repr=False)
    _head_matcher: TermMatcher[ServiceHit] | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        self._matcher = TermMatcher(self._entries(heads=False))

    def _entries(self, heads: bool) -> list[tuple[str, ServiceHit]]:
        entries: list[tuple[str, ServiceHit]] = []
        keywords: list[tuple[str, ServiceHit]] = []
        for service in self.services.values():
            entries += [(name, ServiceHit(service, False)) for name in self.name_variants(service, heads)]
            for keyword in service.keywords:
                keywords.append((keyword, ServiceHit(service, True)))
                if API_ACTION_RE.match(keyword):  # the CLI spells API actions in kebab case
                    keywords.append((CAMEL_HUMP_RE.sub("-", keyword).lower(), ServiceHit(service, True)))
        return entries + keywords

    def name_variants(self, service: Service, heads: bool = False) -> list[str]:
        """The ways text names the service: its names, also after a vendor
        prefix ("AWS Lambda", "Amazon S3"). With ``heads``, for titles only, also
        run together or hyphenated ("AutoScaling", "Step-Functions"), forms that
        in running text are often a plain word ("storage auto-scaling")."""
        variants: list[str] = []
        for name in service.names:
            forms = [name]
            if heads and " " in name:
                forms += [name.replace(" ", ""), name.replace(" ", "-")]
            for form in forms:
                variants.append(form)
                variants += [f"{vendor} {form}" for vendor in self.vendor_prefixes
                             if not form.startswith(vendor + " ")]
        return list(dict.fromkeys(variants))

    def misspelt_title(self, head: str) -> Service | None:
        """The service a title names with a slip of the keyboard ("CloudTrial",
        "DyanmoDB", "ClodWatch": one letter wrong, missing, extra or swapped; two
        in a long name), or by its words' initials ("Key Management System" is
        KMS). Only for titles, and only when nothing names a service exactly."""
        words = WORD_RE.findall(head)
        if words and words[0] in self.vendor_prefixes:
            words = words[1:]
        best: tuple[int, str] | None = None
        found: Service | None = None
        for service in self.services.values():
            for name in service.names:
                target = name.replace(" ", "").casefold()
                if len(target) < FUZZY_MIN_LETTERS:
                    continue
                limit = 2 if len(target) >= FUZZY_LONG_NAME else 1
                for count in range(1, min(4, len(words)) + 1):
                    candidate = "".join(words[:count]).casefold()
                    if abs(len(candidate) - len(target)) > limit or candidate[0] != target[0]:
                        continue
                    distance = OSA.distance(candidate, target, score_cutoff=limit)
                    if distance <= limit and (best is None or distance < best[0]):
                        best, found = (distance, service.id), service
                    elif distance <= limit and best is not None and distance == best[0] and service.id != best[1]:
                        found = None  # as close to two services: say neither
        if found is not None:
            return found
        capitalised = [w for w in words[:6] if w.casefold() not in SMALL_WORDS]
        if 2 <= len(capitalised) <= 5 and all(w[0].isupper() for w in capitalised):
            initials = "".join(w[0] for w in capitalised)
            hits = [h for h in self._matcher.finditer(initials) if not h.payload.is_keyword]
            if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(initials):
                return hits[0].payload.service
        return None

    def heads(self, text: str) -> list[TermMatch[ServiceHit]]:
        """Services named in a title (a heading or the head of an item), names
        and keywords, in every form ``name_variants`` knows for titles."""
        if self._head_matcher is None:
            self._head_matcher = TermMatcher(self._entries(heads=True))
        return list(self._head_matcher.finditer(text))

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


def _flag(raw, key: str, display_path: str, service_id: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise NotesError(display_path, raw.line_of(key), f"service {service_id!r} {key} must be true or false")
    return value


def load_catalogue(path: Path, display_path: str) -> Catalogue:
    data = load_yaml(path, display_path)
    require_keys(data, display_path, "the catalogue", {"categories", "services"}, {"vendor_prefixes"})
    vendor_prefixes = _string_list(data.get("vendor_prefixes"), display_path, data.line_of("vendor_prefixes"),
                                   "vendor_prefixes")
    categories = data["categories"]
    if not isinstance(categories, list) or not all(isinstance(c, str) and c.strip() for c in categories):
        raise NotesError(display_path, data.line_of("categories"), "categories must be a list of names")
    raw_services = data["services"]
    if not isinstance(raw_services, LineDict) or not raw_services:
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
            topic=_flag(raw, "topic", display_path, service_id),
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
    return Catalogue(categories=list(categories), services=services,
                     vendor_prefixes=tuple(p.strip() for p in vendor_prefixes if p.strip()))
