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
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class TermMatch(Generic[T]):
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
        """``entries``: (name, payload). Names are compared case-folded in the
        trie; exact case is checked afterwards for case-sensitive names."""
        self._by_folded: dict[str, list[tuple[str, T]]] = {}
        trie: dict = {}
        for name, payload in entries:
            name = name.strip()
            if not name:
                continue
            folded = name.casefold()
            if len(folded) != len(name):  # casefold changed the length (ß); keep exact only
                folded = name
            self._by_folded.setdefault(folded, []).append((name, payload))
            node = trie
            for char in folded:
                node = node.setdefault(char, {})
            node[""] = True
        pattern = _trie_pattern(trie) if trie else "(?!)"
        self._regex = re.compile(r"(?<!\w)(?:" + pattern + r")", re.IGNORECASE)

    def _accept(self, text: str) -> T | None:
        for name, payload in self._by_folded.get(text.casefold(), ()):
            if not is_case_sensitive(name) or name == text:
                return payload
        return None

    def finditer(self, text: str):
        """Yield non-overlapping matches, leftmost first, longest at each place."""
        pos = 0
        length = len(text)
        while pos < length:
            match = self._regex.search(text, pos)
            if not match:
                return
            start, end = match.start(), match.end()
            found = None
            # Shorten the candidate until a name fits its case rule and ends on
            # a word boundary ("ALB" is not found in "ALBs").
            while end > start:
                candidate = text[start:end]
                if (end == length or not _is_word_char(text[end])) and candidate.casefold() in self._by_folded:
                    payload = self._accept(candidate)
                    if payload is not None:
                        found = TermMatch(start, end, candidate, payload)
                        break
                shorter = self._regex.match(text, start, end - 1)
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
