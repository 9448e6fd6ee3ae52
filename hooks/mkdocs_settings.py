"""Cramdown's settings, ``extra.cramdown`` in mkdocs.yml, typed and checked
with MkDocs' own ``Config`` the way Material's plugins type theirs.

    extra:
      cramdown:
        notes: notes                                  # the folder of notes files
        exam: hooks/exams/aws-developer-associate     # the exam's data folder
        exam_markers: ['got wrong', 'practice exams?\\b']   # optional

A bad setting stops the build with one line naming the key and what is
allowed, never a traceback.
"""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from split_by_service import DEFAULT_EXAM_MARKERS

HELP = {
    "notes": "a folder of .txt and .md notes files, relative to mkdocs.yml, e.g. notes",
    "exam": "the exam's data folder, relative to mkdocs.yml, holding services.yml and optionally glossary.yml, "
            "limits.yml and calculators.yml, e.g. hooks/exams/aws-developer-associate",
    "exam_markers": "a list of regular expressions, e.g. ['got wrong', 'practice exams?\\b']",
}
RENAMED = {"catalogue": "exam", "limits": "exam", "calculators": "exam", "glossary": "exam"}


class _Text(c.Type):
    """Text, with a message a person can read ("expected text, got 5")."""

    def __init__(self, default: str | None = None) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise base.ValidationError(f"expected text, got {value!r}")
        return value


class _Pattern(_Text):
    """A regular expression, checked when the settings are read."""

    def run_validation(self, value: object) -> str:
        value = super().run_validation(value)
        try:
            re.compile(value)
        except re.error as error:
            raise base.ValidationError(f"{value!r} is not a valid regular expression ({error})") from None
        return value


class CramdownSettings(base.Config):
    notes = _Text(default="notes")
    exam = _Text(default="hooks/exams/aws-developer-associate")
    exam_markers = c.ListOfItems(_Pattern(), default=list(DEFAULT_EXAM_MARKERS))


def load_settings(raw: object) -> CramdownSettings:
    """``extra.cramdown`` checked, or a PluginError of one line."""
    where = "mkdocs.yml: extra.cramdown"
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise PluginError(f"{where} must be a mapping (keys: {', '.join(HELP)})")
    for key in raw:
        if key not in HELP:
            hint = f"; its data now lives in the folder named by {RENAMED[key]}" if key in RENAMED else ""
            raise PluginError(f"{where}.{key}: unknown setting (allowed: {', '.join(HELP)}{hint})")
    settings = CramdownSettings()
    settings.load_dict(raw)
    errors, _ = settings.validate()
    if errors:
        key, error = errors[0]
        raise PluginError(f"{where}.{key}: {error} ({HELP[key]})")
    return settings
