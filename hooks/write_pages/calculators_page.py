"""The Calculators page: every calculator of the exam, one after another."""

from __future__ import annotations

from calculators import fence
from write_pages.common import CALCULATORS, NUMBERS, PageContext, PageSpec


def write(ctx: PageContext) -> PageSpec | None:
    if not ctx.calculator_names:
        return None
    lines = ["---\nsearch: {boost: 0.5}\n---\n", "# Calculators\n",
             "The exam's arithmetic, worked the way the exam expects it. Every number comes from "
             f"[Numbers to remember]({NUMBERS}).\n"]
    for name in ctx.calculator_names:
        lines.append(f"## {ctx.calculator_titles[name]}\n\n{fence(name)}\n")
    return PageSpec(CALCULATORS, "Calculators", "calculators", "\n".join(lines))
