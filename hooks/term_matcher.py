"""Find many names in text in one pass: leftmost, longest, whole words only.

Used for service names (splitting, routing, mentions) and glossary terms.
All names go into one character trie, compiled to a single regular expression
whose alternatives share their prefixes, so a scan costs time in proportion to
the text, not to the number of names. Case rules are per name: a name with no
lowercase letter ("SQS", "K8") must match exactly; any other name matches in
any case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")


class TermMatch(NamedTuple, Generic[T]):  # a tuple: cheaper to make than a frozen dataclass
    start: int
    end: int
    text: str
    payload: T


def is_case_sensitive(name: str) -> bool:
    return not any(ch.islower() for ch in name)


def _trie_pattern(trie: dict) -> str:
    """Regex for a trie whose leaves are marked with the key ''. A name
    matches only where it ends a word, so the engine itself backs off to a
    shorter name ("ALB" is not found in "ALBs", "S3" is in "S3's")."""
    alternatives = [re.escape(char) + _trie_pattern(trie[char]) for char in sorted(k for k in trie if k)]
    if "" in trie:
        # A name may end here: the longer continuations are tried first.
        alternatives.append(r"(?!\w)")
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


class TermMatcher(Generic[T]):
    def __init__(self, entries: list[tuple[str, T]]) -> None:
        """``entries``: (name, payload). Names are compared case-folded;
        exact case is checked afterwards for case-sensitive names."""
        # folded name -> [(name, must match exactly, payload)]
        self._by_folded: dict[str, list[tuple[str, bool, T]]] = {}
        trie: dict = {}
        for raw_name, payload in entries:
            name = raw_name.strip()
            if not name:
                continue
            folded = name.casefold()
            if len(folded) != len(name):  # casefold changed the length (ß); keep exact only
                folded = name
            self._by_folded.setdefault(folded, []).append((name, is_case_sensitive(name), payload))
            node = trie
            for char in name.lower():
                node = node.setdefault(char, {})
            node[""] = True
        # Text shorter than every name holds none: most text pieces of a page
        # (", ", a line break) are, and skip the scan.
        self.shortest = min((len(name) for found in self._by_folded.values() for name, _, _ in found), default=0)
        self._pattern = r"(?<!\w)(?:" + (_trie_pattern(trie) if trie else "(?!)") + ")"
        # Searching lowercased text without IGNORECASE is about twice as fast;
        # text whose length changes when lowercased uses the ignore-case regex.
        self._lower_regex = re.compile(self._pattern)
        self._ignorecase_regex: re.Pattern | None = None

    def _accept(self, text: str, keep: Callable[[T], bool] | None) -> T | None:
        for name, exact, payload in self._by_folded.get(text.casefold(), ()):
            if (not exact or name == text) and (keep is None or keep(payload)):
                return payload
        return None

    def finditer(self, text: str, keep: Callable[[T], bool] | None = None):
        """Yield non-overlapping matches, leftmost first, longest at each place.
        ``keep(payload)`` narrows the names searched for: the result is what a
        matcher built from the kept names alone would find, without compiling
        another expression."""
        if len(text) < self.shortest:
            return
        subject = text.lower()
        if len(subject) == len(text):
            regex = self._lower_regex
        else:
            if self._ignorecase_regex is None:
                self._ignorecase_regex = re.compile(self._pattern, re.IGNORECASE)
            regex, subject = self._ignorecase_regex, text
        pos = 0
        while True:
            # The common case runs in C: each match is the longest name at the
            # leftmost place. Only when its case or ``keep`` rules it out does
            # Python try shorter names there, or move on by one character.
            for match in regex.finditer(subject, pos):
                start, end = match.span()
                candidate = text[start:end]
                payload = self._accept(candidate, keep)
                if payload is not None:
                    yield TermMatch(start, end, candidate, payload)
                    continue
                shorter = self._shorter(text, subject, regex, start, end, keep)
                if shorter is not None:
                    yield shorter
                    pos = shorter.end
                else:
                    pos = start + 1
                break
            else:
                return

    def _shorter(self, text: str, subject: str, regex: re.Pattern, start: int, end: int,
                 keep: Callable[[T], bool] | None) -> TermMatch[T] | None:
        """The longest name shorter than ``end`` at ``start`` that fits its case rule."""
        length = len(text)
        while True:
            match = regex.match(subject, start, end - 1)
            if not match or match.end() <= start:
                return None
            end = match.end()
            if end == length or not _is_word_char(text[end]):
                candidate = text[start:end]
                payload = self._accept(candidate, keep)
                if payload is not None:
                    return TermMatch(start, end, candidate, payload)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
