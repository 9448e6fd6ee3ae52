"""Step 5 of the pipeline: the calculator widgets and the limits behind them.

Data: ``limits.yml`` (every number, with its source and change history) and
``calculators.yml`` (which widget goes on which page, near which notes).
This module decides where widgets go, finds the worked DynamoDB examples in
the notes (each gets a "Try it" button, and its stated answer is checked
with the same rules the widget uses), and marks lines that state a limit AWS
has since changed. The formulas the reader runs live in
``docs/assets/cramdown-formulas.js``; ``dynamodb_units`` mirrors the one rule
the build itself must check.
"""

from __future__ import annotations

import html
import json
import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from notes_model import Kind, Node, NotesError
from render_markdown import escape_outline
from service_catalogue import Catalogue
from yaml_data import load_yaml, require_keys, require_mapping

SIZE_UNITS = {"bytes": 1, "KB": 1024, "KiB": 1024, "MB": 1024 ** 2, "MiB": 1024 ** 2,
              "GB": 1024 ** 3, "GiB": 1024 ** 3, "TB": 1024 ** 4, "TiB": 1024 ** 4}
OTHER_UNITS = {"count", "per-second", "seconds", "percent", "addresses", "prefix"}
LIMIT_REQUIRED = {"service", "title", "value", "unit", "source"}
LIMIT_OPTIONAL = {"changed", "notes_say", "notes_say_in_service", "per"}
CALCULATOR_REQUIRED = {"title", "template", "services", "limits"}
CALCULATOR_OPTIONAL = {"topics"}
FENCE_NAME = "calculator"

DIGIT_RE = re.compile(r"\d")
LineKey = tuple[str, int]  # (notes path, line number): a block's identity on every page


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


@dataclass(frozen=True)
class Calculator:
    name: str
    title: str
    template: str
    services: tuple[str, ...]
    topics: tuple[re.Pattern, ...]
    limits: tuple[str, ...]


@dataclass
class WorkedExample:
    node: Node  # the question line
    answer_node: Node  # the line with "= N WCU"
    values: dict  # field values for the widget
    stated: float
    computed: float
    unit: str


@dataclass
class WidgetPlan:
    """What the page builder adds to the notes: blocks after a notes block,
    inline HTML after a line, and blocks at the end of a service's notes."""

    after: dict[LineKey, list[str]] = field(default_factory=dict)
    suffix: dict[LineKey, str] = field(default_factory=dict)
    at_end: dict[str, list[str]] = field(default_factory=dict)
    mismatches: list[str] = field(default_factory=list)  # "file:line: ..." for the build log


def key_of(node: Node) -> LineKey:
    return (node.first_line.path, node.first_line.number)


# -- data -------------------------------------------------------------------


def _patterns(values, path: str, line: int, what: str) -> tuple[re.Pattern, ...]:
    if values is None:
        return ()
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise NotesError(path, line, f"{what} must be a list of regular expressions")
    compiled = []
    for value in values:
        try:
            compiled.append(re.compile(value))
        except re.error as error:
            raise NotesError(path, line, f"{what}: {value!r} is not a valid regular expression ({error})") from None
    return tuple(compiled)


def load_limits(path: Path, display: str, catalogue: Catalogue) -> dict[str, Limit]:
    data = load_yaml(path, display)
    require_keys(data, display, "the limits file", {"limits"}, set())
    require_mapping(data["limits"], display, data.line_of("limits"), "limits",
                    "sqs.message_max: {service: sqs, title: ..., value: 1, unit: MiB, source: https://...}")
    limits: dict[str, Limit] = {}
    for limit_id, raw in data["limits"].items():
        line = data["limits"].line_of(limit_id)
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
            notes_say=_patterns(raw.get("notes_say"), display, raw.line_of("notes_say") if "notes_say" in raw
                                else line, f"limit {limit_id!r} notes_say"),
            notes_say_in_service=_patterns(raw.get("notes_say_in_service"), display,
                                           raw.line_of("notes_say_in_service"),
                                           f"limit {limit_id!r} notes_say_in_service"))
    return limits


def load_calculators(path: Path, display: str, limits: dict[str, Limit],
                     catalogue: Catalogue) -> dict[str, Calculator]:
    data = load_yaml(path, display)
    require_keys(data, display, "the calculators file", {"calculators"}, set())
    require_mapping(data["calculators"], display, data.line_of("calculators"), "calculators",
                    "dynamodb: {title: ..., template: ..., services: [...], limits: [...]}")
    calculators: dict[str, Calculator] = {}
    for name, raw in data["calculators"].items():
        line = data["calculators"].line_of(name)
        if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9]+", name):
            raise NotesError(display, line, f"calculator name {name!r} cannot be written in a fence",
                             "lowercase letters and digits only, e.g. dynamodb")
        require_keys(raw, display, f"calculator {name!r}", CALCULATOR_REQUIRED, CALCULATOR_OPTIONAL, line=line)
        for field_name in ("services", "limits"):
            if not isinstance(raw[field_name], list) or not all(isinstance(v, str) for v in raw[field_name]):
                raise NotesError(display, raw.line_of(field_name), f"calculator {name!r} {field_name} must be a "
                                 "list of ids", f"for example: {field_name}: [dynamodb]")
        for service in raw["services"]:
            if service not in catalogue.services:
                raise NotesError(display, raw.line_of("services"), f"calculator {name!r} names unknown service "
                                 f"{service!r}", "use a service id from services.yml")
        for limit_id in raw["limits"]:
            if limit_id not in limits:
                raise NotesError(display, raw.line_of("limits"), f"calculator {name!r} uses unknown limit "
                                 f"{limit_id!r}", "add it to limits.yml")
        calculators[name] = Calculator(
            name=name, title=str(raw["title"]), template=str(raw["template"]), services=tuple(raw["services"]),
            topics=_patterns(raw.get("topics"), display, raw.line_of("topics") if "topics" in raw else line,
                             f"calculator {name!r} topics"),
            limits=tuple(raw["limits"]))
    return calculators


def limits_json(calculator: Calculator, limits: dict[str, Limit]) -> str:
    """The numbers a widget's formulas need, as the JSON the page hands them."""
    return json.dumps({i: {"value": limits[i].value, "unit": limits[i].unit, "bytes": limits[i].bytes}
                       for i in calculator.limits}, sort_keys=True, separators=(",", ":"))


def check_fence_options(options: dict, calculators: dict[str, Calculator], path: str, line: int | None) -> str:
    """The calculator a ```calculator NAME fence asks for, or a clear error."""
    names = [key for key in options if key in calculators]
    unknown = [key for key in options if key not in calculators]
    if len(names) != 1 or unknown:
        shown = " ".join(options) or "(nothing)"
        raise NotesError(path, line, f"unknown calculator {shown!r}",
                         "write ```calculator NAME with NAME one of: " + ", ".join(calculators))
    return names[0]


# -- placement --------------------------------------------------------------


def _topic_score(node: Node, topics: tuple[re.Pattern, ...]) -> int:
    return sum(len(p.findall(n.text)) for n in node.walk() if n.kind is not Kind.CODE for p in topics)


def best_block(nodes: list[Node], topics: tuple[re.Pattern, ...]) -> Node | None:
    """The top-level block with the most topic matches (the first on a tie)."""
    best, best_score = None, 0
    for node in nodes:
        score = _topic_score(node, topics)
        if score > best_score:
            best, best_score = node, score
    return best


def fence(name: str) -> str:
    return f"```{FENCE_NAME} {name}\n```"


# -- worked DynamoDB examples -------------------------------------------------

EXAMPLE_RE = re.compile(
    r"(?P<rate>\d+(?:\.\d+)?)\s+"  # 16
    r"(?:(?P<mode>strongly\s+consistent|eventually\s+consistent|transaction(?:al)?)\s+)?"  # Eventually Consistent
    r"(?P<what>reads?|writes?|items?)\s+per\s+(?P<per>second|minute)\s*,?\s*"  # Reads per second,
    r"with\s+item\s+size\s+(?P<size>\d+(?:\.\d+)?)\s*KB",  # with item size 12 KB
    re.IGNORECASE)
ANSWER_RE = re.compile(r"=\s*(?P<units>\d+(?:\.\d+)?)\s*(?P<unit>RCU|WCU)\b\s*$")


def dynamodb_units(operation: str, mode: str, size_kb: float, rate: float, per: str,
                   read_unit: float = 4, write_unit: float = 1) -> float:
    """Capacity units per second, by the same rules as the widget."""
    unit = read_unit if operation == "read" else write_unit
    units = math.ceil(size_kb / unit - 1e-9)
    multiplier = {"eventual": 0.5, "transactional": 2}.get(mode, 1)
    return units * multiplier * (rate / 60 if per == "minute" else rate)


def _answer_for(node: Node, siblings: list[Node]) -> Node | None:
    for candidate in node.children[:1] + siblings[siblings.index(node) + 1:][:1]:
        if ANSWER_RE.search(candidate.text):
            return candidate
    return None


def find_worked_examples(nodes: list[Node], limits: dict[str, Limit]) -> list[WorkedExample]:
    found: list[WorkedExample] = []

    def visit(siblings: list[Node]) -> None:
        for node in siblings:
            match = EXAMPLE_RE.search(node.text)
            answer = _answer_for(node, siblings) if match else None
            if match and answer:
                text = node.text.lower()
                operation = "read" if "read" in match.group("what").lower() or " read" in text else "write"
                mode_text = (match.group("mode") or "").lower()
                mode = ("strong" if mode_text.startswith("strong") else "eventual" if mode_text.startswith("event")
                        else "transactional" if mode_text.startswith("transaction")
                        else "eventual" if operation == "read" else "standard")
                size, rate, per = float(match.group("size")), float(match.group("rate")), match.group("per").lower()
                stated = ANSWER_RE.search(answer.text)
                computed = dynamodb_units(operation, mode, size, rate, per, limits["dynamodb.read_unit"].value,
                                          limits["dynamodb.write_unit"].value)
                found.append(WorkedExample(
                    node=node, answer_node=answer,
                    values={"operation": operation, "mode": mode, "size": match.group("size"),
                            "rate": match.group("rate"), "per": per},
                    stated=float(stated.group("units")), computed=computed, unit=stated.group("unit")))
            visit(node.children)

    visit(nodes)
    return found


# -- changed limits -----------------------------------------------------------


def changed_limit_lines(nodes: list[Node], limits: dict[str, Limit],
                        service_nodes: dict[str, list[Node]] | None = None) -> dict[LineKey, list[Limit]]:
    """Lines that state a limit's old value: by ``notes_say`` anywhere, and by
    ``notes_say_in_service`` in that service's own notes (``service_nodes``),
    where "msg size limit is 256kb" needs no "SQS" to be about SQS."""
    marked: dict[LineKey, list[Limit]] = {}
    changed = [limit for limit in limits.values() if limit.changed_on and (limit.notes_say or limit.notes_say_in_service)]

    def mark(blocks: list[Node], limit: Limit, patterns: tuple[re.Pattern, ...]) -> None:
        for top in blocks:
            for node in top.walk():
                # A line that states a limit's old value has a digit in it; most
                # lines have none, and these patterns are slow to scan.
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


def try_button(example: WorkedExample) -> str:
    values = html.escape(json.dumps(example.values, sort_keys=True), quote=True)
    return (f' <button type="button" class="cd-try md-button" data-calc="dynamodb" data-values="{values}" '
            f'title="Load these numbers into the DynamoDB calculator">Try it</button>')


# -- the plan for the page builder ---------------------------------------------


def _changed_note(limits: list[Limit]) -> str:
    parts = [f"now {limit.display} (since {limit.changed_on}; your notes predate it: was {limit.was})"
             for limit in limits]
    anchor = limits[0].id.replace(".", "-")
    return (f' <span class="cd-changed" title="AWS changed this limit">Changed: {"; ".join(parts)} '
            f'([numbers]({{root}}numbers.md#{anchor}))</span>')


def plan_widgets(split, routing, calculators: dict[str, Calculator], limits: dict[str, Limit],
                 pages: set[str]) -> WidgetPlan:
    """Where each widget, "Try it" button and "changed since" note goes.
    ``pages``: ids of the services that get a page."""
    plan = WidgetPlan()
    for calculator in calculators.values():
        for service_id in calculator.services:
            if service_id not in pages:
                continue
            nodes = [n for section in split.sections.get(service_id, []) for n in section.nodes]
            block = best_block(nodes, calculator.topics)
            if block is None:
                plan.at_end.setdefault(service_id, []).append(fence(calculator.name))
            else:
                plan.after.setdefault(key_of(block), []).append(fence(calculator.name))
    if "dynamodb" in calculators:
        for service_id in calculators["dynamodb"].services:
            nodes = [n for section in split.sections.get(service_id, []) for n in section.nodes]
            for example in find_worked_examples(nodes, limits):
                plan.suffix[key_of(example.node)] = try_button(example)
                if abs(example.stated - example.computed) > 1e-9:
                    # An arithmetic slip in the notes is shown beside it and
                    # logged; it does not keep the site from building.
                    line = example.answer_node.first_line
                    answer = key_of(example.answer_node)
                    plan.suffix[answer] = plan.suffix.get(answer, "") + (
                        f' <span class="cd-check" title="Worked out by the DynamoDB calculator\'s rules">'
                        f"Check: the rules give {example.computed:g} {example.unit}</span>")
                    plan.mismatches.append(
                        f"{line.path}:{line.number}: the notes say {example.stated:g} {example.unit}, but the "
                        f"DynamoDB rules give {example.computed:g} {example.unit} for "
                        f"{example.node.text.strip()!r} (the page shows the check beside the line)")
    every_node = [n for sections in split.sections.values() for s in sections for n in s.nodes]
    every_node += [n for group in split.groups.values() for s in group.intro for n in s.nodes]
    every_node += [n for s in split.general for n in s.nodes] + [n for i in split.exam_items for n in i.nodes]
    own: dict[str, list[Node]] = {}
    for service_id, sections in split.sections.items():
        own[service_id] = [n for s in sections for n in ([s.head.with_children([])] if s.head else []) + s.nodes]
    for note in routing.notes:
        for service_id in note.services:
            own.setdefault(service_id, []).extend(note.nodes)
    for key, changed in changed_limit_lines(every_node, limits, own).items():
        plan.suffix[key] = plan.suffix.get(key, "") + _changed_note(changed)
    return plan


def numbers_page(limits: dict[str, Limit], catalogue: Catalogue, service_pages: dict[str, str]) -> str:
    """Markdown for "Numbers to remember": every limit, by service."""
    lines = ["---\nsearch: {boost: 0.5}\n---\n", "# Numbers to remember\n",
             "Every limit the calculators use, with the AWS page that states it. Where AWS changed a "
             "limit after notes like these were written, the old value and the date are shown.\n"]
    by_service: dict[str, list[Limit]] = {}
    for limit in limits.values():
        by_service.setdefault(limit.service, []).append(limit)
    for service_id in sorted(by_service, key=lambda s: catalogue.services[s].title.casefold()):
        service = catalogue.services[service_id]
        title = escape_outline(service.title)
        heading = f"[{title}]({service_pages[service_id]})" if service_id in service_pages else title
        lines.append(f"## {heading} {{ #{service_id} }}\n")
        lines.append("| Limit | Value | Changed | Source |\n|---|---|---|---|")
        for limit in by_service[service_id]:
            anchor = limit.id.replace(".", "-")
            changed = f"was {escape_outline(limit.was)} until {limit.changed_on}" if limit.changed_on else ""
            lines.append(f'| <span id="{anchor}"></span>{escape_outline(limit.title)} | '
                         f"**{escape_outline(limit.display)}** | {changed} | [AWS docs]({limit.source}) |")
        lines.append("")
    return "\n".join(lines)


def calculators_page(calculators: dict[str, Calculator]) -> str:
    lines = ["---\nsearch: {boost: 0.5}\n---\n", "# Calculators\n",
             "The exam's arithmetic, worked the way the exam expects it. Every number comes from "
             "[Numbers to remember](numbers.md).\n"]
    for calculator in calculators.values():
        lines.append(f"## {calculator.title}\n\n{fence(calculator.name)}\n")
    return "\n".join(lines)
