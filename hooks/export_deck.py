"""The study deck for other apps: an Anki package (.apkg, made with genanki)
and a CSV that Quizlet imports.

Each Anki note's GUID comes from the card's stable id, so importing the
package of a later build updates the cards imported before instead of adding
copies; its tags are the card's service and kind. The package is built the
same way every time for the same cards and ``timestamp`` (a fixed order, a
zip with fixed entry dates), so reproducible builds stay byte-identical.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import itertools
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path

import genanki

from study_cards import Card

FIELDS = ["Front", "Back", "Context", "Service", "Source"]
CARD_CSS = (".card { font-family: system-ui, sans-serif; font-size: 20px; text-align: left; margin: 1em; }\n"
            ".context, .changed, .source { font-size: 15px; color: #555; }\n")
FRONT_TEMPLATE = '<div class="service">{{Service}}</div>\n{{Front}}'
BACK_TEMPLATE = ('{{FrontSide}}\n<hr id="answer">\n{{Back}}\n'
                 '{{#Context}}<p class="context">{{Context}}</p>{{/Context}}\n'
                 '<p class="source">{{Source}}</p>')
ZIP_EARLIEST = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest date


def _id(text: str) -> int:
    """A stable id in the range Anki wants for models and decks (2^30 to 2^31)."""
    return (1 << 30) + int(hashlib.sha1(text.encode()).hexdigest()[:8], 16) % (1 << 30)


def anki_package(cards: list[Card], service_titles: dict[str, str], deck_name: str, timestamp: float) -> bytes:
    """The cards as an .apkg file's bytes: one deck named ``deck_name``."""
    model = genanki.Model(_id(f"cramdown model\n{deck_name}"), f"Cramdown ({deck_name})",
                          fields=[{"name": name} for name in FIELDS],
                          templates=[{"name": "Card", "qfmt": FRONT_TEMPLATE, "afmt": BACK_TEMPLATE}], css=CARD_CSS)
    deck = genanki.Deck(_id(f"cramdown deck\n{deck_name}"), deck_name)
    for card in cards:
        back = card.answer or card.back
        if card.changed:
            back += f"\n({card.changed})"
        context = card.back if card.answer and card.kind != "own" else ""
        fields = [card.front, back, context, service_titles.get(card.service, "General"), f"{card.path}:{card.line}"]
        deck.add_note(genanki.Note(model=model, fields=[html.escape(f).replace("\n", "<br>") for f in fields],
                                   guid=genanki.guid_for("cramdown", card.id),
                                   tags=[card.service or "general", card.kind]))
    with tempfile.TemporaryDirectory() as scratch:
        database = Path(scratch) / "collection.anki2"
        connection = sqlite3.connect(database)
        genanki.Package(deck).write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
        connection.commit()
        connection.close()
        collection = database.read_bytes()
    buffer = io.BytesIO()
    date = max(ZIP_EARLIEST, time.gmtime(timestamp)[:6])
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in (("collection.anki2", collection), ("media", b"{}")):
            entry = zipfile.ZipInfo(name, date_time=date)
            entry.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(entry, data)
    return buffer.getvalue()


def quizlet_csv(cards: list[Card]) -> str:
    """Term and definition a row, comma between them, as Quizlet imports."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for card in cards:
        answer = card.answer or card.back
        writer.writerow([" ".join(card.front.split()), " ".join(answer.split())])
    return out.getvalue()
