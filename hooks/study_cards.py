"""Step 5 of the pipeline: self-test cards made from the notes at build time.

Four kinds of card:

* **Fill in the blank** (``cloze``): a notes line with something worth
  remembering has it blanked: a number with its unit ("Max Size for SQS
  Message is ____" -> 256KB), else a named concept from the glossary.
* **Worked example** (``calc``): a line with the working under it ("we write
  6 items per second, with item size 4.5 KB" / "6 * 5 * 1 WCU = 30 WCU")
  asks for the result ("... -> how many WCU?" -> 30 WCU).
* **Exam trap** (``trap``): a practice-exam note. "X vs Y" asks for the
  difference; otherwise its first sentence with its key fact blanked. A note
  with neither makes no card (it stays on its pages).
* **Your own** (``own``): a line ``Q: question`` followed by ``A: answer`` (or
  both on one line) anywhere in the notes, kept as you wrote it.

Every generated card is a fair question by construction (``fair_front``,
``fair_blank``): the front never holds its answer, never equals its back,
has at least four words of its own, and is never made from a line of
arithmetic; a blank is the informative part (a number with its unit, a
named concept), never a stop word, a piece of a longer name ("Pre Token
Generation ____") or a term whose acronym or expansion stands beside it
("____ (RCU)"). Lines that give no fair card give none; ``decide`` says
why, for the golden file of decisions.

A card whose line states a limit that has changed since the notes carries
both values (``changed``). A card's id is a hash of its service, kind and
text, so it keeps its progress across rebuilds while its text stays.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from notes_model import Kind, LineKey, Node
from route_exam_notes import ExamRouting
from split_by_service import SplitNotes
from term_matcher import TermMatch

BLANK = "____"
MIN_WORDS = 6  # a line shorter than this is a label, not a fact
MAX_WORDS = 70  # a paragraph longer than this makes a card nobody can answer
MIN_FRONT_WORDS = 4  # words of its own a front keeps besides the blank
# A number with the unit that makes it worth remembering: 256KB, 900 seconds,
# 10,240 MB, 1 MB increments, 4 KB, 1000 concurrent executions.
NUMBER_RE = re.compile(
    r"(?<![\w.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?"
    r"(?:KiB|MiB|GiB|TiB|KB|MB|GB|TB|ms|seconds?|minutes?|hours?|days?|%|WCUs?|RCUs?|"
    r"concurrent\s+(?:executions|calls|Lambda\s+function\s+calls)|shards?|parts?)(?!\w)",
    re.IGNORECASE)
NUMBER_ONLY_RE = re.compile(r"\d+(?:[.,]\d+)*")
DIGIT_RE = re.compile(r"\d")  # a cheap test before NUMBER_RE, which is slow to scan
# Arithmetic: "10 * 2 * 1WCU = 20 WCU", "1/2 * 16 * 3", "(120/60)".
ARITHMETIC_RE = re.compile(r"[\d)]\s*[*×÷/+]\s*[\d(½]|[\d)]\s*=\s*[\d(½]|=\s*\d")
# The result at the end of a line of working: "= 30 WCU", "= 24 RCU".
RESULT_RE = re.compile(r"=\s*(?P<result>\d[\d,.]*\s*(?P<unit>[A-Za-z][A-Za-z/]*))\s*\.?$")
QUESTION_RE = re.compile(r"^\s*Q:\s*(?P<q>.+?)(?:\s+A:\s*(?P<a>.+))?\s*$")
ANSWER_RE = re.compile(r"^\s*A:\s*(?P<a>.+?)\s*$")
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])|:\s+(?=\S)")
# A line that leans on something not on the card: "This is ...", "To write to this, ...".
REFERS_RE = re.compile(r"^\W*(?:\w+,\s*)?(?:this|these|that|it|they|those|here)\b|"
                       r"^\W*(?:\S+\s+){0,3}?(?:this|these|it|them|those)\b", re.IGNORECASE)
ELSEWHERE_RE = re.compile(r"\b(?:following|below|above|previous)\b[^.]{0,30}\b(?:diagram|image|picture|figure|table|"
                          r"list|example|section)\b|\b(?:diagram|image|figure)\b|^\W*the above\b", re.IGNORECASE)
LIST_NEIGHBOUR_BEFORE_RE = re.compile(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*(?:,|\band\b|\bor\b)\s*$")
LIST_NEIGHBOUR_AFTER_RE = re.compile(r"^(?:\s*,\s*[A-Z][\w-]*(?:\s*,|\s+(?:and|or)\b|\s*$)|\s+(?:and|or)\s+[A-Z])")
ACRONYM_NEAR_RE = re.compile(r"\b([A-Z][A-Z0-9]{1,7})(?:-[A-Z0-9]{1,3})?s?\s+(?:means|is|stands\s+for|=|:|-)?\s*$")
# The blank among examples: "Some examples are: ..., ____", "such as A, ____".
EXAMPLES_RE = re.compile(r"\b(?:examples?\s+(?:are|include)|such\s+as|e\.g\.?|for\s+example|include|includes)\b"
                         r"[^.;]*$", re.IGNORECASE)
VERSUS_RE = re.compile(r"^(.{1,40}?)\s+(?:vs\.?|versus)\s+(.{1,40}?)\s*:?$", re.IGNORECASE)
STOP_WORDS = {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or",
              "the", "this", "to", "with", "we", "you", "not", "can", "will"}
PAREN_AFTER_RE = re.compile(r"\s*\(([^()]{1,60})\)")
PAREN_BEFORE_RE = re.compile(r"((?:[A-Za-z][\w-]*\s+){0,6}[A-Za-z][\w-]*)\s*\($")
CAPITAL_WORD_BEFORE_RE = re.compile(r"(?:^|\s)([A-Z][\w@-]*)\s$")
CAPITAL_WORD_AFTER_RE = re.compile(r"^\s([A-Z][\w@-]*)")

FindTerms = Callable[[str], Iterable[TermMatch]]


@dataclass(frozen=True)
class Card:
    id: str
    kind: str  # cloze | calc | trap | own
    service: str  # service id ("" for General)
    front: str
    back: str
    answer: str  # the blanked part or the result, or "" when the back is the answer
    path: str
    line: int
    changed: str = ""  # both values of a limit that changed since the notes, or ""


def card_id(service: str, kind: str, text: str) -> str:
    return hashlib.sha1(f"{service}\n{kind}\n{text}".encode()).hexdigest()[:12]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w@.-]+", text.replace(BLANK, " ")) if w.strip(".-")]


# -- the rules ------------------------------------------------------------------


def is_arithmetic(text: str) -> bool:
    """A line of working ("10 * 2 * 1WCU = 20 WCU"), which makes no fair fill-in."""
    return bool(ARITHMETIC_RE.search(text))


def acronym_of(text: str) -> str:
    """"RCU" for "RCUs"; "" when ``text`` is not an acronym."""
    word = text.strip()
    word = word[:-1] if len(word) > 2 and word.endswith("s") and word[:-1].isupper() else word
    return word if 2 <= len(word) <= 8 and word.isupper() and word.isalpha() else ""


def _stands_for(acronym: str, phrase: str) -> bool:
    """Do the last words of ``phrase`` spell ``acronym`` ("Read Capacity Units"
    -> RCU, "server-side encryption" -> SSE)?"""
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", phrase)
    for count in range(1, min(len(words), len(acronym) + 2) + 1):
        initials = "".join(word[0] for word in words[-count:]).upper()
        if initials == acronym or initials == acronym + "S":
            return True
    return False


def spelled_out(acronym: str, text: str) -> bool:
    """Do some words of ``text`` in a row spell ``acronym`` ("Cognito User Pools" for CUP)?"""
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", text)
    size = len(acronym)
    return any("".join(w[0] for w in words[i:i + size]).upper() == acronym for i in range(len(words) - size + 1))


def _acronym_beside(text: str, start: int, end: int) -> bool:
    """Does the blank's acronym or expansion stand beside it: "Read Capacity
    Units (RCU)", "RCU (Read Capacity Units)", "Read Capacity Units (____)"?"""
    answer = text[start:end]
    after = PAREN_AFTER_RE.match(text, end)
    if after:
        inside = after.group(1)
        if acronym_of(inside) and _stands_for(acronym_of(inside), answer):
            return True
        if acronym_of(answer) and _stands_for(acronym_of(answer), inside):
            return True
    before = PAREN_BEFORE_RE.search(text[:start])
    if before and text[end:end + 1] == ")":
        outside = before.group(1)
        if acronym_of(answer) and _stands_for(acronym_of(answer), outside):
            return True
        if acronym_of(outside.split()[-1]) and _stands_for(acronym_of(outside.split()[-1]), answer):
            return True
    return False


def _part_of_longer_name(text: str, start: int, end: int) -> bool:
    """Is the blank one word of a longer capitalised name ("Pre Token
    Generation ____")? The first word of the line does not count."""
    before = CAPITAL_WORD_BEFORE_RE.search(text[:start])
    if before and before.start(1) > 0 and before.group(1).casefold() not in STOP_WORDS:
        return True
    after = CAPITAL_WORD_AFTER_RE.match(text[end:])
    return bool(after and after.group(1).casefold() not in STOP_WORDS and not after.group(1).isupper())


def fair_blank(text: str, start: int, end: int, is_number: bool) -> str:
    """Why blanking ``text[start:end]`` makes no fair question ("" when it does)."""
    answer = text[start:end]
    front = text[:start] + BLANK + text[end:]
    if answer.casefold() in STOP_WORDS or len(answer.strip()) < 2:
        return "the blank would be a stop word"
    stem = answer.casefold()[:-1] if len(answer) > 3 and answer.casefold().endswith("s") else answer.casefold()
    # A word holds a word ("CodeArtifact" holds "artifact"); a number must stand alone ("14 days" is not 4).
    holds = (re.search(rf"(?<![\w.]){re.escape(stem)}(?:s|es)?(?!\w)", front.casefold()) if is_number
             else stem in front.casefold())
    if holds:
        return "the front holds the answer"
    if is_number:
        number = NUMBER_ONLY_RE.search(answer)
        rest = text[:start] + " " + text[end:]
        if number and re.search(rf"(?<![\w.]){re.escape(number.group())}(?![\w])", rest):
            return "the front holds the answer's number"
    else:
        if _part_of_longer_name(text, start, end):
            return "the blank is a piece of a longer name"
        if _acronym_beside(text, start, end):
            return "the blank's acronym or expansion stands beside it"
        if acronym_of(answer) and spelled_out(acronym_of(answer), front):
            return "the front spells out the answer's letters"
    return fair_front(front, text)


def fair_front(front: str, back: str) -> str:
    """Why a front makes no fair question ("" when it does)."""
    if _flat(front).casefold() == _flat(back).casefold():
        return "the front equals the back"
    if len(_words(front)) < MIN_FRONT_WORDS:
        return f"the front has fewer than {MIN_FRONT_WORDS} words"
    return ""


# -- one line -------------------------------------------------------------------


def _candidates(text: str, terms: FindTerms | None) -> list[tuple[int, int, object]]:
    """Places to blank, best first: numbers with units in order (payload
    None), then glossary terms, longest first (payload: the term)."""
    found: list[tuple[int, int, object]] = []
    if DIGIT_RE.search(text):
        found += [(m.start(), m.end(), None) for m in NUMBER_RE.finditer(text)]
    if terms is not None:
        hits = sorted(terms(text), key=lambda h: (-len(h.text), h.start))
        found += [(h.start, h.end, h.payload) for h in hits]
    return found


def _other_name_beside(text: str, start: int, end: int, term: object, terms: FindTerms) -> bool:
    """Does another name of the same glossary term stand on the front ("DynamoDB
    Accelerator (DAX)", "OIDC means ____"), or an acronym whose letters are
    the blank's initials right before it?"""
    front = text[:start] + " " + text[end:]
    if any(hit.payload == term for hit in terms(front)):
        return True
    near = ACRONYM_NEAR_RE.search(text[:start])
    return bool(near and _stands_for(near.group(1), text[start:end]))


def in_a_list(text: str, start: int, end: int) -> bool:
    """Is the blank one of a list of names ("think ____ and EFS, not S3"),
    where the others give half the answer?"""
    return bool(LIST_NEIGHBOUR_BEFORE_RE.search(text[:start]) or LIST_NEIGHBOUR_AFTER_RE.match(text[end:]))


def _blank(text: str, terms: FindTerms | None) -> tuple[int, int] | str:
    """The first fair place to blank in ``text``, or why there is none. A
    number followed by the same amount in other units ("900 seconds (15
    minutes)") is blanked with it, and never the one in parentheses: either
    alone would give the other away."""
    reasons = []
    for start, end, term in _candidates(text, terms):
        stop = end
        if term is None:
            after = PAREN_AFTER_RE.match(text, end)
            if after and NUMBER_RE.fullmatch(after.group(1).strip()):
                stop = after.end()
            if text[end:end + 1] == ")" and NUMBER_RE.search(text[max(0, start - 20):start] + "") and \
                    text[:start].rstrip().endswith("("):
                reasons.append("the blank's equivalent stands beside it")
                continue
        elif terms is not None and _other_name_beside(text, start, end, term, terms):
            reasons.append("the blank's other name stands beside it")
            continue
        reason = fair_blank(text, start, stop, term is None)
        if not reason:
            return start, stop
        reasons.append(reason)
    return reasons[0] if reasons else "nothing to blank: no number with a unit and no glossary term"


def _working(node: Node, following: Node | None) -> Node | None:
    """The line of working for a worked example: under it, or right after it
    ("1. we write 10 items ..." then "• 10 * 2 * 1WCU = 20 WCU")."""
    for candidate in [*node.children[:2], *([following] if following is not None else [])]:
        if is_arithmetic(candidate.text):
            return candidate
    return None


def _ambiguous(text: str, start: int, end: int, service: str) -> str:
    """Why a blank that is fair on its own is still a poor question ("" if it is not)."""
    if in_a_list(text, start, end) or EXAMPLES_RE.search(text[:start]):
        return "the blank is one of a list, where any other item would answer too"
    if text[start:end].replace(" ", "") == "100%":
        return "100% is emphasis here, not a fact"
    stem = re.sub(r"s$", "", text[start:end].casefold())
    if len(stem) > 3 and stem in service.replace("-", ""):
        return "the card's service names the answer"
    return ""


def is_title(text: str) -> bool:
    """A short line that names a topic ("Kinesis Data Analytics"), usable as a card's context."""
    return 0 < len(text) <= 60 and not re.search(r"[.!?]\s|[.!?]$", text) and "," not in text


def decide(node: Node, service: str, terms: FindTerms | None, following: Node | None = None,
           context: str = "") -> Card | str:
    """The card a notes line makes, or why it makes none. ``following`` is
    the next line at the same level; ``context`` the nearest title above."""
    if node.kind in (Kind.CODE, Kind.HEADING, Kind.HTML, Kind.RAW):
        return f"a {node.kind.value} block"
    text = _flat(node.text)
    if ("Q:" in text and QUESTION_RE.match(text)) or ("A:" in text and ANSWER_RE.match(text)):
        return "a question or answer line (your own card)"
    if is_arithmetic(text):
        return "a line of arithmetic"
    line = node.first_line
    # A worked example ("we write 10 items per second, with item size 2 KB" and its
    # working) asks for its result, or makes no card.
    working = _working(node, following) if DIGIT_RE.search(text) and len(text.split()) >= MIN_WORDS else None
    if working is not None:
        result = RESULT_RE.search(_flat(working.text))
        if result is None:
            return "a worked example whose working gives no result"
        front = f"{text} → how many {result.group('unit')}?"
        reason = fair_front(front, _flat(working.text))
        if reason:
            return reason
        return Card(card_id(service, "calc", f"{text}\n{_flat(working.text)}"), "calc", service, front,
                    _flat(working.text), _flat(result.group("result")), line.path, line.number)
    words = text.split()
    if len(words) < MIN_WORDS:
        return f"under {MIN_WORDS} words"
    if len(words) > MAX_WORDS:
        return f"over {MAX_WORDS} words"
    if ELSEWHERE_RE.search(text):
        return "it points at something not on the card (a diagram, the list below)"
    if text.endswith(":") and node.children and len(words) < 10:
        return "it introduces the lines under it"
    leans = bool(REFERS_RE.match(text))
    if leans and not context:
        return "it leans on a line above (\"this\", \"it\") and there is no title to show with it"
    place = _blank(text, terms)
    if isinstance(place, str):
        return place
    start, end = place
    reason = _ambiguous(text, start, end, service)
    if reason:
        return reason
    front = text[:start] + BLANK + text[end:]
    if leans:
        front = f"{context}: {front}"
        reason = fair_blank(f"{context}: {text}", len(context) + 2 + start, len(context) + 2 + end,
                            NUMBER_RE.fullmatch(text[start:end].split(" (")[0]) is not None)
        if reason:
            return f"with its title: {reason}"
    return Card(card_id(service, "cloze", text), "cloze", service, front, text, text[start:end], line.path,
                line.number)


def decide_trap(nodes: list[Node], service: str, terms: FindTerms | None) -> Card | str:
    """A practice-exam note as a question whose answer is the fix: "X vs Y"
    asks for the difference; otherwise its first sentence (seven words or
    more) has its key fact blanked, a number or a glossary term that is not
    one of a list ("think ____ and EFS" is half of the fix)."""
    whole = _flat(" ".join(n.text for top in nodes for n in top.walk()))
    head = _flat(nodes[0].text)
    line = nodes[0].first_line
    versus = VERSUS_RE.match(head)
    if versus and nodes[0].children:
        front = f"What is the difference between {versus.group(1)} and {versus.group(2)}?"
        return Card(card_id(service, "trap", whole), "trap", service, front, whole, "", line.path, line.number)
    sentence = SENTENCE_END_RE.split(head, maxsplit=1)[0].rstrip(" :")
    if not is_arithmetic(sentence) and len(sentence.split()) >= MIN_WORDS + 1 and not REFERS_RE.match(sentence):
        place = _blank(sentence, terms)
        # A name in a list is half of the fix ("think ____ and EFS, not S3").
        if not isinstance(place, str) and not _ambiguous(sentence, *place, service):
            start, end = place
            front = sentence[:start] + BLANK + sentence[end:]
            return Card(card_id(service, "trap", whole), "trap", service, front, whole, sentence[start:end],
                        line.path, line.number)
    # A note's opening words ("If we're building our project in CodeBuild … ?")
    # were tried as a front and read as unfair in blind reads: no card.
    return "an exam note with no fact to blank and no two things to compare"


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


def _walk_siblings(nodes: list[Node]):
    """Every list of sibling blocks, so Q:/A: pairs are found at any depth."""
    yield nodes
    for node in nodes:
        if node.children:
            yield from _walk_siblings(node.children)


def make_cards(split: SplitNotes, routing: ExamRouting, terms: FindTerms | None,
               changed: Mapping[LineKey, str] | None = None) -> list[Card]:
    """All cards, in notes order per service, then the traps, deduplicated by
    id. ``terms(text)`` finds the glossary terms a card may blank;
    ``changed[line]`` is the note of both values for a line that states a
    limit that has changed."""
    cards: list[Card] = []
    for service, sections in split.sections.items():
        nodes = [n for section in sections for n in section.nodes]
        cards += [card for _, card in _decisions(nodes, service, terms) if isinstance(card, Card)]
        for siblings in _walk_siblings(nodes):
            cards += _own_cards(siblings, service)
    general = [n for section in split.general for n in section.nodes]
    for siblings in _walk_siblings(general):
        cards += _own_cards(siblings, "")
    for note in routing.notes:
        trap = decide_trap(note.nodes, note.services[0], terms)
        if isinstance(trap, Card):
            cards.append(trap)
    for index in routing.unassigned:
        trap = decide_trap(routing.items[index].nodes, "", terms)
        if isinstance(trap, Card):
            cards.append(trap)
    unique: dict[str, Card] = {}
    for card in cards:
        both = (changed or {}).get((card.path, card.line), "")
        unique.setdefault(card.id, replace(card, changed=both) if both else card)
    return list(unique.values())


def _decisions(nodes: list[Node], service: str, terms: FindTerms | None, context: str = ""):
    """(node, card or reason) for every block, in notes order, each with the
    line after it and the nearest title above it."""
    for index, node in enumerate(nodes):
        following = nodes[index + 1] if index + 1 < len(nodes) else None
        yield node, decide(node, service, terms, following, context)
        if node.children:
            own = _flat(node.text).rstrip(":")
            yield from _decisions(node.children, service, terms, own if is_title(own) else context)


def describe(nodes: list[Node], service: str, terms: FindTerms | None) -> list[str]:
    """``L<n>: <decision>`` for every block, for the golden file of decisions."""
    lines = []
    for node, card in _decisions(nodes, service, terms):
        if isinstance(card, Card):
            decision = f"{card.kind}: {card.front}" + (f" | answer: {card.answer}" if card.answer else "")
        else:
            decision = f"no card: {card}"
        lines.append(f"L{node.first_line.number}: {decision}")
    return lines


__all__ = [
    "BLANK",
    "Card",
    "acronym_of",
    "decide",
    "decide_trap",
    "describe",
    "fair_blank",
    "fair_front",
    "is_arithmetic",
    "make_cards",
    "spelled_out",
]
