"""Measure Cramdown and print a table. Numbers, not tests: this machine is
shared and noisy, so nothing here passes or fails.

Usage: .venv/bin/python scripts/benchmark.py
"""

from __future__ import annotations

import gzip
import platform
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs" / "assets"


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def size_rows() -> list[tuple[str, str]]:
    rows = []
    total = 0
    for path in sorted(ASSETS.glob("cramdown*.*")):
        size = gzipped(path)
        total += size
        rows.append((f"gzip {path.name}", f"{size:,} B"))
    calculators = sum(gzipped(ASSETS / n) for n in ("cramdown-formulas.js", "cramdown-widgets.js", "cramdown.css"))
    rows.append(("gzip calculators' JS + all Cramdown CSS (target < 10 KB)", f"{calculators:,} B"))
    rows.append(("gzip all Cramdown JS and CSS", f"{total:,} B"))
    return rows


def main() -> int:
    rows = [("machine", f"{platform.node()} · {platform.machine()} · Python {platform.python_version()}")]
    rows += size_rows()
    width = max(len(label) for label, _ in rows)
    print(f"{'measure'.ljust(width)} | value")
    print(f"{'-' * width}-|-{'-' * 20}")
    for label, value in rows:
        print(f"{label.ljust(width)} | {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
