"""Step 4 of the pipeline: the calculator widgets, everything about them but their formulas.

A calculator is
- data: an entry of ``calculators.yml`` (its title, template, the services
  whose pages it goes on, topic patterns that place it, and the limits its
  formulas use);
- a form: its Jinja2 template under ``overrides/partials/cramdown/calculators/``;
- formulas: ``docs/assets/cramdown-formulas.js``, which the reader runs.

This module places calculators (on each service page, right after the block
of notes with the most topic matches, or at the end), checks and renders
the ```` ```calculator NAME```` fence (notes and hand-written pages may place one
too), and finds the worked DynamoDB examples in the notes. Those get a "Try
it" button, and the build checks their stated answers with
``dynamodb_units``: the same rule as the JavaScript, from the same numbers in
``limits.yml``, tested against the same case table
(``tests/fixtures/calculator-cases.json``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from limits import Limit
from notes_model import Kind, LineKey, Node, NotesError, key_of
from service_catalogue import Catalogue
from yaml_data import load_entries, regex_list, require_keys

CALCULATOR_REQUIRED = {"title", "template", "services", "limits"}
CALCULATOR_OPTIONAL = {"topics"}
FENCE_NAME = "calculator"
FENCE_LINE_RE = re.compile(r"^\s*(`{3,}|~{3,})\s*" + FENCE_NAME + r"\b(?P<options>[^`]*)$")

Render = Callable[..., str]


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

    @property
    def wrong(self) -> bool:
        return abs(self.stated - self.computed) > 1e-9

    def mismatch(self) -> str:
        """The build log's line for a wrong stated answer."""
        line = self.answer_node.first_line
        return (f"{line.path}:{line.number}: the notes say {self.stated:g} {self.unit}, but the DynamoDB rules give "
                f"{self.computed:g} {self.unit} for {self.node.text.strip()!r} (the page shows the check beside "
                "the line)")


@dataclass
class CalculatorPlan:
    """Where calculators go: after a block of notes, or at the end of a
    service's notes; and the worked examples found."""

    after: dict[LineKey, list[str]] = field(default_factory=dict)  # block -> calculator names
    at_end: dict[str, list[str]] = field(default_factory=dict)  # service id -> calculator names
    examples: list[WorkedExample] = field(default_factory=list)


# -- data -------------------------------------------------------------------


def load_calculators(path: Path, display: str, limits: dict[str, Limit],
                     catalogue: Catalogue) -> dict[str, Calculator]:
    entries = load_entries(path, display, "calculators",
                           "dynamodb: {title: ..., template: ..., services: [...], limits: [...]}")
    calculators: dict[str, Calculator] = {}
    for name, raw in entries.items():
        line = entries.line_of(name)
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
            topics=regex_list(raw.get("topics"), display, raw.line_of("topics"), f"calculator {name!r} topics"),
            limits=tuple(raw["limits"]))
    return calculators


def limits_json(calculator: Calculator, limits: dict[str, Limit]) -> str:
    """The numbers a widget's formulas need, as the JSON the page hands them;
    a limit that changed also carries today's value as written, the old one
    and the date, so the widget can show both."""
    def entry(limit: Limit) -> dict:
        data: dict = {"value": limit.value, "unit": limit.unit, "bytes": limit.bytes}
        if limit.changed_on:
            data.update(display=limit.display, was=limit.was, since=limit.changed_on)
        return data
    return json.dumps({i: entry(limits[i]) for i in calculator.limits}, sort_keys=True, separators=(",", ":"))


# -- the fence ----------------------------------------------------------------


def fence(name: str) -> str:
    """The Markdown that places calculator ``name``."""
    return f"```{FENCE_NAME} {name}\n```"


def check_fence_options(options: dict, calculators: dict[str, Calculator], path: str, line: int | None) -> str:
    """The calculator a ```calculator NAME fence asks for, or a clear error."""
    names = [key for key in options if key in calculators]
    unknown = [key for key in options if key not in calculators]
    if len(names) != 1 or unknown:
        shown = " ".join(options) or "(nothing)"
        raise NotesError(path, line, f"unknown calculator {shown!r}",
                         "write ```calculator NAME with NAME one of: " + ", ".join(calculators))
    return names[0]


def check_fences(lines: list[str], path: str, calculators: dict[str, Calculator]) -> None:
    """Check every calculator fence of a notes file or page, before any
    Markdown runs (SuperFences swallows errors, and never sees the file)."""
    for number, text in enumerate(lines, 1):
        match = FENCE_LINE_RE.match(text)
        if match:
            options = {word: word for word in match.group("options").split()}
            check_fence_options(options, calculators, path, number)


def superfences_fence(calculators: dict[str, Calculator], limits: dict[str, Limit], render: Render) -> dict:
    """The ``custom_fences`` entry that renders ```calculator NAME as its widget.
    Names were checked before Markdown runs, so this only renders; each
    widget on a build gets its own id."""
    count = 0

    def validator(language, inputs, options, attrs, md) -> bool:
        options.update(inputs)
        return True

    def formatter(source, language, css_class, options, md, **kwargs) -> str:
        nonlocal count
        name = next(key for key in options if key in calculators)
        calculator = calculators[name]
        count += 1
        # Stripped: Python-Markdown takes stashed HTML for a block (not a <p>'s
        # content) only when it starts with the tag itself.
        return render(calculator.template, id=f"cd-calc-{count}", title=calculator.title,
                      limits=limits_json(calculator, limits)).strip()

    return {"name": FENCE_NAME, "class": "cd-calc", "format": formatter, "validator": validator}


# -- placement ----------------------------------------------------------------


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


def plan_calculators(service_nodes: dict[str, list[Node]], calculators: dict[str, Calculator],
                     limits: dict[str, Limit], pages: set[str]) -> CalculatorPlan:
    """Where each calculator goes on the pages of ``pages`` (service ids), and
    the worked DynamoDB examples; ``service_nodes``: each service's section blocks."""
    plan = CalculatorPlan()
    for calculator in calculators.values():
        for service_id in calculator.services:
            if service_id not in pages:
                continue
            block = best_block(service_nodes.get(service_id, []), calculator.topics)
            if block is None:
                plan.at_end.setdefault(service_id, []).append(calculator.name)
            else:
                plan.after.setdefault(key_of(block), []).append(calculator.name)
    if "dynamodb" in calculators:
        for service_id in calculators["dynamodb"].services:
            plan.examples += find_worked_examples(service_nodes.get(service_id, []), limits)
    return plan


# -- worked DynamoDB examples -------------------------------------------------

EXAMPLE_RE = re.compile(
    r"(?P<rate>\d+(?:\.\d+)?)\s+"  # 16
    r"(?:(?P<mode>strongly\s+consistent|eventually\s+consistent|transaction(?:al)?)\s+)?"  # Eventually Consistent
    r"(?P<what>reads?|writes?|items?)\s+per\s+(?P<per>second|minute)\s*,?\s*"  # Reads per second,
    r"with\s+item\s+size\s+(?P<size>\d+(?:\.\d+)?)\s*KB",  # with item size 12 KB
    re.IGNORECASE)
ANSWER_RE = re.compile(r"=\s*(?P<units>\d+(?:\.\d+)?)\s*(?P<unit>RCU|WCU)\b\s*$")


def dynamodb_units(operation: str, mode: str, size_kb: float, rate: float, per: str,
                   limits: dict[str, Limit]) -> float:
    """Capacity units per second, by the widget's rule and limits.yml's numbers."""
    unit = limits["dynamodb.read_unit" if operation == "read" else "dynamodb.write_unit"].value
    units = math.ceil(size_kb / unit - 1e-9)
    multiplier = {"eventual": limits["dynamodb.eventual_read_cost"].value,
                  "transactional": limits["dynamodb.transaction_cost"].value}.get(mode, 1)
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
            stated = ANSWER_RE.search(answer.text) if answer else None
            if match and answer and stated:
                text = node.text.lower()
                operation = "read" if "read" in match.group("what").lower() or " read" in text else "write"
                mode_text = (match.group("mode") or "").lower()
                mode = ("strong" if mode_text.startswith("strong") else "eventual" if mode_text.startswith("event")
                        else "transactional" if mode_text.startswith("transaction")
                        else "eventual" if operation == "read" else "standard")
                size, rate, per = float(match.group("size")), float(match.group("rate")), match.group("per").lower()
                found.append(WorkedExample(
                    node=node, answer_node=answer,
                    values={"operation": operation, "mode": mode, "size": match.group("size"),
                            "rate": match.group("rate"), "per": per},
                    stated=float(stated.group("units")), unit=stated.group("unit"),
                    computed=dynamodb_units(operation, mode, size, rate, per, limits)))
            visit(node.children)

    visit(nodes)
    return found
