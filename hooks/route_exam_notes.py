"""Step 3 of the pipeline: send each practice-exam note to the service(s) it is about.

Scoring, per item: every mention of a service name or keyword scores 1, plus 1
when it is in the item's first clause, plus 2 for the first service named at
all. A name right after "not", "instead of" or "I picked" is the wrong
answer the note warns about, not its subject, and scores nothing. In a
"question -> answer" note, a name in the answer scores 2 more: the answer is
what the note teaches. A service counts once per clause, so repeating a name does not outvote a
second service. An item goes to every service scoring above
``KEEP_RATIO`` of the best score, best first.

The head line decides. When it names no service ("Some HTTP Error codes:"),
its sub-items decide. A sub-item that is clearly about other services (the
user's "Secure Strings in SSM" nested under "think EBS and EFS") is also
routed on its own. The service an item was written under (a "Quiz" heading
in the Lambda notes, a file lambda/quiz.md) scores 5, more than a first
mention in the first clause, so an item that names no service, or another
only in passing, goes there. Items about no service go to the General page.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from notes_model import Node
from service_catalogue import Catalogue
from split_by_service import ExamItem

CLAUSE_END_RE = re.compile(r"[.,;:?!](?=\s|$)|\s[-–—]\s")
# Words that put a name right after them in the wrong: what the answer is *not*.
WRONG_ANSWER_RE = re.compile(r"\b(?:not|instead of|rather than|I (?:picked|chose|went with))\s+(?:the\s+|a\s+|an\s+)?$",
                             re.IGNORECASE)
WRONG_ANSWER_REACH = 24  # characters before a name that are looked at
# "question -> answer": what the note teaches is on the right of the arrow.
ANSWER_ARROW_RE = re.compile(r"\s(?:->|=>|→)\s")
ANSWER_BONUS = 2
KEEP_RATIO = 0.5
SPLIT_MIN_WORDS = 5
FIRST_CLAUSE_BONUS = 1
FIRST_MENTION_BONUS = 2
# A note under "Quiz" in the Lambda notes, or in lambda/quiz.md, is Lambda's unless it says otherwise.
CONTEXT_WEIGHT = 5


@dataclass
class RoutedNote:
    """Something to show on service pages: a whole item, or a sub-item routed on its own."""

    nodes: list[Node]
    services: list[str]
    item_index: int  # index of the item it came from in ExamRouting.items
    shown_on: str | None = None  # a service whose page already shows it where it was written


@dataclass
class ExamRouting:
    items: list[ExamItem]
    routes: list[list[str]]  # per item: every service it (or a sub-item of it) went to
    notes: list[RoutedNote] = field(default_factory=list)
    unassigned: list[int] = field(default_factory=list)  # item indexes

    def for_service(self, service_id: str) -> list[RoutedNote]:
        return [note for note in self.notes if service_id in note.services]


def score_services(text: str, catalogue: Catalogue) -> dict[str, float]:
    boundaries = [m.end() for m in CLAUSE_END_RE.finditer(text)]
    arrow = ANSWER_ARROW_RE.search(text)
    answer_from = arrow.end() if arrow else len(text)
    scores: dict[str, float] = {}
    counted: set[tuple[str, int]] = set()
    for hit in catalogue.mentions(text, keywords=True):
        if WRONG_ANSWER_RE.search(text, max(0, hit.start - WRONG_ANSWER_REACH), hit.start):
            continue  # "not cloudwatch logs", "I picked cloudtrail": the wrong answer, not the subject
        service_id = hit.payload.service.id
        clause = bisect.bisect_right(boundaries, hit.start)
        if (service_id, clause) in counted:
            continue
        counted.add((service_id, clause))
        score = 1.0
        if clause == 0:
            score += FIRST_CLAUSE_BONUS
        if hit.start >= answer_from:
            score += ANSWER_BONUS
        if not scores:
            score += FIRST_MENTION_BONUS
        scores[service_id] = scores.get(service_id, 0.0) + score
    return scores


def choose(scores: dict[str, float]) -> list[str]:
    if not scores:
        return []
    best = max(scores.values())
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])  # stable: ties keep first-mention order
    return [service_id for service_id, score in ranked if score > KEEP_RATIO * best]


def _text_of(nodes: list[Node]) -> str:
    return "\n".join(node.text for top in nodes for node in top.walk())


def _with_context(scores: dict[str, float], context: str | None) -> dict[str, float]:
    """The service a note was written under counts like a strong mention."""
    if context:
        scores[context] = scores.get(context, 0.0) + CONTEXT_WEIGHT
    return scores


def route_exam_notes(items: list[ExamItem], catalogue: Catalogue) -> ExamRouting:
    routing = ExamRouting(items=items, routes=[])
    for index, item in enumerate(items):
        head = item.nodes[0]
        own = choose(_with_context(score_services(" ".join(n.text for n in item.nodes), catalogue), item.context))
        split_off: list[RoutedNote] = []
        kept_children = list(head.children)
        if own:
            for child in head.children:
                child_text = _text_of([child])
                if len(child_text.split()) < SPLIT_MIN_WORDS:
                    continue
                child_route = choose(score_services(child_text, catalogue))
                if child_route and not set(child_route) & set(own):
                    split_off.append(RoutedNote([child], child_route, index, item.context if item.in_place else None))
                    kept_children.remove(child)
        else:
            own = choose(score_services(_text_of(item.nodes), catalogue))
        shown_on = item.context if item.in_place else None
        if own:
            nodes = [head.with_children(kept_children), *item.nodes[1:]]
            routing.notes.append(RoutedNote(nodes, own, index, shown_on))
        routing.notes.extend(split_off)
        every = list(dict.fromkeys(own + [s for note in split_off for s in note.services]))
        routing.routes.append(every)
        if not own:
            routing.unassigned.append(index)
    return routing


def unassigned_notices(routing: ExamRouting, catalogue_path: str) -> list[str]:
    """One "file:line: ..." line per note that went to General, saying how to route it."""
    notices = []
    for index in routing.unassigned:
        item = routing.items[index]
        notices.append(f"{item.path}:{item.first_line}: this practice-exam note names no service, so it is on the "
                       f"General page (to route it, name the service in it, or add one of its words to that "
                       f"service's keywords in {catalogue_path})")
    return notices
