"""Write one PDF cheat sheet per service, and all of them in one PDF.

Usage: .venv/bin/python scripts/cheat_sheets.py [--site DIR] [--out DIR] [--format A4|Letter]

Without --site it first builds the site (mkdocs build --strict) into a
temporary folder. Pages are printed by headless Chromium: Debian's
/usr/bin/chromium, or the browser Playwright installed, whichever exists.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

INSTALL_HINT = ("Chromium was not found. Install Debian's package (apt-get install chromium), "
                "or Playwright's browser (.venv/bin/playwright install chromium).")


def find_chromium(playwright) -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    bundled = playwright.chromium.executable_path
    return bundled if bundled and Path(bundled).exists() else None


def progress(done: int, total: int, label: str) -> None:
    width = 30
    filled = width * done // total
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label:<24}")
    sys.stderr.flush()
    if done == total:
        sys.stderr.write("\n")


def build_site(dest: Path) -> None:
    print(f"Building the site into {dest} ...", file=sys.stderr)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    completed = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)],
                               cwd=ROOT, env=env, capture_output=True, text=True)
    if completed.returncode != 0:
        sys.stderr.write(completed.stdout + completed.stderr)
        raise SystemExit("The site did not build; fix the error above first.")


def service_pages(site: Path) -> list[str]:
    """Service page paths of a hosted (directory URL) build, in name order."""
    return sorted(p.parent.name for p in (site / "services").glob("*/index.html"))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--out", type=Path, default=ROOT / "cheat-sheets", help="where to write the PDFs")
    parser.add_argument("--format", default="A4", choices=["A4", "Letter"])
    args = parser.parse_args(argv)
    try:
        from playwright.sync_api import sync_playwright
        from pypdf import PdfWriter
    except ImportError:
        print("Playwright and pypdf are needed: .venv/bin/pip install -r requirements.txt", file=sys.stderr)
        return 1
    from local_browser import CHROMIUM_ARGS, serve_folder

    with tempfile.TemporaryDirectory() as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "site"
            build_site(site)
        services = service_pages(site)
        if not services:
            print(f"No service pages under {site}/services: is it a built Cramdown site?", file=sys.stderr)
            return 1
        args.out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            executable = find_chromium(playwright)
            if executable is None:
                print(INSTALL_HINT, file=sys.stderr)
                return 1
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            combined = PdfWriter()
            with serve_folder(site) as base:
                page = browser.new_page()
                for done, name in enumerate(services, 1):
                    progress(done - 1, len(services), name)
                    page.goto(f"{base}services/{name}/", wait_until="load")
                    target = args.out / f"{name}.pdf"
                    page.pdf(path=str(target), format=args.format, print_background=True)
                    combined.append(str(target))
                progress(len(services), len(services), "done")
            browser.close()
        with open(args.out / "all-cheat-sheets.pdf", "wb") as handle:
            combined.write(handle)
    print(f"Wrote {len(services)} cheat sheets and all-cheat-sheets.pdf to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
