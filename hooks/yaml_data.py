"""Load the project's YAML data files so that errors can cite ``file:line``.

Mappings come back as ``LineDict``: a dict that remembers the line of each
key. A duplicate key is an error (PyYAML would silently keep the last one),
and nothing in the file can construct Python objects (safe loading only).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from notes_model import NotesError


class LineDict(dict):
    """A mapping from YAML that knows where it and each of its keys stand."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


# libyaml's parser when PyYAML has it (several times faster); same safe constructors.
if TYPE_CHECKING:
    from yaml import SafeLoader as _BaseLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    display_path = ""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise NotesError(loader.display_path, line, "a mapping key must be plain text") from None
        if key in result:
            raise NotesError(loader.display_path, line, f"duplicate key {key!r}",
                             f"it is already defined on line {result.key_lines[key]}")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, display_path: str):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NotesError(display_path, None, "file not found") from None
    except UnicodeDecodeError:
        raise NotesError(display_path, None, "not valid UTF-8", "save the file as UTF-8") from None
    loader = _LineLoader(text)
    loader.display_path = display_path
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = (error.problem or error.context or "invalid YAML").strip()
        raise NotesError(display_path, line, f"YAML does not parse: {problem}",
                         "check the indentation and quoting on that line") from None
    except yaml.YAMLError as error:
        raise NotesError(display_path, None, f"YAML does not parse: {error}") from None
    finally:
        loader.dispose()


def require_keys(mapping, display_path: str, what: str, required: set[str], optional: set[str],
                 line: int | None = None) -> None:
    """Check a LineDict has the required keys and no unknown ones. ``line``
    is where the entry is named (its key), for messages about the whole entry."""
    if not isinstance(mapping, LineDict):
        raise NotesError(display_path, line or getattr(mapping, "line", None), f"{what} must be a mapping of fields")
    allowed = sorted(required | optional)
    for key in mapping:
        if key not in required and key not in optional:
            raise NotesError(display_path, mapping.line_of(key), f"{what} has unknown field {key!r}",
                             "allowed: " + ", ".join(allowed))
    for key in sorted(required):
        if key not in mapping or mapping[key] in (None, ""):
            raise NotesError(display_path, line or mapping.line, f"{what} is missing {key!r}",
                             "required: " + ", ".join(sorted(required)))


def load_entries(path: Path, display_path: str, key: str, example: str) -> LineDict:
    """A data file whose one key (``limits:``, ``calculators:``) holds a
    mapping of named entries: that mapping, or one line saying what is wrong."""
    data = load_yaml(path, display_path)
    require_keys(data, display_path, f"the {key} file", {key}, set())
    entries = data[key]
    if not isinstance(entries, LineDict):
        raise NotesError(display_path, data.line_of(key), f"{key} must be a mapping of entries",
                         f"for example: {example}")
    return entries


def regex_list(values, display_path: str, line: int | None, what: str) -> tuple[re.Pattern, ...]:
    """A list of regular expressions from YAML, each compiled, or one line saying which is wrong."""
    if values is None:
        return ()
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise NotesError(display_path, line, f"{what} must be a list of regular expressions")
    compiled = []
    for value in values:
        try:
            compiled.append(re.compile(value))
        except re.error as error:
            raise NotesError(display_path, line, f"{what}: {value!r} is not a valid regular expression "
                             f"({error})") from None
    return tuple(compiled)
