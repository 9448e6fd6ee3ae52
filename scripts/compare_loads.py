"""Compare how much main-thread work two builds of the site cost a phone.

Usage: .venv/bin/python scripts/compare_loads.py SITE_A SITE_B [--loads N] [--path PATH]

Serves both folders gzipped on 127.0.0.1 and loads PATH (default: the
DynamoDB page) in Debian's Chromium at phone size with 4x CPU throttling,
tracing each load. The two sites are loaded in turn (A B, B A, A B ...), so
a machine that speeds up or slows down during the run affects both alike;
timing all loads of one site and then all of the other reads that drift as
a difference. Prints, per site, the median of:

- long tasks: time past 50 ms in each main-thread task over 50 ms (what
  Total Blocking Time adds up, without Lighthouse's cut-off at first paint);
- busy: all main-thread task time until 1.5 s after the load event.

A measurement, not a test: the numbers move with the machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from local_browser import launch_chromium, serve_folder

PHONE = {"width": 412, "height": 823}
CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel"]


def traced_load(browser, url: str) -> tuple[float, float]:
    """(long-task ms, busy ms) of one load in a fresh context."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    browser.start_tracing(page=page, categories=CATEGORIES)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(1500)
    events = json.loads(browser.stop_tracing())["traceEvents"]
    context.close()
    main = {(e["pid"], e["tid"]) for e in events
            if e.get("name") == "thread_name" and e.get("args", {}).get("name") == "CrRendererMain"}
    tasks = [e["dur"] / 1000 for e in events if e.get("name") == "RunTask" and (e["pid"], e["tid"]) in main]
    return sum(t - 50 for t in tasks if t > 50), sum(tasks)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_a", type=Path)
    parser.add_argument("site_b", type=Path)
    parser.add_argument("--loads", type=int, default=16, help="loads of each site (default 16)")
    parser.add_argument("--path", default="services/dynamodb/", help="page to load (default services/dynamodb/)")
    args = parser.parse_args(argv)
    for site in (args.site_a, args.site_b):
        if not (site / args.path / "index.html").is_file() and not (site / args.path).is_file():
            parser.error(f"{site}: no page at {args.path} (is it a built site?)")
    results: dict[Path, list[tuple[float, float]]] = {args.site_a: [], args.site_b: []}
    with (serve_folder(args.site_a, compress=True) as base_a, serve_folder(args.site_b, compress=True) as base_b,
          launch_chromium() as browser):
        pair = [(args.site_a, base_a), (args.site_b, base_b)]
        for index in range(args.loads):
            for site, base in (pair if index % 2 == 0 else pair[::-1]):
                results[site].append(traced_load(browser, base + args.path))
            print(f"\r{index + 1}/{args.loads} loads of each", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    print(f"{'site':40} | long tasks (median) | busy (median) | loads")
    for site, runs in results.items():
        print(f"{site!s:40} | {statistics.median(r[0] for r in runs):16,.0f} ms | "
              f"{statistics.median(r[1] for r in runs):10,.0f} ms | {len(runs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
