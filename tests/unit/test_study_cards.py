"""study_cards: which lines become cards, what gets blanked, stable ids."""

from __future__ import annotations

import pytest

from helpers import HOOKS, ROOT
from link_terms import load_glossary
from read_notes import read_notes_dir, read_notes_file
from route_exam_notes import route_exam_notes
from split_by_service import split_by_service
from study_cards import BLANK, make_cards
from term_matcher import TermMatcher


@pytest.fixture(scope="module")
def terms(catalogue):
    glossary = load_glossary(HOOKS / "exams" / "aws-developer-associate" / "glossary.yml", "glossary.yml", catalogue)
    return TermMatcher([(name, term) for term in glossary.values() for name in term.names])


def cards_for(text: str, catalogue, terms, path="notes/n.txt"):
    split = split_by_service([read_notes_file(path, text.encode())], catalogue)
    return make_cards(split, route_exam_notes(split.exam_items, catalogue), terms.finditer)


def test_default_notes_give_a_card_for_every_trap_and_more(catalogue, terms):
    split = split_by_service(read_notes_dir(ROOT / "notes"), catalogue)
    routing = route_exam_notes(split.exam_items, catalogue)
    cards = make_cards(split, routing, terms.finditer)
    assert sum(1 for card in cards if card.kind == "trap") == len(routing.notes) > 0
    assert len(cards) > len(routing.notes)
    assert all(BLANK in card.front for card in cards if card.kind == "cloze")
    assert len({card.id for card in cards}) == len(cards)


def test_a_number_with_a_unit_is_blanked_before_a_term(catalogue, terms):
    [card] = cards_for("• Lambda:\n  • Maximum execution time is 900 seconds for a function\n", catalogue, terms)
    assert (card.kind, card.front, card.answer) == ("cloze", f"Maximum execution time is {BLANK} for a function",
                                                   "900 seconds")
    assert (card.service, card.path, card.line) == ("lambda", "notes/n.txt", 2)


def test_a_glossary_term_is_blanked_when_there_is_no_number(catalogue, terms):
    [card] = cards_for("• SQS:\n  • A message goes to the DLQ after it fails too often\n", catalogue, terms)
    assert (card.front, card.answer) == (f"A message goes to the {BLANK} after it fails too often", "DLQ")


def test_short_lines_and_lines_with_nothing_to_ask_make_no_card(catalogue, terms):
    notes = "• SQS:\n  • Uses DLQ\n  • This line has plenty of words but no fact to blank out\n"
    assert cards_for(notes, catalogue, terms) == []


def test_trap_card_fronts_with_service_and_first_clause(catalogue, terms):
    notes = ("• SQS:\n  • Queues\nThings I got wrong\n  • SSE-C needs HTTPS, whereas SSE-KMS and SSE-S3 do not "
             "need it because they encrypt at rest\n")
    traps = [c for c in cards_for(notes, catalogue, terms) if c.kind == "trap"]
    assert [(c.service, c.front) for c in traps] == [("s3", "SSE-C needs HTTPS")]
    assert traps[0].back.startswith("SSE-C needs HTTPS, whereas SSE-KMS")


def test_hand_written_question_and_answer_cards(catalogue, terms):
    notes = "## SQS\n\n- Q: What is the largest SQS message?\n- A: 1 MiB since August 2025\n\nQ: FIFO? A: Ordered\n"
    own = [c for c in cards_for(notes, catalogue, terms, "notes/n.md") if c.kind == "own"]
    assert [(c.front, c.back) for c in own] == [("What is the largest SQS message?", "1 MiB since August 2025"),
                                                ("FIFO?", "Ordered")]


def test_ids_stay_while_the_text_stays_and_change_with_it(catalogue, terms):
    base = "• SQS:\n  • Messages stay in the queue for 4 days by default\n  • A message goes to the DLQ when it fails\n"
    before = {c.front: c.id for c in cards_for(base, catalogue, terms)}
    moved = {c.front: c.id for c in cards_for("\n\n" + base, catalogue, terms)}
    edited = {c.front: c.id for c in cards_for(base.replace("4 days", "14 days"), catalogue, terms)}
    assert moved == before  # other lines moving does not matter
    dlq = f"A message goes to the {BLANK} when it fails"
    assert edited[dlq] == before[dlq]
    assert f"Messages stay in the queue for {BLANK} by default" in edited
    assert set(edited.values()) - set(before.values()) == {edited[f"Messages stay in the queue for {BLANK} by default"]}
