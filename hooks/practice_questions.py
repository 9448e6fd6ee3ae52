"""Multiple-choice questions for the Practice test, made at build time from
the study cards (which come from the notes) and the exam's data.

Five kinds, each with one right answer and three wrong ones:

* **Numbers** (``number``): a limit from ``limits.yml`` ("In SQS, what is
  the maximum message size?"), asked about today's value with the old one
  explained where AWS changed it; and a notes line whose card blanks a
  number, or a worked example's result. The wrong options are numbers of
  the same kind (sizes, times, WCUs...) from neighbouring facts, nearest in
  size first, same service first; too few, and they are the value halved,
  doubled and so on.
* **Which service** (``service``): a service's description from the
  catalogue; the wrong options are services of the same category first.
* **Terms** (``term``): a glossary definition, and the terms of the same
  service as wrong options; and a notes line whose card blanks a glossary
  term or a service's name, with the same kind of wrong options.
* **Traps** (``trap``): a practice-exam note whose card blanks a fact; a
  note with no such fact gives no question rather than a weak one.
* **Your own** (``own``): a ``Q:``/``A:`` pair, with answers to other
  questions of the same service (then category) as wrong options.

Every question is fair by construction (``unfair``): four options that
differ once spacing, case and units are set aside, none written in the
question, none holding another ("SSE" and "SSE-KMS" could both fill a
blank), a question of four words or more, and no answer that alone repeats
a word of the question ("CloudTrail's detection of..." -> "CloudTrail
Insights"). A wrong number is never one the question states, and a
definition that spells out its acronym ("Cross-origin resource sharing")
asks nothing. A candidate that fails says why, for the golden file of
decisions.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import snowballstemmer
from exam_guide import ExamGuide

from limits import SIZE_UNITS, Limit
from link_terms import Term
from service_catalogue import Catalogue
from study_cards import BLANK, NUMBER_RE, STOP_WORDS, Card, acronym_of, spelled_out

OPTIONS = 4  # as on the exam: one right answer, three distractors
MIN_STEM_WORDS = 4
# A number and its unit, as the notes and limits write them: "256KB", "1,000 concurrent executions".
AMOUNT_RE = re.compile(r"^(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<unit>.*?)\s*$")
TIME_UNITS = {"ms": 0.001, "millisecond": 0.001, "second": 1, "minute": 60, "hour": 3600, "day": 86400}
ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9-]{1,7}s?$")
WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*")
CAMEL_RE = re.compile(r"[A-Z][a-z]+(?=[A-Z])|(?<=[a-z])[A-Z][a-z]+")
CAPITALS_RE = re.compile(r"[A-Z]{2,}")  # "QL" in GraphQL, "KMS" in SSE-KMS
NUMBER_WORDS_RE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", re.IGNORECASE)
ASIDE_RE = re.compile(r'\s*(?:\([^()]*\)|"[^"]*")')  # "(first four and last one)", '("50 TB")'
# The shape of a name: a command ("sam deploy"), a file ("buildspec.yml"), an
# API action ("GetCallerIdentity"), an acronym ("DLQ"), code ("Fn::GetAtt",
# "x-amz-server-side-encryption"), or words ("Visibility timeout").
SHAPES = (("code", re.compile(r"::|^x-|^aws:|^!")), ("file", re.compile(r"^\.|\.[a-z]{2,4}$")),
          ("command", re.compile(r"^(?:aws|sam|cdk|eb|cloudformation|copilot|git|docker|kubectl|npm|pip)"
                                 r"(?: [a-z0-9-]+)+$")),
          ("api", re.compile(r"^[A-Z][a-z]{2,}(?:[A-Z][a-z0-9]*)+$")), ("acronym", ACRONYM_RE))
_STEMMER = snowballstemmer.stemmer("english")
# "every ____", "e.g. ____", "such as ____": the value is an example, not the fact.
EXAMPLE_BEFORE_RE = re.compile(r"\b(?:every|e\.g\.?|for example|such as|like)\s*[~(]?\s*$", re.IGNORECASE)
LEANS_RE = re.compile(r"\bvic[e]? versa\b|^\W*(?:also|same|similarly|likewise)\b", re.IGNORECASE)
# A line that stops on one of these was cut off: "... is ____. That is", "... where we".
CUT_OFF_WORDS = {"a", "an", "and", "are", "as", "be", "by", "for", "from", "is", "of", "or", "the", "to", "with",
                 "we", "that", "which", "example", "following"}


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # number | service | term | trap | own
    service: str  # service id ("" for General)
    stem: str
    options: tuple[str, ...]  # the right answer first; the page shuffles them
    explanation: str  # the notes line, definition or limit it came from
    path: str = ""  # the notes file and line, for questions from the notes
    line: int = 0
    anchor: str = ""  # else where it is explained: "glossary#slug", "numbers#id", "service"
    fact: str = ""  # what it tests ("term:dlq", "number:sqs:1 MB"): a test asks each fact once

    @property
    def answer(self) -> str:
        return self.options[0]


@dataclass(frozen=True)
class Amount:
    """A number with its unit, comparable across KB and MB, seconds and minutes."""

    text: str  # as shown in an option
    value: float  # in the family's base unit (bytes, seconds)
    family: str  # "size", "time" or the unit itself ("wcu", "shard", "")


def _singular(unit: str) -> str:
    unit = unit.strip().rstrip(".")
    return unit[:-1] if len(unit) > 3 and unit.endswith("s") and not unit.endswith("ss") else unit


def amount(text: str) -> Amount | None:
    """``text`` as an amount, or None when it is not a number with a unit."""
    match = AMOUNT_RE.match(text.strip())
    if not match:
        return None
    number = float(match["n"].replace(",", ""))
    unit = match["unit"]
    if unit in SIZE_UNITS or unit.upper() in SIZE_UNITS:
        key = unit if unit in SIZE_UNITS else unit.upper()
        return Amount(f"{_number(number)} {key}", number * SIZE_UNITS[key], "size")
    single = _singular(unit.casefold())
    if single in TIME_UNITS:
        return Amount(f"{_number(number)} {unit}", number * TIME_UNITS[single], "time")
    if unit == "%":
        return Amount(f"{_number(number)}%", number, "%")
    return Amount(f"{_number(number)} {unit}".strip(), number, single.casefold())


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _limit_amount(limit: Limit) -> Amount:
    text = limit.display  # as AWS states it: "1 MiB", "48.8 TiB"
    per = f" per {limit.per}" if limit.per else ""  # a rate is not a size
    if limit.unit in SIZE_UNITS:
        return Amount(text, limit.value * SIZE_UNITS[limit.unit], "size" + per)
    if limit.unit == "seconds":
        return Amount(text, limit.value, "time" + per)
    return Amount(text, limit.value, limit.unit + per)


def _with_unit(number: float, unit: str, family: str) -> str:
    """"2 hours" and "1 day", whatever number the unit was written with."""
    if family == "time":
        unit = _singular(unit) if number == 1 else unit if unit.endswith("s") else unit + "s"
    return f"{_number(number)}{'' if unit in ('%', '') else ' '}{unit}".strip()


# Multiples for wrong numbers when the facts have too few, in orders chosen
# by the answer: with halved and doubled always first, the right answer
# would be the one in the middle.
SCALES = ((2, 4, 8, 0.5, 10), (0.5, 2, 4, 0.25, 10), (0.25, 0.5, 2, 4, 0.1), (2, 3, 0.5, 4, 10),
          (4, 2, 0.5, 8, 0.25))


def _scaled(answer: Amount, unit_text: str) -> list[Amount]:
    """Numbers near ``answer`` when the facts have too few of its kind."""
    match = AMOUNT_RE.match(answer.text)
    number = float(match["n"].replace(",", "")) if match else 0.0
    base = answer.value / number if number else 1
    found = []
    scales = SCALES[int(hashlib.sha1(answer.text.encode()).hexdigest(), 16) % len(SCALES)]
    for factor in (*scales, 3, 0.1):
        scaled = number * factor
        if scaled <= 0 or (number.is_integer() and not scaled.is_integer()):
            continue
        found.append(Amount(_with_unit(scaled, unit_text, answer.family), scaled * base, answer.family))
    return found


def _fold(text: str) -> str:
    return re.sub(r"[\s,]+", "", text).casefold()


@cache
def _name_pattern(name: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w])", re.IGNORECASE)


@cache
def _casefolded(text: str) -> str:
    return text.casefold()


def _in_text(name: str, text: str) -> bool:
    # Most names are not in the text at all: a plain search says so first.
    if _casefolded(name) not in _casefolded(text):
        return False
    return _name_pattern(name).search(text) is not None


def question_id(kind: str, service: str, stem: str, answer: str) -> str:
    return hashlib.sha1(f"{kind}\n{service}\n{stem}\n{answer}".encode()).hexdigest()[:12]


@cache
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word.casefold())


@cache
def stems(text: str) -> frozenset[str]:
    """The stems of the words of ``text`` that carry meaning: "routed" and
    "Routing" are both "rout"; "EC2" and "KMS" count, "the" and "is" do not."""
    found = set()
    words = WORD_RE.findall(text)
    # The words of a name run together: "FindInMap" is find, in, map too.
    words += [part for word in words if CAMEL_RE.search(word) for part in CAMEL_RE.findall(word)]
    for word in words:
        if word.casefold() in STOP_WORDS:
            continue
        if len(word) >= 3 or (len(word) == 2 and word.isupper()):
            found.add(_stem(word))
    return frozenset(found)


def shape(name: str) -> str:
    return next((label for label, pattern in SHAPES if pattern.search(name)), "words")


def same_kind(one: str, other: str) -> bool:
    """Could the two stand as options of one question? Words and acronyms
    mix ("Visibility timeout", "DLQ"); a command, a file, an API action or
    code stands only among its own kind."""
    kinds = {shape(one), shape(other)}
    return len(kinds) == 1 or kinds == {"words", "acronym"}


def _shares(option: str, question: frozenset[str], words: set[str]) -> set[str]:
    """Stems of ``option`` the question has, or that begin a word of it
    ("pub" of "publish"), or capitals it spells out ("QL", "query language")."""
    shared = set(stems(option) & question)
    shared |= {s for s in stems(option) if len(s) >= 3 and any(w.startswith(s) and w != s for w in words)}
    return shared


def giveaway(stem: str, answer: str, wrong: Iterable[str]) -> set[str]:
    """What the answer alone shares with the question: words (as stems), the
    start of a word, or capitals the question spells out."""
    asked = stem.replace(BLANK, " ")
    question = stems(asked)
    words = {w.casefold() for w in WORD_RE.findall(asked)}
    shared = _shares(answer, question, words)
    tokens = WORD_RE.findall(asked)
    shared |= {run for run in CAPITALS_RE.findall(answer)
               if spelled_out(run, asked) or any(run in token and token != run for token in tokens)}
    for option in wrong:
        shared -= _shares(option, question, words)
        shared -= set(CAPITALS_RE.findall(option))
    return shared


def _beside_blank(stem: str) -> frozenset[str]:
    """The stems of the nearest word that means something on each side of
    the blank ("private" in "have private and ____")."""
    if BLANK not in stem:
        return frozenset()
    before, _, after = stem.partition(BLANK)
    words = [w for w in WORD_RE.findall(before)[-3:] if w.casefold() not in STOP_WORDS][-1:]
    words += [w for w in WORD_RE.findall(after)[:3] if w.casefold() not in STOP_WORDS][:1]
    return stems(" ".join(words))


def _overlap(one: str, other: str) -> bool:
    """Does one option hold the other as a whole word ("SSE" in "SSE-KMS")?"""
    return _in_text(one, other) or _in_text(other, one)


def unfair(stem: str, options: tuple[str, ...]) -> str:
    """Why a question would be unfair, or "" when it is fair."""
    if len(options) < OPTIONS:
        return f"fewer than {OPTIONS - 1} distinct wrong options"
    if len({_fold(option) for option in options}) < len(options):
        return "two options are the same"
    if any(_overlap(options[0], option) for option in options[1:]):
        return "an option holds the answer, or the answer holds an option"
    if len([w for w in stem.replace(BLANK, " ").split() if any(c.isalnum() for c in w)]) < MIN_STEM_WORDS:
        return f"the question has fewer than {MIN_STEM_WORDS} words"
    asked = stem.replace(BLANK, " ")
    for option in options:
        if _in_text(option, asked):
            return "the question holds an option" if option != options[0] else "the question holds its answer"
    if giveaway(stem, options[0], options[1:]):
        return "only the answer repeats a word of the question"
    return ""


class _Facts:
    """What the wrong options are drawn from."""

    def __init__(self, cards: list[Card], catalogue: Catalogue, glossary: dict[str, Term],
                 limits: dict[str, Limit]) -> None:
        self.catalogue = catalogue
        self.glossary = glossary
        self.numbers: list[tuple[Amount, str]] = []  # (amount, service)
        for limit in limits.values():
            self.numbers.append((_limit_amount(limit), limit.service))
        for card in cards:
            if card.answer and not card.changed:
                found = amount(card.answer) if NUMBER_RE.fullmatch(card.answer) or card.kind == "calc" else None
                if found:
                    self.numbers.append((found, card.service))
        self.term_by_name: dict[str, Term] = {}
        for term in glossary.values():
            for name in term.names:
                self.term_by_name.setdefault(name.casefold(), term)
        self.service_by_name: dict[str, str] = {}
        for service in catalogue.services.values():
            for name in (service.title, service.name, *service.aliases):
                self.service_by_name.setdefault(name.casefold(), service.id)

    def category(self, service: str) -> str:
        return self.catalogue.services[service].category if service in self.catalogue.services else ""

    def nearest_numbers(self, answer: Amount, service: str, stem: str, first: tuple[Amount, ...] = ()) -> list[str]:
        """Three wrong numbers of the answer's kind, written in its unit: the
        facts within ten times of it (its service's first, then the
        nearest), then the answer halved, doubled and so on. A number the
        question states is never one ("____ - 10GB" keeps 10,240 MB out).
        ``first``: numbers to offer before all others (a limit's old value)."""
        # A bare count is a neighbour only within its service: 20 consumers
        # per stream says nothing about 0.5 of a read unit.
        bare = answer.family in ("count", "")
        match = AMOUNT_RE.match(answer.text)
        unit = match["unit"] if match else ""
        per_unit = answer.value / float(match["n"].replace(",", "")) if match and float(
            match["n"].replace(",", "")) else 1

        def in_answer_unit(found: Amount) -> Amount | None:
            """``found`` in the answer's unit ("5 GB" as "5,120 MB"), if that is a tidy number."""
            number = found.value / per_unit
            if number < (0.1 if answer.value < per_unit else 1) or round(number, 2) != number:
                return None
            return Amount(_with_unit(number, unit, answer.family), found.value, found.family)

        def distance(found: Amount) -> float:
            return abs(math.log(found.value / answer.value)) if found.value > 0 and answer.value > 0 else 99

        near = [(a, s) for a, s in self.numbers
                if a.family == answer.family and a.value != answer.value and (s == service or not bare)
                and distance(a) <= math.log(10)]
        near.sort(key=lambda entry: (entry[1] != service, distance(entry[0]), entry[0].text))
        chosen: list[str] = []
        values = {answer.value}
        for stated in NUMBER_RE.finditer(stem):
            found_in_stem = amount(stated.group())
            if found_in_stem and found_in_stem.family == answer.family:
                values.add(found_in_stem.value)
        # A bare number the question states is taken too: "Cool (____ min), Cold (90)"
        # leaves out 90 days.
        bare_numbers = {float(n.replace(",", ""))
                        for n in re.findall(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w.])", stem)}
        for candidate in [*first, *(a for a, _ in near), *_scaled(answer, unit)]:
            # An old value keeps the unit AWS wrote it in ("256 KB", not "0.25 MB").
            shown = candidate if candidate in first else in_answer_unit(candidate)
            if not shown or shown.value in values or _in_text(shown.text, stem) or len(chosen) == OPTIONS - 1:
                continue
            written = AMOUNT_RE.match(shown.text)
            if written and float(written["n"].replace(",", "")) in bare_numbers:
                continue
            values.add(shown.value)
            chosen.append(shown.text)
        return chosen

    def _ordered(self, candidates: Iterable[tuple[str, str, str]], answer: str, service: str, about: str,
                 key: str, services: bool = False, alike: bool = False) -> list[str]:
        """Wrong options for ``answer``, nearest first. ``candidates``:
        (name, its service, what it is). Nearest means, in this order: the
        answer's shape (a command for a command, a file for a file); the same
        service, then its category or no service (a concept such as
        "Throttling"), then the rest; then the most words in common between
        what each is and what the answer is (``about``), so a capacity mode
        meets capacity modes; then a fixed order of the question's own."""
        category = self.category(service)
        wanted = shape(answer)
        near = stems(about) | stems(answer)

        def group_of(owner: str) -> int:
            if owner == service:
                return 0
            return 1 if category and self.category(owner) == category else 2

        def rank(entry: tuple[str, str, str]) -> tuple[bool, int, float, str]:
            name, owner, what = entry
            group = group_of(owner)
            theirs = stems(what) | stems(name)
            common = len(near & theirs) / max(len(near | theirs), 1)
            order = hashlib.sha1(f"{key}\n{name}".encode()).hexdigest()
            return not services and shape(name) != wanted, group, -common, order

        # Another area's names are never plausible: "Region" for a retry strategy.
        def plausible(entry: tuple[str, str, str]) -> bool:
            name, owner, what = entry
            if not services and not same_kind(name, answer):  # "DynamoDB" and "RDS" are both services
                return False
            if group_of(owner) == 0 or alike:
                return True
            if group_of(owner) == 2:
                # Another area's service only when its name looks alike, as
                # CloudTrail, CloudWatch and CloudFront do.
                return services and name[:5].casefold() == answer[:5].casefold()
            if services:
                return True
            # From outside the service, a term must be about the same things:
            # "Rolling update" beside "Blue/green deployment", not "Throttling".
            return len(near & (stems(what) | stems(name))) >= 2

        return [entry[0] for entry in sorted(candidates, key=rank) if plausible(entry)]

    def _choose(self, ordered: list[str], answer: str, stem: str) -> list[str]:
        """The first three of ``ordered``; but when only the answer would
        share a word with the question, the nearest option that shares it
        too takes the last place ("Parallel state" beside "Choice state")."""
        chosen = ordered[:OPTIONS - 1]
        shared = giveaway(stem, answer, chosen)
        if shared:
            asked = stem.replace(BLANK, " ")
            question, words = stems(asked), {w.casefold() for w in WORD_RE.findall(asked)}
            alike = [name for name in ordered[OPTIONS - 1:] if _shares(name, question, words) & shared]
            if alike:
                chosen = [*chosen[:OPTIONS - 2], alike[0]]
        return chosen

    def other_terms(self, answer: str, term: Term, stem: str, key: str, service: str = "") -> list[str]:
        """Terms for a term answer; ``service``: the notes line's service,
        for a term of no service of its own ("Partition key" in DynamoDB's notes)."""
        acronym = ACRONYM_RE.match(answer) is not None
        own = term.service or service
        beside = _beside_blank(stem)
        candidates = []
        for other in self.glossary.values():
            # Terms of the answer's kind, from any service; a term of no kind
            # meets only its own service's terms.
            if (other.kind != term.kind) if term.kind else (not own or (other.service or "") != own):
                continue
            if other.slug == term.slug or any(_in_text(name, stem) for name in other.names):
                continue
            if any(_fold(name) == _fold(answer) for name in other.names):
                continue
            # A term that explains the answer, or that the answer's definition
            # names, is part of it ("Primary key" beside "Partition key").
            if any(_in_text(name, other.definition) for name in term.names) or \
                    any(_in_text(name, term.definition) for name in other.names):
                continue
            # "private and ____" rules out "Private subnet" at a glance.
            if stems(other.term) & beside:
                continue
            # An acronym's wrong options are acronyms where the term has one.
            shown = next((n for n in other.names if ACRONYM_RE.match(n)), other.term) if acronym else other.term
            if not _overlap(shown, answer):
                candidates.append((shown, other.service or "", other.definition))
        return self._choose(self._ordered(candidates, answer, own, term.definition, key, alike=bool(term.kind)),
                            answer, stem)

    def other_services(self, service: str, stem: str, key: str) -> list[str]:
        """Services (never a topic page such as "SDK and CLI") for a service answer."""
        answer = self.catalogue.services[service]
        candidates = [(s.title, s.id, s.description) for s in self.catalogue.services.values()
                      if s.id != service and not s.topic and not self.catalogue_named(s.id, stem)
                      and not _overlap(s.title, answer.title)]
        return self._choose(self._ordered(candidates, answer.title, service, answer.description, key, services=True),
                            answer.title, stem)

    def catalogue_named(self, service: str, text: str) -> bool:
        return any(hit.payload.service.id == service for hit in self.catalogue.mentions(text))


def _from_card(card: Card, facts: _Facts) -> Question | str:
    """A question from a card that blanks a number, a term or a service name."""
    if card.changed:
        return "states a limit AWS has changed (asked from limits.yml instead)"
    if card.kind != "calc" and not card.answer:
        return "the card has no single answer to choose (a comparison)"
    stem = card.front
    before, _, after = stem.partition(BLANK)
    if LEANS_RE.search(stem):
        return "the line leans on the one before it"
    if EXAMPLE_BEFORE_RE.search(before):
        return "the blank is an example (another value would do as well)"
    last = WORD_RE.findall(after)[-1:] if after.strip() else []
    if stem.rstrip().endswith(":") or (last and last[0].casefold() in CUT_OFF_WORDS):
        return "the line is cut off"
    service = facts.catalogue.services.get(card.service)
    if service and not facts.catalogue_named(card.service, stem):
        # A notes line leans on its section ("Allows us to grant ... (up to ____)"):
        # the question says which service it is about.
        stem = f"{service.title}: {stem}"
    answer = card.answer
    key = question_id(card.kind, card.service, stem, answer)
    found = amount(answer) if card.kind == "calc" or NUMBER_RE.fullmatch(answer) else None
    if found:
        kind = "trap" if card.kind == "trap" else "number"
        wrong = facts.nearest_numbers(found, card.service, stem)
        answer = found.text
        fact = f"number:{card.service}:{found.value:g}:{found.family}"
    elif answer.casefold() in facts.term_by_name:
        kind = "trap" if card.kind == "trap" else "term"
        term = facts.term_by_name[answer.casefold()]
        if not term.kind:
            # Blind reads found a notes line's blank meets its service's other
            # terms badly ("Conditional writes" where a key goes): only a term
            # of a known kind is asked this way.
            return "the blank's term has no kind to draw wrong options from"
        # The answer in the glossary's own words where they differ only in
        # case or number ("security groups" -> "Security group"), so it does
        # not stand out; a different form ("invalidate" for "Invalidation")
        # keeps the notes' word, which fits the sentence.
        if not ACRONYM_RE.match(answer):
            if _singular(answer.casefold()) != _singular(term.term.casefold()):
                # "Can ____ data" wants "invalidate": options named by the
                # glossary would not fit the sentence.
                return "the notes use another form of the term than the glossary"
            answer = term.term
        wrong = facts.other_terms(answer, term, stem, key, card.service)
        fact = f"term:{term.slug}"
    elif answer.casefold() in facts.service_by_name:
        named = facts.catalogue.services[facts.service_by_name[answer.casefold()]]
        if named.topic:
            return "the blank names a topic page, not one service"
        kind = "trap" if card.kind == "trap" else "term"
        wrong = facts.other_services(named.id, stem, key)
        fact = f"service:{named.id}"
    else:
        return "the blank is neither a number, a glossary term nor a service"
    options = (answer, *wrong)
    reason = unfair(stem, options)
    if reason:
        return reason
    return Question(key, kind, card.service, stem, options, card.back, card.path, card.line, fact=fact)


def _own(card: Card, own: list[Card], facts: _Facts) -> Question | str:
    key = question_id("own", card.service, card.front, card.back)
    others = [(c.back, c.service, c.front) for c in own if c.id != card.id and _fold(c.back) != _fold(card.back)]
    wrong = list(dict.fromkeys(facts._ordered(others, card.back, card.service, card.front, key)))[:OPTIONS - 1]
    options = (card.back, *wrong)
    reason = unfair(card.front, options)
    if reason:
        return reason
    return Question(key, "own", card.service, card.front, options, f"{card.front} {card.back}", card.path, card.line,
                    fact=f"own:{card.id}")


def _limit(limit: Limit, facts: _Facts, title: str) -> Question | str:
    # An aside that holds a number may hold the answer: "(first four and last one)".
    title_text = ASIDE_RE.sub(lambda m: "" if NUMBER_WORDS_RE.search(m.group()) else m.group(), limit.title)
    what = title_text[:1].lower() + title_text[1:]
    stem = f"{title}: {what}. Which value is right{' today' if limit.was else ''}?"
    answer = _limit_amount(limit)
    key = question_id("number", limit.service, stem, answer.text)
    # The old value is the tempting wrong answer; the explanation says why.
    old = amount(limit.was) if limit.was else None
    wrong = facts.nearest_numbers(answer, limit.service, stem, first=(old,) if old else ())
    options = (answer.text, *wrong)
    reason = unfair(stem, options)
    if reason:
        return reason
    explanation = f"{limit.title}: {answer.text}."
    if limit.was:
        explanation += f" AWS changed it on {limit.changed_on}; before then it was {limit.was}, as older notes say."
    return Question(key, "number", limit.service, stem, options, explanation, anchor=f"numbers#{limit.anchor}",
                    fact=f"number:{limit.service}:{answer.value:g}:{answer.family.split(' per ')[0]}")


def _term(term: Term, facts: _Facts) -> Question | str:
    if any(_in_text(name, term.definition) for name in term.names):
        return "the definition names the term"
    if any(acronym_of(name) and spelled_out(acronym_of(name), term.definition) for name in term.names):
        return "the definition spells out the term's acronym"
    stem = f"Which term is this? {term.definition}"
    key = question_id("term", term.service or "", stem, term.term)
    options = (term.term, *facts.other_terms(term.term, term, stem, key))
    reason = unfair(stem, options)
    if reason:
        return reason
    return Question(key, "term", term.service or "", stem, options, f"{term.term}: {term.definition}",
                    anchor=f"glossary#{term.slug}", fact=f"term:{term.slug}")


def _service(service_id: str, facts: _Facts) -> Question | str:
    service = facts.catalogue.services[service_id]
    if service.topic:
        return "a topic page, not one service"
    if facts.catalogue_named(service_id, service.description):
        return "the description names the service"
    stem = f"Which service is this? {service.description}"
    key = question_id("service", service_id, stem, service.title)
    options = (service.title, *facts.other_services(service_id, stem, key))
    reason = unfair(stem, options)
    if reason:
        return reason
    return Question(key, "service", service_id, stem, options, f"{service.title} ({service.name}): "
                    f"{service.description}", anchor="service", fact=f"service:{service_id}")


def make_questions(cards: list[Card], catalogue: Catalogue, glossary: dict[str, Term], limits: dict[str, Limit],
                   services: list[str]) -> list[Question]:
    """Every fair question: from the cards (the notes), then the limits,
    the glossary and the catalogue's descriptions of ``services`` (the
    services the site has pages for). Deduplicated by question."""
    return [q for _, q in decisions(cards, catalogue, glossary, limits, services) if isinstance(q, Question)]


def decisions(cards: list[Card], catalogue: Catalogue, glossary: dict[str, Term], limits: dict[str, Limit],
              services: list[str]) -> list[tuple[str, Question | str]]:
    """(what it came from, the question or why there is none), in order."""
    facts = _Facts(cards, catalogue, glossary, limits)
    own = [c for c in cards if c.kind == "own"]
    found: list[tuple[str, Question | str]] = []
    for card in cards:
        where = f"{card.path.rsplit('/', 1)[-1]}:{card.line} {card.kind}"
        found.append((where, _own(card, own, facts) if card.kind == "own" else _from_card(card, facts)))
    site = set(services)
    found += [(f"limit {limit.id}", _limit(limit, facts, catalogue.services[limit.service].title))
              for limit in limits.values() if limit.service in site]
    found += [(f"term {term.slug}", _term(term, facts)) for term in glossary.values()
              if not term.service or term.service in site]
    found += [(f"service {sid}", _service(sid, facts)) for sid in services]
    seen: set[str] = set()
    unique: list[tuple[str, Question | str]] = []
    for where, question in found:
        kept: Question | str = question
        if isinstance(question, Question):
            if _fold(question.stem) in seen:
                kept = "the same question as one before"
            else:
                seen.add(_fold(question.stem))
        unique.append((where, kept))
    return unique


def describe(found: list[tuple[str, Question | str]]) -> list[str]:
    """One line per candidate, for the golden file."""
    lines = []
    for where, question in found:
        if isinstance(question, Question):
            lines.append(f"{where}: {question.kind}: {question.stem} | {' / '.join(question.options)}")
        else:
            lines.append(f"{where}: no question: {question}")
    return lines


def domain_counts(guide: ExamGuide | None, total: int) -> dict[str, int]:
    """How many of ``total`` mock-exam questions each domain gets, by weight
    (largest remainders, so they add up to ``total``)."""
    if not guide or not guide.domains:
        return {}
    shares = {d.id: total * d.weight / 100 for d in guide.domains}
    counts = {d: math.floor(s) for d, s in shares.items()}
    for domain in sorted(shares, key=lambda d: counts[d] - shares[d])[:total - sum(counts.values())]:
        counts[domain] += 1
    return counts


__all__ = ["Amount", "Question", "amount", "decisions", "describe", "domain_counts", "make_questions", "unfair"]
