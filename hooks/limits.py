"""The exam's numbers (``limits.yml``): every limit with its unit, the page
that states it and, where it changed, the old value and the date.

Lines of the notes that still state an old value get a "Changed" note
beside them (the notes are never edited): by ``notes_say`` patterns
anywhere, and by ``notes_say_in_service`` patterns in that service's own
notes, where "msg size limit is 256kb" needs no "SQS" to be about SQS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from notes_model import Kind, LineKey, Node, NotesError, key_of
from service_catalogue import Catalogue
from yaml_data import load_entries, regex_list, require_keys

SIZE_UNITS = {"bytes": 1, "KB": 1024, "KiB": 1024, "MB": 1024 ** 2, "MiB": 1024 ** 2,
              "GB": 1024 ** 3, "GiB": 1024 ** 3, "TB": 1024 ** 4, "TiB": 1024 ** 4}
OTHER_UNITS = {"count", "per-second", "seconds", "percent", "addresses", "prefix"}
LIMIT_REQUIRED = {"service", "title", "value", "unit", "source"}
LIMIT_OPTIONAL = {"changed", "notes_say", "notes_say_in_service", "per"}
DIGIT_RE = re.compile(r"\d")  # a cheap test before the patterns, which are slow to scan


@dataclass(frozen=True)
class Limit:
    id: str
    service: str
    title: str
    value: float
    unit: str
    source: str
    per: str = ""
    was: str = ""
    changed_on: str = ""
    notes_say: tuple[re.Pattern, ...] = ()
    notes_say_in_service: tuple[re.Pattern, ...] = ()  # tried only in the limit's own service's notes

    @property
    def bytes(self) -> float | None:
        factor = SIZE_UNITS.get(self.unit)
        return self.value * factor if factor else None

    @property
    def display(self) -> str:
        value = f"{self.value:,.0f}" if float(self.value).is_integer() else f"{self.value:,}"
        unit = {"count": "", "per-second": "per second", "prefix": ""}.get(self.unit, self.unit)
        text = f"/{value}" if self.unit == "prefix" else f"{value} {unit}".strip()
        return f"{text} per {self.per}" if self.per else text

    @property
    def anchor(self) -> str:
        """Its row's anchor on the Numbers page."""
        return self.id.replace(".", "-")


def load_limits(path: Path, display: str, catalogue: Catalogue) -> dict[str, Limit]:
    entries = load_entries(path, display, "limits",
                           "sqs.message_max: {service: sqs, title: ..., value: 1, unit: MiB, source: https://...}")
    limits: dict[str, Limit] = {}
    for limit_id, raw in entries.items():
        line = entries.line_of(limit_id)
        require_keys(raw, display, f"limit {limit_id!r}", LIMIT_REQUIRED, LIMIT_OPTIONAL, line=line)
        if raw["service"] not in catalogue.services:
            raise NotesError(display, raw.line_of("service"), f"limit {limit_id!r} names unknown service "
                             f"{raw['service']!r}", "use a service id from services.yml")
        if raw["unit"] not in SIZE_UNITS and raw["unit"] not in OTHER_UNITS:
            raise NotesError(display, raw.line_of("unit"), f"limit {limit_id!r} has unknown unit {raw['unit']!r}",
                             "units: " + ", ".join([*SIZE_UNITS, *sorted(OTHER_UNITS)]))
        if isinstance(raw["value"], bool) or not isinstance(raw["value"], (int, float)):
            raise NotesError(display, raw.line_of("value"), f"limit {limit_id!r} value must be a number")
        was = changed_on = ""
        if "changed" in raw:
            changed = raw["changed"]
            require_keys(changed, display, f"limit {limit_id!r} changed", {"was", "since"}, set(),
                         line=raw.line_of("changed"))
            if not isinstance(changed["since"], date):
                raise NotesError(display, raw.line_of("changed"), f"limit {limit_id!r} changed.since must be a date",
                                 "YYYY-MM-DD")
            was, changed_on = str(changed["was"]), changed["since"].isoformat()
        limits[limit_id] = Limit(
            id=limit_id, service=raw["service"], title=str(raw["title"]), value=raw["value"], unit=raw["unit"],
            source=str(raw["source"]), per=str(raw.get("per") or ""), was=was, changed_on=changed_on,
            notes_say=regex_list(raw.get("notes_say"), display, raw.line_of("notes_say"),
                                 f"limit {limit_id!r} notes_say"),
            notes_say_in_service=regex_list(raw.get("notes_say_in_service"), display,
                                            raw.line_of("notes_say_in_service"),
                                            f"limit {limit_id!r} notes_say_in_service"))
    return limits


def changed_limit_lines(nodes: list[Node], limits: dict[str, Limit],
                        service_nodes: dict[str, list[Node]] | None = None) -> dict[LineKey, list[Limit]]:
    """Lines that state a limit's old value: by ``notes_say`` anywhere, and by
    ``notes_say_in_service`` in that service's own notes (``service_nodes``)."""
    marked: dict[LineKey, list[Limit]] = {}
    changed = [limit for limit in limits.values()
               if limit.changed_on and (limit.notes_say or limit.notes_say_in_service)]

    def mark(blocks: list[Node], limit: Limit, patterns: tuple[re.Pattern, ...]) -> None:
        for top in blocks:
            for node in top.walk():
                if node.kind is Kind.CODE or not DIGIT_RE.search(node.text):
                    continue
                found = marked.setdefault(key_of(node), [])
                if limit not in found and any(p.search(node.text) for p in patterns):
                    found.append(limit)

    for limit in changed:
        if limit.notes_say:
            mark(nodes, limit, limit.notes_say)
        if limit.notes_say_in_service and service_nodes:
            mark(service_nodes.get(limit.service, []), limit, limit.notes_say_in_service)
    return {key: found for key, found in marked.items() if found}


def both_values(limits: list[Limit]) -> str:
    """Today's value and the notes' value of limits that changed, for a study card."""
    return "; ".join(f"Changed: now {limit.display} since {limit.changed_on} (your notes: {limit.was})"
                     for limit in limits)
