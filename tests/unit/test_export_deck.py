"""export_deck: the deck as an Anki package, opened here as the SQLite
collection Anki reads, and as a CSV that Quizlet imports."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile

import genanki
import pytest

from export_deck import anki_package, quizlet_csv
from helpers import FIXTURES
from read_notes import read_notes_file
from route_exam_notes import route_exam_notes
from split_by_service import split_by_service
from study_cards import make_cards

TITLES = {"sqs": "SQS", "dynamodb": "DynamoDB", "lambda": "Lambda", "kinesis": "Kinesis", "s3": "S3", "elb": "ELB"}


@pytest.fixture(scope="module")
def cards(exam):
    notes = read_notes_file("notes/cards.txt", (FIXTURES / "cards" / "notes.txt").read_bytes())
    split = split_by_service([notes], exam.catalogue)
    found = make_cards(split, route_exam_notes(split.exam_items, exam.catalogue), exam.find_terms)
    assert len(found) > 20
    return found


def collection(package: bytes, tmp_path) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]
        assert json.loads(archive.read("media")) == {}
        (tmp_path / "collection.anki2").write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(tmp_path / "collection.anki2")


def test_the_package_is_an_anki_collection_with_every_card(cards, tmp_path):
    db = collection(anki_package(cards, TITLES, "Test deck", 1_700_000_000), tmp_path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT count(*) FROM col").fetchone() == (1,)
    decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
    assert "Test deck" in [deck["name"] for deck in decks.values()]
    assert db.execute("SELECT count(*) FROM notes").fetchone() == (len(cards),)
    assert db.execute("SELECT count(*) FROM cards").fetchone() == (len(cards),)
    notes = {guid: (tags.split(), fields.split("\x1f")) for guid, tags, fields in
             db.execute("SELECT guid, tags, flds FROM notes")}
    for card in cards:
        tags, fields = notes[genanki.guid_for("cramdown", card.id)]
        assert tags == [card.service or "general", card.kind]
        assert fields[0].startswith(card.front.split()[0].replace("&", "&amp;").replace("<", "&lt;"))
        assert fields[4] == f"{card.path}:{card.line}"


def test_a_later_build_updates_the_same_notes(cards, tmp_path):
    # Anki matches notes by GUID on import: they follow the card ids, not the build time.
    (tmp_path / "first").mkdir()
    (tmp_path / "later").mkdir()
    first = collection(anki_package(cards, TITLES, "Test deck", 1_700_000_000), tmp_path / "first")
    later = collection(anki_package(cards, TITLES, "Test deck", 1_800_000_000), tmp_path / "later")
    guids = sorted(row[0] for row in first.execute("SELECT guid FROM notes"))
    assert guids == sorted(row[0] for row in later.execute("SELECT guid FROM notes"))


def test_the_same_cards_and_time_give_the_same_bytes(cards):
    assert anki_package(cards, TITLES, "Test deck", 1_700_000_000) == anki_package(cards, TITLES, "Test deck",
                                                                                   1_700_000_000)


def test_the_quizlet_csv_has_a_term_and_a_definition_for_every_card(cards):
    rows = list(csv.reader(io.StringIO(quizlet_csv(cards))))
    assert len(rows) == len(cards)
    for row, card in zip(rows, cards, strict=True):
        assert len(row) == 2
        assert row[0] == " ".join(card.front.split())
        assert row[1] == " ".join((card.answer or card.back).split())
