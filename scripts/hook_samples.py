"""Read py-spy samples of strict builds and print how many fell in Cramdown's
hooks, pass by pass: a cross-check of the benchmark's timers by a sampling
profiler, which adds no cost per call.

Record a strict build of a project folder (py-spy is not a project
requirement; 0.4.3 was used):

    cd PROJECT && py-spy record -r 200 -f raw -o build.txt -- \\
        /path/to/.venv/bin/python -m mkdocs build --strict -q

then: .venv/bin/python scripts/hook_samples.py build.txt [more.txt ...]

A sample counts as the hooks' when any frame of its stack is in a file of
hooks/ (py-spy names files without their folder). It is put under the
outermost such frame; the files step is split by the pipeline function it
called (past build_site.py, which only calls the steps in order). Imports of the hook modules count as "<module>".
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

HOOKS = Path(__file__).resolve().parent.parent / "hooks"
# py-spy names a file by its path below the folder it was imported from.
HOOK_FILES = {path.relative_to(HOOKS).as_posix() for path in HOOKS.rglob("*.py")}
ORCHESTRATION = {"mkdocs_hooks.py", "build_site.py"}  # the files step is named by what these call


def _function(frame: str) -> str:
    return frame.split(" (", 1)[0]


def _file(frame: str) -> str:
    return frame.rsplit("(", 1)[-1].split(":", 1)[0]


def attribute(raw: str) -> tuple[Counter, int]:
    """(samples per pass, all samples) of one py-spy raw file."""
    passes: Counter = Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack.endswith(")") or not count.isdigit():
            continue  # not a sample, or one with no Python frame (interpreter start-up)
        total += int(count)
        ours = [frame for frame in stack.split(";") if _file(frame) in HOOK_FILES]
        if not ours:
            continue
        name = _function(ours[0])
        if name == "on_files":
            steps = [frame for frame in ours if _file(frame) not in ORCHESTRATION]
            if steps:
                name = "on_files: " + _function(steps[0])
        passes[name] += int(count)
    return passes, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("raw", nargs="+", type=Path, help="py-spy record -f raw output")
    args = parser.parse_args()
    results = []
    for path in args.raw:
        if not path.is_file():
            parser.error(f"{path}: no such file")
        passes, total = attribute(path.read_text(encoding="utf-8", errors="replace"))
        if not total:
            parser.error(f"{path}: no samples (expected py-spy's raw format: 'frame;frame;... count')")
        results.append((passes, total, sum(passes.values())))
    names = sorted(set().union(*(p for p, _, _ in results)), key=lambda n: -sum(p[n] for p, _, _ in results))
    rows = [["", *(path.name for path in args.raw)],
            ["all samples", *(f"{total:,}" for _, total, _ in results)],
            ["hooks", *(f"{ours:,} = {ours / total:.1%}" for _, total, ours in results)]]
    rows += [[name, *(f"{p[name]:,} ({p[name] / max(ours, 1):.0%})" for p, _, ours in results)] for name in names]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        print(" | ".join([row[0].ljust(widths[0]), *cells]))

if __name__ == "__main__":
    main()
