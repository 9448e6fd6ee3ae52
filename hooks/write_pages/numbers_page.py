"""The Numbers to remember page: every limit of the exam's data, by service,
with the page that states it and, where it changed, the old value and date."""

from __future__ import annotations

from urllib.parse import urlsplit

from render_markdown import escape_outline

from limits import Limit
from write_pages.common import NUMBERS, PageContext, PageSpec


def write(ctx: PageContext) -> PageSpec | None:
    if not ctx.limits:
        return None
    lines = ["---\nsearch: {boost: 0.5}\n---\n", "# Numbers to remember\n",
             "Every limit in this exam's data, with the page that states it. Where a limit changed "
             "after notes like these were written, the old value and the date are shown.\n"]
    by_service: dict[str, list[Limit]] = {}
    for limit in ctx.limits.values():
        by_service.setdefault(limit.service, []).append(limit)
    for service_id in sorted(by_service, key=lambda s: ctx.catalogue.services[s].title.casefold()):
        service = ctx.catalogue.services[service_id]
        title = escape_outline(service.title)
        pages = ctx.facts.service_pages
        heading = f"[{title}]({pages[service_id]})" if service_id in pages else title
        lines.append(f"## {heading} {{ #{service_id} }}\n")
        lines.append('<div class="cd-numbers" markdown>\n')
        lines.append("| Limit | Value | Changed | Source |\n|---|---|---|---|")
        for limit in by_service[service_id]:
            changed = f"was {escape_outline(limit.was)} until {limit.changed_on}" if limit.changed_on else ""
            source = f"[{_site_of(limit.source)}]({limit.source})"
            lines.append(f'| <span id="{limit.anchor}"></span>{escape_outline(limit.title)} | '
                         f"**{escape_outline(limit.display)}** | {changed} | {source} |")
        lines.append("\n</div>\n")
    return PageSpec(NUMBERS, "Numbers to remember", "numbers", "\n".join(lines))


def _site_of(url: str) -> str:
    """The source's site, as its link text ("docs.aws.amazon.com")."""
    return escape_outline(urlsplit(url).hostname or url)
