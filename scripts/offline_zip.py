"""Build the offline site (OFFLINE=true) and zip it, ready to download.

Usage: .venv/bin/python scripts/offline_zip.py [--out site-offline.zip]

Unzip it anywhere and open index.html: navigation, search and the
calculators work with no network at all.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # same bytes for the same site


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site-offline.zip")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "study-site"
        env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
        completed = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                                   cwd=ROOT, env=env, capture_output=True, text=True)
        if completed.returncode != 0:
            sys.stderr.write(completed.stdout + completed.stderr)
            print("The offline site did not build; fix the error above first.", file=sys.stderr)
            return 1
        files = sorted(p for p in site.rglob("*") if p.is_file())
        with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                info = zipfile.ZipInfo(f"study-site/{path.relative_to(site).as_posix()}", FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes())
    size = args.out.stat().st_size
    print(f"Wrote {args.out} ({len(files)} files, {size / 1024:,.0f} KB). Unzip it and open study-site/index.html.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
