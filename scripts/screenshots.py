"""Take screenshots of a built site, to look at what we build.

Usage: python scripts/screenshots.py SITE_DIR OUT_DIR [PATH ...]

Serves SITE_DIR on 127.0.0.1, opens each path (default: home, the DynamoDB
page) in Debian's Chromium at desktop and phone width, light and dark, and
writes PNGs to OUT_DIR.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from local_browser import launch_chromium, serve_folder


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    site, out = Path(argv[0]), Path(argv[1])
    paths = argv[2:] or ["", "services/dynamodb/"]
    out.mkdir(parents=True, exist_ok=True)
    with serve_folder(site) as base, launch_chromium() as browser:
        for scheme in ("light", "dark"):
            for width, height, label in ((1280, 900, "desktop"), (390, 844, "phone")):
                page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
                for path in paths:
                    page.goto(base + path, wait_until="load")
                    name = (path.strip("/").replace("/", "-") or "home") + f"-{label}-{scheme}.png"
                    page.screenshot(path=str(out / name), full_page=label == "desktop")
                    print(out / name)
                page.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
