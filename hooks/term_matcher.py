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
    """Regex for a trie whose leaves are marked with the key ''."""
    alternatives = []
    for char in sorted(k for k in trie if k):
        alternatives.append(re.escape(char) + _trie_pattern(trie[char]))
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    # A name may end here: the longer continuations are tried first (greedy).
    return f"(?:{body})?" if "" in trie else body


class TermMatcher(Generic[T]):
    def __init__(self, entries: list[tuple[str, T]]) -> None:
        """``entries``: (name, payload). Names are compared case-folded;
        exact case is checked afterwards for case-sensitive names."""
        # folded name -> [(name, must match exactly, payload)]
        self._by_folded: dict[str, list[tuple[str, bool, T]]] = {}
        trie: dict = {}
        for name, payload in entries:
            name = name.strip()
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
        subject = text.lower()
        if len(subject) == len(text):
            regex = self._lower_regex
        else:
            if self._ignorecase_regex is None:
                self._ignorecase_regex = re.compile(self._pattern, re.IGNORECASE)
            regex, subject = self._ignorecase_regex, text
        by_folded = self._by_folded
        pos = 0
        length = len(text)
        while pos < length:
            match = regex.search(subject, pos)
            if not match:
                return
            start, end = match.span()
            found = None
            # Shorten the candidate until a name fits its case rule and ends on
            # a word boundary ("ALB" is not found in "ALBs").
            while end > start:
                if end == length or not _is_word_char(text[end]):
                    candidate = text[start:end]
                    if candidate.casefold() in by_folded:
                        payload = self._accept(candidate, keep)
                        if payload is not None:
                            found = TermMatch(start, end, candidate, payload)
                            break
                shorter = regex.match(subject, start, end - 1)
                if not shorter:
                    break
                end = shorter.end()
            if found:
                yield found
                pos = found.end
            else:
                pos = start + 1


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
