"""Step 5 of the pipeline: self-test cards made from the notes at build time.

* **Cloze cards**: a notes line that states a number with a unit
  ("Max Size for SQS Message is 256KB") has the number blanked; otherwise a
  line that uses a glossary term has the term blanked.
* **Trap cards**: every practice-exam note. The front is its service and its
  first clause; the back is the whole note.
* **Your own cards**: a line ``Q: question`` followed by a line ``A: answer``
  (or ``Q: question A: answer`` on one line) anywhere in the notes.

Lines that are too short to ask about, blanks that would be a stop word, and
code are skipped. A card's id is a hash of its service, kind and text, so it
stays the same across rebuilds while its text does.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from notes_model import Kind, Node
from route_exam_notes import CLAUSE_END_RE, ExamRouting
from split_by_service import SplitNotes
from term_matcher import TermMatch

BLANK = "____"
MIN_WORDS = 6
MAX_WORDS = 70
# A number with the unit that makes it worth remembering: 256KB, 900 seconds,
# 10,240 MB, 1 MB increments, 4 KB, 1000 concurrent executions.
NUMBER_RE = re.compile(
    r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?"
    r"(?:KiB|MiB|GiB|TiB|KB|MB|GB|TB|ms|seconds?|minutes?|hours?|days?|%|WCUs?|RCUs?|"
    r"concurrent\s+(?:executions|calls|Lambda\s+function\s+calls)|shards?|parts?)(?!\w)",
    re.IGNORECASE)
DIGIT_RE = re.compile(r"\d")  # a cheap test before NUMBER_RE, which is slow to scan
QUESTION_RE = re.compile(r"^\s*Q:\s*(?P<q>.+?)(?:\s+A:\s*(?P<a>.+))?\s*$")
ANSWER_RE = re.compile(r"^\s*A:\s*(?P<a>.+?)\s*$")
STOP_WORDS = {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or",
              "the", "this", "to", "with", "we", "you", "not", "can", "will"}
TRAP_FRONT_WORDS = 8

FindTerms = Callable[[str], Iterable[TermMatch]]


@dataclass(frozen=True)
class Card:
    id: str
    kind: str  # cloze | trap | own
    service: str  # service id ("" for General)
    front: str
    back: str
    answer: str  # the blanked part (cloze), or "" when the back is the answer
    path: str
    line: int


def card_id(service: str, kind: str, text: str) -> str:
    return hashlib.sha1(f"{service}\n{kind}\n{text}".encode()).hexdigest()[:12]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _cloze(node: Node, service: str, terms: FindTerms | None) -> Card | None:
    if node.kind is Kind.CODE or node.kind is Kind.HEADING:
        return None
    words = node.text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return None
    text = " ".join(words)
    if ("Q:" in text and QUESTION_RE.match(text)) or ("A:" in text and ANSWER_RE.match(text)):
        return None
    blank: re.Match[str] | TermMatch | None = NUMBER_RE.search(text) if DIGIT_RE.search(text) else None
    if blank is None and terms is not None:
        hits = [h for h in terms(text) if h.text.casefold() not in STOP_WORDS]
        blank = max(hits, key=lambda h: (len(h.text), -h.start), default=None)
    if blank is None:
        return None
    start, end = (blank.start(), blank.end()) if isinstance(blank, re.Match) else (blank.start, blank.end)
    answer = text[start:end]
    if answer.casefold() in STOP_WORDS or end - start >= len(text) - 3:
        return None
    front = text[:start] + BLANK + text[end:]
    line = node.first_line
    return Card(card_id(service, "cloze", text), "cloze", service, front, text, answer, line.path, line.number)


def _own_cards(nodes: list[Node], service: str) -> list[Card]:
    cards: list[Card] = []
    for index, node in enumerate(nodes):
        if "Q:" not in node.text:
            continue
        question = QUESTION_RE.match(_flat(node.text))
        if not question:
            continue
        answer = question.group("a")
        if answer is None and index + 1 < len(nodes):
            following = ANSWER_RE.match(_flat(nodes[index + 1].text))
            answer = following.group("a") if following else None
        if answer:
            text = f"{question.group('q')}\n{answer}"
            line = node.first_line
            cards.append(Card(card_id(service, "own", text), "own", service, question.group("q"), answer, "",
                              line.path, line.number))
    return cards


def _trap(nodes: list[Node], service: str) -> Card:
    whole = _flat(" ".join(n.text for top in nodes for n in top.walk()))
    head = _flat(nodes[0].text)
    clause = CLAUSE_END_RE.search(head)
    front = head[:clause.start()] if clause else head
    if len(front.split()) >= 0.8 * len(whole.split()):
        front = " ".join(front.split()[:TRAP_FRONT_WORDS]) + " …"
    line = nodes[0].first_line
    return Card(card_id(service, "trap", whole), "trap", service, front, whole, "", line.path, line.number)


def _walk_siblings(nodes: list[Node]):
    """Every list of sibling blocks, so Q:/A: pairs are found at any depth."""
    yield nodes
    for node in nodes:
        if node.children:
            yield from _walk_siblings(node.children)


def make_cards(split: SplitNotes, routing: ExamRouting, terms: FindTerms | None) -> list[Card]:
    """All cards, in notes order per service, then the traps, deduplicated by id.
    ``terms(text)`` finds the glossary terms a cloze card may blank."""
    cards: list[Card] = []
    for service, sections in split.sections.items():
        nodes = [n for section in sections for n in section.nodes]
        for top in nodes:
            for node in top.walk():
                card = _cloze(node, service, terms)
                if card:
                    cards.append(card)
        for siblings in _walk_siblings(nodes):
            cards += _own_cards(siblings, service)
    general = [n for section in split.general for n in section.nodes]
    for siblings in _walk_siblings(general):
        cards += _own_cards(siblings, "")
    for note in routing.notes:
        cards.append(_trap(note.nodes, note.services[0]))
    for index in routing.unassigned:
        cards.append(_trap(routing.items[index].nodes, ""))
    unique: dict[str, Card] = {}
    for card in cards:
        unique.setdefault(card.id, card)
    return list(unique.values())
